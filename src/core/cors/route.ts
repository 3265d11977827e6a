/**
 * The path a transaction took, hop by hop (reference §1, §5): URL, origin, the Origin the browser
 * sent, method and headers as they stood at each hop, and the preflight and redirect response seen
 * there. Independent of the credentials mode, so evaluate() builds it once.
 */
import type { HeaderList, ObservedPreflight, ObservedRedirect, ObservedResponse, ObservedTransaction, OriginParts } from '../types';
import { OPAQUE_ORIGIN, isSameOrigin, originPartsOfUrl, parseOrigin, serializeOrigin } from '../origin/parse-origin';
import { isTaintingHop } from '../origin/redirect-taint';
import { isHttpScheme, parseUrl, schemeOf } from '../origin/whatwg-url';
import type { WhatwgUrl } from '../origin/whatwg-url';
import { normalizeMethod } from '../request/index';
import { headerIndexOf } from './header-index';
import type { HopFacts } from './hop-preflight';
import { KNOWN } from './known-headers';

export interface Hop {
  readonly index: number;
  readonly url: string;
  readonly origin: OriginParts;
  /** Lowercase scheme without colon; '' when the URL does not parse. */
  readonly scheme: string;
  readonly sameOriginWithInitiator: boolean;
  /** The Origin header at this hop: observed when the capture has it, else computed (reference §1). */
  readonly originSent: string;
  /** A redirect earlier in the chain tainted the request (Origin `null` from here on). */
  readonly tainted: boolean;
  readonly method: string;
  readonly requestHeaders: HeaderList;
  readonly preflight: ObservedPreflight | null;
  /** The redirect response this hop answered with; null at the last hop. */
  readonly redirect: ObservedRedirect | null;
  /** That redirect's Location resolved against this hop's URL; null when it does not parse. */
  readonly redirectTarget: WhatwgUrl | null;
  /**
   * The hop's preflight facts, judged by the first walk that needs them and kept for the second
   * (they do not depend on the credentials mode; see hopFactsOf). Undefined until then.
   */
  preflightFacts: HopFacts | undefined;
}

export interface Route {
  readonly initiator: OriginParts;
  readonly hops: readonly Hop[];
  /** The response of the last hop, if any (a redirect the browser refused to follow is a hop, not this). */
  readonly finalResponse: ObservedResponse | null;
}

function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/**
 * When Chromium refuses to follow a redirect (RedirectContainsCredentials, a failing CORS check on the
 * redirect response), webRequest never fires onBeforeRedirect: the capture shows a 3xx with a Location
 * as the final response of a failed request. That response is a redirect hop. A 3xx the browser
 * delivered stays a response (redirect: 'manual').
 */
function unfollowedRedirect(tx: ObservedTransaction, delivered: boolean): ObservedRedirect | null {
  const response = tx.response;
  if (!response || delivered || !isRedirectStatus(response.status)) return null;
  const location = headerIndexOf(response.headers).firstOf(KNOWN.location);
  if (location === null) return null;
  return { url: lastUrl(tx), status: response.status, headers: response.headers, location };
}

/** Reference §5.4: 301/302 turn POST into GET; 303 turns everything but GET/HEAD into GET. */
export function redirectedMethod(status: number, method: string): string {
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  if (status === 303 && method !== 'GET' && method !== 'HEAD') return 'GET';
  return method;
}

/** Request-body headers dropped when a redirect changes the method (net::RedirectUtil, fetch spec). */
const BODY_HEADERS: ReadonlySet<string> = new Set([
  'content-type', 'content-encoding', 'content-language', 'content-location', 'content-length',
]);

/**
 * Headers for the next hop when the capture did not record them: body headers go with a method change,
 * Authorization goes on a cross-origin hop (reference §5.5), and Origin is recomputed rather than copied.
 */
function nextHopHeaders(headers: HeaderList, methodChanged: boolean, crossOriginHop: boolean): HeaderList {
  return headers.filter((h) => {
    const name = h.name.toLowerCase();
    if (name === 'origin') return false;
    if (methodChanged && BODY_HEADERS.has(name)) return false;
    return !(crossOriginHop && name === 'authorization');
  });
}

function observedOrigin(headers: HeaderList): string | null {
  return headerIndexOf(headers).firstOf(KNOWN.origin);
}

function lastUrl(tx: ObservedTransaction): string {
  const redirects = tx.redirects ?? [];
  const last = redirects[redirects.length - 1];
  return last === undefined ? tx.request.url : (parseUrl(last.location, last.url)?.href ?? last.location);
}

/**
 * `delivered`: the browser completed the request without an error. `requestUrl`: the request URL
 * parsed, when the caller has it already.
 */
export function buildRoute(tx: ObservedTransaction, initiator: OriginParts, delivered: boolean, requestUrl: WhatwgUrl | null = parseUrl(tx.request.url)): Route {
  const unfollowed = unfollowedRedirect(tx, delivered);
  const redirects = unfollowed === null ? (tx.redirects ?? []) : [...(tx.redirects ?? []), unfollowed];
  const untaintedOrigin = serializeOrigin(initiator);
  // Most routes have one hop: the list starts as that one (an empty array grows a 17-slot store).
  let hops: Hop[] | null = null;
  let url = tx.request.url;
  let parsed = requestUrl;
  let method = normalizeMethod(tx.request.method);
  let headers: HeaderList = tx.request.headers;
  let tainted = false;
  let preflight = tx.preflight ?? null;
  let headersObserved = true;

  for (let index = 0; index <= redirects.length; index++) {
    const origin = parsed === null ? parseOrigin(url) : originPartsOfUrl(url, parsed);
    const redirect = redirects[index] ?? null;
    const redirectTarget = redirect === null ? null : parseUrl(redirect.location, url);
    const computedOrigin = tainted ? OPAQUE_ORIGIN : untaintedOrigin;
    const hop: Hop = {
      index,
      url,
      origin,
      scheme: parsed === null ? '' : schemeOf(parsed),
      sameOriginWithInitiator: isSameOrigin(initiator, origin),
      originSent: (headersObserved ? observedOrigin(headers) : null) ?? computedOrigin,
      tainted,
      method,
      requestHeaders: headers,
      preflight,
      redirect,
      redirectTarget,
      preflightFacts: undefined,
    };
    if (hops === null) hops = [hop];
    else hops.push(hop);
    // A Location that does not parse or leaves HTTP(S) ends the chain with a network error (reference §5.1).
    if (redirect === null || redirectTarget === null || !isHttpScheme(schemeOf(redirectTarget))) break;

    const targetOrigin = originPartsOfUrl(redirectTarget.href, redirectTarget);
    tainted = tainted || isTaintingHop(initiator, origin, targetOrigin);
    const nextMethod = redirectedMethod(redirect.status, method);
    headersObserved = redirect.nextRequestHeaders !== null && redirect.nextRequestHeaders !== undefined;
    headers = redirect.nextRequestHeaders ?? nextHopHeaders(headers, nextMethod !== method, !isSameOrigin(origin, targetOrigin));
    method = nextMethod;
    url = redirectTarget.href;
    parsed = redirectTarget;
    preflight = redirect.nextPreflight ?? null;
  }
  return { initiator, hops: hops ?? [], finalResponse: unfollowed === null ? (tx.response ?? null) : null };
}
