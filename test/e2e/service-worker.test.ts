/**
 * A page whose cross-origin requests its service worker makes (test/lab/page/sw.js, as offline-first
 * apps do). Chromium sends them with no tab (webRequest tabId -1); CORS Lens lists them in the tab
 * showing the worker's site (core/model/worker-home.ts), judged like any other request. Ground
 * truth: Chromium's own verdicts, read over the DevTools Protocol from the service worker's target
 * (the page's target never sees those requests go out).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { ReportTransactionV1 } from '../../src/core/report';
import { getScenario } from '../lab/scenarios';
import { startLab, type Lab } from '../lab/server';
import { badgeText, exportReport, launchWithCorsLens, type CorsLensSession } from '../support/cors-lens-session';
import { saveScreenshot } from '../support/screenshots';

/** Blocked at the response, blocked at the preflight, allowed with and without a preflight. */
const IDS = ['acao-missing', 'acao-trailing-slash', 'pf-status-401', 'pf-header-not-listed', 'acao-wildcard', 'pf-ok'];

interface ChromiumVerdict {
  readonly corsError: string | null;
  readonly failedParameter: string | null;
}

let lab: Lab;
let session: CorsLensSession;
let page: Page;
let tabId: number;
/** By URL: what Chromium decided for the service worker's request. */
const chromium = new Map<string, ChromiumVerdict>();
/** By URL: how the page saw its fetch end. */
const pageSaw = new Map<string, string>();
let report: readonly ReportTransactionV1[] = [];

/**
 * Network events of the service worker's target. Playwright opens sessions for pages only, so this
 * attaches through the browser session and talks to the target with Target.sendMessageToTarget.
 */
async function watchServiceWorker(browserSession: CDPSession, scriptUrl: string): Promise<Map<string, ChromiumVerdict>> {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === scriptUrl);
  if (!target) throw new Error(`no service worker target at ${scriptUrl}: ${targetInfos.map((t) => `${t.type} ${t.url}`).join(', ')}`);
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const urls = new Map<string, string>();
  const verdicts = new Map<string, ChromiumVerdict>();
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { method?: string; params?: Record<string, unknown> };
    const params = message.params ?? {};
    if (message.method === 'Network.requestWillBeSent') {
      const request = params['request'] as { url: string; method: string };
      if (request.method !== 'OPTIONS') urls.set(String(params['requestId']), request.url);
    } else if (message.method === 'Network.loadingFailed' || message.method === 'Network.loadingFinished') {
      const url = urls.get(String(params['requestId']));
      const status = params['corsErrorStatus'] as { corsError: string; failedParameter: string } | undefined;
      if (url) verdicts.set(url, { corsError: status?.corsError ?? null, failedParameter: status?.failedParameter ?? null });
    }
  });
  await browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable' }) });
  return verdicts;
}

function urlOf(id: string): string {
  const scenario = getScenario(id);
  return `${lab.origins[scenario.target]}/s/${id}?n=sw${id.length}`;
}

beforeAll(async () => {
  lab = await startLab();
  session = await launchWithCorsLens();
  page = await session.browser.context.newPage();
  await page.goto(`${lab.pageUrl}sw/`);
  if (!(await page.evaluate(() => (window as unknown as { swReady: Promise<boolean> }).swReady))) throw new Error('no service worker');
  const browserSession = await session.browser.context.browser()?.newBrowserCDPSession();
  if (!browserSession) throw new Error('no browser CDP session');
  const verdicts = await watchServiceWorker(browserSession, `${lab.pageUrl}sw/sw.js`);
  for (const id of IDS) {
    const { method, headers, body } = getScenario(id).fire;
    const init = { method: method ?? 'GET', headers: headers ?? {}, ...(body === undefined ? {} : { body }) };
    pageSaw.set(urlOf(id), await page.evaluate(([url, options]) => (window as unknown as {
      fireViaWorker: (u: string, i: RequestInit) => Promise<string>;
    }).fireViaWorker(url, options), [urlOf(id), init] as const));
  }
  for (const deadline = Date.now() + 10_000; verdicts.size < IDS.length;) {
    if (Date.now() > deadline) throw new Error(`Chromium's verdicts for ${verdicts.size} of ${IDS.length} requests only`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const [url, verdict] of verdicts) chromium.set(url, verdict);
  tabId = await session.tabIdOf(`${lab.pageUrl}sw/`);
  report = (await exportReport(session.extensionPage, tabId, { settledCount: IDS.length })).transactions;
}, 60_000);

afterAll(async () => {
  await session?.close();
  await lab?.close();
});

describe('requests a page\'s service worker makes', () => {
  it('really go out from the service worker, and the page sees a blocked one as "Failed to fetch"', () => {
    expect(pageSaw.get(urlOf('acao-missing'))).toBe('TypeError: Failed to fetch');
    expect(pageSaw.get(urlOf('acao-wildcard'))).toBe('status 200');
    expect([...chromium.keys()].sort()).toEqual(IDS.map(urlOf).sort());
  });

  it.each(IDS)('%s: is listed in the page\'s tab, marked as the worker\'s, with Chromium\'s verdict', (id) => {
    const url = urlOf(id);
    const tx = report.find((t) => t.url === url);
    expect(tx?.fromWorker).toBe(true);
    const truth = chromium.get(url);
    expect(truth?.corsError ?? null).toBe(lab.resolve(getScenario(id).expect.corsError ?? '') || null);
    expect({ corsError: tx?.verdict?.corsError ?? null, failedParameter: tx?.verdict?.corsError ? tx.verdict.failedParameter : null })
      .toEqual({ corsError: truth?.corsError ?? null, failedParameter: truth?.corsError ? truth.failedParameter : null });
    expect(tx?.verdict?.outcome).toBe(truth?.corsError ? 'blocked' : 'allowed');
  });

  it('counts the blocked ones on the tab\'s badge, and leaves nothing under "no tab"', async () => {
    const blocked = [...chromium.values()].filter((v) => v.corsError !== null).length;
    expect(blocked).toBe(4);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe(String(blocked));
    const tabless = (await exportReport(session.extensionPage, -1, { timeoutMs: 0 })).transactions;
    expect(tabless.filter((t) => IDS.some((id) => t.url === urlOf(id)))).toEqual([]);
  });

  it('shows them in the panel with the gear, and says in the detail who sent the request', async () => {
    const panel = await session.browser.context.newPage();
    await panel.setViewportSize({ width: 1400, height: 700 });
    await panel.goto(`chrome-extension://${session.extensionId}/src/panel/index.html?tabId=${tabId}`);
    await expect.poll(() => panel.locator('[role=option]').count()).toBe(IDS.length);
    expect(await panel.locator('[role=option] .cl-worker-marker').count()).toBe(IDS.length);
    await panel.locator('[role=option]').first().click();
    const note = panel.getByTestId('from-worker');
    expect(await note.textContent()).toContain(`Sent by a service worker of ${lab.origins.page}`);
    await saveScreenshot(panel, 'panel-service-worker');
    await panel.close();
  });
});
