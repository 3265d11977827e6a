/**
 * A shortcut past the WHATWG URL parser for the URLs a page's requests and CORS headers nearly
 * always are: `http(s)://` + a lowercase host + an optional port, then a path, query or fragment.
 * Request URLs are unique (a nonce, an id), so no memo helps them whole, and `new URL` costs a fifth
 * of the engine's per-request budget. Their origins repeat, though: the authority (`http(s)://`
 * up to the first `/`, `?` or `#`) is read once per distinct spelling and remembered (HttpOrigin),
 * so a request URL costs a scan for the end of its authority and a lookup. Whatever the rest of the
 * URL holds cannot make a special URL fail to parse (its path, query and fragment states never
 * fail), and the parser is still called on demand for `href` and the path parts.
 *
 * Anything this file is not certain about (uppercase, percent signs, user info, IDNA `xn--`
 * labels, hosts that end in a number other than a canonical dotted quad, ports out of range, tabs
 * or newlines in the authority, a backslash) returns null, and the caller takes the WHATWG parser:
 * the shortcut only ever answers what the parser would (a property test compares the two).
 */
import type { WhatwgUrl } from './whatwg-url';
import { createBoundedMemo } from '../util/bounded-memo';

type UrlConstructor = new (input: string) => WhatwgUrl;

const UrlClass = (globalThis as unknown as { readonly URL: UrlConstructor }).URL;

/** What an authority this shortcut is sure of tells about every URL written with it (shared, only ever read). */
interface HttpOrigin {
  readonly protocol: 'http:' | 'https:';
  readonly hostname: string;
  /** '' when absent or the scheme's default. */
  readonly port: string;
  /** The port as a number; null when `port` is ''. */
  readonly portNumber: number | null;
  /** `scheme://host[:port]`: the authority itself where it is written that way (a flat string, cheap to compare). */
  readonly serializedOrigin: string;
  /** The authority is written as the parser writes it (no default or zero-padded port, no empty port after a colon). */
  readonly writtenAsSerialized: boolean;
}

/** A parsed http(s) URL whose origin parts are known; the rest comes from the real parser on first use. */
class HttpUrl implements WhatwgUrl {
  private parsed: WhatwgUrl | null = null;

  constructor(
    private readonly input: string,
    readonly origin: HttpOrigin,
  ) {}

  get username(): string {
    return '';
  }

  get password(): string {
    return '';
  }

  get protocol(): string {
    return this.origin.protocol;
  }

  get hostname(): string {
    return this.origin.hostname;
  }

  get port(): string {
    return this.origin.port;
  }

  private get full(): WhatwgUrl {
    return (this.parsed ??= new UrlClass(this.input));
  }

  /** href is the input itself when the authority and the rest are written as the parser writes them (checked on demand: most URLs are never asked). */
  get href(): string {
    const origin = this.origin;
    return origin.writtenAsSerialized && isSerializedTail(this.input, origin.serializedOrigin.length) ? this.input : this.full.href;
  }

  get pathname(): string {
    return this.full.pathname;
  }

  get search(): string {
    return this.full.search;
  }

  get hash(): string {
    return this.full.hash;
  }
}

const SLASH = 0x2f;
const QUESTION = 0x3f;
const HASH = 0x23;
const COLON = 0x3a;
const DOT = 0x2e;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The value of the ASCII digits `input.slice(start, end)` (at most a few). */
function decimalValue(input: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (input.charCodeAt(i) - 0x30);
  return value;
}

/** Four decimal parts of 0-255 without leading zeros: the IPv4 parser's output is then the input. */
function isCanonicalDottedQuad(input: string, start: number, end: number): boolean {
  let parts = 0;
  let i = start;
  while (i <= end) {
    let j = i;
    while (j < end && isDigit(input.charCodeAt(j))) j++;
    const length = j - i;
    if (length === 0 || length > 3 || (length > 1 && input.charCodeAt(i) === 0x30)) return false;
    if (length === 3 && decimalValue(input, i, j) > 255) return false;
    parts++;
    if (j === end) break;
    if (input.charCodeAt(j) !== DOT) return false;
    i = j + 1;
  }
  return parts === 4;
}

