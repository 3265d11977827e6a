/**
 * A lookup from header names to data, matched ASCII-case-insensitively (only A-Z fold, as
 * asciiLowercase, Chromium's ToLowerASCII and the spec's byte-lowercase do) without lowercasing or
 * hashing the name: a browser's header names are fresh strings on every request, and most of them
 * are ruled out by their length or first letter.
 */
export interface AsciiNameTable<V> {
  /** The value stored for the name `name` spells in any ASCII case; undefined for any other name. */
  get(name: string): V | undefined;
}

/** Whether `name` equals `lower` (lowercase ASCII) once A-Z are lowercased, over `lower`'s length. */
export function startsWithAsciiFolded(name: string, lower: string): boolean {
  if (name.length < lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let unit = name.charCodeAt(i);
    if (unit >= 0x41 && unit <= 0x5a) unit += 0x20;
    if (unit !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** `entries` are lowercase ASCII names. */
export function createAsciiNameTable<V>(entries: Iterable<readonly [string, V]>): AsciiNameTable<V> {
  const byLength: { names: string[]; values: V[] }[] = [];
  for (const [name, value] of entries) {
    const bucket = (byLength[name.length] ??= { names: [], values: [] });
    bucket.names.push(name);
    bucket.values.push(value);
  }
  return {
    get(name) {
      const bucket = byLength[name.length];
      if (bucket === undefined) return undefined;
      const { names, values } = bucket;
      for (let i = 0; i < names.length; i++) {
        if (startsWithAsciiFolded(name, names[i] ?? '')) return values[i];
      }
      return undefined;
    },
  };
}
