/**
 * The rules, walked hop by hop in Chromium's end-to-end order (reference §7): mode → scheme →
 * preflight (§4.2) → Local Network Access → redirect checks in OnReceiveRedirect's order (§5) →
 * final CORS check (§3). Pure: facts in, the first failure (if any) and what was learned out.
 * The browser's own outcome is applied afterwards by the reconciler.
 */
import type { CorsErrorName, CredentialsMode, FailureStage, Finding, ObservedPreflight, ObservedRedirect, ObservedTransaction, PreflightInfo, RequestMode, RootCause } from '../types';
import { isSameOrigin, originPartsOfUrl } from '../origin/parse-origin';
import { isHttpScheme, schemeOf } from '../origin/whatwg-url';
import { checkAccess } from './access-check';
import { headerIndexOf, type HeaderIndex } from './header-index';
import { KNOWN } from './known-headers';
import { checkLocalNetworkAccess } from './local-network';
import { rootCauseForNetError } from './net-errors';
import { NO_PREFLIGHT, hopFactsOf, judgeHopPreflight, type HopPreflightOutcome } from './hop-preflight';
import type { Hop, Route } from './route';
import { RESPONSE_STAGE, preflightStage, redirectStage, requestStage } from './stages';

/** Reference §5.2: the 21st redirect is a network error. */
export const MAX_REDIRECTS = 20;

export type RuleFailure =
  | {
      readonly kind: 'cors';
      readonly error: CorsErrorName;
      readonly failedParameter: string;
      readonly stage: FailureStage;
      readonly hop: number;
      readonly expected: string | null;
      readonly actual: string | null;
      /** Headers of the response that failed the check (preflight, redirect or final), if any. */
      readonly response: HeaderIndex | null;
      readonly responseStatus: number | null;
    }
  | {
      readonly kind: 'network';
      readonly stage: FailureStage;
      readonly hop: number;
      readonly rootCause: RootCause;
      readonly netError: string | null;
    };

export interface PassedPreflight {
  readonly hop: number;
  readonly response: HeaderIndex;
  readonly completedAt: number | null;
  readonly authorizationCoveredByWildcard: boolean;
}

export interface CachedPreflight {
  readonly hop: number;
  readonly record: ObservedPreflight | null;
}

export interface WalkContext {
  readonly tx: ObservedTransaction;
  readonly route: Route;
  readonly mode: RequestMode;
  readonly canPreflight: boolean;
  /** The browser finished the request without an error. */
  readonly deliveredOk: boolean;
  readonly endedWithErrFailed: boolean;
  /** Local Network Access's answer, the same for both walks: judged once (undefined until then). */
  localNetwork: CorsErrorName | null | undefined;
}

export interface WalkResult {
  readonly failure: RuleFailure | null;
  /** The hop the walk ended at (the failing hop, or the last one). */
  readonly lastHop: number;
  /** Some hop ran with the CORS flag (reference §5.6: it is sticky once set). */
  readonly corsApplied: boolean;
  readonly reachedServer: boolean;
  readonly preflight: PreflightInfo;
  readonly passedPreflights: readonly PassedPreflight[];
  /** Hops whose preflight Chromium served from its preflight cache, with the cached record when known. */
  readonly cachedPreflights: readonly CachedPreflight[];
  /** A needed preflight was neither observed nor provably cached. */
  readonly unobservedPreflight: boolean;
  /** The Access-Control-Allow-Origin value the last CORS check looked at (combined), if any. */
  readonly allowOrigin: string | null;
  /** The final response's headers, indexed once here for the findings to reuse. */
  readonly finalResponse: HeaderIndex | null;
  /**
   * Some check looked at the credentials mode. checkAccess reads it only once
   * Access-Control-Allow-Origin is `*` or the origin itself (checkPreflight only after that), so
   * when no response got that far, walking with the other mode would decide exactly the same.
   */
  readonly credentialsConsulted: boolean;
  /**
   * Only from a walk without credentials asked to look ahead (walkRules' `withIncludeFailure`): the
   * failure the same walk with credentials: 'include' ends with, null when it passes. That walk
   * visits the same hops and runs the same checks until one of them fails, and `include` only
   * ever makes a check stricter (checkAccess, checkPreflight) and matters only where the check
   * reads the mode (`credentialsConsulted`), so its failure is the first of those checks that
   * fails with credentials, else this walk's own failure. Undefined when not asked.
   */
  readonly includeFailure?: RuleFailure | null;
}

