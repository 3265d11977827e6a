/**
 * Forbidden request headers (reference §2.5): a page cannot set them (the browser drops them
 * silently), so they never count towards a preflight; Chromium skips them when it computes
 * Access-Control-Request-Headers. The list is net::HttpUtil::IsSafeHeader's, which is the spec's
 * plus `User-Agent` and `Access-Control-Request-Private-Network`.
 */
import { asciiLowercase } from './byte-strings';
import { isForbiddenMethod } from './methods';

export const FORBIDDEN_REQUEST_HEADER_NAMES: readonly string[] = [
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
];

export const FORBIDDEN_REQUEST_HEADER_PREFIXES: readonly string[] = ['proxy-', 'sec-'];

/** Forbidden only when their value names a forbidden method (CONNECT, TRACE, TRACK). */
export const METHOD_OVERRIDE_HEADER_NAMES: readonly string[] = ['x-http-method', 'x-http-method-override', 'x-method-override'];

/** Response headers script never sees, whatever Access-Control-Expose-Headers says (reference §6). */
export const NEVER_EXPOSED_RESPONSE_HEADER_NAMES: readonly string[] = ['set-cookie', 'set-cookie2'];

/** Whether the page could not have set this header (name, value). */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = asciiLowercase(name);
  if (FORBIDDEN_REQUEST_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix))) return true;
  if (FORBIDDEN_REQUEST_HEADER_NAMES.includes(lower)) return true;
  if (METHOD_OVERRIDE_HEADER_NAMES.includes(lower)) {
    // Chromium walks the comma-separated values with surrounding spaces/tabs trimmed (ValuesIterator).
    return value.split(',').some((token) => isForbiddenMethod(token.replace(/^[ \t]+|[ \t]+$/g, '')));
  }
  return false;
}

export function isNeverExposedResponseHeader(name: string): boolean {
  return NEVER_EXPOSED_RESPONSE_HEADER_NAMES.includes(asciiLowercase(name));
}
