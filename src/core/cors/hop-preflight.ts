/**
 * Whether a hop needed a preflight and how it went (reference §2.6, §4): observed and judged, served
 * by Chromium's preflight cache, or not visible in the capture at all.
 */
import type { PreflightInfo, PreflightReason } from '../types';
import { preflightNeed } from '../request/index';
import type { PreflightNeed } from '../request/index';
import type { HeaderIndex } from './header-index';
import { KNOWN, firstLineOf } from './known-headers';
import { trimHeaderValue } from './http-syntax';
import { checkPreflight } from './preflight-check';
import type { PreflightCheck } from './preflight-check';
import type { Hop } from './route';

export interface HopPreflightInput {
  readonly hop: Hop;
  readonly canPreflight: boolean;
  readonly include: boolean;
  /** The hop's request got a response (so any preflight it needed passed). */
  readonly hasResponse: boolean;
  readonly deliveredOk: boolean;
  /** Facts judged earlier in this evaluation, by hop index (see hopFacts). */
  readonly factsByHop: (HopFacts | undefined)[];
}

export type HopPreflightOutcome =
  | Exclude<PreflightCheck, { kind: 'passed' } | { kind: 'pending' }>
  | { readonly kind: 'passed'; readonly response: HeaderIndex; readonly authorizationCoveredByWildcard: boolean }
  | { readonly kind: 'none' }
  /** Not sent now: a preflight-cache entry covered it (flagged, or proven by the request going out). */
  | { readonly kind: 'cached' }
  /** Needed, but neither observed nor provably cached. */
  | { readonly kind: 'unknown' };

export interface HopPreflight {
  readonly info: PreflightInfo;
  readonly outcome: HopPreflightOutcome;
}

export const NO_PREFLIGHT: PreflightInfo = { required: false, reasons: [], observed: false, fromCache: false, requestHeaders: '' };

const NO_HEADERS: readonly string[] = [];

// The outcomes that carry nothing but their kind, shared (they are only ever read).
const NONE: HopPreflightOutcome = { kind: 'none' };
const CACHED: HopPreflightOutcome = { kind: 'cached' };
const UNKNOWN: HopPreflightOutcome = { kind: 'unknown' };

/** The Access-Control-Request-Headers the preflight carried, if the capture has the preflight request. */
function observedRequestHeaders(hop: Hop): string | null {
  const headers = hop.preflight?.request.headers;
  return headers === undefined ? null : firstLineOf(headers, KNOWN.requestHeaders);
}

/** Splits an Access-Control-Request-Headers value into lowercased names, keeping its order. */
export function splitRequestHeaders(value: string): string[] {
  const names: string[] = [];
  for (const piece of value.split(',')) {
    const name = trimHeaderValue(piece).toLowerCase();
    if (name !== '') names.push(name);
  }
  return names;
}

/**
 * A preflight was sent but the request headers we have do not call for one: either the capture lacks
 * them (a request stopped by its preflight is never sent, so its headers are unknown) and the
 * preflight's Access-Control-Request-Headers names them, or the page forced it (XHR upload listeners,
 * a streaming body).
 */
function explainObservedPreflight(hop: Hop, acrh: string | null): PreflightNeed {
  const names = acrh === null ? [] : splitRequestHeaders(acrh);
  if (names.length === 0) return preflightNeed(hop.method, hop.requestHeaders, { forced: true });
  const fromMethod = preflightNeed(hop.method, []).reasons;
  const reasons: PreflightReason[] = [...fromMethod];
  for (const name of names) {
    reasons.push({ kind: 'header', name, text: `${name} is not a CORS-safelisted request header (named in the preflight's Access-Control-Request-Headers)` });
  }
  return { required: true, reasons, requestHeaders: names.join(',') };
}

/** What a hop's preflight looks like whatever the credentials mode (judged once per evaluation). */
export interface HopFacts {
  readonly info: PreflightInfo;
  readonly sentNow: boolean;
  readonly unsafeHeaders: readonly string[];
  readonly hasResponse: boolean;
  readonly deliveredOk: boolean;
  readonly canPreflight: boolean;
}

/**
 * evaluate() walks the rules twice when the credentials mode is unknown; the facts of a hop do not
 * depend on it, so the first walk leaves them in `factsByHop` (which lives as long as one evaluation).
 */
function hopFacts(input: HopPreflightInput): HopFacts {
  const { hop } = input;
  const known = input.factsByHop[hop.index];
  if (known && known.hasResponse === input.hasResponse && known.deliveredOk === input.deliveredOk && known.canPreflight === input.canPreflight) {
    return known;
  }
  const record = hop.preflight;
  const sentNow = record !== null && record.fromCache !== true;
  const acrh = observedRequestHeaders(hop);
  let need = preflightNeed(hop.method, hop.requestHeaders);
  if (!need.required && sentNow) need = explainObservedPreflight(hop, acrh);
  const fromCache = record?.fromCache === true || (need.required && !sentNow && (input.hasResponse || input.deliveredOk));
  const info: PreflightInfo = {
    required: need.required || sentNow,
    reasons: need.reasons,
    observed: sentNow,
    fromCache,
    // The preflight's own Access-Control-Request-Headers is ground truth (reference §0).
    requestHeaders: acrh ?? need.requestHeaders,
  };
  const facts: HopFacts = {
    info, sentNow, unsafeHeaders: sentNow ? splitRequestHeaders(acrh ?? need.requestHeaders) : NO_HEADERS,
    hasResponse: input.hasResponse, deliveredOk: input.deliveredOk, canPreflight: input.canPreflight,
  };
  input.factsByHop[hop.index] = facts;
  return facts;
}

export function judgeHopPreflight(input: HopPreflightInput): HopPreflight {
  const { hop } = input;
  const record = hop.preflight;
  const sentNowHere = record !== null && record.fromCache !== true;
  if (!input.canPreflight && !sentNowHere) return { info: NO_PREFLIGHT, outcome: NONE };

  const { info, sentNow, unsafeHeaders } = hopFacts(input);
  if (record !== null && record.fromCache === true) return { info, outcome: CACHED };
  if (!sentNow || record === null) {
    if (!info.required) return { info, outcome: NONE };
    return { info, outcome: info.fromCache ? CACHED : UNKNOWN };
  }

  const checked = checkPreflight({
    preflight: record,
    method: hop.method,
    unsafeHeaders,
    include: input.include,
    origin: hop.originSent,
  });
  if (checked.kind === 'pending') {
    // The preflight's response was not captured, but the request went on, so it passed.
    return { info, outcome: input.hasResponse || input.deliveredOk ? NONE : UNKNOWN };
  }
  return { info, outcome: checked };
}
