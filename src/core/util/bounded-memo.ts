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
  // The same key often comes twice in a row (one page's initiator, one server's header value):
  // a string comparison answers that without hashing the key for the map.
  let lastKey: string | null = null;
  let lastValue: V | undefined;
  return {
    get(key, compute) {
      if (key === lastKey) return lastValue as V;
      const hit = entries.get(key);
      const value = hit !== undefined || entries.has(key) ? (hit as V) : remember(key, compute(key));
      lastKey = key;
      lastValue = value;
      return value;
    },
  };

  function remember(key: string, value: V): V {
    if (entries.size >= limit) entries = new Map();
    entries.set(key, value);
    return value;
  }
}
