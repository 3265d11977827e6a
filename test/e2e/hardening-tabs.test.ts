/**
 * The life of tabs, as CORS Lens must follow it: a closed tab's state is freed (memory and
 * storage); a reload starts the log over; so does a back/forward navigation, even one restored from
 * the back/forward cache (no request goes out); an iframe's cross-origin requests belong to its tab;
 * a window the page opens is a tab of its own; requests webRequest gives no tab (a page's service
 * worker, a shared worker) are listed in the tab showing their site (core/model/worker-home.ts).
 *
 * The lab page is served with Cache-Control: no-store, which keeps it out of the back/forward cache,
 * so this file serves its own small site (two pages, an iframe on another origin, a service worker
 * and a shared worker) and calls the lab's API origin from it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/server';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { badgeText, DIST_DIR, exportReport, snapshotSummary, type CorsLensSession } from '../support/cors-lens-session';
import { requireBrowser } from '../support/find-browser';
import { BROWSER_FLAGS } from '../support/launch';

let session: CorsLensSession;
let lab: Lab;
let site: Server;
/** The site as `localhost` (pages) and as `127.0.0.1` (the iframe's origin). */
let pageOrigin: string;
let frameOrigin: string;

const FILES: Readonly<Record<string, readonly [type: string, body: string]>> = {
  '/page.html': ['text/html', '<!doctype html><title>tabs</title><p>tabs test page</p><iframe id="frame"></iframe><script src="/page.js"></script>'],
  '/frame.html': ['text/html', '<!doctype html><title>frame</title><p>frame</p>'],
  // Records whether the page came back from the back/forward cache.
  '/page.js': ['text/javascript', `
    window.restoredFromCache = false;
    addEventListener('pageshow', (event) => { if (event.persisted) window.restoredFromCache = true; });
    const frameSrc = new URLSearchParams(location.search).get('frame');
    if (frameSrc) document.getElementById('frame').src = frameSrc;`],
  '/sw.js': ['text/javascript', `
    self.addEventListener('install', () => self.skipWaiting());
    self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
    self.addEventListener('message', (event) => event.waitUntil(
      fetch(event.data).then((r) => r.status, () => 0).then((status) => event.source.postMessage(status))));`],
  '/shared.js': ['text/javascript', `
    onconnect = (event) => {
      const port = event.ports[0];
      port.onmessage = (message) => fetch(message.data).then((r) => r.status, () => 0).then((status) => port.postMessage(status));
    };`],
};

/**
 * launchWithCorsLens, except that Playwright's default --disable-back-forward-cache is dropped:
 * the back/forward cache is what one test is about.
 */
