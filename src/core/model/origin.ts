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
  return startsAuthority(url, isLetterAt(url, 4, 0x73) ? 5 : 4);
}

/** Whether `text` has `://` at `at`. */
function startsAuthority(text: string, at: number): boolean {
  return text.charCodeAt(at) === 0x3a && text.charCodeAt(at + 1) === 0x2f && text.charCodeAt(at + 2) === 0x2f;
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

/** A character originOf keeps as it is in a host: not uppercase, not `@` (userinfo), ASCII. */
function isPlainHostChar(code: number): boolean {
  return !(code >= 0x41 && code <= 0x5a) && code !== 0x40 && code < 0x80;
}

/** Whether `text` has `suffix` just before `end` (compared in place: the builtins cost more than the few characters). */
function endsWithAt(text: string, end: number, suffix: string): boolean {
  const start = end - suffix.length;
  if (start < 0) return false;
  for (let at = 0; at < suffix.length; at++) if (text.charCodeAt(start + at) !== suffix.charCodeAt(at)) return false;
  return true;
}

/**
 * Where the head of `text` (what originOf reads: scheme, `://`, authority up to the first `/`, `?`
 * or `#`) ends when it is written as originOf writes an origin: lowercase, no userinfo, no port that
 * might be the scheme's default. That head is then its own origin, read without a regex or a copy.
 * -1 for anything else (rare from webRequest), left to originOf.
 */
function plainOriginEnd(text: string): number {
  if (!isLowerAlpha(text.charCodeAt(0))) return -1;
  let at = 1;
  while (isSchemeChar(text.charCodeAt(at))) at++;
  // originOf's scheme ends at the first character that cannot be in one: it must start `://`.
  if (!startsAuthority(text, at)) return -1;
  const hostStart = at + 3;
  let end = hostStart;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (endsAuthority(code)) break;
    if (!isPlainHostChar(code)) return -1;
  }
  if (end === hostStart) return -1;
  if (endsWithAt(text, end, ':80') || endsWithAt(text, end, ':443') || endsWithAt(text, end, ':21')) return -1;
  return end;
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
    if (plainOriginEnd(initiator) === initiator.length) return false;
  } else if (plainOriginEnd(url) >= 0) {
    return true; // the head is its own origin, and it is not the initiator's text
  }
  return originOf(url) !== initiator;
}
