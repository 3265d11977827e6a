/**
 * Reads CORS Lens's state the way other tools do: through the public export message, sent from an
 * extension page (the service worker does not receive its own messages).
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { ReportV1 } from '../../src/core/report';

export const DIST_DIR = new URL('../../dist/', import.meta.url).pathname;

/** An extension page to talk from; any page of ours will do. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, path = 'src/panel/index.html'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

/** The browser's tab id of a page, as the extension sees it. */
export async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  const tabs = await serviceWorker.evaluate(() => chrome.tabs.query({}));
  const tab = tabs.find((t) => t.url?.startsWith(url));
  if (tab?.id === undefined) throw new Error(`no tab at ${url}; tabs: ${tabs.map((t) => t.url).join(', ')}`);
  return tab.id;
}

export async function exportReport(extensionPage: Page, tabId: number, redact = true): Promise<ReportV1> {
  return extensionPage.evaluate(
    ([id, r]) => chrome.runtime.sendMessage({ type: 'cors-lens/export', tabId: id, redact: r }) as Promise<ReportV1>,
    [tabId, redact] as const,
  );
}

/** Waits until every transaction of the tab has ended (the engine judges at the end). */
export async function settledReport(extensionPage: Page, tabId: number, expectMain: number, timeoutMs = 10_000): Promise<ReportV1> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await exportReport(extensionPage, tabId);
    const done = report.transactions.filter((t) => t.verdict !== null).length;
    if (done >= expectMain || Date.now() > deadline) return report;
    await new Promise((r) => setTimeout(r, 100));
  }
}
