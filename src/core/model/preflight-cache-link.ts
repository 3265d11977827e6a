/**
 * A model of Chromium's preflight cache, just rich enough to say which earlier preflight let a
 * request go out without one (reference §4.7). Chromium keeps one result per (initiator, URL, …)
 * key, replaced whole by each new successful preflight, at most 1024 entries. We do not need to
 * re-decide coverage: when a request that needed a preflight went out without one, Chromium's
 * cache covered it, and the newest entry for its key is the one that did.
 */
import { parseMaxAge } from '../preflight-cache';
import { preflightNeed } from '../request';
import type { Header } from '../types';
import { headerValue } from './hops';
import type { InflightRequest, ModelState } from './state';
import { PREFLIGHT_CACHE_CAPACITY } from './state';
import type { Transaction, TransactionPreflight } from './transaction';

export function cacheKey(initiator: string | null, url: string): string {
  return `${initiator ?? ''} ${url}`;
}

/** Whether Chromium could have cached this preflight: a 2xx answer, no redirect, no network error (reference §4.2). */
function cacheable(preflight: TransactionPreflight): boolean {
  return preflight.status !== null && preflight.status >= 200 && preflight.status < 300
    && preflight.redirectedTo === null && preflight.netError === null && preflight.endedAt !== null;
}

/** Record a finished preflight as the newest entry for its key (expiry from Access-Control-Max-Age, reference §4.6). */
export function rememberPreflight(
  state: ModelState, initiator: string | null, preflight: TransactionPreflight, transactionId: string | null,
): void {
  if (!cacheable(preflight) || preflight.url.length >= 1024) return; // [cr] long URLs are never cached
  const maxAge = parseMaxAge(headerValue(preflight.responseHeaders, 'access-control-max-age'));
  if (maxAge.seconds <= 0) return; // Max-Age 0 or negative: not reusable (reference §4.6)
  const key = cacheKey(initiator, preflight.url);
  const cache = state.preflightCache;
  // Deleted first so the re-inserted entry is the youngest: the Map's order is age order.
  if (cache.delete(key)) state.preflightCacheSize--;
  cache.set(key, {
    key,
    transactionId,
    expiresAt: (preflight.endedAt ?? 0) + maxAge.seconds * 1000,
    preflight: { ...preflight, fromCache: false, coveredBy: null },
  });
  state.preflightCacheSize++;
  if (state.preflightCacheSize > PREFLIGHT_CACHE_CAPACITY) evictOldest(state);
}

function evictOldest(state: ModelState): void {
  for (const key of state.preflightCache.keys()) {
    state.preflightCache.delete(key);
    state.preflightCacheSize--;
    return;
  }
}

/** A preflight turned out to fail (the request was never sent): Chromium did not cache it. */
export function forgetPreflight(state: ModelState, initiator: string | null, preflight: TransactionPreflight): void {
  const key = cacheKey(initiator, preflight.url);
  const entry = state.preflightCache.get(key);
  if (entry && entry.preflight.requestId === preflight.requestId) {
    state.preflightCache.delete(key);
    state.preflightCacheSize--;
  }
}

/** Only fetch/XHR and sendBeacon can be preflighted (reference §2.1, §2.6). */
function canBePreflighted(tx: Transaction): boolean {
  return tx.resourceType === 'xmlhttprequest' || tx.resourceType === 'ping';
}

/**
 * The cached preflight that covered a request sent to `url` without one, or null when the request
 * did not need one (or no entry is known: the preflight happened before the capture started).
 */
export function coveringPreflight(
  state: ModelState, tx: Transaction, request: InflightRequest, headers: readonly Header[],
): TransactionPreflight | null {
  if (!tx.crossOrigin || !canBePreflighted(tx)) return null;
  const entry = state.preflightCache.get(cacheKey(tx.initiator, request.hopUrl));
  if (!entry || entry.expiresAt <= request.hopStartedAt) return null;
  if (!preflightNeed(request.hopMethod, headers).required) return null;
  return {
    ...entry.preflight,
    fromCache: true,
    coveredBy: { transactionId: entry.transactionId, expiresAt: entry.expiresAt },
  };
}
