/**
 * `name.toLowerCase() === lower`, without allocating: the engine asks this for every header of
 * every request, and webRequest spells names in mixed case (`Sec-Fetch-Mode`).
 *
 * Exact for the ASCII `lower` the engine always passes. For those, toLowerCase can only match
 * character by character: lowercasing never shortens a string, the one character it lengthens
 * (U+0130) yields a non-ASCII result, and the one non-ASCII character whose lowercase is ASCII is
 * the Kelvin sign (U+212A → `k`), handled below (checked over every code point). Any other `lower`
 * takes toLowerCase itself.
 */

import { spellsFoldedFrom } from '../util/name-table';

let lastQuery = '';
let lastQueryIsAscii = true;

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function isHeaderNamed(name: string, lower: string): boolean {
  if (lower !== lastQuery) {
    lastQuery = lower;
    lastQueryIsAscii = isAscii(lower);
  }
  return lastQueryIsAscii ? isAsciiHeaderNamed(name, lower) : name.toLowerCase() === lower;
}

/** isHeaderNamed for a `lowerAscii` the caller knows is lowercase ASCII (the engine's own constants). */
export function isAsciiHeaderNamed(name: string, lowerAscii: string): boolean {
  return name.length === lowerAscii.length && spellsFoldedFrom(name, lowerAscii, 0);
}
