/**
 * evaluate(): one observed transaction in, Chromium's decision out (reference §0-§10).
 *
 * Runs on every request the extension sees, so it stays allocation-light: each header list is
 * indexed in one pass for the names the checks ask about (known-headers.ts), plain http(s) URLs skip
 * the URL parser (fast-http-url.ts), each hop's preflight facts are judged once, and the rules walk
 * twice only when the capture cannot tell the credentials mode and some response made it matter.
 */
import type { CredentialsMode, Finding, ObservedTransaction, OriginComparison, RequestMode, Verdict } from '../types';
import { compareWithTarget } from '../origin/compare-origins';
import { originPartsOfUrl, parseOrigin } from '../origin/parse-origin';
import { isHttpScheme, parseUrl, schemeOf, type WhatwgUrl } from '../origin/whatwg-url';
import { normalizeMethod } from '../request/index';
import { buildVerdict } from './build-verdict';
import { closeHeaderScope, headerIndexOf, openHeaderScope } from './header-index';
import { NO_PREFLIGHT } from './hop-preflight';
import { walkRules } from './hop-rules';
import type { CredentialsChoice, RuleFailure, WalkContext } from './hop-rules';
import { canBePreflighted, inferCredentials, inferMode } from './mode-inference';
import { ERR_FAILED } from './net-errors';
import { observe } from './reconcile';
import type { Observation } from './reconcile';
import { buildRoute } from './route';

/** Schemes that never reach a CORS check: the fetch succeeds or fails by other rules. */
const NON_NETWORK_SCHEMES: ReadonlySet<string> = new Set([
  'data', 'blob', 'about', 'javascript', 'chrome-extension', 'chrome', 'devtools', 'filesystem', 'ws', 'wss',
]);

/**
 * Chromium's font loader (and back/forward loads) first ask the HTTP cache only; a miss ends that
 * request with net::ERR_CACHE_MISS and the browser fetches again over the network. Not a failure.
 */
const ERR_CACHE_MISS = 'net::ERR_CACHE_MISS';
const CACHE_PROBE = 'A cache-only lookup that missed (net::ERR_CACHE_MISS); Chromium fetches the resource again over the network.';

function notCorsByMode(mode: RequestMode): string | null {
  switch (mode) {
    case 'no-cors': return 'A no-cors request (e.g. <img> or <script> without crossorigin): the response is opaque and no CORS check runs.';
    case 'navigate': return 'A navigation: CORS does not apply.';
    case 'websocket': return 'A WebSocket handshake: CORS does not apply (the server must check Origin itself).';
    default: return null;
  }
}

/** `url`: the request URL, parsed (null when it does not parse). */
function notCorsReason(tx: ObservedTransaction, mode: RequestMode, url: WhatwgUrl | null): string | null {
  if (tx.initiator === null) return 'Started by the browser, not by a page: CORS does not apply.';
  const byMode = notCorsByMode(mode);
  if (byMode !== null) return byMode;
  const scheme = url === null ? '' : schemeOf(url);
  if (isHttpScheme(scheme)) return null;
  // Other schemes reach the rules only to report CorsDisabledScheme / DisallowedByMode (reference §7).
  if (scheme === '' || NON_NETWORK_SCHEMES.has(scheme)) return 'Not an http(s) URL: CORS does not apply.';
  return null;
}

/** The page and the target side by side, for a request no CORS check looked at (null when the URL does not parse). */
function comparisonWithoutCheck(tx: ObservedTransaction): OriginComparison | null {
  const url = parseUrl(tx.request.url);
  if (url === null) return null;
  return compareWithTarget(tx.initiator, null, null, originPartsOfUrl(tx.request.url, url));
}

function notCorsVerdict(tx: ObservedTransaction, mode: RequestMode, credentials: CredentialsMode, reason: string): Verdict {
  return {
    outcome: 'not-cors',
    corsError: null,
    failedParameter: null,
    firefoxReason: null,
    stage: null,
    header: null,
    expected: null,
    actual: null,
    reachedServer: (tx.response !== null && tx.response !== undefined && tx.response.fromCache !== true) || (tx.redirects?.length ?? 0) > 0,
    mode,
    credentials,
    preflight: NO_PREFLIGHT,
    origins: comparisonWithoutCheck(tx),
    rootCause: null,
    findings: [],
    summary: reason,
  };
}