/** Whether the label `input.slice(start, end)` is one the IPv4 parser takes as a number (all digits, or `0x…`). */
function isNumericLabel(input: string, start: number, end: number, digitsOnly: boolean): boolean {
  if (end === start) return false;
  return digitsOnly || (end - start >= 2 && input.charCodeAt(start) === 0x30 && input.charCodeAt(start + 1) === 0x78);
}

/** Where the scheme's `//` ends (7 for http, 8 for https); 0 when the input starts with neither, exactly. */
function hostStartOf(input: string): number {
  if (input.charCodeAt(0) !== 0x68 || input.charCodeAt(1) !== 0x74 || input.charCodeAt(2) !== 0x74 || input.charCodeAt(3) !== 0x70) return 0;
  const secure = input.charCodeAt(4) === 0x73;
  const colon = secure ? 5 : 4;
  if (input.charCodeAt(colon) !== COLON || input.charCodeAt(colon + 1) !== SLASH || input.charCodeAt(colon + 2) !== SLASH) return 0;
  return colon + 3;
}

/** Where the authority that starts at `hostStart` ends: the first `/`, `?` or `#`, else the input's end. */
function authorityEndOf(input: string, hostStart: number): number {
  const length = input.length;
  for (let i = hostStart; i < length; i++) {
    const c = input.charCodeAt(i);
    if (c === SLASH || c === QUESTION || c === HASH) return i;
  }
  return length;
}

/** Authorities by spelling: a page's requests go to the same few origins. */
const ORIGINS = createBoundedMemo<HttpOrigin | null>(256);

/** A parsed URL when `input` is an http(s) URL this shortcut is sure of; null to use the WHATWG parser. */
export function parseHttpUrlFast(input: string): WhatwgUrl | null {
  const hostStart = hostStartOf(input);
  if (hostStart === 0) return null;
  const origin = ORIGINS.get(input.slice(0, authorityEndOf(input, hostStart)), readAuthority);
  return origin === null ? null : new HttpUrl(input, origin);
}

/**
 * The origin of an authority (`http(s)://` up to the path, query or fragment), or null when the
 * shortcut is not sure of it. One pass over the host checks what the parser would do to it: only
 * lowercase letters, digits, hyphens and dots (which the IDNA step leaves alone), no empty label,
 * no label starting `xn--` (Punycode, which the parser validates), and a last label that is not a
 * number unless the whole host is a canonical dotted quad (anything else the IPv4 parser would
 * rewrite or reject). Then an optional port: digits only.
 */
function readAuthority(authority: string): HttpOrigin | null {
  const hostStart = hostStartOf(authority);
  const secure = hostStart === 8;
  const length = authority.length;
  let hostEnd = hostStart;
  let labelStart = hostStart;
  let labelDigitsOnly = true;
  let previousLabelNumeric = false;
  for (; hostEnd < length; hostEnd++) {
    const c = authority.charCodeAt(hostEnd);
    if (c >= 0x61 && c <= 0x7a) {
      labelDigitsOnly = false;
    } else if (c >= 0x30 && c <= 0x39) {
      // digits keep the label numeric
    } else if (c === DOT) {
      if (hostEnd === labelStart) return null;
      previousLabelNumeric = isNumericLabel(authority, labelStart, hostEnd, labelDigitsOnly);
      labelStart = hostEnd + 1;
      labelDigitsOnly = true;
    } else if (c === 0x2d) {
      labelDigitsOnly = false;
      // A label starting `xn--` must be valid Punycode: the parser's business.
      if (hostEnd === labelStart + 3 && authority.charCodeAt(labelStart) === 0x78 && authority.charCodeAt(labelStart + 1) === 0x6e && authority.charCodeAt(labelStart + 2) === 0x2d) {
        return null;
      }
    } else if (c === COLON) {
      break;
    } else {
      return null;
    }
  }
  if (hostEnd === hostStart) return null;
  // The last label, or the one before a trailing dot, decides whether the host ends in a number.
  const endsInNumber = labelStart === hostEnd ? previousLabelNumeric : isNumericLabel(authority, labelStart, hostEnd, labelDigitsOnly);
  if (endsInNumber && !isCanonicalDottedQuad(authority, hostStart, hostEnd)) return null;

  let port = '';
  let portNumber: number | null = null;
  if (hostEnd < length) {
    // Past the colon, only the port's digits may follow.
    for (let i = hostEnd + 1; i < length; i++) if (!isDigit(authority.charCodeAt(i))) return null;
    const digits = length - hostEnd - 1;
    if (digits > 5) return null;
    if (digits > 0) {
      const value = decimalValue(authority, hostEnd + 1, length);
      if (value > 65535) return null;
      if (value !== (secure ? 443 : 80)) {
        port = String(value);
        portNumber = value;
      }
    }
  }
  const protocol = secure ? 'https:' : 'http:';
  const hostname = authority.slice(hostStart, hostEnd);
  const writtenAsSerialized = port === '' ? hostEnd === length : length - hostEnd - 1 === port.length;
  const serializedOrigin = writtenAsSerialized ? authority : port === '' ? authority.slice(0, hostEnd) : `${protocol}//${hostname}:${port}`;
  return Object.freeze({ protocol, hostname, port, portNumber, serializedOrigin, writtenAsSerialized });
}

