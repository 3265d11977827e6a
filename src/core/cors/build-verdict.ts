/**
 * Turns the walked rules and the reconciled outcome into the Verdict the UI, the advice and the export
 * read: CorsError fields, root cause (§10), findings, origin comparison and the one-line summary.
 */
import type { ObservedTransaction, RequestMode, RootCause, Verdict } from '../types';
import { compareOrigins, compareWithTarget } from '../origin/compare-origins';
import { culpritHeaderFor, firefoxReasonFor } from './error-catalogue';
import { FindingSink, buildFindings } from './findings';
import type { CredentialsChoice, WalkResult } from './hop-rules';
import { reconcile } from './reconcile';
import type { Observation, Reconciled } from './reconcile';
import type { Hop, Route } from './route';
import { BLOCKED_WITHOUT_RULE, NOT_CORS_SUMMARY, allowedSummary, blockedSummary, networkSummary } from './summary';
import { KNOWN } from './known-headers';

/** The transaction and what evaluate() made of it before the rules ran (its walk context has it all). */
export interface VerdictContext {
  readonly tx: ObservedTransaction;
  readonly route: Route;
  readonly mode: RequestMode;
}

/** evaluate() judges one transaction at a time, so one sink serves every verdict. */
const FINDINGS = new FindingSink();

/** Reference §10: an HTTP error behind the CORS error is the thing to fix first. */
function rootCauseOfBlock(result: Reconciled): RootCause | null {
  const failure = result.failure;
  if (failure === null || failure.responseStatus === null) return null;
  const status = failure.responseStatus;
  if (failure.stage.kind === 'preflight') {
    if (status >= 200 && status <= 299) return null;
    const hasAllowOrigin = (failure.response?.valueOf(KNOWN.allowOrigin) ?? null) !== null;
    if (status === 401 || status === 403 || status === 405 || hasAllowOrigin) return { kind: 'preflight-rejected', status };
    return { kind: 'http-error-without-cors', status, stage: 'preflight' };
  }
  if (failure.stage.kind === 'response' && status >= 400 && failure.error === 'MissingAllowOriginHeader') {
    return { kind: 'http-error-without-cors', status, stage: 'response' };
  }
  return null;
}

function ruleName(walk: WalkResult): string | null {
  const failure = walk.failure;
  if (failure === null) return null;
  return failure.kind === 'cors' ? failure.error : failure.rootCause.kind;
}

export function buildVerdict(ctx: VerdictContext, seen: Observation, chosen: CredentialsChoice): Verdict {
  const { tx, route } = ctx;
  const walk = chosen.walk;
  const result = reconcile(tx, walk, seen);
  const failure = result.failure;
  const hop = route.hops[walk.lastHop] ?? route.hops[0];
  const reachedServer = walk.reachedServer || (seen.deliveredOk && tx.response?.fromCache !== true);
  const ruleFailure = walk.failure?.kind === 'cors' ? walk.failure : null;
  const allowOrigin = ruleFailure !== null ? (ruleFailure.response?.valueOf(KNOWN.allowOrigin) ?? null) : walk.allowOrigin;
  const rootCause = result.outcome === 'blocked' ? rootCauseOfBlock(result) : result.rootCause;
  const sink = FINDINGS;
  sink.reset();
  if (chosen.finding !== null) sink.add(chosen.finding);
  if (result.finding !== null) sink.add(result.finding);
  buildFindings(route, chosen, result.outcome, reachedServer, sink);
  const findings = sink.take();
  const originSent = hop?.originSent ?? null;
  const blocked = result.outcome === 'blocked' && failure !== null;
  return {
    outcome: result.outcome,
    corsError: blocked ? failure.error : null,
    failedParameter: blocked ? failure.failedParameter : null,
    firefoxReason: blocked
      ? firefoxReasonFor(failure.error, failure.response?.countOf(KNOWN.allowOrigin) ?? 0)
      : result.outcome === 'network-error' ? 'CORSDidNotSucceed' : null,
    stage: blocked ? failure.stage : result.networkStage,
    header: blocked ? culpritHeaderFor(failure.error) : null,
    expected: blocked ? failure.expected : null,
    actual: blocked ? failure.actual : null,
    reachedServer,
    mode: ctx.mode,
    credentials: chosen.credentials,
    preflight: walk.preflight,
    origins: hop === undefined
      ? compareOrigins({ initiator: tx.initiator, targetUrl: tx.request.url, allowOrigin, originSent })
      : compareWithTarget(tx.initiator, allowOrigin, originSent, hop.origin, route.initiator),
    rootCause,
    findings,
    summary: summaryOf(result, walk, rootCause, allowOrigin, hop),
  };
}

/** The verdict's one line (summary.ts words it); only a blocked verdict needs the failure's details. */
function summaryOf(result: Reconciled, walk: WalkResult, rootCause: RootCause | null, allowOrigin: string | null, hop: Hop | undefined): string {
  switch (result.outcome) {
    case 'blocked': {
      const failure = result.failure;
      if (failure === null) return BLOCKED_WITHOUT_RULE;
      return blockedSummary(failure.error, {
        failedParameter: failure.failedParameter,
        actual: failure.actual,
        originSent: hop?.originSent ?? null,
        tainted: hop?.tainted === true,
        status: failure.responseStatus,
      });
    }
    case 'network-error':
      return networkSummary(rootCause, result.networkStage?.kind === 'preflight');
    case 'allowed':
      return allowedSummary(allowOrigin, ruleName(walk));
    case 'not-cors':
      return NOT_CORS_SUMMARY;
  }
}
