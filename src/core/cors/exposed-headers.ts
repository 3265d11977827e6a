/**
 * What script can read from a CORS response (reference §6): the safelisted response headers plus the
 * names in Access-Control-Expose-Headers. `*` exposes everything only without credentials; one
 * invalid token makes the whole list expose nothing extra; Set-Cookie is never exposed.
 */
import type { HeaderIndex } from './header-index';
import { parseTokenList } from './http-syntax';
import { createNameTable, startsWithLowercased } from '../util/name-table';
import { createBoundedMemo } from '../util/bounded-memo';
import { KNOWN } from './known-headers';

export const SAFELISTED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma',
]);

const NEVER_EXPOSED: ReadonlySet<string> = new Set(['set-cookie', 'set-cookie2']);

/**
 * Headers about the connection, the server or browser policy, which page script has no use for:
 * flagging them as "not readable" would be noise on nearly every response.
 */
const INFRASTRUCTURE: ReadonlySet<string> = new Set([
  'connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection', 'date', 'server',
  'vary', 'via', 'alt-svc', 'age', 'content-encoding', 'x-powered-by', 'strict-transport-security', 'report-to',
  'reporting-endpoints', 'nel', 'timing-allow-origin', 'cross-origin-resource-policy', 'cross-origin-opener-policy',
  'cross-origin-embedder-policy', 'x-content-type-options', 'content-security-policy',
  'content-security-policy-report-only', 'permissions-policy', 'referrer-policy', 'x-frame-options', 'x-xss-protection',
  'origin-agent-cluster', 'server-timing', 'accept-ch',
]);

export interface ExposedHeaders {
  /** `*` applied: every header but Set-Cookie is readable. */
  readonly all: boolean;
  /** Lowercased names listed (and valid) in Access-Control-Expose-Headers. */
  readonly listed: ReadonlySet<string>;
}

const NOTHING_LISTED: ReadonlySet<string> = new Set();

export function parseExposeHeaders(value: string | null, include: boolean): ExposedHeaders {
  const tokens = value === null ? null : parseTokenList(value, true);
  if (tokens === null) return { all: false, listed: NOTHING_LISTED };
  // With credentials `*` only matches a header literally named `*`.
  return { all: !include && tokens.includes('*'), listed: new Set(tokens) };
}

/**
 * parseExposeHeaders, remembered by value (a server repeats its Access-Control-Expose-Headers on
 * every response); the answers are shared, only ever read.
 */
function exposedHeadersOf(value: string | null, include: boolean): ExposedHeaders {
  if (value === null) return NOTHING_EXPOSED;
  return (include ? EXPOSED_WITH_CREDENTIALS : EXPOSED).get(value, include ? parseWithCredentials : parseWithout);
}

const NOTHING_EXPOSED: ExposedHeaders = Object.freeze({ all: false, listed: NOTHING_LISTED });
const EXPOSED = createBoundedMemo<ExposedHeaders>(128);
const EXPOSED_WITH_CREDENTIALS = createBoundedMemo<ExposedHeaders>(128);
const parseWithout = (value: string): ExposedHeaders => Object.freeze(parseExposeHeaders(value, false));
const parseWithCredentials = (value: string): ExposedHeaders => Object.freeze(parseExposeHeaders(value, true));

/** Whether script can read `name` (lowercase) from a CORS response. */
export function isExposed(name: string, exposed: ExposedHeaders): boolean {
  if (NEVER_EXPOSED.has(name)) return false;
  return exposed.all || SAFELISTED_RESPONSE_HEADERS.has(name) || exposed.listed.has(name);
}

/**
 * Names never listed whatever Access-Control-Expose-Headers says: never exposed, infrastructure, or
 * always readable (safelisted). Matched as their lowercase, straight off the response's spelling.
 */
const NEVER_LISTED = createNameTable([...NEVER_EXPOSED, ...INFRASTRUCTURE, ...SAFELISTED_RESPONSE_HEADERS].map((name) => [name, true] as const), 'lowercase');

/**
 * Response headers present that `headers.get()` will not return, sorted. Set-Cookie (never readable,
 * even same-origin), the Access-Control-* headers (protocol plumbing) and connection or policy
 * headers are left out: listing them would drown the names a developer actually tries to read.
 *
 * Runs on every allowed response, most of which hold only such headers: those are ruled out by
 * name before anything is lowercased or Access-Control-Expose-Headers is parsed.
 */
export function unexposedHeaderNames(response: HeaderIndex, include: boolean): string[] {
  let hidden: string[] | null = null;
  let exposed: ExposedHeaders | null = null;
  const lines = response.lines();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]?.name;
    if (raw === undefined) continue;
    if (NEVER_LISTED.get(raw) === true || startsWithLowercased(raw, 'access-control-')) continue;
    const name = raw.toLowerCase();
    exposed ??= exposedHeadersOf(response.valueOf(KNOWN.exposeHeaders), include);
    if (isExposed(name, exposed)) continue;
    hidden ??= [];
    if (!hidden.includes(name)) hidden.push(name);
  }
  return hidden === null ? [] : hidden.sort();
}
