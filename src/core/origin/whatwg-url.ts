/**
 * The WHATWG URL parser, reached through globalThis.
 *
 * Every runtime the engine runs in (service worker, extension pages, Node for tests) has the WHATWG
 * `URL` class, but the engine's tsconfig (lib ES2022, types []) does not declare it. An ambient
 * `declare class URL` would collide with lib.dom's `URL` in the extension tsconfig, so the engine
 * types the few members it reads here and reaches the class through globalThis instead.
 */
import { createBoundedMemo } from '../util/bounded-memo';
import { parseHttpUrlFast } from './fast-http-url';

/** The members of a parsed WHATWG URL the engine reads. */
export interface WhatwgUrl {
  readonly href: string;
  /** Lowercased scheme with its trailing colon (`https:`). */
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  /** Canonical host: lowercase, punycode, IPv4 dotted, IPv6 bracketed. */
  readonly hostname: string;
  /** '' when absent or equal to the scheme's default port. */
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

type WhatwgUrlConstructor = new (input: string, base?: string) => WhatwgUrl;

const UrlClass = (globalThis as unknown as { readonly URL: WhatwgUrlConstructor }).URL;

function construct(input: string, base?: string): WhatwgUrl | null {
  try {
    return base === undefined ? new UrlClass(input) : new UrlClass(input, base);
  } catch {
    return null;
  }
}

/**
 * One evaluation parses the same few URLs several times (route, origin comparison, summary), and a
 * page's initiator and API origins recur from request to request. The last few answers are checked
 * first (the same string objects come back within an evaluation, so this is a few pointer
 * comparisons). Plain http(s) URLs then take a shortcut past the parser (fast-http-url.ts); other
 * short inputs (odd origins) are remembered by content across evaluations. Parsed URLs are only
 * ever read.
 */
const RECENT = 8;
const recentInput: string[] = [];
const recentBase: (string | undefined)[] = [];
const recentUrl: (WhatwgUrl | null)[] = [];
let recentNext = 0;
const SHORT = 128;
const BY_CONTENT = createBoundedMemo<WhatwgUrl | null>(512);

/** Parses `input` (relative to `base` when given); null when the URL parser rejects it. */
export function parseUrl(input: string, base?: string): WhatwgUrl | null {
  // Newest first: the URL just parsed is the one most often asked again, and its string is the
  // same object (a pointer comparison), where older entries of the same length compare by content.
  const length = input.length;
  const lastUnit = input.charCodeAt(length - 1);
  for (let n = 0, i = recentNext; n < recentInput.length; n++) {
    i = i === 0 ? RECENT - 1 : i - 1;
    const recent = recentInput[i];
    // Request URLs of one page often share their length; their last characters usually differ,
    // which settles most comparisons before a character-by-character one.
    if (recent === undefined || recent.length !== length || recent.charCodeAt(length - 1) !== lastUnit) continue;
    if (recent === input && recentBase[i] === base) return recentUrl[i] ?? null;
  }
  const url = base !== undefined ? parseAgainst(input, base) : (parseHttpUrlFast(input) ?? parseAlone(input));
  recentInput[recentNext] = input;
  recentBase[recentNext] = base;
  recentUrl[recentNext] = url;
  recentNext = (recentNext + 1) % RECENT;
  return url;
}

/**
 * An absolute `http(s)://` input ignores a base that parses (a redirect's Location nearly always
 * is one), so the shortcut applies; a base that does not parse makes the parser throw whatever
 * the input, so that and anything else goes to the parser.
 */
function parseAgainst(input: string, base: string): WhatwgUrl | null {
  const fast = parseHttpUrlFast(input);
  return fast !== null && parseUrl(base) !== null ? fast : construct(input, base);
}

function parseAlone(input: string): WhatwgUrl | null {
  return input.length <= SHORT ? BY_CONTENT.get(input, construct) : construct(input);
}

/** `https:` → `https`. */
export function schemeOf(url: WhatwgUrl): string {
  const protocol = url.protocol;
  // The two every request has, without a new string each time.
  if (protocol === 'https:') return 'https';
  if (protocol === 'http:') return 'http';
  return protocol.slice(0, -1);
}

export function isHttpScheme(scheme: string): boolean {
  return scheme === 'http' || scheme === 'https';
}
