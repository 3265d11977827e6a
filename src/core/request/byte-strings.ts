/**
 * Byte-level helpers for header names and values. HTTP compares header names byte-case-insensitively
 * and measures values in bytes, so JavaScript's Unicode-aware toLowerCase and UTF-16 lengths would
 * give wrong answers on non-ASCII input (`'İ'.toLowerCase()` grows; `'é'.length` is 1, its bytes 2).
 */
import { createBoundedMemo } from '../util/bounded-memo';

const NO_HIT = 0;
const ASCII_HIT = 1;
const NOT_ASCII = 2;

/**
 * NO_HIT when `value` is pure ASCII without a code unit in [from, to], ASCII_HIT when it is pure
 * ASCII with one, NOT_ASCII otherwise. These helpers run for every header of every request: a plain
 * scan answers most calls without allocating.
 */
function scanAscii(value: string, from: number, to: number): number {
  let result = NO_HIT;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0x80) return NOT_ASCII;
    if (unit >= from && unit <= to) result = ASCII_HIT;
  }
  return result;
}

/** Lowercase A-Z only, as Chromium's base::ToLowerASCII and the spec's byte-lowercase do. */
export function asciiLowercase(value: string): string {
  const scan = scanAscii(value, 0x41, 0x5a);
  if (scan === NO_HIT) return value;
  // On pure ASCII, toLowerCase changes exactly A-Z; beyond it, it may touch other letters ('İ').
  return scan === ASCII_HIT ? value.toLowerCase() : value.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** Uppercase a-z only (the spec's byte-uppercase). */
export function asciiUppercase(value: string): string {
  const scan = scanAscii(value, 0x61, 0x7a);
  if (scan === NO_HIT) return value;
  return scan === ASCII_HIT ? value.toUpperCase() : value.replace(/[a-z]+/g, (run) => run.toUpperCase());
}

/**
 * asciiLowercase for header names, remembered: a browser sends a few dozen distinct names, spelled
 * the same way on every request, and the classification asks for each name several times.
 */
const LOWER_NAMES = createBoundedMemo<string>(512);

export function lowerHeaderName(name: string): string {
  return LOWER_NAMES.get(name, asciiLowercase);
}

/**
 * Length in bytes once encoded as UTF-8. A value observed through webRequest is the UTF-8 decoding
 * of the bytes on the wire, so this is the byte count Chromium measured (reference §2.3 step 1).
 * Lone surrogates count 3, as TextEncoder would emit U+FFFD (TextEncoder itself is not in ES2022).
 */
export function utf8ByteLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(value.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Orders strings by their UTF-8 bytes, the order of the spec's "sorted" byte sequences and of
 * std::sort on Chromium's std::string. Code point order equals UTF-8 byte order, and iterating a
 * string by code points (for…of) gives exactly that, unlike `<` which compares UTF-16 units.
 */
export function compareBytes(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const shared = Math.min(left.length, right.length);
  for (let i = 0; i < shared; i++) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** Show a value inside a sentence: control bytes escaped, very long values shortened. */
export function displayValue(value: string, max = 60): string {
  let escaped = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    escaped += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  }
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}

/** `0x01`-style name of one byte (or code unit) for explanations. */
export function hexByte(char: string): string {
  return `0x${char.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`;
}
