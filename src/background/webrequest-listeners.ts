/**
 * Registers the eight webRequest listeners CORS Lens needs, for all URLs.
 *
 * 'extraHeaders' is what makes Chromium show preflights (OPTIONS with Access-Control-Request-*) and
 * the headers the network stack adds (Origin, Cookie, Sec-Fetch-*); without it the capture is blind
 * to exactly what CORS is about. Uses `chrome.webRequest` directly: the polyfill's listener wrapper
 * costs time on a path that runs for every request of every tab, and its types lack extraHeaders.
 */
import type { WebRequestDetailsLike, WebRequestEventName } from './convert-details';

type Sink = (name: WebRequestEventName, details: WebRequestDetailsLike) => void;

export const EXTRA_INFO: Record<WebRequestEventName, string[]> = {
  onBeforeRequest: ['extraHeaders'],
  onBeforeSendHeaders: ['requestHeaders', 'extraHeaders'],
  onSendHeaders: ['requestHeaders', 'extraHeaders'],
  onHeadersReceived: ['responseHeaders', 'extraHeaders'],
  onBeforeRedirect: ['responseHeaders', 'extraHeaders'],
  onResponseStarted: ['responseHeaders', 'extraHeaders'],
  onCompleted: ['responseHeaders', 'extraHeaders'],
  onErrorOccurred: ['extraHeaders'],
};

/** The shape of one chrome.webRequest event we call addListener on. */
interface WebRequestEventLike {
  addListener(callback: (details: WebRequestDetailsLike) => void, filter: { urls: string[] }, extraInfoSpec?: string[]): void;
}

export function registerWebRequestListeners(webRequest: Record<WebRequestEventName, WebRequestEventLike>, sink: Sink): void {
  for (const name of Object.keys(EXTRA_INFO) as WebRequestEventName[]) {
    webRequest[name].addListener((details) => sink(name, details), { urls: ['<all_urls>'] }, EXTRA_INFO[name]);
  }
}