/** Characters the parser leaves alone in a path, a query, a fragment (a conservative subset of each). */
const PATH_SAFE = new Uint8Array(128);
const QUERY_SAFE = new Uint8Array(128);
const FRAGMENT_SAFE = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) {
  const unit = String.fromCharCode(c);
  // Percent signs could spell a dot segment (`%2e`), backslashes are slashes in http(s) URLs, and
  // the rest is percent-encoded somewhere (or was, in some version of the URL standard).
  const everywhere = !['"', '<', '>', '`', '\\', "'", '^', '%'].includes(unit);
  PATH_SAFE[c] = everywhere && !'{}?#'.includes(unit) ? 1 : 0;
  QUERY_SAFE[c] = everywhere && unit !== '#' ? 1 : 0;
  FRAGMENT_SAFE[c] = everywhere ? 1 : 0;
}

/** Whether the path segment `input.slice(start, end)` is `.` or `..`, which the parser removes. */
function isDotSegment(input: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 1) return input.charCodeAt(start) === DOT;
  return length === 2 && input.charCodeAt(start) === DOT && input.charCodeAt(start + 1) === DOT;
}

/**
 * Whether the path, query and fragment from `from` on are exactly what the parser would write back:
 * a path that starts with `/`, holds no dot segment and only characters no version of the parser
 * percent-encodes or rewrites, then the same for the query and the fragment. Anything else (even
 * when the parser would in fact keep it) is left to the parser.
 */
function isSerializedTail(input: string, from: number): boolean {
  const length = input.length;
  if (from >= length || input.charCodeAt(from) !== SLASH) return false;
  let i = from + 1;
  let segmentStart = i;
  for (; i < length; i++) {
    const c = input.charCodeAt(i);
    if (c === SLASH) {
      if (isDotSegment(input, segmentStart, i)) return false;
      segmentStart = i + 1;
    } else if (c === QUESTION || c === HASH) {
      break;
    } else if (c >= 128 || PATH_SAFE[c] !== 1) {
      return false;
    }
  }
  if (isDotSegment(input, segmentStart, i)) return false;
  if (i < length && input.charCodeAt(i) === QUESTION) {
    for (i++; i < length; i++) {
      const c = input.charCodeAt(i);
      if (c === HASH) break;
      if (c >= 128 || QUERY_SAFE[c] !== 1) return false;
    }
  }
  for (i++; i < length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 128 || FRAGMENT_SAFE[c] !== 1) return false;
  }
  return true;
}

/** The serialized origin of a URL the shortcut parsed (shared by every URL of that authority); null for any other URL. */
export function serializedOriginOf(url: WhatwgUrl): string | null {
  return url instanceof HttpUrl ? url.origin.serializedOrigin : null;
}

/** The explicit port of a URL the shortcut parsed as a number (null when absent or default); undefined for any other URL. */
export function portNumberOf(url: WhatwgUrl): number | null | undefined {
  return url instanceof HttpUrl ? url.origin.portNumber : undefined;
}
