/**
 * Events of an actual request (anything that is not a preflight): start, each redirect hop,
 * headers as sent, the response, the end. Hidden until known cross-origin; ended with a verdict.
 */
import type { Step } from './change';
import type {
  BeforeRequestEvent, BeforeSendHeadersEvent, ErrorEvent, RequestEvent, ResponseEventPart, SendHeadersEvent,
} from './events';
import { currentHop, headerValue, hopPreflight, hopRequestHeaders, setHopPreflight, setHopRequestHeaders } from './hops';
import { isCrossOrigin, isHttpUrl } from './origin';
import { listedTransaction } from './listed';
import { checkPairingOnHeaders, checkPairingOnResume, findPreflightFor, pair } from './pairing';
import { becomePreflight } from './preflight-events';
import { coveringPreflight, forgetPreflight } from './preflight-cache-link';
import type { InflightRequest } from './state';
import { dropRequest, evaluateListed, forgetRequest, isListed, listRequest, touch, txOf } from './tab-log';
import type { Transaction, TransactionResponse } from './transaction';

export function startRequest(step: Step, event: BeforeRequestEvent): void {
  const { tab } = step;
  // Each kind of event has its own shape: its fields are read once, then from the records built here.
  const { requestId, url, initiator, method } = event;
  if (!isHttpUrl(url)) {
    tab.counts.nonHttp++;
    step.change.countsTouched = true;
    return;
  }
  // Browser-initiated (no initiator): not CORS. Counted when it ends (see apply-event.ts), since
  // each redirect hop starts again with onBeforeRequest but a request ends only once.
  if (initiator === null) return;
  const id = `r${requestId}`;
  if (listedTransaction(tab, id) !== undefined) return; // a duplicate of a request that already ended
  const tx: Transaction = {
    id, tabId: event.tabId, frameId: event.frameId, parentFrameId: event.parentFrameId, documentId: event.documentId,
    requestId, url, method, resourceType: event.resourceType,
    initiator, crossOrigin: isCrossOrigin(initiator, url),
    startedAt: event.at, endedAt: null, requestHeaders: null, preflight: null, redirects: [], response: null,
    netError: null, state: 'pending', verdict: null, evaluationError: null,
  };
  const request: InflightRequest = {
    requestId, txId: id, hidden: tx, hopSeq: ++step.state.seq, hopStartedAt: tx.startedAt, hopUrl: url,
    hopMethod: method, resumed: false, preflightId: null,
    // Decided at onSendHeaders: a preflight carries Access-Control-Request-Method, a page's own OPTIONS does not.
    maybePreflight: method === 'OPTIONS' && tx.resourceType === 'xmlhttprequest',
    awaitingHop: false,
    listed: undefined,
    upsertedAlone: undefined,
  };
  tab.inflight.set(requestId, request);
  if (tx.crossOrigin && !request.maybePreflight) listRequest(step, request);
  const early = findPreflightFor(tab, request, tx);
  if (early) pair(step, early, request);
}

/** onBeforeRequest again for a request in flight: the next hop of a redirect (or a duplicate). */
function nextHop(step: Step, request: InflightRequest, tx: Transaction, event: BeforeRequestEvent): void {
  // Older than the hop in progress: the start of a request begun from a later event (late-start.ts),
  // delivered after all. The hop already has it.
  const { at, url } = event;
  if (at < request.hopStartedAt) return;
  if (!request.awaitingHop) {
    if (url === request.hopUrl) return; // duplicate
    // The redirect event went missing: record the hop with what we know.
    tx.redirects.push({
      url: request.hopUrl, status: 0, responseHeaders: [], location: url, nextRequestHeaders: null, nextPreflight: null,
    });
    tx.response = null;
  }
  const last = tx.redirects[tx.redirects.length - 1];
  if (last && last.location === '') last.location = url;
  request.awaitingHop = false;
  request.hopSeq = ++step.state.seq;
  request.hopStartedAt = at;
  request.hopUrl = url;
  request.hopMethod = event.method;
  request.resumed = false;
  request.preflightId = null;
  if (!tx.crossOrigin && tx.initiator !== null && isCrossOrigin(tx.initiator, url)) {
    tx.crossOrigin = true; // a same-origin request redirected away is a cross-origin one from now on
    if (!request.maybePreflight) listRequest(step, request);
  }
  touch(step, request);
}

function recordRedirect(step: Step, request: InflightRequest, tx: Transaction, event: ResponseEventPart & { redirectUrl: string | null }): void {
  if (request.awaitingHop) return; // duplicate
  tx.redirects.push({
    url: request.hopUrl, status: event.status, responseHeaders: event.responseHeaders ?? tx.response?.responseHeaders ?? [],
    location: event.redirectUrl ?? '', nextRequestHeaders: null, nextPreflight: null,
  });
  tx.response = null;
  request.awaitingHop = true;
  touch(step, request);
}

