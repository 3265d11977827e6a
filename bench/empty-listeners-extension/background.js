// The physical floor of observing requests: the six listeners CORS Lens registers
// (src/background/webrequest-listeners.ts), with the same extraInfoSpec, each doing nothing.
// Keep EXTRA_INFO in step with CORS Lens's; bench/run.ts compares page loads against this.
/* global chrome */
'use strict';

const EXTRA_INFO = {
  onBeforeRequest: ['extraHeaders'],
  onSendHeaders: ['requestHeaders', 'extraHeaders'],
  onHeadersReceived: ['responseHeaders', 'extraHeaders'],
  onBeforeRedirect: ['responseHeaders', 'extraHeaders'],
  onCompleted: ['responseHeaders', 'extraHeaders'],
  onErrorOccurred: ['extraHeaders'],
};

for (const [name, extraInfoSpec] of Object.entries(EXTRA_INFO)) {
  chrome.webRequest[name].addListener(() => {}, { urls: ['<all_urls>'] }, extraInfoSpec);
}
