/**
 * Whether a value is plain JSON: the verdicts, events and reports CORS Lens stores in
 * storage.session and exports must survive JSON unchanged. Cheaper than a deep round-trip compare
 * on megabytes of hostile headers.
 */

/** Every place a non-JSON value (NaN, Infinity, a function, a Map, a class instance) would be lost or changed by JSON. */
export function jsonProblems(value: unknown, path = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => jsonProblems(item, `${path}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([key, item]) => jsonProblems(item, `${path}.${key}`));
  }
  return [`${path} is a ${typeof value} (${Object.prototype.toString.call(value)})`];
}

