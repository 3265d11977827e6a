/**
 * Whether a cached preflight result covers a request: Chromium's PreflightResult::EnsureAllowedRequest
 * as PreflightCache::CheckIfRequestCanSkipPreflight calls it (services/network/cors/preflight_result.cc):
 * 1. an entry stored without credentials never serves a credentialed request (the reverse is fine);
 * 2. the method must be listed (case-sensitive) or be GET/HEAD/POST; `*` covers any method only
 *    in an entry stored without credentials;
 * 3. `*` in the headers covers every header only without credentials, and the cache always uses the
 *    "non-wildcard request headers" variant: a request carrying Authorization is not served by `*`
 *    (a fresh preflight goes out, and then passes, reference §4.4); otherwise each CORS-unsafe name
 *    must be listed.
 */
import { asciiLowercase } from '../request/byte-strings';
import { isCorsSafelistedMethod } from '../request/methods';
import type { PreflightCacheEntry, PreflightCacheMiss, PreflightCacheQuery } from './types';

type Coverage = Pick<PreflightCacheQuery, 'includeCredentials' | 'method' | 'unsafeHeaders'>;

export function coverageMiss(entry: PreflightCacheEntry, query: Coverage): PreflightCacheMiss | null {
  const id = entry.preflightId;
  if (!entry.includeCredentials && query.includeCredentials) {
    return {
      kind: 'credentials',
      entry,
      text: `The cached preflight ${id} was for a request without credentials; a request with credentials needs its own preflight`,
    };
  }
  const wildcard = !entry.includeCredentials;
  const methodCovered =
    entry.methods.includes(query.method) || isCorsSafelistedMethod(query.method) || (wildcard && entry.methods.includes('*'));
  if (!methodCovered) {
    return { kind: 'method', name: query.method, entry, text: `The cached preflight ${id} did not allow the method ${query.method}` };
  }
  const unsafe = query.unsafeHeaders.map(asciiLowercase).filter((name) => name !== '');
  if (wildcard && entry.headers.includes('*')) {
    if (unsafe.includes('authorization') && !entry.headers.includes('authorization')) {
      return {
        kind: 'authorization-wildcard',
        name: 'authorization',
        entry,
        text: `The cached preflight ${id} allowed headers with '*', but Chrome never lets a cached '*' cover Authorization, so it sends a fresh preflight`,
      };
    }
    return null;
  }
  const missing = unsafe.find((name) => !entry.headers.includes(name));
  return missing === undefined
    ? null
    : { kind: 'header', name: missing, entry, text: `The cached preflight ${id} did not allow the header ${missing}` };
}