async function launchWithBackForwardCache(): Promise<CorsLensSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cors-lens-tabs-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: requireBrowser().path,
    headless: process.env.HEADED !== '1',
    args: [...BROWSER_FLAGS, `--load-extension=${DIST_DIR}`, `--disable-extensions-except=${DIST_DIR}`],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    ?? await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/src/panel/index.html?tabId=-1`);
  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  };
  return {
    browser: { context, extensionId, serviceWorker: worker, userDataDir, close },
    extensionId,
    extensionPage,
    async tabIdOf(url) {
      const tabs = await extensionPage.evaluate(() => chrome.tabs.query({}));
      const tab = tabs.find((t) => t.url?.startsWith(url));
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      return tab.id;
    },
    async stopServiceWorker() {
      throw new Error('not used here');
    },
    close,
  };
}

async function startSite(): Promise<Server> {
  const server = createServer((req, res) => {
    const file = FILES[new URL(req.url ?? '/', 'http://site.invalid').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    // Cacheable on purpose: no no-store, no unload handler, so pages may enter the back/forward cache.
    res.writeHead(200, { 'Content-Type': `${file[0]}; charset=utf-8` }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A lab API URL that answers with ACAO * (allowed) or without ACAO (blocked), unique per call. */
let counter = 0;
function apiUrl(kind: 'allowed' | 'blocked'): string {
  counter++;
  return `${lab.origins.apiA}/s/${kind === 'allowed' ? 'acao-wildcard' : 'acao-missing'}?n=tabs${counter}`;
}

async function fetchFrom(page: Page, url: string): Promise<void> {
  await page.evaluate((u) => fetch(u).then(() => undefined, () => undefined), url);
}

async function openSitePage(query = ''): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.context.newPage();
  const url = `${pageOrigin}/page.html${query}`;
  await page.goto(url);
  return { page, tabId: await session.tabIdOf(url) };
}

async function exportedUrls(tabId: number, settledCount = 0): Promise<string[]> {
  return (await exportReport(session.extensionPage, tabId, { settledCount })).transactions.map((t) => t.url);
}

describe('tabs, frames, windows and requests without a tab', () => {
  beforeAll(async () => {
    lab = await startLab();
    site = await startSite();
    const { port } = site.address() as AddressInfo;
    pageOrigin = `http://localhost:${port}`;
    frameOrigin = `http://127.0.0.1:${port}`;
    session = await launchWithBackForwardCache();
  });

  afterAll(async () => {
    await session?.close();
    await lab?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  it('frees a closed tab’s state, in memory and in storage.session', async () => {
    const { page, tabId } = await openSitePage();
    const blocked = apiUrl('blocked');
    await fetchFrom(page, blocked);
    expect(await exportedUrls(tabId, 1)).toEqual([blocked]);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('1');
    await expect.poll(() => session.extensionPage.evaluate((id) => chrome.storage.session.get(`tab:${id}`).then((items) => Object.keys(items).length), tabId), { timeout: 5000 }).toBe(1);
    await page.close();
    await expect.poll(async () => (await snapshotSummary(session.extensionPage, tabId)).total).toBe(0);
    expect(await exportedUrls(tabId)).toEqual([]);
    const leftovers = async (): Promise<string[]> => session.extensionPage.evaluate(async ([id, url]) => {
      const items = await chrome.storage.session.get(null);
      const ofTab = (key: string): boolean => key === `tab:${id}` || key.startsWith(`ord:${id}:`);
      // Stored transactions are packed JSON strings that hold the request's URL.
      const ofRequest = (key: string, value: unknown): boolean => key.startsWith('tx:') && typeof value === 'string' && value.includes(url);
      return Object.entries(items).filter(([key, value]) => ofTab(key) || ofRequest(key, value)).map(([key]) => key);
    }, [tabId, blocked] as const);
    await expect.poll(leftovers, { timeout: 5000 }).toEqual([]);
  });

  it('starts the log over on a reload', async () => {
    const { page, tabId } = await openSitePage();
    await fetchFrom(page, apiUrl('blocked'));
    await expect.poll(async () => (await snapshotSummary(session.extensionPage, tabId)).total).toBe(1);
    await page.reload();
    await expect.poll(async () => (await snapshotSummary(session.extensionPage, tabId)).total).toBe(0);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('');
    const after = apiUrl('allowed');
    await fetchFrom(page, after);
    expect(await exportedUrls(tabId, 1)).toEqual([after]);
    await page.close();
  });

  it('starts the log over on a back navigation restored from the back/forward cache', async () => {
    const { page, tabId } = await openSitePage('?first');
    await fetchFrom(page, apiUrl('blocked'));
    await page.goto(`${pageOrigin}/page.html?second`);
    const onSecond = apiUrl('blocked');
    await fetchFrom(page, onSecond);
    expect(await exportedUrls(tabId, 1)).toEqual([onSecond]);
    // A page restored from the cache fires no load event: wait for the commit, then for its pageshow.
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { restoredFromCache?: boolean }).restoredFromCache), { timeout: 5000 }).toBe(true);
    expect(page.url()).toBe(`${pageOrigin}/page.html?first`);
    // DevTools starts the log over on this navigation too; the second page's requests are gone.
    const afterBack = apiUrl('allowed');
    await fetchFrom(page, afterBack);
    await expect.poll(() => exportedUrls(tabId, 1), { timeout: 5000 }).toEqual([afterBack]);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('');
    await page.close();
  });

  it('counts an iframe’s cross-origin requests in its tab, with the frame’s origin as initiator', async () => {
    const { page, tabId } = await openSitePage(`?frame=${encodeURIComponent(`${frameOrigin}/frame.html`)}`);
    const frame = page.frames().find((f) => f.url().startsWith(frameOrigin)) ?? (await page.waitForEvent('frameattached'));
    await frame.waitForURL(`${frameOrigin}/frame.html`);
    const fromFrame = apiUrl('blocked');
    await frame.evaluate((u) => fetch(u).then(() => undefined, () => undefined), fromFrame);
    const report = await exportReport(session.extensionPage, tabId, { settledCount: 1 });
    // The frame's own document load is cross-origin too: listed, judged not-cors (a navigation).
    expect(report.transactions.map((t) => [t.url, t.resourceType, t.initiator, t.verdict?.outcome, t.verdict?.corsError])).toEqual([
      [`${frameOrigin}/frame.html`, 'sub_frame', pageOrigin, 'not-cors', null],
      [fromFrame, 'xmlhttprequest', frameOrigin, 'blocked', 'MissingAllowOriginHeader'],
    ]);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('1');
    await page.close();
  });

  it('gives a window opened by the page its own tab state', async () => {
    const { page: opener, tabId: openerTab } = await openSitePage('?opener');
    const [popup] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      opener.evaluate((url) => void window.open(url, '_blank'), `${pageOrigin}/page.html?popup`),
    ]);
    await popup.waitForLoadState('load');
    const popupTab = await session.tabIdOf(`${pageOrigin}/page.html?popup`);
    expect(popupTab).not.toBe(openerTab);
    const fromPopup = apiUrl('blocked');
    const fromOpener = apiUrl('allowed');
    await fetchFrom(popup, fromPopup);
    await fetchFrom(opener, fromOpener);
    expect(await exportedUrls(popupTab, 1)).toEqual([fromPopup]);
    expect(await exportedUrls(openerTab, 1)).toEqual([fromOpener]);
    await popup.close();
    await opener.close();
  });

  it('lists requests of a page’s service worker and of a shared worker (no tab) in the tab showing their site', async () => {
    const { page, tabId } = await openSitePage('?workers');
    const fromServiceWorker = apiUrl('blocked');
    const fromSharedWorker = apiUrl('allowed');
    const statuses = await page.evaluate(async ([swUrl, sharedUrl]) => {
      const registration = await navigator.serviceWorker.register('/sw.js');
      await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (!worker) throw new Error('the service worker did not activate');
      const fromSw = new Promise<unknown>((resolve) => navigator.serviceWorker.addEventListener('message', (event) => resolve(event.data), { once: true }));
      worker.postMessage(swUrl);
      const shared = new SharedWorker('/shared.js');
      const fromShared = new Promise<unknown>((resolve) => { shared.port.onmessage = (event) => resolve(event.data); });
      shared.port.postMessage(sharedUrl);
      return Promise.all([fromSw, fromShared]);
    }, [fromServiceWorker, fromSharedWorker] as const);
    expect(statuses).toEqual([0, 200]); // blocked (script sees a network error), allowed
    // webRequest gives them no tab (tabId -1); the model lists them in the tab on their site (model/worker-home.ts).
    const report = await exportReport(session.extensionPage, tabId, { settledCount: 2 });
    const byUrl = new Map(report.transactions.map((t) => [t.url, [t.verdict?.outcome, t.fromWorker]]));
    expect([byUrl.get(fromServiceWorker), byUrl.get(fromSharedWorker)]).toEqual([['blocked', true], ['allowed', true]]);
    const tabless = await exportedUrls(-1);
    expect(tabless.filter((url) => url === fromServiceWorker || url === fromSharedWorker)).toEqual([]);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('1');
    await page.close();
  });
});
