/**
 * Lookups from header names to data, matched case-insensitively without lowercasing or hashing the
 * name: a browser's header names are fresh strings on every request, and most of them are ruled
 * out by their length or first letter. The two spellings nearly everyone uses, all lowercase and
 * Title-Case, are compared as whole strings before folding character by character.
 *
 * Two foldings, for the two ways the engine compares names:
 * - `ascii`: only A-Z fold, as asciiLowercase, Chromium's ToLowerASCII and the spec's
 *   byte-lowercase do (request classification);
 * - `lowercase`: as `name.toLowerCase() === entry` for the lowercase ASCII entries (the CORS checks'
 *   header lookups): A-Z fold, and so does the Kelvin sign, the one non-ASCII character whose
 *   lowercase is ASCII (`k`); anything else non-ASCII lowercases to something non-ASCII or longer.
 */
export type Folding = 'ascii' | 'lowercase';

export interface NameTable<V> {
  /** The value stored for the name `name` spells under the table's folding; undefined for any other name. */
  get(name: string): V | undefined;
}

const KELVIN_SIGN = 0x212a;

/** Whether `name` starts with `lower` (lowercase ASCII) once folded. */
export function startsWithFolded(name: string, lower: string, folding: Folding = 'ascii'): boolean {
  if (name.length < lower.length) return false;
  const kelvin = folding === 'lowercase';
  for (let i = 0; i < lower.length; i++) {
    let unit = name.charCodeAt(i);
    if (unit >= 0x41 && unit <= 0x5a) unit += 0x20;
    else if (kelvin && unit === KELVIN_SIGN) unit = 0x6b;
    if (unit !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** `Content-Type` for `content-type`. */
export function titleCase(lower: string): string {
  return lower.replace(/(^|-)[a-z]/g, (start) => start.toUpperCase());
}

/** The first unit of `name`, folded. */
export function foldedFirstUnit(name: string, folding: Folding = 'ascii'): number {
  const unit = name.charCodeAt(0);
  if (unit >= 0x41 && unit <= 0x5a) return unit + 0x20;
  return folding === 'lowercase' && unit === KELVIN_SIGN ? 0x6b : unit;
}

interface Bucket<V> {
  readonly names: string[];
  readonly titles: string[];
  readonly firsts: number[];
  readonly values: V[];
}

/** `entries` are lowercase ASCII names. */
export function createNameTable<V>(entries: Iterable<readonly [string, V]>, folding: Folding = 'ascii'): NameTable<V> {
  const byLength: (Bucket<V> | undefined)[] = [];
  for (const [name, value] of entries) {
    const bucket = (byLength[name.length] ??= { names: [], titles: [], firsts: [], values: [] });
    bucket.names.push(name);
    bucket.titles.push(titleCase(name));
    bucket.firsts.push(name.charCodeAt(0));
    bucket.values.push(value);
  }
  return {
    get(name) {
      const bucket = byLength[name.length];
      if (bucket === undefined) return undefined;
      const first = foldedFirstUnit(name, folding);
      const { names, firsts } = bucket;
      for (let i = 0; i < names.length; i++) {
        if (firsts[i] !== first) continue;
        const lower = names[i] ?? '';
        if (name === lower || name === bucket.titles[i] || startsWithFolded(name, lower, folding)) return bucket.values[i];
      }
      return undefined;
    },
  };
}
