/**
 * The server stack the user picked for fix snippets, remembered across panel openings (and shared
 * with the popup) in the extension origin's localStorage. Storage is injected so tests use a fake.
 */
import { STACKS, type StackId } from '../core/advice';

export const STACK_PREFERENCE_KEY = 'cors-lens.stack';

/** The part of Storage we use; `window.localStorage` fits. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isStackId(value: string | null): value is StackId {
  return value !== null && STACKS.some((s) => s.id === value);
}

/** The remembered stack, or null (never stored, storage unavailable, or an id that no longer exists). */
export function loadStackPreference(store: KeyValueStore | null): StackId | null {
  try {
    const value = store?.getItem(STACK_PREFERENCE_KEY) ?? null;
    return isStackId(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveStackPreference(store: KeyValueStore | null, stack: StackId): void {
  try {
    store?.setItem(STACK_PREFERENCE_KEY, stack);
  } catch {
    // Storage full or disabled: the pick lasts for this session only.
  }
}

/** localStorage when the page has one (it throws in some sandboxed contexts). */
export function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