function sameRuleOutcome(fa: RuleFailure | null, fb: RuleFailure | null): boolean {
  if (fa === null || fb === null) return fa === fb;
  if (fa.kind === 'cors' && fb.kind === 'cors') return fa.error === fb.error && fa.failedParameter === fb.failedParameter;
  return fa.kind === fb.kind;
}

/** The three ways the credentials mode gets settled, each one shared, frozen finding (findings are only ever read). */
function credentialsFinding(message: string, subject: 'include' | 'same-origin'): Finding {
  return Object.freeze({ code: 'credentials-inferred', severity: 'info', message, subjects: Object.freeze([subject]) });
}
const DEDUCED_INCLUDE = credentialsFinding("Sent with credentials: 'include' (deduced: only that mode explains why the browser blocked it).", 'include');
const DEDUCED_WITHOUT = credentialsFinding(
  "Sent without credentials (deduced from how the browser ended it). With credentials: 'include' this response would be blocked: the server would also have to send Access-Control-Allow-Credentials: true and the exact origin.",
  'same-origin',
);
const ASSUMED_WITHOUT = credentialsFinding(
  "The capture does not show the credentials mode, and the verdict depends on it; assumed the default (not include). With credentials: 'include' the result would differ.",
  'same-origin',
);

/**
 * Credentials unknown: walk as `include` and as not-include. If they disagree, keep the one that
 * matches what the browser did (net::ERR_FAILED → the blocking one; delivered → the passing one;
 * otherwise assume fetch's default, not include). The walk without credentials also tells how
 * the one with them ends (WalkResult.includeFailure), so that one is walked only when it is kept.
 */
function resolveUnknownCredentials(ctx: WalkContext, seen: Observation): CredentialsChoice {
  const without = walkRules(ctx, false, true);
  // No check read the mode: the walk with credentials would decide exactly the same, step by step.
  if (!without.credentialsConsulted) return { walk: without, include: false, credentials: 'unknown', finding: null };
  const withFailure = without.includeFailure ?? null;
  if (sameRuleOutcome(withFailure, without.failure)) return { walk: without, include: false, credentials: 'unknown', finding: null };
  const blocksWith = withFailure !== null;
  const blocksWithout = without.failure !== null;
  let include = false;
  if (seen.netError === ERR_FAILED) include = blocksWith && !blocksWithout;
  else if (seen.deliveredOk) include = !blocksWith && blocksWithout;
  const deduced = seen.netError === ERR_FAILED || seen.deliveredOk;
  const finding = include ? DEDUCED_INCLUDE : deduced ? DEDUCED_WITHOUT : ASSUMED_WITHOUT;
  return { walk: include ? walkRules(ctx, true) : without, include, credentials: include ? 'include' : 'same-origin', finding };
}

export function evaluate(tx: ObservedTransaction): Verdict {
  const outer = openHeaderScope();
  try {
    return evaluateInScope(tx);
  } finally {
    closeHeaderScope(outer);
  }
}

function evaluateInScope(tx: ObservedTransaction): Verdict {
  const requestHeaders = headerIndexOf(tx.request.headers);
  const mode = inferMode(tx, requestHeaders, normalizeMethod(tx.request.method));
  const seen = observe(tx);
  const url = parseUrl(tx.request.url);
  const early = notCorsReason(tx, mode, url) ?? (seen.netError === ERR_CACHE_MISS && !tx.response ? CACHE_PROBE : null);
  if (early !== null || tx.initiator === null) {
    return notCorsVerdict(tx, mode, tx.credentials ?? 'unknown', early ?? '');
  }
  const route = buildRoute(tx, parseOrigin(tx.initiator), seen.deliveredOk, url);
  const firstHop = route.hops[0];
  const stated = inferCredentials(tx, requestHeaders, firstHop !== undefined && !firstHop.sameOriginWithInitiator);
  const ctx: WalkContext = {
    tx, route, mode, canPreflight: canBePreflighted(tx.resourceType), deliveredOk: seen.deliveredOk, endedWithErrFailed: seen.netError === ERR_FAILED,
    localNetwork: undefined,
  };
  const chosen: CredentialsChoice = stated === 'unknown'
    ? resolveUnknownCredentials(ctx, seen)
    : { walk: walkRules(ctx, stated === 'include'), include: stated === 'include', credentials: stated, finding: null };
  const failure = chosen.walk.failure;
  if (!chosen.walk.corsApplied && (failure === null || failure.kind === 'network')) {
    return notCorsVerdict(tx, mode, chosen.credentials, 'Same-origin request: CORS does not apply.');
  }
  return buildVerdict(ctx, seen, chosen);
}
