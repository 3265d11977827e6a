/**
 * Registers the six webRequest listeners CORS Lens needs, for all URLs.
 *
 * 'extraHeaders' is what makes Chromium show preflights (OPTIONS with Access-Control-Request-*) and
 * the headers the network stack adds (Origin, Cookie, Sec-Fetch-*); without it the capture is blind
 * to exactly what CORS is about. Uses `chrome.webRequest` directly: the polyfill's listener wrapper
 * costs time on a path that runs for every request of every tab, and its types lack extraHeaders.
 */
import type { WebRequestDetailsLike, WebRequestEventName } from './convert-details';

type Sink = (name: WebRequestEventName, details: WebRequestDetailsLike) => void;

/**
 * Not listened to: onBeforeSendHeaders and onResponseStarted. Every event of a listener registered
 * with extraHeaders goes through the browser process, whatever the listener does (6 empty listeners
 * against 8: 5-6 % less CPU for a page firing 1,000 fetches, bench pageLoad.cpu), and these two
 * tell nothing the others do not: onSendHeaders follows every onBeforeSendHeaders with the headers as
 * finally sent, onCompleted follows every onResponseStarted with the same status, headers, fromCache
 * and ip (every recorded lab request, test/unit/background/capture-service.test.ts; in Chromium,
 * test/e2e/webrequest-facts.test.ts). The model still reads both kinds (the recordings have them).
 */
export type ListenedEvent = Exclude<WebRequestEventName, 'onBeforeSendHeaders' | 'onResponseStarted'>;

export const EXTRA_INFO: Record<ListenedEvent, string[]> = {
  onBeforeRequest: ['extraHeaders'],
  onSendHeaders: ['requestHeaders', 'extraHeaders'],
  onHeadersReceived: ['responseHeaders', 'extraHeaders'],
  onBeforeRedirect: ['responseHeaders', 'extraHeaders'],
  onCompleted: ['responseHeaders', 'extraHeaders'],
  onErrorOccurred: ['extraHeaders'],
};

/** The shape of one chrome.webRequest event we call addListener on. */
interface WebRequestEventLike {
  addListener(callback: (details: WebRequestDetailsLike) => void, filter: { urls: string[] }, extraInfoSpec?: string[]): void;
}

export function registerWebRequestListeners(webRequest: Record<ListenedEvent, WebRequestEventLike>, sink: Sink): void {
  for (const name of Object.keys(EXTRA_INFO) as ListenedEvent[]) {
    webRequest[name].addListener((details) => sink(name, details), { urls: ['<all_urls>'] }, EXTRA_INFO[name]);
  }
}
