/**
 * Floods and a full storage.session, in one browser:
 * 1. storage.session filled with junk from an extension page until it refuses writes: capture goes
 *    on in memory (the export has the new requests), the snapshot says persistence is degraded and
 *    the panel shows the storage banner; once the junk is freed, writes recover and the banner goes.
 * 2. 20,000 requests in one tab (simple GETs with ACAO from the lab, fired in batches): the export
 *    holds exactly the cap (5,000), the newest; summary.evicted is 15,000; the panel says how many
 *    were dropped; the service worker's JS heap (Runtime.getHeapUsage over CDP) stays
 *    bounded; and the capped log still fits in storage.session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/server';
import { openLabPage, runLabScenarios } from '../support/run-lab-scenarios';
import { exportReport, launchWithCorsLens, snapshotSummary, type CorsLensSession } from '../support/cors-lens-session';
import type { TabSnapshot } from '../../src/messaging/protocol';
import { DEFAULT_CAPACITY } from '../../src/core/model';

const FLOOD = 20_000;
const BATCH = 400;
const STORAGE_BANNER = /Saving requests failed/;

let session: CorsLensSession;
let lab: Lab;

async function snapshot(tabId: number): Promise<TabSnapshot> {
  return session.extensionPage.evaluate((id) => chrome.runtime.sendMessage({ type: 'cors-lens/snapshot', tabId: id }), tabId) as Promise<TabSnapshot>;
}

async function openPanel(tabId: number): Promise<Page> {
  const panel = await session.browser.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/src/panel/index.html?tabId=${tabId}`);
  await panel.locator('.cl-banners').waitFor({ state: 'attached' });
  return panel;
}

/** Fills storage.session with junk until it refuses even 1 KB more; returns the junk keys. */
async function fillSessionStorage(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const keys: string[] = [];
    for (const size of [1_000_000, 100_000, 10_000, 1_000]) {
      for (;;) {
        const key = `junk:${keys.length}`;
        try {
          await chrome.storage.session.set({ [key]: 'j'.repeat(size) });
          keys.push(key);
        } catch {
          break;
        }
      }
    }
    return keys;
  });
}

/**
 * The service worker's used JS heap after a garbage collection, over CDP: Playwright gives no CDP
 * session for a worker, so a page session attaches to the worker target (non-flat) and relays.
 */
