/**
 * Forbidden request headers (reference §2.5): a page cannot set them (the browser drops them
 * silently), so they never count towards a preflight; Chromium skips them when it computes
 * Access-Control-Request-Headers. The list is net::HttpUtil::IsSafeHeader's, which is the spec's
 * plus `User-Agent` and `Access-Control-Request-Private-Network`.
 */
import { asciiLowercase, lowerHeaderName } from './byte-strings';
import { isForbiddenMethod } from './methods';
import { createBoundedMemo } from '../util/bounded-memo';

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

const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(FORBIDDEN_REQUEST_HEADER_NAMES);
const METHOD_OVERRIDE_NAMES: ReadonlySet<string> = new Set(METHOD_OVERRIDE_HEADER_NAMES);

const ALLOWED = 0;
const FORBIDDEN = 1;
const BY_VALUE = 2;

function classifyName(name: string): number {
  const lower = lowerHeaderName(name);
  if (FORBIDDEN_REQUEST_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix))) return FORBIDDEN;
  if (FORBIDDEN_NAMES.has(lower)) return FORBIDDEN;
  return METHOD_OVERRIDE_NAMES.has(lower) ? BY_VALUE : ALLOWED;
}

/** Runs for every header of every request; a browser sends a few dozen distinct names, spelled the same way each time. */
const NAME_CLASSES = createBoundedMemo<number>(512);

/** Whether the page could not have set this header (name, value). */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const kind = NAME_CLASSES.get(name, classifyName);
  if (kind !== BY_VALUE) return kind === FORBIDDEN;
  // Chromium walks the comma-separated values with surrounding spaces/tabs trimmed (ValuesIterator).
  return value.split(',').some((token) => isForbiddenMethod(token.replace(/^[ \t]+|[ \t]+$/g, '')));
}

export function isNeverExposedResponseHeader(name: string): boolean {
  return NEVER_EXPOSED_RESPONSE_HEADER_NAMES.includes(asciiLowercase(name));
}
