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
import { createBoundedMemo } from '../util/bounded-memo';
import { checkPreflight } from './preflight-check';
import type { PreflightCheck } from './preflight-check';
import type { Hop } from './route';

/** What judging a hop's preflight needs from the evaluation (evaluate()'s walk context has it all). */
export interface PreflightContext {
  readonly canPreflight: boolean;
  /** The browser finished the request without an error. */
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

/**
 * splitRequestHeaders, remembered by value (a page sends the same few header sets, so its
 * preflights carry the same few lists); the lists are frozen, only ever read.
 */
export function requestHeaderNamesOf(value: string): readonly string[] {
  return NAMES_BY_VALUE.get(value, frozenRequestHeaderNames);
}

function frozenRequestHeaderNames(value: string): readonly string[] {
  return Object.freeze(splitRequestHeaders(value));
}

const NAMES_BY_VALUE = createBoundedMemo<readonly string[]>(256);

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
  const named = acrh === null ? null : NAMED_BY_VALUE.get(acrh, needOfNamedHeaders);
  if (named === null) return preflightNeed(hop.method, hop.requestHeaders, { forced: true });
  const fromMethod = preflightNeed(hop.method, []).reasons;
  if (fromMethod.length === 0) return named;
  return { required: true, reasons: [...fromMethod, ...named.reasons], requestHeaders: named.requestHeaders };
}

/**
 * What the names in an Access-Control-Request-Headers value call for on their own (null when it
 * names none), remembered by value: a page's preflights carry the same few lists, and the words
 * are only ever read.
 */
const NAMED_BY_VALUE = createBoundedMemo<PreflightNeed | null>(256);

function needOfNamedHeaders(acrh: string): PreflightNeed | null {
  const names = requestHeaderNamesOf(acrh);
  if (names.length === 0) return null;
  const reasons: PreflightReason[] = names.map((name) => ({
    kind: 'header', name, text: `${name} is not a CORS-safelisted request header (named in the preflight's Access-Control-Request-Headers)`,
  }));
  return Object.freeze({ required: true, reasons: Object.freeze(reasons), requestHeaders: names.join(',') });
}

/** What a hop's preflight looks like whatever the credentials mode (judged once per evaluation). */
export interface HopFacts {
  readonly info: PreflightInfo;
  readonly sentNow: boolean;
  readonly unsafeHeaders: readonly string[];
}

/**
 * A hop's preflight facts, or null when the hop cannot have a preflight (the request type is never
 * preflighted and none was sent). evaluate() walks the rules twice when the credentials mode is
 * unknown; the facts of a hop do not depend on it, so the first walk leaves them on the hop
 * (which lives as long as one evaluation). `hasResponse`: the hop's request got a response.
 */
export function hopFactsOf(ctx: PreflightContext, hop: Hop, hasResponse: boolean): HopFacts | null {
  const record = hop.preflight;
  if (!ctx.canPreflight && (record === null || record.fromCache === true)) return null;
  // Everything the facts depend on is fixed for the evaluation the hop belongs to.
  const known = hop.preflightFacts;
  if (known !== undefined) return known;
  const sentNow = record !== null && record.fromCache !== true;
  const acrh = observedRequestHeaders(hop);
  let need = preflightNeed(hop.method, hop.requestHeaders);
  if (!need.required && sentNow) need = explainObservedPreflight(hop, acrh);
  const fromCache = record?.fromCache === true || (need.required && !sentNow && (hasResponse || ctx.deliveredOk));
  const info: PreflightInfo = {
    required: need.required || sentNow,
    reasons: need.reasons,
    observed: sentNow,
    fromCache,
    // The preflight's own Access-Control-Request-Headers is ground truth (reference §0).
    requestHeaders: acrh ?? need.requestHeaders,
  };
  const facts: HopFacts = { info, sentNow, unsafeHeaders: sentNow ? requestHeaderNamesOf(acrh ?? need.requestHeaders) : NO_HEADERS };
  hop.preflightFacts = facts;
  return facts;
}

/** How the hop's preflight went, given its facts (hopFactsOf) and the credentials mode of this walk. */
export function judgeHopPreflight(hop: Hop, facts: HopFacts | null, include: boolean, hasResponse: boolean, deliveredOk: boolean): HopPreflightOutcome {
  if (facts === null) return NONE;
  const record = hop.preflight;
  const { info, sentNow, unsafeHeaders } = facts;
  if (record !== null && record.fromCache === true) return CACHED;
  if (!sentNow || record === null) {
    if (!info.required) return NONE;
    return info.fromCache ? CACHED : UNKNOWN;
  }

  const checked = checkPreflight({
    preflight: record,
    method: hop.method,
    unsafeHeaders,
    include,
    origin: hop.originSent,
  });
  if (checked.kind === 'pending') {
    // The preflight's response was not captured, but the request went on, so it passed.
    return hasResponse || deliveredOk ? NONE : UNKNOWN;
  }
  return checked;
}
