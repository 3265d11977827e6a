/**
 * A memo for pure functions of a string, bounded so it cannot grow with the traffic it sees. The
 * engine runs for every request of every tab, and a page repeats itself: the same initiator, the
 * same Access-Control-Allow-Origin values, the same header sets. When full it simply starts over,
 * which keeps every operation O(1) and the hot entries come back within a few calls.
 *
 * Only for values nobody mutates (the engine's results are read-only data).
 */
export interface BoundedMemo<V> {
  get(key: string, compute: (key: string) => V): V;
}

export function createBoundedMemo<V>(limit: number): BoundedMemo<V> {
  let entries = new Map<string, V>();
  return {
    get(key, compute) {
      const hit = entries.get(key);
      if (hit !== undefined || entries.has(key)) return hit as V;
      const value = compute(key);
      if (entries.size >= limit) entries = new Map();
      entries.set(key, value);
      return value;
    },
  };
}
