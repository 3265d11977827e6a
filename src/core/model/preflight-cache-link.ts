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
import type { InflightRequest, ModelState, PreflightCacheEntry } from './state';
import { PREFLIGHT_CACHE_CAPACITY } from './state';
import type { Transaction, TransactionPreflight } from './transaction';
import { removeKey } from './records';

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
  const ages = ageQueue(cache);
  if (cache[key]) {
    removeKey(cache, key); // re-inserted below so insertion order stays age order
    state.preflightCacheSize--;
  }
  const entry: PreflightCacheEntry = {
    key,
    transactionId,
    expiresAt: (preflight.endedAt ?? 0) + maxAge.seconds * 1000,
    preflight: { ...preflight, fromCache: false, coveredBy: null },
  };
  cache[key] = entry;
  ages.entries.push(entry);
  state.preflightCacheSize++;
  if (state.preflightCacheSize > PREFLIGHT_CACHE_CAPACITY) evictOldest(state);
  else compact(ages, state);
}

/**
 * The cache's entries oldest first, beside the persisted Record (whose key order is the same age
 * order): finding the oldest by walking the Record's keys costs a pass over up to 1,024 keys per
 * preflight, and a busy page fills the cache. Entries replaced or forgotten stay in the queue until
 * they reach its head and are skipped there (an entry is live while the Record still holds it).
 * Not persisted: rebuilt from the Record's order whenever the Record is a new object (restored).
 */
interface AgeQueue {
  entries: PreflightCacheEntry[];
  head: number;
}

const AGE_QUEUES = new WeakMap<Record<string, PreflightCacheEntry>, AgeQueue>();

function ageQueue(cache: Record<string, PreflightCacheEntry>): AgeQueue {
  let queue = AGE_QUEUES.get(cache);
  if (queue === undefined) {
    queue = { entries: Object.values(cache), head: 0 };
    AGE_QUEUES.set(cache, queue);
  }
  return queue;
}

function evictOldest(state: ModelState): void {
  const cache = state.preflightCache;
  const queue = ageQueue(cache);
  while (queue.head < queue.entries.length) {
    const entry = queue.entries[queue.head++];
    if (entry === undefined || cache[entry.key] !== entry) continue; // replaced or forgotten since
    removeKey(cache, entry.key);
    state.preflightCacheSize--;
    break;
  }
  compact(queue, state);
}

/** Drop what the head has passed, and stale entries once they outnumber the live ones. */
function compact(queue: AgeQueue, state: ModelState): void {
  if (queue.head > PREFLIGHT_CACHE_CAPACITY || queue.entries.length - queue.head > 2 * state.preflightCacheSize + 64) {
    queue.entries = Object.values(state.preflightCache);
    queue.head = 0;
  }
}

/** A preflight turned out to fail (the request was never sent): Chromium did not cache it. */
export function forgetPreflight(state: ModelState, initiator: string | null, preflight: TransactionPreflight): void {
  const key = cacheKey(initiator, preflight.url);
  const entry = state.preflightCache[key];
  if (entry && entry.preflight.requestId === preflight.requestId) {
    removeKey(state.preflightCache, key);
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
  const entry = state.preflightCache[cacheKey(tx.initiator, request.hopUrl)];
  if (!entry || entry.expiresAt <= request.hopStartedAt) return null;
  if (!preflightNeed(request.hopMethod, headers).required) return null;
  return {
    ...entry.preflight,
    fromCache: true,
    coveredBy: { transactionId: entry.transactionId, expiresAt: entry.expiresAt },
  };
}
