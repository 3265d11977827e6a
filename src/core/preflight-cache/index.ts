// Chromium's CORS preflight cache (reference §4.6, §4.7): how long a preflight result lives
// (Access-Control-Max-Age) and which later requests it lets skip their own preflight.
export { DEFAULT_MAX_AGE_SECONDS, MAX_MAX_AGE_SECONDS, parseMaxAge } from './max-age';
export type { MaxAge } from './max-age';
export { MAX_CACHED_URL_LENGTH, MAX_CACHE_ENTRIES, PURGE_UNIT, createPreflightCache } from './cache';
export type { PreflightCache, PreflightCacheOptions } from './cache';
export { coverageMiss } from './coverage';
export type {
  PreflightCacheEntry,
  PreflightCacheKey,
  PreflightCacheLookup,
  PreflightCacheMiss,
  PreflightCacheMissKind,
  PreflightCacheQuery,
  PreflightCacheStoreInput,
  PreflightCacheStoreResult,
} from './types';
