/**
 * The lab behind a service worker (test/lab/page/sw.js, as offline-first apps do): every scenario
 * runs on /sw/, whose worker makes the page's cross-origin requests itself. Chromium sends them with
 * no tab (webRequest tabId -1); CORS Lens lists them in the tab showing the worker's site
 * (core/model/worker-home.ts), judged like any other. Ground truth: Chromium's own verdicts, read
 * over the DevTools Protocol from the service worker's target (the page's target never sees those
 * requests go out).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { ReportTransactionV1 } from '../../src/core/report';
import { SCENARIOS } from '../lab/scenarios';
import { startLab, type Lab } from '../lab/server';
import { badgeText, exportReport, launchWithCorsLens, type CorsLensSession } from '../support/cors-lens-session';
import { saveScreenshot } from '../support/screenshots';

interface ChromiumVerdict {
  readonly corsError: string | null;
  readonly failedParameter: string | null;
}

let lab: Lab;
let session: CorsLensSession;
let page: Page;
let tabId: number;
/** Chromium's verdict for each request the service worker sent, in the order it sent them. */
let chromium: readonly (ChromiumVerdict & { readonly url: string })[] = [];
/** How the page saw each scenario end, by scenario id. */
let pageSaw: Record<string, { ok: boolean; error?: string }> = {};
let report: readonly ReportTransactionV1[] = [];

/**
 * Network events of the service worker's target. Playwright opens sessions for pages only, so this
 * attaches through the browser session and talks to the target with Target.sendMessageToTarget.
 * Each request is named by its first URL (a transaction's `url`; redirects come later).
 */
async function watchServiceWorker(browserSession: CDPSession, scriptUrl: string): Promise<(ChromiumVerdict & { url: string })[]> {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === scriptUrl);
  if (!target) throw new Error(`no service worker target at ${scriptUrl}: ${targetInfos.map((t) => `${t.type} ${t.url}`).join(', ')}`);
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const urls = new Map<string, string>();
  const ended: (ChromiumVerdict & { url: string })[] = [];
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { method?: string; params?: Record<string, unknown> };
    const params = message.params ?? {};
    const requestId = String(params['requestId']);
    if (message.method === 'Network.requestWillBeSent') {
      const request = params['request'] as { url: string; method: string };
      if (request.method !== 'OPTIONS' && !urls.has(requestId)) urls.set(requestId, request.url);
    } else if (message.method === 'Network.loadingFailed' || message.method === 'Network.loadingFinished') {
      const url = urls.get(requestId);
      const status = params['corsErrorStatus'] as { corsError: string; failedParameter: string } | undefined;
      if (url) ended.push({ url, corsError: status?.corsError ?? null, failedParameter: status?.failedParameter ?? null });
    }
  });
  await browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable' }) });
  return ended;
}

/** What a transaction's verdict says, in CDP's terms: the CorsError and its parameter, or nulls. */
const asCdp = (tx: ReportTransactionV1 | undefined): ChromiumVerdict => {
  const corsError = tx?.verdict?.corsError ?? null;
  return { corsError, failedParameter: corsError === null ? null : (tx?.verdict?.failedParameter ?? null) };
};