/** How evaluate() settled the credentials mode, and the walk it kept. */
export interface CredentialsChoice {
  readonly walk: WalkResult;
  /** The mode the walk assumed. */
  readonly include: boolean;
  /** What the verdict reports (may stay `unknown` when both modes agree). */
  readonly credentials: CredentialsMode;
  /** A finding evaluate() made before the walk's own (the credentials mode it deduced). */
  readonly finding: Finding | null;
}

function corsFailure(
  hop: number, stage: FailureStage, error: CorsErrorName, failedParameter: string,
  expected: string | null, actual: string | null, response: HeaderIndex | null, responseStatus: number | null,
): RuleFailure {
  return { kind: 'cors', error, failedParameter, stage, hop, expected, actual, response, responseStatus };
}

/** Whether checkAccess will read the credentials mode for this Access-Control-Allow-Origin (see access-check.ts). */
function readsCredentials(allowOrigin: string | null, origin: string): boolean {
  return allowOrigin === '*' || (allowOrigin !== null && allowOrigin === origin);
}

/** ACAO/ACAC check of a redirect or final response (reference §3). */
function checkResponse(hop: Hop, stage: FailureStage, headers: HeaderIndex, status: number, include: boolean, seen: Collected): RuleFailure | null {
  const allowOrigin = headers.valueOf(KNOWN.allowOrigin);
  if (readsCredentials(allowOrigin, hop.originSent)) {
    seen.credentialsConsulted = true;
    if (seen.lookAhead && seen.includeFailure === undefined) {
      const withCredentials = accessFailure(hop, stage, headers, status, true, allowOrigin);
      if (withCredentials !== null) seen.includeFailure = withCredentials;
    }
  }
  return accessFailure(hop, stage, headers, status, include, allowOrigin);
}

function accessFailure(hop: Hop, stage: FailureStage, headers: HeaderIndex, status: number, include: boolean, allowOrigin: string | null): RuleFailure | null {
  const failure = checkAccess({ allowOrigin, allowCredentials: headers.valueOf(KNOWN.allowCredentials), include, origin: hop.originSent });
  if (failure === null) return null;
  const aboutCredentials = failure.error === 'InvalidAllowCredentials';
  return corsFailure(
    hop.index, stage, failure.error, failure.failedParameter,
    aboutCredentials ? 'true' : hop.originSent, aboutCredentials ? headers.valueOf(KNOWN.allowCredentials) : allowOrigin, headers, status,
  );
}

function isRevalidation304(hop: Hop, status: number): boolean {
  if (status !== 304) return false;
  const headers = headerIndexOf(hop.requestHeaders);
  return headers.valueOf(KNOWN.ifNoneMatch) !== null || headers.valueOf(KNOWN.ifModifiedSince) !== null;
}

/** Chromium's CheckRedirectLocation (reference §5.3). */
function redirectCarriesCredentials(hop: Hop, route: Route, mode: RequestMode, corsFlag: boolean): boolean {
  const target = hop.redirectTarget;
  if (target === null || (target.username === '' && target.password === '')) return false;
  if (corsFlag) return true;
  return mode === 'cors' && (hop.tainted || !isSameOrigin(route.initiator, originPartsOfUrl(target.href, target)));
}

/**
 * What the walk learns on its way: the WalkResult itself, filled in as the walk goes (one object per
 * walk; the preflight lists stay the shared empty one until something is added).
 */
interface Collected {
  failure: RuleFailure | null;
  lastHop: number;
  corsApplied: boolean;
  reachedServer: boolean;
  preflight: PreflightInfo;
  unobservedPreflight: boolean;
  allowOrigin: string | null;
  finalResponse: HeaderIndex | null;
  credentialsConsulted: boolean;
  passedPreflights: PassedPreflight[];
  cachedPreflights: CachedPreflight[];
  /** Also find the failure of the walk with credentials (see WalkResult.includeFailure). */
  lookAhead: boolean;
  includeFailure: RuleFailure | null | undefined;
}

