import { describe, expect, it } from 'vitest';
import { loadStackPreference, saveStackPreference, STACK_PREFERENCE_KEY, type KeyValueStore } from '../../../src/ui/stack-preference';

function memory(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => { data[k] = v; } };
}

const throwing: KeyValueStore = {
  getItem: () => { throw new Error('SecurityError'); },
  setItem: () => { throw new Error('QuotaExceededError'); },
};

describe('stack preference', () => {
  it('round-trips a stack id', () => {
    const store = memory();
    saveStackPreference(store, 'spring');
    expect(store.data[STACK_PREFERENCE_KEY]).toBe('spring');
    expect(loadStackPreference(store)).toBe('spring');
  });

  it.each([
    ['nothing stored', memory()],
    ['an id that no longer exists', memory({ [STACK_PREFERENCE_KEY]: 'cobol' })],
    ['no storage', null],
    ['storage that throws', throwing],
  ])('is null with %s', (_name, store) => {
    expect(loadStackPreference(store)).toBeNull();
  });

  it('never throws when saving fails', () => {
    expect(() => saveStackPreference(throwing, 'express')).not.toThrow();
  });
});
