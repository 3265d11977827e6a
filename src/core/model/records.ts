/**
 * The state keeps Records, not Maps: it is persisted as JSON (storage.session) and must survive a
 * round-trip unchanged. This is the one place that writes keys into a tab's `inflight` and
 * `preflights` Records and removes keys from any Record.
 *
 * Pairing searches those two Records on every request and preflight; `for…in` over an object whose
 * keys come and go makes V8 collect and sort the keys each time. So each Record written through
 * here gets a Map shadow (not persisted, built from the Record the first time it is searched, e.g.
 * after a restore) that `entriesOf` iterates instead. Writes that bypass setKey/removeKey would
 * leave the shadow stale: there are none, keep it so.
 */
const SHADOWS = new WeakMap<object, Map<string, unknown>>();

export function setKey<T>(record: Record<string, T>, key: string, value: T): void {
  record[key] = value;
  SHADOWS.get(record)?.set(key, value);
}

export function removeKey(record: Record<string, unknown>, key: string): void {
  Reflect.deleteProperty(record, key);
  SHADOWS.get(record)?.delete(key);
}

/** The Record's entries. Integer-like keys (webRequest's requestIds) are NOT in `for…in`'s numeric order: see forInFirst. */
export function entriesOf<T>(record: Record<string, T>): IterableIterator<[string, T]> {
  let shadow = SHADOWS.get(record) as Map<string, T> | undefined;
  if (shadow === undefined) {
    shadow = new Map(Object.entries(record));
    SHADOWS.set(record, shadow);
  }
  return shadow.entries();
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

function isArrayIndex(key: string): boolean {
  return ARRAY_INDEX.test(key) && Number(key) < 4294967295;
}

/**
 * Whether key `a` comes before key `b` in `for…in` order: array-index keys first, ascending, then
 * the others in insertion order (`aFirstInserted`: whether `a` was inserted before `b`).
 */
export function forInBefore(a: string, b: string, aFirstInserted: boolean): boolean {
  const aIndex = isArrayIndex(a);
  const bIndex = isArrayIndex(b);
  if (aIndex && bIndex) return Number(a) < Number(b);
  if (aIndex !== bIndex) return aIndex;
  return aFirstInserted;
}
