/**
 * A model of Chromium's CORS preflight cache (reference §4.7; services/network/cors/preflight_cache.cc),
 * pure: time comes in with each call. Rules reproduced:
 * - key: initiator origin, URL, network partition, target IP space; one entry per key, and a new
 *   preflight replaces the whole entry (no per-method or per-header union, unlike Firefox);
 * - URLs of 1024 characters or more are never cached;
 * - at most 1024 entries: before adding a new key to a full cache, 10 entries are purged. Chromium
 *   purges a run of 10 at a random position; a deterministic model cannot, so we purge the 10 oldest;
 * - a lookup is skipped entirely when the request bypasses the cache (no-store, reload, no-cache);
 * - a lookup that finds an expired or insufficient entry removes it (CheckIfRequestCanSkipPreflight
 *   erases it), so it cannot serve a later request either; `peek` looks without that side effect;
 * - an entry expires when now ≥ completedAt + max-age (IsExpired: expiry <= now).
 */
import { asciiLowercase } from '../request/byte-strings';
import { coverageMiss } from './coverage';
import type {
  PreflightCacheEntry,
  PreflightCacheKey,
  PreflightCacheLookup,
  PreflightCacheQuery,
  PreflightCacheStoreInput,
  PreflightCacheStoreResult,
} from './types';

export const MAX_CACHE_ENTRIES = 1024;
export const MAX_CACHED_URL_LENGTH = 1024;
export const PURGE_UNIT = 10;

export interface PreflightCacheOptions {
  /** Defaults to Chromium's 1024. */
  readonly maxEntries?: number;
  /** Entries purged at once when full; defaults to Chromium's 10. */
  readonly purgeUnit?: number;
}

export interface PreflightCache {
  /** Record a preflight that passed (Chromium appends only then). */
  store(input: PreflightCacheStoreInput): PreflightCacheStoreResult;
  /** The entry that lets this request skip its preflight, or why there is none. Removes a stale or insufficient entry, as Chromium does. */
  lookup(query: PreflightCacheQuery): PreflightCacheLookup;
  /** Same answer as lookup, without removing anything. */
  peek(query: PreflightCacheQuery): PreflightCacheLookup;
  /** Entries from oldest to newest stored. */
  entries(): readonly PreflightCacheEntry[];
  readonly size: number;
  clear(): void;
}

function keyOf(key: PreflightCacheKey): string {
  return JSON.stringify([key.origin, key.url, key.partition ?? '', key.targetIpSpace ?? null]);
}

const URL_TOO_LONG = `Chrome never caches preflights for URLs of ${MAX_CACHED_URL_LENGTH} characters or more`;

export function createPreflightCache(options: PreflightCacheOptions = {}): PreflightCache {
  const maxEntries = options.maxEntries ?? MAX_CACHE_ENTRIES;
  const purgeUnit = options.purgeUnit ?? PURGE_UNIT;
  const byKey = new Map<string, PreflightCacheEntry>();

  function store(input: PreflightCacheStoreInput): PreflightCacheStoreResult {
    if (input.noStore === true) {
      return { stored: false, reason: 'no-store', text: "The request used cache: 'no-store', so Chrome did not cache its preflight" };
    }
    if (input.url.length >= MAX_CACHED_URL_LENGTH) return { stored: false, reason: 'url-too-long', text: URL_TOO_LONG };
    const key = keyOf(input);
    const replaced = byKey.get(key) ?? null;
    const evicted: PreflightCacheEntry[] = [];
    if (replaced === null && byKey.size > maxEntries - 1) {
      for (const [oldKey, oldEntry] of [...byKey].slice(0, purgeUnit)) {
        byKey.delete(oldKey);
        evicted.push(oldEntry);
      }
    }
    const entry: PreflightCacheEntry = {
      origin: input.origin,
      url: input.url,
      partition: input.partition ?? '',
      targetIpSpace: input.targetIpSpace ?? null,
      includeCredentials: input.includeCredentials,
      methods: [...input.allowMethods],
      headers: input.allowHeaders.map(asciiLowercase),
      maxAgeSeconds: input.maxAgeSeconds,
      storedAt: input.completedAt,
      expiresAt: input.completedAt + input.maxAgeSeconds * 1000,
      preflightId: input.preflightId,
    };
    byKey.delete(key); // re-insert so iteration order stays "oldest stored first"
    byKey.set(key, entry);
    return { stored: true, entry, replaced, evicted };
  }

  function find(query: PreflightCacheQuery, removeUnusable: boolean): PreflightCacheLookup {
    if (query.bypass === true) {
      return miss('bypassed', null, 'The request skipped the preflight cache (cache mode no-store, reload or no-cache, or DevTools "Disable cache"), so Chrome sent a fresh preflight');
    }
    if (query.url.length >= MAX_CACHED_URL_LENGTH) return miss('url-too-long', null, URL_TOO_LONG);
    const key = keyOf(query);
    const entry = byKey.get(key);
    if (entry === undefined) return miss('no-entry', null, 'No earlier preflight from this origin to this URL is cached');
    if (entry.expiresAt <= query.now) {
      if (removeUnusable) byKey.delete(key);
      const ago = Math.round((query.now - entry.expiresAt) / 1000);
      return miss('expired', entry, `The cached preflight ${entry.preflightId} expired ${ago} s before this request (it was kept for ${entry.maxAgeSeconds} s)`);
    }
    const uncovered = coverageMiss(entry, query);
    if (uncovered === null) return { entry, miss: null };
    if (removeUnusable) byKey.delete(key);
    return { entry: null, miss: uncovered };
  }

  return {
    store,
    lookup: (query) => find(query, true),
    peek: (query) => find(query, false),
    entries: () => [...byKey.values()],
    get size() {
      return byKey.size;
    },
    clear: () => byKey.clear(),
  };
}

function miss(kind: 'bypassed' | 'url-too-long' | 'no-entry' | 'expired', entry: PreflightCacheEntry | null, text: string): PreflightCacheLookup {
  return { entry: null, miss: { kind, entry, text } };
}
