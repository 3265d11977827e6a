/**
 * The header names the engine's checks ask about, numbered, so a header list can be indexed in one
 * pass: each line is recognised by its length first (most lines of a response match no candidate
 * length), then compared case-insensitively without allocating.
 */
import { trimHeaderValue } from './http-syntax';
import { KELVIN_SIGN, spellsFoldedFrom } from '../util/name-table';


export const KNOWN_HEADER_NAMES = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-expose-headers',
  'access-control-request-headers',
  'vary',
  'cache-control',
  'location',
  'set-cookie',
  'origin',
  'sec-fetch-mode',
  'cookie',
  'if-none-match',
  'if-modified-since',
] as const;

/** The numbers the engine's checks use (positions in KNOWN_HEADER_NAMES). */
export const KNOWN = {
  allowOrigin: 0,
  allowCredentials: 1,
  allowMethods: 2,
  allowHeaders: 3,
  maxAge: 4,
  exposeHeaders: 5,
  requestHeaders: 6,
  vary: 7,
  cacheControl: 8,
  location: 9,
  setCookie: 10,
  origin: 11,
  secFetchMode: 12,
  cookie: 13,
  ifNoneMatch: 14,
  ifModifiedSince: 15,
} as const satisfies Record<string, number>;

export type KnownHeaderName = (typeof KNOWN_HEADER_NAMES)[number];

const NAMES: readonly string[] = KNOWN_HEADER_NAMES;

export const KNOWN_HEADER_COUNT = KNOWN_HEADER_NAMES.length;
// HeaderIndex keeps one bit per known name in a 32-bit integer.
if (KNOWN_HEADER_COUNT > 31) throw new Error('too many known header names for a bit set');

/** Number of each known name (its position in KNOWN_HEADER_NAMES). */
export const KNOWN_HEADER_ID: ReadonlyMap<string, number> = new Map(KNOWN_HEADER_NAMES.map((name, id) => [name, id]));

/**
 * The two spellings nearly every server and browser use: all lowercase (HTTP/2 and 3 require it)
 * and Title-Case. Comparing whole strings is far cheaper than folding character by character, so
 * those are tried first.
 */
const TITLE_CASE: readonly string[] = KNOWN_HEADER_NAMES.map((name) => name.replace(/(^|-)[a-z]/g, (start) => start.toUpperCase()));

/**
 * Candidates by length and first letter, at `length * 32 + (letter & 31)`: at most two known names
 * share both (Access-Control-Allow-Methods and -Headers). Every known name starts with a-z, which
 * only A-Z and a-z fold to (the Kelvin sign folds to `k`, and no known name starts with `k`), so a
 * name whose first unit is anything else is no known name.
 */
const LONGEST = Math.max(...KNOWN_HEADER_NAMES.map((name) => name.length));
const FIRST_CANDIDATE = new Int8Array((LONGEST + 1) * 32).fill(-1);
const SECOND_CANDIDATE = new Int8Array((LONGEST + 1) * 32).fill(-1);
KNOWN_HEADER_NAMES.forEach((name, id) => {
  const slot = name.length * 32 + (name.charCodeAt(0) & 31);
  if (FIRST_CANDIDATE[slot] === -1) FIRST_CANDIDATE[slot] = id;
  else if (SECOND_CANDIDATE[slot] === -1) SECOND_CANDIDATE[slot] = id;
  else throw new Error(`three known header names of length ${name.length} start with ${name[0] ?? ''}`);
});

/** The unit at `i` of `name`, folded as toLowerCase folds it into ASCII. */
function foldedUnit(name: string, i: number): number {
  const unit = name.charCodeAt(i);
  if (unit >= 0x41 && unit <= 0x5a) return unit + 0x20;
  return unit === KELVIN_SIGN ? 0x6b : unit;
}

/**
 * Whether `name` spells `lower` from its second character on (the first was matched by its slot),
 * folded as isAsciiHeaderNamed folds (the caller guarantees equal lengths).
 */
function spellsRest(name: string, lower: string): boolean {
  return spellsFoldedFrom(name, lower, 1);
}

/** The number of the known name `name` spells in any case (as toLowerCase would fold it); -1 for any other name. */
export function knownHeaderId(name: string): number {
  const length = name.length;
  if (length > LONGEST || length === 0) return -1;
  const first = name.charCodeAt(0);
  if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a))) return -1;
  const slot = length * 32 + (first & 31);
  const a = FIRST_CANDIDATE[slot] ?? -1;
  if (a < 0) return -1;
  if (spells(name, a)) return a;
  const b = SECOND_CANDIDATE[slot] ?? -1;
  return b >= 0 && spells(name, b) ? b : -1;
}

/** Whether `name` (of the right length and first letter) spells known name `id` in any case. */
function spells(name: string, id: number): boolean {
  const lower = NAMES[id] ?? '';
  // Near misses (Sec-Fetch-Site for sec-fetch-mode) mostly differ at the end: look there first.
  const last = lower.length - 1;
  if (foldedUnit(name, last) !== lower.charCodeAt(last) || foldedUnit(name, last - 1) !== lower.charCodeAt(last - 1)) return false;
  // Then the two usual spellings (comparing whole strings is cheaper than folding), then any other.
  return name === TITLE_CASE[id] || name === lower || spellsRest(name, lower);
}

/**
 * The first line of known name `id` in `headers`, trimmed, without indexing the list (for a list
 * asked one question: a preflight request and its Access-Control-Request-Headers).
 */
export function firstLineOf(headers: readonly { readonly name: string; readonly value: string }[], id: number): string | null {
  const length = NAMES[id]?.length ?? -1;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i];
    if (header === undefined || header.name.length !== length || knownHeaderId(header.name) !== id) continue;
    return trimHeaderValue(header.value);
  }
  return null;
}
