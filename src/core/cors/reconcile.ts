/**
 * The rules' answer measured against what the browser did (it is the judge of record): a request the
 * browser delivered is never `blocked`; net::ERR_FAILED with no failing rule is not `blocked` either;
 * any other net error means no CORS check ran. Disagreements surface as a 'verdict-reconciled' finding.
 */
import type { FailureStage, Finding, ObservedTransaction, Outcome, RootCause } from '../types';
import type { RuleFailure, WalkResult } from './hop-rules';
import { ERR_FAILED, normalizeNetError, rootCauseForNetError } from './net-errors';
import { requestStage } from './stages';

export interface Observation {
  /** Normalized net error (`net::ERR_X`), null when none. */
  readonly netError: string | null;
  /** Completed without an error. */
  readonly deliveredOk: boolean;
}

export interface Reconciled {
  readonly outcome: Outcome;
  /** The rule failure the verdict reports (null when allowed or when a net error overrides it). */
  readonly failure: Extract<RuleFailure, { kind: 'cors' }> | null;
  readonly networkStage: FailureStage | null;
  readonly rootCause: RootCause | null;
  readonly finding: Finding | null;
}

function ruleName(failure: RuleFailure): string {
  return failure.kind === 'cors' ? failure.error : failure.rootCause.kind;
}

function reconciledFinding(message: string, subject: string | null): Finding {
  return { code: 'verdict-reconciled', severity: 'warning', message, ...(subject === null ? {} : { subjects: [subject] }) };
}

function lastLocation(tx: ObservedTransaction): string | null {
  const redirects = tx.redirects ?? [];
  return redirects[redirects.length - 1]?.location ?? null;
}

/** The answer for nearly every delivered request, shared (only ever read). */
const ALLOWED: Reconciled = Object.freeze({ outcome: 'allowed', failure: null, networkStage: null, rootCause: null, finding: null });

export function observe(tx: ObservedTransaction): Observation {
  const raw = tx.netError ?? null;
  const netError = raw === null || raw === '' ? null : normalizeNetError(raw);
  return { netError, deliveredOk: tx.completed === true && netError === null };
}

export function reconcile(tx: ObservedTransaction, walk: WalkResult, seen: Observation): Reconciled {
  const failure = walk.failure;

  if (seen.netError !== null && seen.netError !== ERR_FAILED) {
    // A CORS failure always ends as net::ERR_FAILED; anything else happened before or instead of CORS.
    if (failure?.kind === 'network') return { outcome: 'network-error', failure: null, networkStage: failure.stage, rootCause: failure.rootCause, finding: null };
    const finding = failure === null ? null : reconciledFinding(
      `The rules point at ${ruleName(failure)}, but the browser reported ${seen.netError}, which is not a CORS failure.`, ruleName(failure),
    );
    return { outcome: 'network-error', failure: null, networkStage: requestStage(walk.lastHop), rootCause: rootCauseForNetError(seen.netError, lastLocation(tx)), finding };
  }
  if (seen.deliveredOk) {
    if (failure === null) return ALLOWED;
    const finding = reconciledFinding(
      `The rules say ${ruleName(failure)}, but Chromium delivered the response, so it was allowed. The capture may be missing something (a cached preflight, a header added later).`,
      ruleName(failure),
    );
    return { outcome: 'allowed', failure: null, networkStage: null, rootCause: null, finding };
  }
  if (failure?.kind === 'network') return { outcome: 'network-error', failure: null, networkStage: failure.stage, rootCause: failure.rootCause, finding: null };
  if (failure !== null) return { outcome: 'blocked', failure, networkStage: null, rootCause: null, finding: null };
  if (seen.netError === ERR_FAILED) {
    const message = walk.unobservedPreflight
      ? 'The request needed a preflight the capture did not see and ended with net::ERR_FAILED: the preflight most likely failed. Not blocked on what we can see.'
      : 'The request ended with net::ERR_FAILED, but every CORS check the capture shows passes; the cause is outside what was observed.';
    return { outcome: 'network-error', failure: null, networkStage: requestStage(walk.lastHop), rootCause: null, finding: reconciledFinding(message, null) };
  }
  // Still in flight, or finished without a word: the rules are all we have.
  return ALLOWED;
}
