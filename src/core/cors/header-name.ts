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
const KELVIN_SIGN = 0x212a;

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
  const length = name.length;
  if (length !== lowerAscii.length) return false;
  for (let i = 0; i < length; i++) {
    let unit = name.charCodeAt(i);
    if (unit >= 0x41 && unit <= 0x5a) unit += 0x20;
    else if (unit === KELVIN_SIGN) unit = 0x6b;
    if (unit !== lowerAscii.charCodeAt(i)) return false;
  }
  return true;
}
