/**
 * HTTP syntax the CORS checks rely on: tokens (RFC 9110 tchar, Chromium's net::HttpUtil::IsToken),
 * whitespace trimming, and the comma-separated token lists of Access-Control-Allow-Methods,
 * -Allow-Headers and -Expose-Headers (reference §4.3, §6).
 */

import { createBoundedMemo } from '../util/bounded-memo';

/** tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA */
const TOKEN_CHAR = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) TOKEN_CHAR[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) TOKEN_CHAR[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) TOKEN_CHAR[c] = 1;
for (const c of "!#$%&'*+-.^_`|~") TOKEN_CHAR[c.charCodeAt(0)] = 1;

export function isHttpToken(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Bytes >= 0x7F are never token characters.
    if (c >= 128 || TOKEN_CHAR[c] !== 1) return false;
  }
  return true;
}

/** Space and tab: what HTTP strips around a header value (Chromium's HttpUtil::TrimLWS). */
function isLinearWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** ASCII whitespace: what Chromium's base::TRIM_WHITESPACE strips around list elements. */
function isAsciiWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function trimBy(value: string, isSpace: (c: number) => boolean): string {
  let start = 0;
  let end = value.length;
  while (start < end && isSpace(value.charCodeAt(start))) start++;
  while (end > start && isSpace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

export function trimHeaderValue(value: string): string {
  // Most values have nothing to trim: answer that without the general walk (this runs per header line).
  const last = value.length - 1;
  if (last < 0 || (!isLinearWhitespace(value.charCodeAt(0)) && !isLinearWhitespace(value.charCodeAt(last)))) return value;
  return trimBy(value, isLinearWhitespace);
}

/**
 * Reference §4.3: split on commas, trim each element, skip empty ones (`GET,,PUT`, a leading comma);
 * any element that is not a token fails the whole list (null). Chromium keeps methods case-preserved
 * and lowercases header names, hence `lowercase`.
 */
export function parseTokenList(value: string, lowercase: boolean): string[] | null {
  const tokens: string[] = [];
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf(',', start);
    if (end === -1) end = value.length;
    const element = trimBy(value.slice(start, end), isAsciiWhitespace);
    if (element !== '') {
      if (!isHttpToken(element)) return null;
      tokens.push(lowercase ? element.toLowerCase() : element);
    }
    start = end + 1;
  }
  return tokens;
}

/**
 * parseTokenList, remembered by value: a server answers with the same Access-Control-Allow-Methods,
 * -Allow-Headers, -Expose-Headers and Vary values request after request. The lists are frozen
 * (shared between verdicts, only ever read); a property test holds them to parseTokenList.
 */
export function tokenListOf(value: string, lowercase: boolean): readonly string[] | null {
  return (lowercase ? LOWERCASED_LISTS : LISTS).get(value, lowercase ? parseLowercased : parseAsWritten);
}

const LISTS = createBoundedMemo<readonly string[] | null>(256);
const LOWERCASED_LISTS = createBoundedMemo<readonly string[] | null>(256);

function parseAsWritten(value: string): readonly string[] | null {
  const tokens = parseTokenList(value, false);
  return tokens === null ? null : Object.freeze(tokens);
}

function parseLowercased(value: string): readonly string[] | null {
  const tokens = parseTokenList(value, true);
  return tokens === null ? null : Object.freeze(tokens);
}
