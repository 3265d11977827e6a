/**
 * Events of a preflight. Its own events always look successful (the engine decides whether it
 * passed); what matters here is recording them where they belong and, when it ends, remembering
 * it in the preflight-cache model.
 */
import type { Header } from '../types';
import type { Step } from './change';
import { markUpserted } from './change';
import type { RequestEvent, ResponseEventPart } from './events';
import { headerValue } from './hops';
import { listedTransaction } from './listed';
import { findRequestFor, pair, preflightData } from './pairing';
import { rememberPreflight } from './preflight-cache-link';
import type { InflightRequest, PreflightTracking } from './state';
import { evaluateListed, touch } from './tab-log';
import type { Transaction, TransactionPreflight } from './transaction';

/** Lowercased, trimmed, non-empty names from Access-Control-Request-Headers (reference §2.4). */
export function requestHeaderNames(value: string | null): string[] {
  if (value === null) return [];
  return value.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
}

/** An OPTIONS request turned out to carry Access-Control-Request-Method (`requestMethod`): it is a preflight. */
export function becomePreflight(step: Step, request: InflightRequest, tx: Transaction, headers: Header[], requestMethod: string): void {
  const { tab } = step;
  tab.inflight.delete(request.requestId);
  const record: TransactionPreflight = {
    requestId: request.requestId, url: request.hopUrl, status: null, requestHeaders: headers, responseHeaders: [],
    startedAt: tx.startedAt, endedAt: null, fromCache: false, redirectedTo: null, netError: null, coveredBy: null,
  };
  const tracking: PreflightTracking = {
    requestId: request.requestId, url: request.hopUrl, frameId: tx.frameId, documentId: tx.documentId,
    initiator: tx.initiator, requestMethod,
    requestHeaderNames: requestHeaderNames(headerValue(headers, 'access-control-request-headers')),
    owner: null, record, done: false,
  };
  tab.preflights.set(request.requestId, tracking);
  const guarded = findRequestFor(tab, tracking);
  if (guarded) pair(step, tracking, guarded);
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

function mergeResponse(preflight: TransactionPreflight, event: ResponseEventPart): void {
  if (event.status !== 0) preflight.status = event.status;
  if (event.responseHeaders) preflight.responseHeaders = event.responseHeaders;
  // Chromium never follows a preflight's redirect, and webRequest shows no onBeforeRedirect for it:
  // only the 3xx completes. Its Location is where it pointed (reference §4.8).
  if (preflight.redirectedTo === null && preflight.status !== null && REDIRECT_STATUSES.has(preflight.status)) {
    preflight.redirectedTo = headerValue(preflight.responseHeaders, 'location') ?? '';
  }
}

/** Mark the owner dirty (and re-evaluate it if it already ended: its verdict used a partial preflight). */
function ownerChanged(step: Step, tracking: PreflightTracking): void {
  const owner = tracking.owner;
  if (owner === null) return;
  const request = step.tab.inflight.get(owner.requestId);
  if (request) {
    touch(step, request);
    return;
  }
  const ended = listedTransaction(step.tab, `r${owner.requestId}`);
  if (!ended) return;
  // The verdict is recomputed only once the picture is complete: when this late preflight ends.
  if (tracking.done) evaluateListed(step, ended);
  else markUpserted(step.change, ended.id);
}

function ended(step: Step, tracking: PreflightTracking, preflight: TransactionPreflight, at: number): void {
  preflight.endedAt = at;
  tracking.done = true;
  const owner = tracking.owner;
  const ownerTxId = owner === null ? null : `r${owner.requestId}`;
  rememberPreflight(step.state, tracking.initiator, preflight, ownerTxId);
  if (owner === null) {
    step.tab.preflights.delete(tracking.requestId); // nobody to guard: nothing more to learn
    return;
  }
  const request = step.tab.inflight.get(owner.requestId);
  // The owner resumed or ended already: the pairing is final, stop tracking.
  if (!request || request.resumed) step.tab.preflights.delete(tracking.requestId);
}

export function applyPreflightEvent(step: Step, tracking: PreflightTracking, event: RequestEvent): void {
  const preflight = preflightData(step.tab, tracking);
  if (!preflight) {
    step.tab.preflights.delete(tracking.requestId); // its owner is gone (evicted, dropped)
    return;
  }
  if (tracking.done) return; // late or duplicated: the record is final
  switch (event.kind) {
    case 'before-request':
      return; // duplicate
    case 'before-send-headers':
    case 'send-headers':
      if (event.requestHeaders && event.kind === 'send-headers') preflight.requestHeaders = event.requestHeaders;
      break;
    case 'headers-received':
    case 'response-started':
      mergeResponse(preflight, event);
      break;
    case 'redirect':
      mergeResponse(preflight, event);
      preflight.redirectedTo = event.redirectUrl ?? '';
      break;
    case 'completed':
      mergeResponse(preflight, event);
      ended(step, tracking, preflight, event.at);
      break;
    case 'error':
      preflight.netError = event.error;
      ended(step, tracking, preflight, event.at);
      break;
  }
  ownerChanged(step, tracking);
}
