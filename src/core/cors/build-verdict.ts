/**
 * Turns the walked rules and the reconciled outcome into the Verdict the UI, the advice and the export
 * read: CorsError fields, root cause (§10), findings, origin comparison and the one-line summary.
 */
import type { CredentialsMode, Finding, ObservedTransaction, RequestMode, RootCause, Verdict } from '../types';
import { compareOrigins, compareWithTarget } from '../origin/compare-origins';
import { culpritHeaderFor, firefoxReasonFor } from './error-catalogue';
import { FindingSink, buildFindings } from './findings';
import type { WalkResult } from './hop-rules';
import { reconcile } from './reconcile';
import type { Observation, Reconciled } from './reconcile';
import type { Route } from './route';
import { summarize } from './summary';
import { KNOWN } from './known-headers';

export interface VerdictInput {
  readonly tx: ObservedTransaction;
  readonly route: Route;
  readonly mode: RequestMode;
  /** What the verdict reports (may stay `unknown` when both modes agree). */
  readonly credentials: CredentialsMode;
  /** The mode the walk assumed. */
  readonly include: boolean;
  readonly walk: WalkResult;
  readonly seen: Observation;
  /** A finding evaluate() made before the walk's own (the credentials mode it deduced). */
  readonly firstFinding: Finding | null;
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

export function buildVerdict(input: VerdictInput): Verdict {
  const { tx, route, walk } = input;
  const result = reconcile(tx, walk, input.seen);
  const failure = result.failure;
  const hop = route.hops[walk.lastHop] ?? route.hops[0];
  const reachedServer = walk.reachedServer || (input.seen.deliveredOk && tx.response?.fromCache !== true);
  const ruleFailure = walk.failure?.kind === 'cors' ? walk.failure : null;
  const allowOrigin = ruleFailure !== null ? (ruleFailure.response?.valueOf(KNOWN.allowOrigin) ?? null) : walk.allowOrigin;
  const rootCause = result.outcome === 'blocked' ? rootCauseOfBlock(result) : result.rootCause;
  const sink = FINDINGS;
  sink.reset();
  if (input.firstFinding !== null) sink.add(input.firstFinding);
  if (result.finding !== null) sink.add(result.finding);
  buildFindings({ route, walk, outcome: result.outcome, include: input.include, credentialsUnknown: input.credentials === 'unknown', reachedServer }, sink);
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
    mode: input.mode,
    credentials: input.credentials,
    preflight: walk.preflight,
    origins: hop === undefined
      ? compareOrigins({ initiator: tx.initiator, targetUrl: tx.request.url, allowOrigin, originSent })
      : compareWithTarget({ initiator: tx.initiator, targetUrl: hop.url, allowOrigin, originSent }, hop.origin, route.initiator),
    rootCause,
    findings,
    summary: summarize({
      outcome: result.outcome,
      mode: input.mode,
      corsError: blocked ? failure.error : null,
      failedParameter: blocked ? failure.failedParameter : null,
      expected: blocked ? failure.expected : null,
      actual: blocked ? failure.actual : allowOrigin,
      rootCause,
      originSent,
      tainted: hop?.tainted === true,
      status: failure?.responseStatus ?? null,
      notCorsReason: null,
      reconciledRule: result.outcome === 'allowed' ? ruleName(walk) : null,
      failedInPreflight: result.networkStage?.kind === 'preflight',
    }),
  };
}
