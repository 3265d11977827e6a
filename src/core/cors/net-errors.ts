/**
 * Chromium net errors that are "not really CORS" (reference §7, §10). A CORS failure always ends with
 * net::ERR_FAILED; any other error means the browser never got far enough to run a CORS check.
 */
import type { RootCause } from '../types';

export const ERR_FAILED = 'net::ERR_FAILED';

/** Accepts both `net::ERR_X` (webRequest, CDP) and bare `ERR_X`. */
export function normalizeNetError(netError: string): string {
  return netError.startsWith('net::') ? netError : `net::${netError}`;
}

const BLOCKED_BY_CLIENT: ReadonlySet<string> = new Set(['net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_BLOCKED_BY_ADMINISTRATOR']);
const BAD_REDIRECT: ReadonlySet<string> = new Set(['net::ERR_UNSAFE_REDIRECT', 'net::ERR_INVALID_REDIRECT']);

/**
 * The root cause a non-CORS net error points at. Anything unrecognized (refused, reset, DNS, TLS,
 * timeouts, aborted) is a connection failure: there was no response to check.
 */
export function rootCauseForNetError(netError: string, lastLocation: string | null): RootCause {
  const normalized = normalizeNetError(netError);
  if (BLOCKED_BY_CLIENT.has(normalized)) return { kind: 'blocked-by-client', netError: normalized };
  if (normalized === 'net::ERR_TOO_MANY_REDIRECTS') return { kind: 'too-many-redirects' };
  if (BAD_REDIRECT.has(normalized) && lastLocation !== null) return { kind: 'invalid-redirect', location: lastLocation };
  return { kind: 'connection-failed', netError: normalized };
}
