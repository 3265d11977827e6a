/** CorsLensClient over runtime messaging and a self-healing live port (the real extension). */
import { browser } from '../platform/browser';
import { createRequestClient } from '../messaging/typed';
import { openLiveFeed, type PortLike } from '../messaging/live-port';
import { LIVE_PORT_NAME, PROTOCOL_VERSION, type LiveRequest, type LiveUpdate, type Requests } from '../messaging/protocol';
import type { CorsLensClient } from './client';

export function createExtensionClient(): CorsLensClient {
  const call = createRequestClient<Requests>({ sendMessage: (message) => browser.runtime.sendMessage(message) });
  return {
    subscribe(tabId, onUpdate, onConnection) {
      const hello: LiveRequest = { type: 'subscribe', tabId, version: PROTOCOL_VERSION };
      const feed = openLiveFeed({
        connect: () => browser.runtime.connect({ name: LIVE_PORT_NAME }) as unknown as PortLike,
        hello,
        onMessage: (message) => onUpdate(message as LiveUpdate),
        onConnectionChange: onConnection,
      });
      return () => feed.close();
    },
    exportReport: (tabId, options) => call('cors-lens/export', { tabId, redact: options?.redact ?? true }),
    clear: (tabId) => call('cors-lens/clear', { tabId }),
    setPreserveLog: (tabId, preserve) => call('cors-lens/set-preserve-log', { tabId, preserve }),
    setPaused: (paused) => call('cors-lens/set-paused', { paused }),
    tabInfo: (tabId) => call('cors-lens/tab-info', { tabId }),
    openPage: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path) });
    },
  };
}
