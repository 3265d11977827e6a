/**
 * The FailureStage objects a verdict points at, made once per (kind, hop) and frozen: every verdict
 * carries one, they are only ever read, and a redirect chain never has more than 21 hops (reference
 * §5.2), so a small table covers them all without allocating per verdict.
 */
import type { FailureStage } from '../types';

type HopStageKind = 'request' | 'preflight' | 'redirect';

/** The final response's stage. */
export const RESPONSE_STAGE: FailureStage = Object.freeze({ kind: 'response' });

const TABLE_SIZE = 24;

function table(kind: HopStageKind): readonly FailureStage[] {
  return Array.from({ length: TABLE_SIZE }, (_, hop) => Object.freeze({ kind, hop }));
}

const REQUEST = table('request');
const PREFLIGHT = table('preflight');
const REDIRECT = table('redirect');

function pick(stages: readonly FailureStage[], kind: HopStageKind, hop: number): FailureStage {
  return stages[hop] ?? { kind, hop };
}

export function requestStage(hop: number): FailureStage {
  return pick(REQUEST, 'request', hop);
}

export function preflightStage(hop: number): FailureStage {
  return pick(PREFLIGHT, 'preflight', hop);
}

export function redirectStage(hop: number): FailureStage {
  return pick(REDIRECT, 'redirect', hop);
}
