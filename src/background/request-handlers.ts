/** Answers to every request of the protocol (src/messaging/protocol.ts), on top of the capture service. */
import type { RequestHandlers } from '../messaging/typed';
import type { Requests, TabInfo } from '../messaging/protocol';
import type { CaptureService } from './capture-service';

export interface TabLookup {
  /** The tab's URL and title as the extension may see them; null when the tab does not exist. */
  get(tabId: number): Promise<{ url?: string; title?: string } | null>;
}

/** Pages where Chrome shows extensions no requests: its own pages, the Web Store, other extensions. */
export function isCapturableUrl(url: string | null): boolean {
  if (url === null) return false;
  if (/^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore)(\/|$)/.test(url)) return false;
  return /^(https?|file):/.test(url);
}

function requireTabId(tabId: unknown): number {
  if (typeof tabId !== 'number' || !Number.isInteger(tabId)) throw new Error('tabId must be an integer (the id of a browser tab, or -1 for requests without a tab).');
  return tabId;
}

export function createRequestHandlers(service: CaptureService, tabs: TabLookup): RequestHandlers<Requests> {
  return {
    'cors-lens/export': ({ tabId, redact }) => service.exportReport(requireTabId(tabId), redact !== false),
    'cors-lens/snapshot': ({ tabId }) => service.snapshot(requireTabId(tabId)),
    'cors-lens/clear': ({ tabId }) => service.clear(requireTabId(tabId)),
    'cors-lens/set-preserve-log': ({ tabId, preserve }) => service.setPreserveLog(requireTabId(tabId), preserve === true),
    'cors-lens/set-paused': async ({ paused }) => ({ paused: await service.setPaused(paused === true) }),
    'cors-lens/tab-info': async ({ tabId }): Promise<TabInfo> => {
      const id = requireTabId(tabId);
      const tab = id < 0 ? null : await tabs.get(id).catch(() => null);
      const url = tab?.url ?? null;
      return { tabId: id, url, title: tab?.title ?? null, capturable: isCapturableUrl(url), exists: tab !== null };
    },
  };
}
