/**
 * The WHATWG URL parser, reached through globalThis.
 *
 * Every runtime the engine runs in (service worker, extension pages, Node for tests) has the WHATWG
 * `URL` class, but the engine's tsconfig (lib ES2022, types []) does not declare it. An ambient
 * `declare class URL` would collide with lib.dom's `URL` in the extension tsconfig, so the engine
 * types the few members it reads here and reaches the class through globalThis instead.
 */

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

/** Parses `input` (relative to `base` when given); null when the URL parser rejects it. */
export function parseUrl(input: string, base?: string): WhatwgUrl | null {
  try {
    return base === undefined ? new UrlClass(input) : new UrlClass(input, base);
  } catch {
    return null;
  }
}

/** `https:` → `https`. */
export function schemeOf(url: WhatwgUrl): string {
  return url.protocol.slice(0, -1);
}

export function isHttpScheme(scheme: string): boolean {
  return scheme === 'http' || scheme === 'https';
}
