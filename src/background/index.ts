/**
 * CORS Lens background service worker (MV3).
 *
 * Lifetime: started by Chrome for the first event (a webRequest event, a message, a port), stopped
 * after ~30 s idle or at any time; state therefore lives in storage.session (see capture-service.ts)
 * and every listener is registered synchronously here, at top level, so Chrome can deliver the
 * event that woke the worker.
 *
 * It talks to `chrome` directly, not through webextension-polyfill (src/platform/browser.ts): the
 * worker starts again each time Chrome stops it, and evaluating the polyfill and wrapping every
 * storage write costs time on each start and each event (MV3's `chrome` already returns promises).
 */
import { evaluate } from '../core';
import { convertDetails, pageEvent, tabRemovedEvent, type WebRequestEventName, type WebRequestDetailsLike } from './convert-details';
import { createCaptureService } from './capture-service';
import { createBadgeApplier } from './badge';
import { createLiveHub } from './live-hub';
import { createRequestHandlers } from './request-handlers';
import { registerWebRequestListeners } from './webrequest-listeners';
import { dispatch, isRequestOf } from '../messaging/typed';
import { REQUEST_NAMES, type Requests } from '../messaging/protocol';
import type { PortLike } from '../messaging/live-port';

let hub: ReturnType<typeof createLiveHub> | null = null;
const service = createCaptureService({
  storage: chrome.storage.session,
  evaluate,
  badge: createBadgeApplier(chrome.action),
  now: () => Date.now(),
  // One storage write per 16 ms at most: under a burst, the number of writes is what CORS Lens
  // costs the browser (session-cache.ts).
  writeSpacingMs: 16,
  onChange: (change) => hub?.changed(change),
  onStatus: (paused, persistence) => hub?.status(paused, persistence),
});
hub = createLiveHub(service);
const handlers = createRequestHandlers(service, {
  get: async (tabId) => {
    const tab = await chrome.tabs.get(tabId);
    return { url: tab.url, title: tab.title };
  },
});

function onWebRequest(name: WebRequestEventName, details: WebRequestDetailsLike): void {
  try {
    const event = convertDetails(name, details);
    if (event) service.handle(event);
  } catch (error) {
    // Never let one odd request break capture of the next; the model is built to absorb gaps.
    console.error('CORS Lens: could not process', name, error);
  }
}

registerWebRequestListeners(chrome.webRequest as unknown as Parameters<typeof registerWebRequestListeners>[0], onWebRequest);
chrome.tabs.onRemoved.addListener((tabId) => service.handle(tabRemovedEvent(tabId, Date.now())));
// Which site each tab shows, for the requests of its service worker (core/model/worker-home.ts). The
// URL is there because of the host permission; a page served by its service worker sends no
// main_frame request, so this is the only sign of it.
function notePage(tabId: unknown, url: unknown): void {
  const event = pageEvent(tabId, url, Date.now());
  if (event) service.handle(event);
}
chrome.tabs.onUpdated.addListener((tabId, changeInfo) => notePage(tabId, changeInfo.url));
// Tabs open before CORS Lens was installed or updated navigate no more: read where they are.
chrome.runtime.onInstalled.addListener(() => {
  void chrome.tabs.query({}).then((tabs) => {
    for (const tab of tabs) notePage(tab.id, tab.url);
  }, () => undefined);
});
chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: unknown) => void) => {
  if (!isRequestOf<Requests>(REQUEST_NAMES, message)) return false;
  // dispatch never rejects (a failure is an ErrorReply); `true` keeps the channel open for the answer.
  void dispatch(handlers, message).then(sendResponse);
  return true;
});
chrome.runtime.onConnect.addListener((port) => hub?.connect(port as unknown as PortLike & { name: string }));
