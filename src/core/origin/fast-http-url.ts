/**
 * A shortcut past the WHATWG URL parser for the URLs a page's requests and CORS headers nearly
 * always are: `http(s)://` + a lowercase host + an optional port, then a path, query or fragment.
 * Request URLs are unique (a nonce, an id), so no memo helps them, and `new URL` costs a fifth of
 * the engine's per-request budget. The origin parts are read straight off the string; whatever the
 * rest of the URL holds cannot make a special URL fail to parse (its path, query and fragment
 * states never fail), and the parser is still called on demand for `href` and the path parts.
 *
 * Anything this file is not certain about (uppercase, percent signs, user info, IDNA `xn--`
 * labels, hosts that end in a number other than a canonical dotted quad, ports out of range, tabs
 * or newlines in the authority, a backslash) returns null, and the caller takes the WHATWG parser:
 * the shortcut only ever answers what the parser would (a property test compares the two).
 */
import type { WhatwgUrl } from './whatwg-url';

type UrlConstructor = new (input: string) => WhatwgUrl;

const UrlClass = (globalThis as unknown as { readonly URL: UrlConstructor }).URL;

/** A parsed http(s) URL whose origin parts are known; the rest comes from the real parser on first use. */
class HttpUrl implements WhatwgUrl {
  readonly username = '';
  readonly password = '';
  private parsed: WhatwgUrl | null = null;

  constructor(
    private readonly input: string,
    readonly protocol: string,
    readonly hostname: string,
    readonly port: string,
  ) {}

  private get full(): WhatwgUrl {
    return (this.parsed ??= new UrlClass(this.input));
  }

  get href(): string {
    return this.full.href;
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

function isLowerAlnumOrHyphen(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * WHATWG's "ends in a number" for the host `input.slice(start, end)`: its last label (a trailing dot
 * ignored) is all digits, or starts with `0x`, which the IPv4 parser would take as hexadecimal (we
 * do not need to know whether the hex digits that follow are valid: either way this file gives up).
 */
function endsInNumber(input: string, start: number, end: number): boolean {
  let last = end;
  if (last > start && input.charCodeAt(last - 1) === DOT) last--;
  let first = last;
  while (first > start && input.charCodeAt(first - 1) !== DOT) first--;
  if (first === last) return false;
  if (last - first >= 2 && input.charCodeAt(first) === 0x30 && input.charCodeAt(first + 1) === 0x78) return true;
  for (let i = first; i < last; i++) if (!isDigit(input.charCodeAt(i))) return false;
  return true;
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
    if (Number(input.slice(i, j)) > 255) return false;
    parts++;
    if (j === end) break;
    if (input.charCodeAt(j) !== DOT) return false;
    i = j + 1;
  }
  return parts === 4;
}

/** The host is plain lowercase LDH labels the IDNA step leaves as they are (no `xn--`, no empty label). */
function isPlainDomain(input: string, start: number, end: number): boolean {
  let labelStart = start;
  for (let i = start; i < end; i++) {
    const c = input.charCodeAt(i);
    if (c === DOT) {
      // An empty label (`a..b`, `.a`) is allowed by the parser, but rare enough to leave to it. A
      // trailing dot ends a label that is not empty, so it passes.
      if (i === labelStart) return false;
      labelStart = i + 1;
      continue;
    }
    if (!isLowerAlnumOrHyphen(c)) return false;
    // A label starting `xn--` must be valid Punycode: the parser's business.
    if (i === labelStart + 3 && c === 0x2d && input.charCodeAt(i - 1) === 0x2d && input.charCodeAt(i - 2) === 0x6e && input.charCodeAt(i - 3) === 0x78) {
      return false;
    }
  }
  return true;
}

/** A parsed URL when `input` is an http(s) URL this shortcut is sure of; null to use the WHATWG parser. */
export function parseHttpUrlFast(input: string): WhatwgUrl | null {
  let hostStart: number;
  let protocol: string;
  let defaultPort: string;
  if (input.startsWith('http://')) {
    hostStart = 7;
    protocol = 'http:';
    defaultPort = '80';
  } else if (input.startsWith('https://')) {
    hostStart = 8;
    protocol = 'https:';
    defaultPort = '443';
  } else {
    return null;
  }
  const length = input.length;
  let hostEnd = hostStart;
  while (hostEnd < length) {
    const c = input.charCodeAt(hostEnd);
    if (c === COLON || c === SLASH || c === QUESTION || c === HASH) break;
    hostEnd++;
  }
  if (hostEnd === hostStart) return null;
  let port = '';
  let authorityEnd = hostEnd;
  if (hostEnd < length && input.charCodeAt(hostEnd) === COLON) {
    authorityEnd = hostEnd + 1;
    while (authorityEnd < length && isDigit(input.charCodeAt(authorityEnd))) authorityEnd++;
    if (authorityEnd - hostEnd - 1 > 5) return null;
    if (authorityEnd > hostEnd + 1) {
      const value = Number(input.slice(hostEnd + 1, authorityEnd));
      if (value > 65535) return null;
      port = String(value);
      if (port === defaultPort) port = '';
    }
  }
  if (authorityEnd < length) {
    const c = input.charCodeAt(authorityEnd);
    if (c !== SLASH && c !== QUESTION && c !== HASH) return null;
  }
  if (!isPlainDomain(input, hostStart, hostEnd)) return null;
  if (endsInNumber(input, hostStart, hostEnd) && !isCanonicalDottedQuad(input, hostStart, hostEnd)) return null;
  return new HttpUrl(input, protocol, input.slice(hostStart, hostEnd), port);
}
