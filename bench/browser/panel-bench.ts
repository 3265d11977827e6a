/**
 * panel: the real panel page (dist/src/panel/index.html in Chromium, the built extension loaded)
 * opened on a tab with 10,000 transactions.
 *
 * What is measured, and why this way: a tab's log holds at most 5,000 transactions, so 10,000 rows
 * cannot come from the extension itself. The page's live port is therefore replaced, before the
 * page's scripts run, by a stub that hands the panel app a snapshot of 10,000 lab-shaped
 * transactions, as the worker's port would. Everything after the hand-over is the product's code:
 * the store, the filters, the virtualized list, Preact, the CSS.
 * - firstRenderMs: snapshot handed to the app → list rendered and laid out (style and layout
 *   forced). Decoding the message is Chrome's messaging, reported apart as snapshotDecodeMs
 *   (JSON.parse of the same message in the page: extension messages travel as JSON).
 * - filterMs: one keystroke in the search box (input event) → list re-rendered and laid out, over
 *   a query typed character by character, three times (the first pass builds the search cache).
 *   The median keystroke; the worst one and the very first (cold) are reported too.
 * Paint itself is left out of both: headless Chromium paints on its own frame clock.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../test/support/launch';
import { max, median } from '../lib/stats';
import { panelSnapshot } from '../inputs/panel-snapshot';

export interface PanelResult {
  readonly firstRenderMs: number;
  readonly snapshotDecodeMs: number;
  readonly filterMs: number;
  readonly filterMsMax: number;
  readonly filterMsFirstKeystroke: number;
  readonly rows: number;
  /** Rows the list showed for the typed query (a sanity check that filtering happened). */
  readonly matchedRows: number;
}

const TAB_ID = 4242;
const QUERY = 'preflight';

/**
 * Installed before the panel's scripts: a live port that hands over whatever the benchmark passes
 * to __benchDeliver. Plain source, not a function: the TypeScript runner would wrap a function in
 * helpers the page does not have.
 */
const STUB_LIVE_PORT = `(() => {
  const listeners = [];
  const port = {
    name: 'cors-lens/live',
    postMessage() {},
    disconnect() {},
    onMessage: { addListener(fn) { listeners.push(fn); } },
    onDisconnect: { addListener() {} },
  };
  const connect = () => port;
  chrome.runtime.connect = connect;
  if (globalThis.browser && globalThis.browser.runtime) globalThis.browser.runtime.connect = connect;
  window.__benchDeliver = (message) => { for (const fn of listeners) fn(message); };
  window.__benchReady = () => listeners.length > 0;
})();`;

async function settledLayout(page: Page, fn: string, arg: unknown): Promise<number> {
  return page.evaluate(async ([body, value]) => {
    // The step comes as source: page.evaluate cannot ship closures.
    const step = new Function('value', body) as (v: unknown) => void;
    const start = performance.now();
    step(value);
    // Preact renders in a microtask; a macrotask later the render is done. Then force style + layout.
    await new Promise((resolve) => setTimeout(resolve, 0));
    void document.querySelector('.cl-list-scroll')?.getBoundingClientRect();
    void document.body.offsetHeight;
    return performance.now() - start;
  }, [fn, arg] as const);
}

export async function runPanelBench(options: { distDir: string; rows?: number; log?: (line: string) => void }): Promise<PanelResult> {
  const rows = options.rows ?? 10_000;
  const log = options.log ?? (() => undefined);
  const snapshot = panelSnapshot(rows, TAB_ID);
  const message = JSON.stringify({ type: 'snapshot', snapshot });
  log(`  panel: snapshot of ${snapshot.transactions.length} transactions, ${(message.length / 1e6).toFixed(1)} MB as JSON`);
  const browser = await launchBrowser({ extensionDir: options.distDir });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.addInitScript({ content: STUB_LIVE_PORT });
    await page.goto(`chrome-extension://${browser.extensionId ?? ''}/src/panel/index.html?tabId=${TAB_ID}`);
    await page.waitForFunction(() => (window as unknown as { __benchReady(): boolean }).__benchReady());
    await page.evaluate((json) => {
      (window as unknown as { __benchMessage: string }).__benchMessage = json;
    }, message);
    const snapshotDecodeMs = await page.evaluate(() => {
      const start = performance.now();
      (window as unknown as { __benchDecoded: unknown }).__benchDecoded = JSON.parse((window as unknown as { __benchMessage: string }).__benchMessage);
      return performance.now() - start;
    });
    const firstRenderMs = await settledLayout(page, 'window.__benchDeliver(window.__benchDecoded);', null);
    const shown = await page.locator('.cl-row').count();
    if (shown === 0) throw new Error('the panel rendered no rows');
    const keystrokes: number[] = [];
    let matchedRows = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (let length = 1; length <= QUERY.length; length++) {
        const setQuery = "const el = document.querySelector('.cl-search'); el.value = value; el.dispatchEvent(new Event('input', { bubbles: true }));";
        keystrokes.push(await settledLayout(page, setQuery, QUERY.slice(0, length)));
      }
      matchedRows = await page.evaluate(() => {
        const status = [...document.querySelectorAll('[role=status]')].map((el) => el.textContent ?? '').find((t) => /of [\d,]+ requests/.test(t)) ?? '';
        return Number(/^([\d,]+) of/.exec(status)?.[1]?.replace(/,/g, '') ?? '0');
      });
      await settledLayout(page, "const el = document.querySelector('.cl-search'); el.value = ''; el.dispatchEvent(new Event('input', { bubbles: true }));", null);
    }
    return {
      firstRenderMs,
      snapshotDecodeMs,
      filterMs: median(keystrokes),
      filterMsMax: max(keystrokes),
      filterMsFirstKeystroke: keystrokes[0] ?? Number.NaN,
      rows: snapshot.transactions.length,
      matchedRows,
    };
  } finally {
    await browser.close();
  }
}
