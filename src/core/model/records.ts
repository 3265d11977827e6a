/**
 * The Records of the model state (listed transactions, tabs, the preflight-cache model) are
 * persisted as JSON; their keys change rarely enough for plain objects. The high-churn bookkeeping
 * (requests in flight, preflights) lives in Maps instead (state.ts).
 */

export function removeKey(record: Record<string, unknown>, key: string): void {
  Reflect.deleteProperty(record, key);
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

function isArrayIndex(key: string): boolean {
  return ARRAY_INDEX.test(key) && Number(key) < 4294967295;
}

/**
 * Whether key `a` comes before key `b` in `for…in` order: array-index keys first, ascending, then
 * the others in insertion order (`aFirstInserted`: whether `a` was inserted before `b`). Pairing
 * keeps the order the model had when `preflights` was a Record (recorded fixtures depend on it).
 */
export function forInBefore(a: string, b: string, aFirstInserted: boolean): boolean {
  const aIndex = isArrayIndex(a);
  const bIndex = isArrayIndex(b);
  if (aIndex && bIndex) return Number(a) < Number(b);
  if (aIndex !== bIndex) return aIndex;
  return aFirstInserted;
}
