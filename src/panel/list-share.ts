/**
 * How much of the panel's width the request list takes while a detail is open, as a percentage:
 * remembered across panel openings (like DevTools' own splitters), clamped so neither side can be
 * dragged out of sight. Pure; storage is injected.
 */
import type { KeyValueStore } from '../ui/stack-preference';

export const LIST_SHARE_KEY = 'cors-lens.list-share';
export const DEFAULT_LIST_SHARE = 38;
export const MIN_LIST_SHARE = 15;
export const MAX_LIST_SHARE = 85;
/** One arrow key press; Shift+arrow moves five times as far. */
export const LIST_SHARE_STEP = 2;

export function clampListShare(share: number): number {
  if (!Number.isFinite(share)) return DEFAULT_LIST_SHARE;
  return Math.round(Math.min(MAX_LIST_SHARE, Math.max(MIN_LIST_SHARE, share)) * 10) / 10;
}

/** The share a pointer at `clientX` asks for, inside a split spanning `left`..`left + width`. */
export function shareAtPointer(clientX: number, left: number, width: number): number {
  return width <= 0 ? DEFAULT_LIST_SHARE : clampListShare(((clientX - left) / width) * 100);
}

/** The share after a key on the separator, or null for keys it does not handle (WAI-ARIA splitter keys). */
export function shareAfterKey(share: number, key: string, shift: boolean): number | null {
  const step = shift ? LIST_SHARE_STEP * 5 : LIST_SHARE_STEP;
  switch (key) {
    case 'ArrowLeft':
      return clampListShare(share - step);
    case 'ArrowRight':
      return clampListShare(share + step);
    case 'Home':
      return MIN_LIST_SHARE;
    case 'End':
      return MAX_LIST_SHARE;
    case 'Enter':
      return DEFAULT_LIST_SHARE;
    default:
      return null;
  }
}

export function loadListShare(store: KeyValueStore | null): number {
  try {
    const raw = store?.getItem(LIST_SHARE_KEY) ?? null;
    return raw === null ? DEFAULT_LIST_SHARE : clampListShare(Number(raw));
  } catch {
    return DEFAULT_LIST_SHARE;
  }
}

export function saveListShare(store: KeyValueStore | null, share: number): void {
  try {
    store?.setItem(LIST_SHARE_KEY, String(clampListShare(share)));
  } catch {
    // Storage full or disabled: the width lasts for this session only.
  }
}