async function workerHeap(page: Page): Promise<number> {
  const cdp = await session.browser.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
    if (!worker) throw new Error('CORS Lens has no running service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const replies = new Map<number, { result?: { usedSize?: number } }>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
      if (message.id !== undefined) replies.set(message.id, message);
    });
    const call = async (id: number, method: string): Promise<{ result?: { usedSize?: number } }> => {
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      for (let waited = 0; !replies.has(id); waited += 20) {
        if (waited > 10_000) throw new Error(`no answer to ${method} from the worker`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return replies.get(id) ?? {};
    };
    await call(1, 'HeapProfiler.collectGarbage');
    const usage = await call(2, 'Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return usage.result?.usedSize ?? Number.NaN;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Polls `done` every 500 ms until it holds; throws after `timeoutMs`. */
async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Fires `count` simple GETs with ACAO * from the lab page in batches of BATCH, awaiting each batch. */
async function flood(page: Page, from: number, count: number): Promise<void> {
  await page.evaluate(async ([base, start, total, batch]) => {
    for (let at = start; at < start + total; at += batch) {
      const urls = Array.from({ length: Math.min(batch, start + total - at) }, (_, i) => `${base}?n=flood${at + i}`);
      await Promise.all(urls.map((url) => fetch(url).then((r) => r.arrayBuffer(), () => undefined)));
    }
  }, [`${lab.origins.apiA}/s/acao-wildcard`, from, count, BATCH] as const);
}

describe('a full storage.session and a flood of 20,000 requests', () => {
  beforeAll(async () => {
    lab = await startLab();
    session = await launchWithCorsLens();
  });

  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it('keeps capturing in memory while storage.session is full, says so, and recovers once it has room', async () => {
    const labPage = await session.browser.context.newPage();
    await openLabPage(labPage, lab);
    await runLabScenarios(labPage, lab, ['acao-missing']);
    const tabId = await session.tabIdOf(lab.pageUrl);
    await exportReport(session.extensionPage, tabId, { settledCount: 1 });
    const panel = await openPanel(tabId);

    const junk = await fillSessionStorage(session.extensionPage);
    expect(junk.length).toBeGreaterThan(5);
    await runLabScenarios(labPage, lab, ['acao-wildcard', 'acao-trailing-slash', 'pf-ok']);
    const full = await exportReport(session.extensionPage, tabId, { settledCount: 4 });
    expect(full.transactions.filter((t) => t.verdict !== null)).toHaveLength(4);
    await expect.poll(async () => (await snapshot(tabId)).persistence.degraded, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => panel.getByRole('alert').filter({ hasText: STORAGE_BANNER }).count()).toBe(1);

    await session.extensionPage.evaluate((keys) => chrome.storage.session.remove(keys), junk);
    await runLabScenarios(labPage, lab, ['acao-exact']);
    await expect.poll(async () => (await snapshot(tabId)).persistence.degraded, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => panel.getByText(STORAGE_BANNER).count()).toBe(0);
    // What was only in memory is written now: every transaction of the tab is stored.
    const ids = (await exportReport(session.extensionPage, tabId, { settledCount: 5 })).transactions.map((t) => t.id);
    await expect.poll(async () => {
      const stored = await session.extensionPage.evaluate(async (keys) => Object.keys(await chrome.storage.session.get(keys)), ids.map((id) => `tx:${id}`));
      return stored.length;
    }, { timeout: 10_000 }).toBe(5);
    await panel.close();
    await labPage.close();
  });

  describe('20,000 requests in one tab', () => {
    let tabId: number;
    let heapAtCap = Number.NaN;
    let heapAtEnd = Number.NaN;

    beforeAll(async () => {
      const page = await session.browser.context.newPage();
      await openLabPage(page, lab);
      tabId = await session.tabIdOf(lab.pageUrl);
      const started = Date.now();
      await flood(page, 0, DEFAULT_CAPACITY);
      await exportReport(session.extensionPage, tabId, { settledCount: DEFAULT_CAPACITY, timeoutMs: 60_000 });
      heapAtCap = await workerHeap(session.extensionPage);
      await flood(page, DEFAULT_CAPACITY, FLOOD - DEFAULT_CAPACITY);
      const capturedMs = Date.now() - started;
      await waitUntil(async () => (await snapshotSummary(session.extensionPage, tabId)).evicted >= FLOOD - DEFAULT_CAPACITY, 120_000);
      heapAtEnd = await workerHeap(session.extensionPage);
      console.log(`flood: ${FLOOD} requests fired in ${capturedMs} ms, captured after ${Date.now() - started} ms; worker heap ${heapAtCap} bytes at the cap, ${heapAtEnd} bytes at the end`);
    }, 300_000);

    it('exports exactly the 5,000 newest, and counts the 15,000 it dropped', async () => {
      const report = await exportReport(session.extensionPage, tabId, { settledCount: DEFAULT_CAPACITY, timeoutMs: 30_000 });
      expect(report.transactions).toHaveLength(DEFAULT_CAPACITY);
      expect(new Set(report.transactions.map((t) => t.url)).size).toBe(DEFAULT_CAPACITY);
      const indexes = report.transactions.map((t) => Number(new URL(t.url).searchParams.get('n')?.replace('flood', '')));
      // Oldest first, and the newest: the requests of one batch start in any order, so allow one batch.
      expect(Math.min(...indexes)).toBeGreaterThanOrEqual(FLOOD - DEFAULT_CAPACITY - BATCH);
      expect(indexes).toContain(FLOOD - 1);
      expect(report.transactions.every((t) => t.verdict?.outcome === 'allowed')).toBe(true);
      const summary = await snapshotSummary(session.extensionPage, tabId);
      expect({ total: summary.total, evicted: summary.evicted }).toEqual({ total: DEFAULT_CAPACITY, evicted: FLOOD - DEFAULT_CAPACITY });
    });

    it('shows in the panel how many requests were dropped', async () => {
      const panel = await openPanel(tabId);
      await expect.poll(() => panel.getByText('15,000 older requests dropped (limit 5,000)').count(), { timeout: 15_000 }).toBe(1);
      await panel.close();
    });

    it('keeps the service worker’s JS heap bounded: 15,000 more requests past the cap add less than half again', () => {
      expect(heapAtCap).toBeGreaterThan(0);
      expect(heapAtEnd).toBeLessThan(heapAtCap * 1.5 + 8_000_000);
      expect(heapAtEnd).toBeLessThan(150_000_000);
    });

    it('still fits the capped log in storage.session (persistence not degraded)', async () => {
      const snap = await snapshot(tabId);
      const bytes = await session.extensionPage.evaluate(() => chrome.storage.session.getBytesInUse(null));
      expect(snap.persistence, `storage.session holds ${bytes} bytes`).toEqual({ degraded: false, message: null, failedWrites: expect.any(Number) as number });
    });
  });
});
