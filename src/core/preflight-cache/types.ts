/** Shapes of the preflight cache model (reference §4.7). Times are ms since epoch, given by the caller. */

/** What Chromium keys an entry on: one entry per key. */
export interface PreflightCacheKey {
  /** Serialized initiator origin: the page's origin, even when a tainted preflight sent `Origin: null`. */
  readonly origin: string;
  /** The request URL (canonical, as observed). */
  readonly url: string;
  /** Opaque network partition (Chromium's network isolation key, e.g. the top-level site); '' when unknown. */
  readonly partition?: string;
  /** Target IP address space (Local Network Access), when known. */
  readonly targetIpSpace?: string | null;
}

/** A preflight that passed and whose request passed its checks: what Chromium appends to the cache. */
export interface PreflightCacheStoreInput extends PreflightCacheKey {
  /** The actual request's credentials mode was `include`. */
  readonly includeCredentials: boolean;
  /** Parsed Access-Control-Allow-Methods tokens, case kept (methods compare case-sensitively). */
  readonly allowMethods: readonly string[];
  /** Parsed Access-Control-Allow-Headers tokens (compared lowercased). */
  readonly allowHeaders: readonly string[];
  /** From parseMaxAge(...).seconds. */
  readonly maxAgeSeconds: number;
  /** When the preflight response arrived; the entry expires maxAgeSeconds later. */
  readonly completedAt: number;
  /** The caller's id for that preflight, handed back on a hit. */
  readonly preflightId: string;
  /** The request used cache: 'no-store': Chromium does not store its preflight. */
  readonly noStore?: boolean;
}

export interface PreflightCacheEntry {
  readonly origin: string;
  readonly url: string;
  readonly partition: string;
  readonly targetIpSpace: string | null;
  readonly includeCredentials: boolean;
  readonly methods: readonly string[];
  /** Lowercased. */
  readonly headers: readonly string[];
  readonly maxAgeSeconds: number;
  readonly storedAt: number;
  readonly expiresAt: number;
  readonly preflightId: string;
}

export interface PreflightCacheQuery extends PreflightCacheKey {
  readonly includeCredentials: boolean;
  /** The method as sent (normalized). */
  readonly method: string;
  /** The request's CORS-unsafe header names (the Access-Control-Request-Headers list, e.g. preflightNeed().requestHeaders split on ','). */
  readonly unsafeHeaders: readonly string[];
  /** cache: 'no-store' | 'reload' | 'no-cache', or DevTools "Disable cache": Chromium skips the cache. */
  readonly bypass?: boolean;
  /** When the request started. */
  readonly now: number;
}

export type PreflightCacheMissKind =
  | 'bypassed'
  | 'url-too-long'
  | 'no-entry'
  | 'expired'
  | 'credentials'
  | 'method'
  | 'header'
  | 'authorization-wildcard';

export interface PreflightCacheMiss {
  readonly kind: PreflightCacheMissKind;
  /** Plain words; data, never markup. */
  readonly text: string;
  /** The method or lowercased header the cached entry did not cover. */
  readonly name?: string;
  /** The entry that was found but did not serve the request (expired or insufficient). */
  readonly entry: PreflightCacheEntry | null;
}

export type PreflightCacheLookup =
  | { readonly entry: PreflightCacheEntry; readonly miss: null }
  | { readonly entry: null; readonly miss: PreflightCacheMiss };

export type PreflightCacheStoreResult =
  | { readonly stored: true; readonly entry: PreflightCacheEntry; readonly replaced: PreflightCacheEntry | null; readonly evicted: readonly PreflightCacheEntry[] }
  | { readonly stored: false; readonly reason: 'url-too-long' | 'no-store'; readonly text: string };
