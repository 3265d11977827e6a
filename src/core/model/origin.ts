/**
 * Just enough URL reading to tell same-origin from cross-origin. URLs and initiators from webRequest
 * are already canonical (lowercase host, punycode, default port dropped), so this does not
 * re-canonicalize; it only drops userinfo, path and a default port written explicitly (reference §1).
 * No URL class here: src/core compiles without DOM or Node types.
 */

const URL_HEAD = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' };

/** The serialized origin of an absolute URL with an authority, or null (data:, blob:, garbage). */
export function originOf(url: string): string | null {
  const match = URL_HEAD.exec(url);
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  let hostPort = (match[2] ?? '').toLowerCase();
  if (hostPort === '') return null;
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort !== undefined && hostPort.endsWith(`:${defaultPort}`)) {
    hostPort = hostPort.slice(0, -defaultPort.length - 1);
  }
  return `${scheme}://${hostPort}`;
}

/** Whether `url`'s character at `at` is the ASCII letter `lower` in either case. */
function isLetterAt(url: string, at: number, lower: number): boolean {
  return (url.charCodeAt(at) | 0x20) === lower; // only the letter's two cases map to it
}

/** Only http(s) requests can be CORS requests the model stores: `http://` or `https://`, any case. */
export function isHttpUrl(url: string): boolean {
  if (!isLetterAt(url, 0, 0x68) || !isLetterAt(url, 1, 0x74) || !isLetterAt(url, 2, 0x74) || !isLetterAt(url, 3, 0x70)) return false;
  return url.startsWith('://', isLetterAt(url, 4, 0x73) ? 5 : 4);
}

function endsAuthority(code: number): boolean {
  return code === 0x2f || code === 0x3f || code === 0x23; // / ? #
}

function isLowerAlpha(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isSchemeChar(code: number): boolean {
  return isLowerAlpha(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2e || code === 0x2d; // 0-9 + . -
}

/** A character originOf would keep as it is in a host: not uppercase, not `@`, not ending it, ASCII. */
function isPlainHostChar(code: number): boolean {
  return !(code >= 0x41 && code <= 0x5a) && code !== 0x40 && !endsAuthority(code) && code < 0x80;
}

/**
 * Whether `text` up to `end` is `scheme://host[:port]` as originOf writes it: lowercase, no userinfo,
 * no port that might be the scheme's default. Then that text is its own origin, read without a
 * regex or a copy. Anything else (rare from webRequest) is left to originOf.
 */
function isPlainOrigin(text: string, end: number): boolean {
  if (!isLowerAlpha(text.charCodeAt(0))) return false;
  let at = 1;
  while (isSchemeChar(text.charCodeAt(at))) at++;
  if (!text.startsWith('://', at)) return false;
  const hostStart = at + 3;
  if (hostStart >= end) return false;
  for (let i = hostStart; i < end; i++) if (!isPlainHostChar(text.charCodeAt(i))) return false;
  return !(endsWithAt(text, end, ':80') || endsWithAt(text, end, ':443') || endsWithAt(text, end, ':21'));
}

function endsWithAt(text: string, end: number, suffix: string): boolean {
  return text.startsWith(suffix, end - suffix.length);
}

/**
 * Where the part of `url` that originOf reads ends: the first `/`, `?` or `#` after the first `://`
 * (its scheme cannot hold `:`, so it reads no further; without `://` it fails anyway).
 */
function headEnd(url: string): number {
  const separator = url.indexOf('://');
  if (separator < 0) return url.length;
  for (let at = separator + 3; at < url.length; at++) {
    if (endsAuthority(url.charCodeAt(at))) return at;
  }
  return url.length;
}

/** Whether `url` is `origin` followed by its path, query or fragment (or nothing). */
function extendsOrigin(url: string, origin: string): boolean {
  return url.startsWith(origin) && (url.length === origin.length || endsAuthority(url.charCodeAt(origin.length)));
}

/**
 * Whether a request to `url` from `initiator` crosses origins (`null` initiators never match anything).
 * Runs for every request: the usual canonical URLs are told apart by reading their head in place.
 */
export function isCrossOrigin(initiator: string, url: string): boolean {
  if (extendsOrigin(url, initiator)) {
    // The URL's head is the initiator's text: the same origin when that text is an origin.
    if (isPlainOrigin(initiator, initiator.length)) return false;
  } else if (isPlainOrigin(url, headEnd(url))) {
    return true; // the head is its own origin, and it is not the initiator's text
  }
  return originOf(url) !== initiator;
}