const NONE_YET: never[] = [];

function preflightFailure(hop: Hop, outcome: Extract<HopPreflightOutcome, { kind: 'failed' }>): RuleFailure {
  const stage = preflightStage(hop.index);
  return corsFailure(hop.index, stage, outcome.error, outcome.failedParameter, outcome.expected, outcome.actual, outcome.response, hop.preflight?.response?.status ?? null);
}

/** Reference §4.2 for this hop's preflight, then Local Network Access (§7) for the first hop. */
function preflightAndLocalNetwork(ctx: WalkContext, hop: Hop, include: boolean, hasResponse: boolean, seen: Collected, firstCorsHop: boolean): RuleFailure | null {
  const preflightResponse = hop.preflight?.response;
  // checkPreflight runs checkAccess on the preflight response first (conservative: any preflight response counts).
  const consulted = preflightResponse ? readsCredentials(headerIndexOf(preflightResponse.headers).valueOf(KNOWN.allowOrigin), hop.originSent) : false;
  if (consulted) seen.credentialsConsulted = true;
  const facts = hopFactsOf(ctx, hop, hasResponse);
  if (firstCorsHop) seen.preflight = facts === null ? NO_PREFLIGHT : facts.info;
  const outcome = judgeHopPreflight(hop, facts, include, hasResponse, ctx.deliveredOk);
  if (consulted && seen.lookAhead && seen.includeFailure === undefined) {
    const withCredentials = judgeHopPreflight(hop, facts, true, hasResponse, ctx.deliveredOk);
    if (withCredentials.kind === 'failed') seen.includeFailure = preflightFailure(hop, withCredentials);
  }
  switch (outcome.kind) {
    case 'failed':
      seen.allowOrigin = outcome.response?.valueOf(KNOWN.allowOrigin) ?? null;
      return preflightFailure(hop, outcome);
    case 'network-error': {
      // Chromium fails the request with the preflight's own net error. DevTools may show the
      // preflight as CorsError InvalidResponse, but that is its warning, not a CORS verdict: we
      // report a network error with the net error as the root cause (reference §7).
      const stage = preflightStage(hop.index);
      return { kind: 'network', stage, hop: hop.index, rootCause: rootCauseForNetError(outcome.netError, null), netError: outcome.netError };
    }
    case 'passed': {
      const passed = { hop: hop.index, response: outcome.response, completedAt: hop.preflight?.completedAt ?? null, authorizationCoveredByWildcard: outcome.authorizationCoveredByWildcard };
      // The first one starts an exact-size list (an empty array would grow a 17-slot store on its first push).
      if (seen.passedPreflights === NONE_YET) seen.passedPreflights = [passed];
      else seen.passedPreflights.push(passed);
      break;
    }
    case 'cached': {
      const cached = { hop: hop.index, record: hop.preflight };
      if (seen.cachedPreflights === NONE_YET) seen.cachedPreflights = [cached];
      else seen.cachedPreflights.push(cached);
      break;
    }
    case 'unknown':
      seen.unobservedPreflight = true;
      break;
    case 'none':
      break;
  }
  if (hop.index !== 0) return null;
  if (ctx.localNetwork === undefined) {
    const gotResponse = hasResponse || (hop.preflight?.response !== null && hop.preflight?.response !== undefined);
    ctx.localNetwork = checkLocalNetworkAccess(ctx.route.initiator, hop.origin.host ?? '', gotResponse, ctx.endedWithErrFailed);
  }
  const lna = ctx.localNetwork;
  return lna === null ? null : corsFailure(0, requestStage(0), lna, '', null, null, null, null);
}

