/**
 * Headers the browser added on its own (reference §0). A capture (webRequest onSendHeaders with
 * extraHeaders) shows every header as sent and does not say who set it, so we recognise what Chrome
 * adds. Where it is added matters for CORS:
 * - `renderer`: Blink adds it before the CORS checks, so Chromium counts it (only `Accept: *\/*`,
 *   added to fetch() and XMLHttpRequest when the page set no Accept; safelisted, it only adds its
 *   3 bytes to the 1024-byte sum of §2.4);
 * - `network`: the network stack or HTTP cache adds it after the CORS checks, so it never makes a
 *   preflight, even when it is not safelisted.
 *
 * Decisions (a header the page set with exactly the value Chrome would add is indistinguishable;
 * when a preflight was captured, its Access-Control-Request-Headers is ground truth instead):
 * - Accept-Language: Chrome's network stack adds it to every HTTP request without one, subresources
 *   included, after CORS (spec: before). A page may set its own, which replaces it. A value shaped
 *   like Chrome's generated list (`en-US,en;q=0.9,fr;q=0.8`) is taken as Chrome's; anything else as
 *   the page's. Either way a safelisted value cannot cause a preflight by itself.
 * - Cache-Control/Pragma: `no-cache` on both is Chrome bypassing caches (cache: 'reload' or
 *   'no-store', DevTools "Disable cache"); `Cache-Control: max-age=0` alone is Chrome revalidating
 *   (cache: 'no-cache', reload). A lone page-set `Cache-Control: no-cache` stays the page's.
 * - If-None-Match/If-Modified-Since: added by the HTTP cache when revalidating a stored response
 *   (and exempted by Chromium for Blink revalidations); far more common than a page setting them.
 * - Authorization is always taken as the page's (Bearer tokens); HTTP-auth credentials Chrome adds
 *   from its auth cache are rare on CORS requests.
 */
import type { Header, HeaderList } from '../types';
import { asciiLowercase, lowerHeaderName } from './byte-strings';
import { isForbiddenRequestHeader } from './forbidden-headers';

export interface UserAgentHeader {
  readonly addedBy: 'renderer' | 'network';
  /** Plain words: who adds it and when. */
  readonly why: string;
  /** For cache headers: what they reveal about the request's cache mode (the preflight cache is skipped for both). */
  readonly cacheMode?: 'bypass' | 'validate';
}

/** Chrome's generated Accept-Language: first tag bare, later ones with `;q=0.9` … `;q=0.1`. */
const CHROME_ACCEPT_LANGUAGE = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*(,[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*;q=0\.[1-9])*$/;

/** Headers only ever added by Chrome itself (navigations, service workers, Google properties, prefetch). */
const NETWORK_ONLY: ReadonlyMap<string, string> = new Map<string, string>([
  ['priority', 'Chrome adds Priority (RFC 9218) in the network stack'],
  ['upgrade-insecure-requests', 'Chrome adds Upgrade-Insecure-Requests to navigations'],
  ['x-client-data', 'Chrome adds X-Client-Data for Google properties (exempt from CORS)'],
  ['purpose', 'Chrome adds Purpose to prefetches (exempt from CORS)'],
  ['service-worker', 'Chrome adds Service-Worker to service worker script requests'],
  ['service-worker-navigation-preload', 'Chrome adds Service-Worker-Navigation-Preload to preload requests'],
  ['if-none-match', "Chrome's HTTP cache adds If-None-Match when it revalidates a stored response"],
  ['if-modified-since', "Chrome's HTTP cache adds If-Modified-Since when it revalidates a stored response"],
]);

/** Lowercased names userAgentAddedHeader takes as added by the network stack whatever their value. */
export const NETWORK_ADDED_HEADER_NAMES: readonly string[] = [...NETWORK_ONLY.keys()];

/** Lowercased names whose value decides whether userAgentAddedHeader takes them as the browser's. */
export const MAYBE_BROWSER_ADDED_HEADER_NAMES: readonly string[] = ['accept', 'accept-language', 'cache-control', 'pragma'];

/**
 * Whether an Accept-Language value (as sent) is shaped like Chrome's generated list. A browser sends
 * the same one on every request, so the last answer is kept.
 */
let lastAcceptLanguage: string | null = null;
let lastAcceptLanguageIsChromes = false;

export function isChromeAcceptLanguage(value: string): boolean {
  if (value !== lastAcceptLanguage) {
    lastAcceptLanguageIsChromes = CHROME_ACCEPT_LANGUAGE.test(value.trim());
    lastAcceptLanguage = value;
  }
  return lastAcceptLanguageIsChromes;
}

function valueOf(headers: HeaderList, lowerName: string): string | null {
  const found = headers.find((h) => lowerHeaderName(h.name) === lowerName);
  return found === undefined ? null : found.value;
}

function isNoCache(value: string | null): boolean {
  return value !== null && asciiLowercase(value.trim()) === 'no-cache';
}

/** Whether Chrome (not the page) added this header, and where; null when the page set it. */
export function userAgentAddedHeader(header: Header, headers: HeaderList): UserAgentHeader | null {
  const lower = lowerHeaderName(header.name);
  const value = header.value.trim();
  switch (lower) {
    case 'accept':
      return value === '*/*' ? { addedBy: 'renderer', why: 'Chrome adds Accept: */* when the page sets no Accept' } : null;
    case 'accept-language':
      return isChromeAcceptLanguage(header.value)
        ? { addedBy: 'network', why: "Chrome's network stack adds the user's Accept-Language when the page sets none" }
        : null;
    case 'cache-control':
      if (isNoCache(value) && isNoCache(valueOf(headers, 'pragma'))) {
        return { addedBy: 'network', why: 'Chrome adds Cache-Control: no-cache when the request bypasses caches', cacheMode: 'bypass' };
      }
      return asciiLowercase(value) === 'max-age=0'
        ? { addedBy: 'network', why: 'Chrome adds Cache-Control: max-age=0 when it revalidates', cacheMode: 'validate' }
        : null;
    case 'pragma':
      return isNoCache(value) && isNoCache(valueOf(headers, 'cache-control'))
        ? { addedBy: 'network', why: 'Chrome adds Pragma: no-cache when the request bypasses caches', cacheMode: 'bypass' }
        : null;
    default: {
      const why = NETWORK_ONLY.get(lower);
      return why === undefined ? null : { addedBy: 'network', why };
    }
  }
}

/** Reference §0: the headers the page itself set; drops forbidden names (§2.5) and browser-added ones. */
export function pageSetHeaders(headers: HeaderList): Header[] {
  return headers.filter((h) => !isForbiddenRequestHeader(h.name, h.value) && userAgentAddedHeader(h, headers) === null);
}

/**
 * What the captured headers reveal about the request's cache mode: `bypass` (reload, no-store,
 * DevTools "Disable cache") or `validate` (no-cache); null when nothing shows. Chromium consults
 * the preflight cache only when neither applies (reference §4.7).
 */
export function cacheModeFromHeaders(headers: HeaderList): 'bypass' | 'validate' | null {
  let mode: 'bypass' | 'validate' | null = null;
  for (const header of headers) {
    const hint = userAgentAddedHeader(header, headers)?.cacheMode;
    if (hint === 'bypass') return 'bypass';
    if (hint === 'validate') mode = 'validate';
  }
  return mode;
}
