/**
 * Requests whose onBeforeRequest never reached CORS Lens. A forced stop of the service worker
 * discards the webRequest events Chrome had queued inside it (issue #7: DevTools, memory pressure,
 * ServiceWorker.stopAllWorkers), so a request can arrive without its start. Every webRequest event
 * carries what onBeforeRequest does (URL of the hop, method, type, tab, frame, document, initiator),
 * so the request starts from the first of its events that did arrive: it is listed and judged like
 * any other instead of vanishing. Its start time is that event's, a little late, and its record
 * says so (Transaction.missedStart): the panel tells the user what the verdict could not see.
 *
 * Not every unknown requestId is a lost start. Requests the model let go of on purpose (the tab's log
 * cleared by a navigation or by the user, the oldest evicted at capacity) still send their last
 * events; the tab remembers their ids (`forgotten`, bounded) and those events are ignored as before.
 * Main-frame requests are navigations, never listed. Browser-initiated and non-http requests are
 * counted, never tracked (apply-event.ts). An OPTIONS request starts late only from an event that
 * shows its headers: without Access-Control-Request-Method nothing tells a preflight from the
 * page's own OPTIONS, and a preflight listed as a request of its own would be noise.
 */
import type { Step } from './change';
import type { BeforeRequestEvent, RequestEvent } from './events';
import { isHttpUrl } from './origin';
import { startRequest } from './request-events';
import type { InflightRequest, TabState } from './state';
import { txOf } from './tab-log';

function showsItsHeaders(event: RequestEvent): boolean {
  return (event.kind === 'before-send-headers' || event.kind === 'send-headers') && event.requestHeaders !== null;
}

/**
 * Whether a later event of a request the model does not know may be of one it would follow: not a
 * main frame, browser-initiated or non-http request (never followed), not one it let go of.
 */
function mayFollowUnknown(tab: TabState, event: RequestEvent): boolean {
  if (event.kind === 'before-request' || event.resourceType === 'main_frame') return false;
  if (event.initiator === null || !isHttpUrl(event.url)) return false;
  return !(tab.forgotten?.includes(event.requestId) ?? false);
}

/** Whether an event of an unknown request is the first sign of one whose start was lost. */
function isLostStart(tab: TabState, event: RequestEvent): boolean {
  return mayFollowUnknown(tab, event) && !(event.method === 'OPTIONS' && !showsItsHeaders(event));
}

/**
 * Starts the request of `event` as its onBeforeRequest would have, when the event is the first
 * sign of a request whose start was lost; returns it (the caller then applies `event` to it), or
 * null when the event is to be ignored.
 */
export function startLate(step: Step, event: RequestEvent): InflightRequest | null {
  if (!isLostStart(step.tab, event)) return null;
  const start: BeforeRequestEvent = {
    kind: 'before-request', requestId: event.requestId, tabId: event.tabId, frameId: event.frameId,
    parentFrameId: event.parentFrameId, documentId: event.documentId, url: event.url, method: event.method,
    resourceType: event.resourceType, initiator: event.initiator, at: event.at,
  };
  startRequest(step, start);
  const request = step.tab.inflight.get(event.requestId) ?? null;
  const tx = request === null ? null : txOf(step.tab, request);
  if (tx !== null) tx.missedStart = { firstEvent: event.kind };
  return request;
}
