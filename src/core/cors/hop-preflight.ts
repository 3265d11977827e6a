/**
 * Whether a hop needed a preflight and how it went (reference §2.6, §4): observed and judged, served
 * by Chromium's preflight cache, or not visible in the capture at all.
 */
import type { ObservedTransaction, PreflightInfo, PreflightReason } from '../types';
import { preflightNeed } from '../request/index';
import type { PreflightNeed } from '../request/index';
import type { HeaderIndex } from './header-index';
import { ACRH } from './header-index';
import { isHeaderNamed } from './header-name';
import { trimHeaderValue } from './http-syntax';
import { checkPreflight } from './preflight-check';
import type { PreflightCheck } from './preflight-check';
import type { Hop } from './route';

export interface HopPreflightInput {
  readonly hop: Hop;
  readonly tx: ObservedTransaction;
  readonly canPreflight: boolean;
  readonly include: boolean;
  /** The hop's request got a response (so any preflight it needed passed). */
  readonly hasResponse: boolean;
  readonly deliveredOk: boolean;
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

/** The Access-Control-Request-Headers the preflight carried, if the capture has the preflight request. */
function observedRequestHeaders(hop: Hop): string | null {
  const headers = hop.preflight?.request.headers;
  if (headers === undefined) return null;
  for (const header of headers) {
    if (isHeaderNamed(header.name, ACRH)) return trimHeaderValue(header.value);
  }
  return null;
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
interface HopFacts {
  readonly info: PreflightInfo;
  readonly sentNow: boolean;
  readonly unsafeHeaders: readonly string[];
  readonly hasResponse: boolean;
  readonly deliveredOk: boolean;
  readonly canPreflight: boolean;
}

/**
 * evaluate() walks the rules twice when the credentials mode is unknown; the facts of a hop do not
 * depend on it. Keyed by the hop object, which lives as long as one evaluation.
 */
const FACTS = new WeakMap<Hop, HopFacts>();

function hopFacts(input: HopPreflightInput): HopFacts {
  const { hop } = input;
  const known = FACTS.get(hop);
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
    info, sentNow, unsafeHeaders: sentNow ? splitRequestHeaders(acrh ?? need.requestHeaders) : [],
    hasResponse: input.hasResponse, deliveredOk: input.deliveredOk, canPreflight: input.canPreflight,
  };
  FACTS.set(hop, facts);
  return facts;
}

export function judgeHopPreflight(input: HopPreflightInput): HopPreflight {
  const { hop } = input;
  const record = hop.preflight;
  const sentNowHere = record !== null && record.fromCache !== true;
  if (!input.canPreflight && !sentNowHere) return { info: NO_PREFLIGHT, outcome: { kind: 'none' } };

  const { info, sentNow, unsafeHeaders } = hopFacts(input);
  if (record !== null && record.fromCache === true) return { info, outcome: { kind: 'cached' } };
  if (!sentNow || record === null) {
    if (!info.required) return { info, outcome: { kind: 'none' } };
    return { info, outcome: info.fromCache ? { kind: 'cached' } : { kind: 'unknown' } };
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
    return { info, outcome: input.hasResponse || input.deliveredOk ? { kind: 'none' } : { kind: 'unknown' } };
  }
  return { info, outcome: checked };
}
