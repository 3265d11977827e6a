/**
 * serviceWorker: what CORS Lens's worker holds after one tab made 10,000 cross-origin requests
 * (the benchmark page's mix, fired in batches of 1,000 without navigating, so the tab's log keeps
 * its 5,000 newest and evicts the rest): its JS heap after garbage collection, read over CDP, and
 * the bytes it keeps in storage.session (chrome.storage.session.getBytesInUse, 10 MB quota).
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../test/support/launch';
import type { TabSnapshot } from '../../src/messaging/protocol';
import { startBenchServers } from './page-server';
import { serviceWorkerHeap } from './worker-heap';

export interface ServiceWorkerResult {
  readonly heapMB: number;
  /** The worker's heap right after start-up, before any request (for comparison). */
  readonly heapAtStartMB: number;
  readonly sessionStorageBytes: number;
  /** CORS Lens's own persistence status at the end: degraded when storage refused writes (quota). */
  readonly persistenceDegraded: boolean;
  readonly failedWrites: number;
  readonly transactions: number;
  /** What the tab's summary said at the end (listed and evicted). */
  readonly listed: number;
  readonly evicted: number;
}

const SESSION_QUOTA_BYTES = 10 * 1024 * 1024;
export { SESSION_QUOTA_BYTES };

async function snapshotOf(extensionPage: Page, tabId: number): Promise<Pick<TabSnapshot, 'summary' | 'persistence'>> {
  return extensionPage.evaluate(async (id) => {
    const snapshot = (await chrome.runtime.sendMessage({ type: 'cors-lens/snapshot', tabId: id })) as TabSnapshot;
    return { summary: snapshot.summary, persistence: snapshot.persistence };
  }, tabId);
}

export async function runServiceWorkerBench(options: { distDir: string; transactions?: number; batch?: number; log?: (line: string) => void }): Promise<ServiceWorkerResult> {
  const total = options.transactions ?? 10_000;
  const batch = Math.min(options.batch ?? 1000, total);
  const log = options.log ?? (() => undefined);
  const servers = await startBenchServers();
  const browser = await launchBrowser({ extensionDir: options.distDir });
  try {
    const extensionId = browser.extensionId ?? '';
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/src/popup/index.html?tabId=-1`);
    const heapAtStart = await serviceWorkerHeap(extensionPage, extensionId);
    const page = await browser.context.newPage();
    await page.goto(servers.pageUrl);
    await page.waitForFunction(() => typeof (window as unknown as { fireBatch?: unknown }).fireBatch === 'function');
    const tabs = await extensionPage.evaluate(() => chrome.tabs.query({}));
    const tabId = tabs.find((t) => t.url?.startsWith(servers.pageUrl))?.id;
    if (tabId === undefined) throw new Error('benchmark page tab not found');
    for (let fired = 0; fired < total; fired += batch) {
      const count = Math.min(batch, total - fired);
      await page.evaluate(([n, tag]) => (window as unknown as { fireBatch(n: number, t: string): Promise<unknown> }).fireBatch(n, tag), [count, `sw${fired}`] as const);
      log(`  serviceWorker: fired ${fired + count}/${total}`);
    }
    // The worker handles events after the page saw them settle: wait until it has listed them all.
    const deadline = Date.now() + 120_000;
    let { summary } = await snapshotOf(extensionPage, tabId);
    while (summary.total + summary.evicted < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      ({ summary } = await snapshotOf(extensionPage, tabId));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000)); // last storage writes
    const { persistence } = await snapshotOf(extensionPage, tabId);
    const heap = await serviceWorkerHeap(extensionPage, extensionId);
    const sessionStorageBytes = await extensionPage.evaluate(() => chrome.storage.session.getBytesInUse(null));
    return {
      heapMB: heap.usedBytes / (1024 * 1024),
      heapAtStartMB: heapAtStart.usedBytes / (1024 * 1024),
      sessionStorageBytes,
      persistenceDegraded: persistence.degraded,
      failedWrites: persistence.failedWrites,
      transactions: total,
      listed: summary.total,
      evicted: summary.evicted,
    };
  } finally {
    await browser.close();
    await servers.close();
  }
}