/** Reference §5 in OnReceiveRedirect's order: CORS check → (manual) → count → credentials in the URL. */
function redirectChecks(ctx: WalkContext, hop: Hop, redirect: ObservedRedirect, include: boolean, seen: Collected): RuleFailure | null {
  const stage = redirectStage(hop.index);
  const target = hop.redirectTarget;
  // The network stack rejects a bad Location before CORS sees the redirect (ERR_INVALID_REDIRECT / ERR_UNSAFE_REDIRECT).
  if (target === null || !isHttpScheme(schemeOf(target))) {
    return { kind: 'network', stage, hop: hop.index, rootCause: { kind: 'invalid-redirect', location: redirect.location }, netError: null };
  }
  if (seen.corsApplied) {
    const headers = headerIndexOf(redirect.headers);
    seen.allowOrigin = headers.valueOf(KNOWN.allowOrigin);
    const failure = checkResponse(hop, stage, headers, redirect.status, include, seen);
    if (failure !== null) return failure;
  }
  if (hop.index >= MAX_REDIRECTS) {
    return { kind: 'network', stage, hop: hop.index, rootCause: { kind: 'too-many-redirects' }, netError: null };
  }
  if (redirectCarriesCredentials(hop, ctx.route, ctx.mode, seen.corsApplied)) {
    return corsFailure(hop.index, stage, 'RedirectContainsCredentials', '', null, redirect.location, null, redirect.status);
  }
  return null;
}

/** Checks one hop; null when the walk goes on. */
function walkHop(ctx: WalkContext, hop: Hop, include: boolean, seen: Collected): RuleFailure | null {
  const finalResponse = hop.index === ctx.route.hops.length - 1 ? ctx.route.finalResponse : null;
  const hasResponse = hop.redirect !== null || finalResponse !== null;
  // Reference §5: a same-origin-mode request that lands cross-origin fails, at any hop.
  if (ctx.mode === 'same-origin' && !hop.sameOriginWithInitiator) {
    return corsFailure(hop.index, requestStage(hop.index), 'DisallowedByMode', '', ctx.route.initiator.serialized, hop.origin.serialized, null, null);
  }
  const firstCorsHop = !seen.corsApplied && !hop.sameOriginWithInitiator;
  seen.corsApplied = seen.corsApplied || !hop.sameOriginWithInitiator;
  if (seen.corsApplied) {
    if (!isHttpScheme(hop.scheme)) return corsFailure(hop.index, requestStage(hop.index), 'CorsDisabledScheme', '', 'http or https', hop.scheme, null, null);
    const failure = preflightAndLocalNetwork(ctx, hop, include, hasResponse, seen, firstCorsHop);
    if (failure !== null) return failure;
  }
  // A response out of the HTTP cache never left the browser.
  if (hop.redirect !== null || (finalResponse !== null && finalResponse.fromCache !== true)) seen.reachedServer = true;
  if (hop.redirect !== null) return redirectChecks(ctx, hop, hop.redirect, include, seen);
  if (finalResponse === null || !seen.corsApplied || isRevalidation304(hop, finalResponse.status)) return null;
  seen.finalResponse = headerIndexOf(finalResponse.headers);
  seen.allowOrigin = seen.finalResponse.valueOf(KNOWN.allowOrigin);
  return checkResponse(hop, RESPONSE_STAGE, seen.finalResponse, finalResponse.status, include, seen);
}

/**
 * `withIncludeFailure` (a walk without credentials only): also find the failure the walk with
 * credentials: 'include' would end with (WalkResult.includeFailure), without walking again.
 */
export function walkRules(ctx: WalkContext, include: boolean, withIncludeFailure = false): WalkResult {
  const lookAhead = withIncludeFailure && !include;
  const seen: Collected = {
    failure: null, lastHop: 0, corsApplied: false, reachedServer: false, preflight: NO_PREFLIGHT, unobservedPreflight: false,
    allowOrigin: null, finalResponse: null, credentialsConsulted: false, passedPreflights: NONE_YET, cachedPreflights: NONE_YET,
    lookAhead, includeFailure: undefined,
  };
  const hops = ctx.route.hops;
  for (let i = 0; i < hops.length; i++) {
    const hop = hops[i];
    if (hop === undefined) continue;
    seen.lastHop = hop.index;
    seen.failure = walkHop(ctx, hop, include, seen);
    if (seen.failure !== null) break;
  }
  // No check failed with credentials before this walk ended: that walk ends the same way.
  if (lookAhead && seen.includeFailure === undefined) seen.includeFailure = seen.failure;
  return seen;
}
