/**
 * What every stack's snippet builder receives (the request's needs in the shape configs want) and
 * how pitfalls are ranked: each pitfall names the failure topics it explains, and the ones matching
 * this failure are listed first.
 */
import type { CorsErrorName, Verdict } from '../../types';
import type { CorsNeeds } from '../request-facts';

export type PitfallTopic =
  | 'error-status' // an error response (4xx/5xx) without CORS headers
  | 'preflight-status' // the preflight answered with a non-2xx status
  | 'preflight-redirect'
  | 'credentials' // wildcard with credentials, missing Access-Control-Allow-Credentials
  | 'origin-mismatch' // wrong origin string: trailing slash, port, scheme
  | 'duplicate-origin' // two layers both add Access-Control-Allow-Origin
  | 'missing-origin'
  | 'methods'
  | 'headers'
  | 'expose'
  | 'cache';

export interface Pitfall {
  readonly text: string;
  readonly topics: readonly PitfallTopic[];
}

export interface SnippetInput {
  /** Access-Control-Allow-Origin value: the exact origin, or `*`. */
  readonly origin: string;
  readonly anyOrigin: boolean;
  readonly credentials: boolean;
  /** Methods to configure: GET, HEAD, POST (what frameworks allow by default) plus this request's. */
  readonly methods: readonly string[];
  /** Lowercased request header names to allow (empty: none needed beyond the safelisted ones). */
  readonly headers: readonly string[];
  readonly expose: readonly string[];
  readonly preflight: boolean;
  readonly maxAge: number;
}

export interface SnippetBody {
  readonly language: string;
  readonly code: string;
  readonly pitfalls: readonly Pitfall[];
}

export type SnippetBuilder = (input: SnippetInput) => SnippetBody;

/** Seconds to cache a preflight: long enough to matter, under Chromium's 7200 s cap (reference §4.6). */
const SUGGESTED_MAX_AGE = 600;

export function snippetInput(needs: CorsNeeds): SnippetInput {
  return {
    origin: needs.allowOrigin,
    anyOrigin: needs.allowOrigin === '*',
    credentials: needs.credentials,
    methods: [...new Set(['GET', 'HEAD', 'POST', needs.method])],
    headers: needs.requestHeaders,
    expose: needs.exposeHeaders,
    preflight: needs.preflight,
    maxAge: SUGGESTED_MAX_AGE,
  };
}

const TOPICS_BY_ERROR: Partial<Record<CorsErrorName, PitfallTopic>> = {
  WildcardOriginNotAllowed: 'credentials',
  PreflightWildcardOriginNotAllowed: 'credentials',
  InvalidAllowCredentials: 'credentials',
  PreflightInvalidAllowCredentials: 'credentials',
  AllowOriginMismatch: 'origin-mismatch',
  PreflightAllowOriginMismatch: 'origin-mismatch',
  InvalidAllowOriginValue: 'origin-mismatch',
  PreflightInvalidAllowOriginValue: 'origin-mismatch',
  MultipleAllowOriginValues: 'duplicate-origin',
  PreflightMultipleAllowOriginValues: 'duplicate-origin',
  MissingAllowOriginHeader: 'missing-origin',
  PreflightMissingAllowOriginHeader: 'missing-origin',
  PreflightInvalidStatus: 'preflight-status',
  PreflightDisallowedRedirect: 'preflight-redirect',
  MethodDisallowedByPreflightResponse: 'methods',
  InvalidAllowMethodsPreflightResponse: 'methods',
  HeaderDisallowedByPreflightResponse: 'headers',
  InvalidAllowHeadersPreflightResponse: 'headers',
};

/** The topics this verdict is about, to rank each stack's pitfalls. */
export function verdictTopics(verdict: Verdict): ReadonlySet<PitfallTopic> {
  const topics = new Set<PitfallTopic>();
  const byError = verdict.corsError ? TOPICS_BY_ERROR[verdict.corsError] : undefined;
  if (byError) topics.add(byError);
  const cause = verdict.rootCause;
  if (cause?.kind === 'http-error-without-cors') topics.add(cause.stage === 'preflight' ? 'preflight-status' : 'error-status');
  if (cause?.kind === 'preflight-rejected') topics.add('preflight-status');
  for (const f of verdict.findings) {
    if (f.code === 'headers-not-exposed') topics.add('expose');
    if (f.code === 'reflected-origin-without-vary') topics.add('cache');
    if (f.code === 'reflected-origin-with-credentials') topics.add('credentials');
  }
  return topics;
}

/** Pitfall texts, the ones about this failure first (stable within each group). */
export function rankPitfalls(pitfalls: readonly Pitfall[], topics: ReadonlySet<PitfallTopic>): string[] {
  const relevant = (p: Pitfall): boolean => p.topics.some((t) => topics.has(t));
  return [...pitfalls.filter(relevant), ...pitfalls.filter((p) => !relevant(p))].map((p) => p.text);
}
