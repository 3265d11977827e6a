/**
 * The reducer: one CaptureEvent into the model state. Updates the state in place (the benchmark
 * target is 200,000 requests/s), deterministic (time and ids come from the events only), never
 * throws on odd input (unknown requestIds, duplicates, events out of order are ignored or absorbed),
 * and reports what changed.
 */
import type { Change, ModelContext, MutableChange, Step } from './change';
import { emptyChange, markAllRemoved } from './change';
import type { BeforeRequestEvent, CaptureEvent, NavigationEvent, RequestEvent } from './events';
import { applyPreflightEvent } from './preflight-events';
import { applyRequestEvent, startRequest } from './request-events';
import type { ModelState, TabState } from './state';
import { getOrCreateTab } from './state';
import { clearTab } from './tab-log';
import { removeKey } from './records';
import { isHttpUrl } from './origin';
import { startLate } from './late-start';
import { laterTab, notePage, startTab } from './worker-home';

function finish(change: MutableChange, tab: TabState | null): Change {
  if (tab) {
    change.tabId = tab.tabId;
    if (change.countsTouched) change.counts = { ...tab.counts };
  }
  return change;
}

/** The tab's main frame loads a new page: DevTools-like, the log starts over unless preserveLog. */
function navigate(state: ModelState, event: RequestEvent | NavigationEvent, ctx: ModelContext): Change {
  const change = emptyChange();
  const tab = getOrCreateTab(state, event.tabId);
  notePage(state, event.tabId, event.url, event.at, true);
  tab.mainDocumentId = null;
  if (!tab.preserveLog) clearTab({ state, tab, ctx, change });
  return finish(change, tab);
}

/**
 * A page restored from the back/forward cache sends no main_frame request, so no navigation event:
 * its next request, from another main-frame document than the log's, is the sign. (tabs.onUpdated
 * cannot tell: pushState and hash changes fire the same `loading` update, measured.) DevTools starts
 * the log over then too, unless preserve log. Prerendered pages do not trip this: Chrome gives a
 * prerendered outermost frame a non-zero frameId; frameId 0 is always the tab's active page.
 */
function noticeDocument(step: Step, event: BeforeRequestEvent): void {
  const { tab } = step;
  if (event.frameId !== 0 || event.documentId === null || event.tabId < 0) return;
  const current = tab.mainDocumentId ?? null;
  if (current !== null && current !== event.documentId && !tab.preserveLog) clearTab(step);
  tab.mainDocumentId = event.documentId;
}

export function applyEvent(state: ModelState, event: CaptureEvent, ctx: ModelContext): Change {
  // Each kind of event has its own shape, so reading a field costs a lookup: `kind` is read once.
  const { kind } = event;
  if (kind === 'tab-removed') {
    const change = emptyChange();
    const key = String(event.tabId);
    const tab = state.tabs[key];
    if (!tab) return change;
    change.tabId = tab.tabId;
    markAllRemoved(change, tab.order);
    change.tabRemoved = true;
    removeKey(state.tabs, key);
    return change;
  }
  if (kind === 'navigation' || (kind === 'before-request' && event.resourceType === 'main_frame')) {
    return navigate(state, event, ctx);
  }
  const change = emptyChange();
  if (kind === 'page') {
    const tab = notePage(state, event.tabId, event.url, event.at, false);
    if (tab) change.tabId = tab.tabId; // nothing listed changed, but the tab's stored state did
    return change;
  }
  if (kind === 'before-request') {
    const tab = startTab(state, event);
    beforeRequest(stepFor(state, tab, ctx, change), event);
    return finish(change, tab);
  }
  const tab = laterTab(state, event);
  if (!tab) return change;
  return laterEvent(stepFor(state, tab, ctx, change), event);
}

type ReusedStep = { -readonly [K in keyof Step]: Step[K] };
let reusedStep: ReusedStep | null = null;

/**
 * The step of a request event, one object reused from event to event: a step lives only while its
 * event is applied (nothing keeps it, and the engine applies no events), and one per event was a
 * tenth of the reducer's garbage (measured).
 */
function stepFor(state: ModelState, tab: TabState, ctx: ModelContext, change: MutableChange): Step {
  const step = (reusedStep ??= { state, tab, ctx, change });
  step.state = state;
  step.tab = tab;
  step.ctx = ctx;
  step.change = change;
  return step;
}

function beforeRequest(step: Step, event: BeforeRequestEvent): void {
  const { tab } = step;
  const { requestId } = event;
  const tracking = tab.preflights.get(requestId);
  const request = tab.inflight.get(requestId);
  if (!request && !tracking) noticeDocument(step, event);
  if (tracking) applyPreflightEvent(step, tracking, event);
  else if (request) applyRequestEvent(step, request, event);
  else startRequest(step, event);
}

/** Any event after onBeforeRequest. One of a request not seen start may start it late (late-start.ts). */
function laterEvent(step: Step, event: RequestEvent): Change {
  const { tab, change } = step;
  const { requestId } = event;
  const tracking = tab.preflights.get(requestId);
  if (tracking) {
    applyPreflightEvent(step, tracking, event);
    return finish(change, tab);
  }
  let request = tab.inflight.get(requestId);
  if (!request) {
    // Untracked: a browser-initiated request (no initiator) is counted once, when it ends.
    if ((event.kind === 'completed' || event.kind === 'error') && event.initiator === null && event.resourceType !== 'main_frame' && isHttpUrl(event.url)) {
      tab.counts.browserInitiated++;
      change.countsTouched = true;
      return finish(change, tab);
    }
    // A request whose onBeforeRequest a stopped worker lost starts here; anything else unknown (a
    // main frame, a request already ended or let go of) is ignored.
    request = startLate(step, event) ?? undefined;
    if (!request) return change;
  }
  applyRequestEvent(step, request, event);
  return finish(change, tab);
}

/** Apply events in order; returns the change of each (handy for tests and replays). */
export function applyEvents(state: ModelState, events: readonly CaptureEvent[], ctx: ModelContext): Change[] {
  return events.map((event) => applyEvent(state, event, ctx));
}
