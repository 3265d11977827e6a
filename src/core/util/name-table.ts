/**
 * Lookups from header names to data, matched case-insensitively without lowercasing or hashing the
 * name: a browser's header names are fresh strings on every request. Entries are filed by length
 * and first letter, so most names are ruled out by two array reads; the two spellings nearly
 * everyone uses, all lowercase and Title-Case, are then compared as whole strings, and only other
 * spellings are folded character by character.
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

/** U+212A folds to ASCII `k` under toLowerCase: the one non-ASCII unit header-name folding must know. */
export const KELVIN_SIGN = 0x212a;

/** Whether `name` starts with `lower` (lowercase ASCII) once folded. */
export function startsWithFolded(name: string, lower: string, folding: Folding = 'ascii'): boolean {
  return folding === 'ascii' ? startsWithAsciiFolded(name, lower) : startsWithLowercased(name, lower);
}

/** startsWithFolded for the `ascii` folding (a function of its own: it runs for most header lines). */
export function startsWithAsciiFolded(name: string, lower: string): boolean {
  const length = lower.length;
  if (name.length < length) return false;
  for (let i = 0; i < length; i++) {
    let unit = name.charCodeAt(i);
    if (unit >= 0x41 && unit <= 0x5a) unit += 0x20;
    if (unit !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** startsWithFolded for the `lowercase` folding. */
export function startsWithLowercased(name: string, lower: string): boolean {
  return name.length >= lower.length && spellsFoldedFrom(name, lower, 0);
}

/**
 * Whether `name`, from unit `from` to `lower`'s end, spells `lower` as toLowerCase folds a header
 * name: ASCII letters, and the Kelvin sign to `k` (the one non-ASCII unit whose lowercase is ASCII).
 * The caller guarantees `name` is at least as long as `lower`.
 */
export function spellsFoldedFrom(name: string, lower: string, from: number): boolean {
  for (let i = from; i < lower.length; i++) {
    let unit = name.charCodeAt(i);
    if (unit >= 0x41 && unit <= 0x5a) unit += 0x20;
    else if (unit === KELVIN_SIGN) unit = 0x6b;
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
  return foldedUnit(name.charCodeAt(0), folding);
}

/** The slot of a name of this length whose folded first unit is `first`; -1 when no entry can be there. */
function slotOf(length: number, first: number, longest: number): number {
  if (length > longest || first < 0x61 || first > 0x7a) return -1;
  return length * 26 + (first - 0x61);
}

/** The unit `unit` as the folding folds it (entries are lowercase ASCII, so this is all a match needs). */
function foldedUnit(unit: number, folding: Folding): number {
  if (unit >= 0x41 && unit <= 0x5a) return unit + 0x20;
  return folding === 'lowercase' && unit === KELVIN_SIGN ? 0x6b : unit;
}

/**
 * `entries` are lowercase ASCII names, each starting with a letter.
 *
 * Entries are filed by slot (length and first letter) as chains through two typed arrays (the first
 * entry of each slot, the next entry of the same slot), not as an array of arrays: a lookup reads
 * two numbers before it compares anything. A candidate whose last letter differs from the name's,
 * folded, is passed over (near misses share a length and a first letter more often than an end).
 * Entries are distinct after folding, so at most one candidate can match, in whatever order they
 * are tried.
 */
export function createNameTable<V>(entries: Iterable<readonly [string, V]>, folding: Folding = 'ascii'): NameTable<V> {
  const list = [...entries];
  const longest = Math.max(0, ...list.map(([name]) => name.length));
  const firstInSlot = new Int16Array((longest + 1) * 26).fill(-1);
  const nextInSlot = new Int16Array(list.length).fill(-1);
  const lastInSlot = new Int16Array((longest + 1) * 26).fill(-1);
  const names: string[] = [];
  const titles: string[] = [];
  const lastUnits: number[] = [];
  const values: V[] = [];
  for (const [name, value] of list) {
    const slot = slotOf(name.length, name.charCodeAt(0), longest);
    if (slot < 0 || name !== name.toLowerCase()) throw new Error(`name table entry ${name} must be lowercase and start with a letter`);
    const at = names.length;
    const last = lastInSlot[slot] ?? -1;
    if (last < 0) firstInSlot[slot] = at;
    else nextInSlot[last] = at;
    lastInSlot[slot] = at;
    names.push(name);
    titles.push(titleCase(name));
    lastUnits.push(name.charCodeAt(name.length - 1));
    values.push(value);
  }
  const ascii = folding === 'ascii';
  return {
    get(name) {
      const length = name.length;
      if (length === 0 || length > longest) return undefined;
      const first = foldedUnit(name.charCodeAt(0), folding);
      if (first < 0x61 || first > 0x7a) return undefined;
      const lastUnit = foldedUnit(name.charCodeAt(length - 1), folding);
      for (let at = firstInSlot[length * 26 + (first - 0x61)] ?? -1; at >= 0; at = nextInSlot[at] ?? -1) {
        if (lastUnits[at] !== lastUnit) continue;
        // The two usual spellings compare as whole strings (cheaper than folding), then any other.
        const lower = names[at] ?? '';
        if (name === lower || name === titles[at] || (ascii ? startsWithAsciiFolded(name, lower) : startsWithLowercased(name, lower))) return values[at];
      }
      return undefined;
    },
  };
}
