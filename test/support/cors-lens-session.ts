/**
 * Chromium with the built CORS Lens loaded, plus the means to read its state the way other tools do:
 * through the public export message, sent from an extension page (the service worker does not
 * receive its own messages).
 */
import { existsSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { ReportV1 } from '../../src/core/report';
import type { TabSnapshot, TabSummary } from '../../src/messaging/protocol';
import { launchBrowser, type LaunchedBrowser } from './launch';

export const DIST_DIR = new URL('../../dist/', import.meta.url).pathname;

export interface CorsLensSession {
  readonly browser: LaunchedBrowser;
  readonly extensionId: string;
  /** An extension page to send messages from. */
  readonly extensionPage: Page;
  tabIdOf(url: string): Promise<number>;
  /** Stops every service worker (ours included) the way Chrome does when idle or under pressure. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launchWithCorsLens(): Promise<CorsLensSession> {
  if (!existsSync(`${DIST_DIR}manifest.json`)) throw new Error('dist/ is missing: run `npx vite build` (npm test does) before the end-to-end tests.');
  const browser = await launchBrowser({ extensionDir: DIST_DIR });
  const { extensionId } = browser;
  if (!extensionId) throw new Error('CORS Lens did not start its service worker');
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/src/panel/index.html?tabId=-1`);
  let cdp: CDPSession | null = null;
  return {
    browser,
    extensionId,
    extensionPage,
    async tabIdOf(url) {
      const tabs = await extensionPage.evaluate(() => chrome.tabs.query({}));
      const tab = tabs.find((t) => t.url?.startsWith(url));
      if (tab?.id === undefined) throw new Error(`no tab at ${url}; tabs: ${tabs.map((t) => t.url).join(', ')}`);
      return tab.id;
    },
    async stopServiceWorker() {
      cdp ??= await browser.context.newCDPSession(extensionPage);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    close: () => browser.close(),
  };
}

/** The tab's report; with `settledCount`, waits until that many transactions have a verdict. */
export async function exportReport(extensionPage: Page, tabId: number, options: { redact?: boolean; settledCount?: number; timeoutMs?: number } = {}): Promise<ReportV1> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const report = await extensionPage.evaluate(
      ([id, redact]) => chrome.runtime.sendMessage({ type: 'cors-lens/export', tabId: id, redact }) as Promise<ReportV1>,
      [tabId, options.redact ?? true] as const,
    );
    const done = report.transactions.filter((t) => t.verdict !== null).length;
    if (done >= (options.settledCount ?? 0) || Date.now() > deadline) return report;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function snapshotSummary(extensionPage: Page, tabId: number): Promise<TabSummary> {
  const snapshot = (await extensionPage.evaluate((id) => chrome.runtime.sendMessage({ type: 'cors-lens/snapshot', tabId: id }), tabId)) as TabSnapshot;
  return snapshot.summary;
}

/** The toolbar badge text CORS Lens set on a tab. */
export async function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}