beforeAll(async () => {
  lab = await startLab();
  session = await launchWithCorsLens();
  page = await session.browser.context.newPage();
  await page.goto(`${lab.pageUrl}sw/`);
  const ready = await page.evaluate(() => Promise.all([
    (window as unknown as { swReady: Promise<boolean> }).swReady, (window as unknown as { labReady: Promise<unknown> }).labReady,
  ]));
  if (ready[0] !== true) throw new Error('the service worker does not control the page');
  const browserSession = await session.browser.context.browser()?.newBrowserCDPSession();
  if (!browserSession) throw new Error('no browser CDP session');
  const ended = await watchServiceWorker(browserSession, `${lab.pageUrl}sw/sw.js`);
  pageSaw = await page.evaluate(async (ids) => {
    const run = (window as unknown as { runScenario: (id: string) => Promise<{ ok: boolean; error?: string }> }).runScenario;
    const results: Record<string, { ok: boolean; error?: string }> = {};
    for (const id of ids) results[id] = await run(id);
    return results;
  }, SCENARIOS.map((s) => s.id));
  // CDP's last events may trail the page's promises by a moment.
  for (let count = -1; count !== ended.length;) {
    count = ended.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  chromium = [...ended];
  tabId = await session.tabIdOf(`${lab.pageUrl}sw/`);
  report = (await exportReport(session.extensionPage, tabId, { settledCount: chromium.length, timeoutMs: 20_000 })).transactions;
}, 120_000);

afterAll(async () => {
  await session?.close();
  await lab?.close();
});

describe('the lab behind a service worker', () => {
  it('sends most requests from the service worker; the page sees a blocked one as "Failed to fetch"', () => {
    expect(pageSaw['acao-missing']).toMatchObject({ ok: false, error: 'TypeError: Failed to fetch' });
    expect(pageSaw['acao-wildcard']?.ok).toBe(true);
    expect(chromium.length).toBeGreaterThan(80);
    expect(chromium.filter((v) => v.corsError !== null).length).toBeGreaterThan(40);
  });

  it('lists every request the worker sent in the page\'s tab, marked as the worker\'s, each with Chromium\'s verdict', () => {
    const mismatches: string[] = [];
    const byUrl = new Map<string, ReportTransactionV1[]>();
    for (const tx of report) byUrl.set(tx.url, [...(byUrl.get(tx.url) ?? []), tx]);
    for (const truth of chromium) {
      // Repeated and concurrent scenarios send one URL several times: any of its transactions may be this one.
      const listed = byUrl.get(truth.url) ?? [];
      const { url: _url, ...verdict } = truth;
      if (!listed.some((tx) => tx.fromWorker && JSON.stringify(asCdp(tx)) === JSON.stringify(verdict))) {
        mismatches.push(`${truth.url}: Chromium ${JSON.stringify(verdict)}, CORS Lens ${JSON.stringify(listed.map((tx) => [tx.fromWorker, asCdp(tx)]))}`);
      }
    }
    expect(mismatches).toEqual([]);
    console.log(`service worker: ${chromium.length} requests, ${chromium.filter((v) => v.corsError !== null).length} blocked by Chromium; all matched`);
    // A request Chromium let through is never shown as blocked, and nothing the worker sent is listed twice.
    const workerListed = report.filter((tx) => tx.fromWorker);
    expect(workerListed).toHaveLength(chromium.length);
    expect(workerListed.filter((tx) => tx.verdict?.outcome === 'blocked')).toHaveLength(chromium.filter((v) => v.corsError !== null).length);
  });

  it('counts the blocked ones on the tab\'s badge, and leaves nothing under "no tab"', async () => {
    const blocked = report.filter((tx) => tx.verdict?.outcome === 'blocked').length;
    expect(blocked).toBeGreaterThan(40);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe(String(blocked));
    const tabless = (await exportReport(session.extensionPage, -1, { timeoutMs: 0 })).transactions;
    expect(tabless.filter((t) => chromium.some((v) => v.url === t.url))).toEqual([]);
  });

  it('lists them in the tab that loaded the site last, even one its service worker loaded (no main_frame request)', async () => {
    const second = await session.browser.context.newPage();
    await second.goto(`${lab.pageUrl}sw/?second`);
    await second.evaluate(() => Promise.all([(window as unknown as { swReady: Promise<boolean> }).swReady, (window as unknown as { labReady: Promise<unknown> }).labReady]));
    expect(await second.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const run = await second.evaluate(() => (window as unknown as { runScenario: (id: string) => Promise<{ url: string }> }).runScenario('acao-missing'));
    const secondTab = await session.tabIdOf(`${lab.pageUrl}sw/?second`);
    const listed = (await exportReport(session.extensionPage, secondTab, { settledCount: 1 })).transactions;
    expect(listed.map((tx) => [tx.url, tx.fromWorker, tx.verdict?.corsError])).toEqual([[run.url, true, 'MissingAllowOriginHeader']]);
    expect(report.some((tx) => tx.url === run.url)).toBe(false);
    expect((await exportReport(session.extensionPage, tabId, { timeoutMs: 0 })).transactions.some((tx) => tx.url === run.url)).toBe(false);
    await second.close();
  });

  it('shows them in the panel with the gear, and says in the detail who sent the request', async () => {
    const panel = await session.browser.context.newPage();
    await panel.setViewportSize({ width: 1400, height: 700 });
    await panel.goto(`chrome-extension://${session.extensionId}/src/panel/index.html?tabId=${tabId}`);
    await expect.poll(() => panel.locator('[role=option]').count()).toBeGreaterThan(20);
    const rows = panel.locator('[role=option]');
    expect(await rows.locator('.cl-worker-marker').count()).toBe(await rows.count());
    await rows.first().click();
    expect(await panel.getByTestId('from-worker').textContent()).toContain(`Sent by a service worker of ${lab.origins.page}`);
    await saveScreenshot(panel, 'panel-service-worker');
    await panel.close();
  });
});