function mergeResponse(tx: Transaction, event: ResponseEventPart): void {
  const previous: TransactionResponse | null = tx.response;
  if (!previous) {
    tx.response = {
      status: event.status, statusLine: event.statusLine, responseHeaders: event.responseHeaders ?? [],
      fromCache: event.fromCache, ip: event.ip,
    };
    return;
  }
  const { status, statusLine, responseHeaders, ip } = event;
  if (status !== 0) previous.status = status;
  if (statusLine !== '') previous.statusLine = statusLine;
  if (responseHeaders) previous.responseHeaders = responseHeaders;
  previous.fromCache = previous.fromCache || event.fromCache;
  if (ip !== null) previous.ip = ip;
}

/** onBeforeSendHeaders / onSendHeaders: the request resumed (after any preflight) and its headers are known. */
function headersOut(step: Step, request: InflightRequest, tx: Transaction, event: SendHeadersEvent | BeforeSendHeadersEvent): void {
  const headers = event.requestHeaders;
  if (request.maybePreflight) {
    if (headers === null) return; // cannot tell yet
    const requestMethod = headerValue(headers, 'access-control-request-method');
    if (requestMethod !== null) {
      becomePreflight(step, request, tx, headers, requestMethod);
      return;
    }
    request.maybePreflight = false;
    if (tx.crossOrigin) listRequest(step, request);
  }
  if (!request.resumed) {
    request.resumed = true;
    checkPairingOnResume(step, request, tx);
  }
  const hop = currentHop(tx);
  if (headers !== null) {
    const firstHeaders = hopRequestHeaders(tx, hop) === null;
    if (firstHeaders || event.kind === 'send-headers') setHopRequestHeaders(tx, hop, headers);
    if (firstHeaders) {
      checkPairingOnHeaders(step, request, tx, headers);
      if (hopPreflight(tx, hop) === null) {
        setHopPreflight(tx, hop, coveringPreflight(step.state, tx, request, headers));
      }
    }
  }
  settlePreflights(step, request, tx);
  touch(step, request);
}

/** Once the request resumed at a hop its pairing is final: stop tracking that hop's finished preflight. */
function settlePreflights(step: Step, request: InflightRequest, tx: Transaction): void {
  const preflight = hopPreflight(tx, currentHop(tx));
  if (!preflight || preflight.fromCache) return;
  if (step.tab.preflights.get(preflight.requestId)?.done) step.tab.preflights.delete(preflight.requestId);
}

function finish(step: Step, request: InflightRequest, tx: Transaction, netError: string | null, at: number): void {
  if (request.maybePreflight) {
    request.maybePreflight = false; // ended before its headers went out: treat as the page's own request
    if (tx.crossOrigin) listRequest(step, request);
  }
  tx.state = 'done';
  tx.endedAt = at;
  tx.netError = netError;
  const hopGuard = hopPreflight(tx, currentHop(tx));
  if (netError !== null && !request.resumed && hopGuard && !hopGuard.fromCache) {
    forgetPreflight(step.state, tx.initiator, hopGuard); // never sent after its preflight: that one failed
  }
  const { tab } = step;
  if (isCacheProbe(tx)) {
    dropRequest(step, request, tx);
    return;
  }
  if (!isListed(request)) {
    forgetRequest(tab, tx);
    tab.counts.sameOrigin++;
    step.change.countsTouched = true;
    return;
  }
  tab.inflight.delete(request.requestId);
  // Keep tracking a preflight still running: its late events complete this record and re-evaluate it.
  for (let hop = 0; hop <= tx.redirects.length; hop++) {
    const preflight = hopPreflight(tx, hop);
    const tracking = preflight && !preflight.fromCache ? tab.preflights.get(preflight.requestId) : undefined;
    if (tracking?.done) tab.preflights.delete(tracking.requestId);
  }
  evaluateListed(step, tx);
}

/**
 * Chromium's font loader first asks the HTTP cache only (onSendHeaders, then net::ERR_CACHE_MISS with
 * no response) and fetches for real right after under a new requestId. The probe never reached the
 * network and CDP does not report it: it is not a request of the page's.
 */
function isCacheProbe(tx: Transaction): boolean {
  return tx.netError === 'net::ERR_CACHE_MISS' && tx.response === null && tx.redirects.length === 0;
}

export function applyRequestEvent(step: Step, request: InflightRequest, event: RequestEvent): void {
  const tx = txOf(step.tab, request);
  if (!tx) {
    step.tab.inflight.delete(request.requestId);
    return;
  }
  switch (event.kind) {
    case 'before-request': return nextHop(step, request, tx, event);
    case 'before-send-headers':
    case 'send-headers': return headersOut(step, request, tx, event);
    case 'redirect': return recordRedirect(step, request, tx, event);
    case 'headers-received':
    case 'response-started':
      if (request.awaitingHop) return;
      mergeResponse(tx, event);
      return touch(step, request);
    case 'completed':
      if (!request.awaitingHop) mergeResponse(tx, event);
      return finish(step, request, tx, null, event.at);
    case 'error': return finishWithError(step, request, tx, event);
  }
}

function finishWithError(step: Step, request: InflightRequest, tx: Transaction, event: ErrorEvent): void {
  if (tx.response && event.ip !== null) tx.response.ip = event.ip;
  finish(step, request, tx, event.error, event.at);
}

