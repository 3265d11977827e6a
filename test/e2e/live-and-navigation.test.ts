/**
 * The panel page stays live for the life of a tab: new requests appear without a reload, a stopped
 * service worker is reconnected to by itself, a navigation of the tab clears its list and badge
 * (unless Preserve log is on, then everything survives the reload), and closing the tab frees its
 * state. One lab tab and one panel page, driven in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/server';
import { runLabScenarios } from '../support/run-lab-scenarios';
import { badgeText, exportReport, launchWithCorsLens, snapshotSummary, type CorsLensSession } from '../support/cors-lens-session';
import { saveScreenshot } from '../support/screenshots';

const BLOCKED = 'acao-missing';
const ALLOWED = 'acao-wildcard';

let session: CorsLensSession;
let lab: Lab;
let labPage: Page;
let panel: Page;
let tabId: number;

/** Runs one scenario in the lab tab; returns whether Chromium blocked it. */
async function fire(id: string): Promise<boolean> {
  const run = (await runLabScenarios(labPage, lab, [id])).get(id);
  return run?.cdp.corsError != null;
}

function rowCount(): Promise<number> {
  return panel.getByRole('option').count();
}

/** Proves the panel page was not reloaded: a mark set on its window survives only in the same document. */
async function markPanel(): Promise<void> {
  await panel.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
}
function panelNotReloaded(): Promise<boolean> {
  return panel.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
}

/**
 * Stops CORS Lens's service worker as Chrome does when idle (ServiceWorker.stopAllWorkers) and waits
 * until DevTools reports it stopped, so the test knows the panel's port really went away.
 */
async function stopServiceWorkerAndWait(): Promise<void> {
  const cdp = await session.browser.context.newCDPSession(panel);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.includes(session.extensionId) && v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the service worker did not report stopping within 5 s')), 5000);
    });
    await Promise.race([stopped, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await cdp.detach();
  }
}

describe('a live panel page and the life of its tab', () => {
  beforeAll(async () => {
    lab = await startLab();
    session = await launchWithCorsLens();
    labPage = await session.browser.context.newPage();
    if (!(await fire(BLOCKED))) throw new Error(`Chromium did not block ${BLOCKED}`);
    tabId = await session.tabIdOf(lab.pageUrl);
    await exportReport(session.extensionPage, tabId, { settledCount: 1 });
    panel = await session.browser.context.newPage();
    await panel.setViewportSize({ width: 1200, height: 700 });
    await panel.goto(`chrome-extension://${session.extensionId}/src/panel/index.html?tabId=${tabId}`);
    await panel.getByRole('option').first().waitFor();
    await markPanel();
  });

  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it('shows new requests as they happen, without a reload', async () => {
    expect(await rowCount()).toBe(1);
    expect(await fire(ALLOWED)).toBe(false);
    expect(await fire(BLOCKED)).toBe(true);
    await expect.poll(rowCount).toBe(3);
    await expect.poll(() => panel.getByRole('button', { name: /^Blocked / }).textContent()).toBe('Blocked 2');
    expect(await panelNotReloaded()).toBe(true);
  });

  it('reconnects by itself after the service worker stops, and keeps receiving new requests', async () => {
    await stopServiceWorkerAndWait(); // the panel's port is gone with it: anything new must come through a new port
    expect(await fire(BLOCKED)).toBe(true);
    await expect.poll(rowCount, { timeout: 10_000 }).toBe(4);
    await expect.poll(() => panel.getByText('Reconnecting to CORS Lens').count()).toBe(0);
    expect(await fire(ALLOWED)).toBe(false);
    await expect.poll(rowCount).toBe(5);
    expect(await panelNotReloaded()).toBe(true);
    expect(await badgeText(session.extensionPage, tabId)).toBe('3');
    await saveScreenshot(panel, 'panel-live');
  });

  it('clears the list and the badge when the tab navigates', async () => {
    await labPage.reload();
    await expect.poll(rowCount).toBe(0);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('');
    expect((await snapshotSummary(session.extensionPage, tabId)).total).toBe(0);
    expect(await panel.getByText('No cross-origin requests yet').count()).toBe(1);
    expect(await panelNotReloaded()).toBe(true);
  });

  it('keeps the list and the badge across a navigation when Preserve log is on', async () => {
    const preserve = panel.getByRole('checkbox', { name: 'Preserve log' });
    await preserve.check();
    await expect.poll(async () => (await snapshotSummary(session.extensionPage, tabId)).preserveLog).toBe(true);
    expect(await fire(BLOCKED)).toBe(true);
    expect(await fire(ALLOWED)).toBe(false);
    await expect.poll(rowCount).toBe(2);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('1');

    await labPage.reload();
    await labPage.waitForFunction(() => 'labReady' in window);
    expect(await fire(BLOCKED)).toBe(true);
    await expect.poll(rowCount).toBe(3);
    expect((await snapshotSummary(session.extensionPage, tabId)).total).toBe(3);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('2');
    await saveScreenshot(panel, 'panel-preserved');

    await preserve.uncheck();
    await expect.poll(async () => (await snapshotSummary(session.extensionPage, tabId)).preserveLog).toBe(false);
    await labPage.reload();
    await expect.poll(rowCount).toBe(0);
  });

  it('frees the state of a tab when it closes', async () => {
    expect(await fire(BLOCKED)).toBe(true);
    await expect.poll(async () => (await snapshotSummary(session.extensionPage, tabId)).total).toBe(1);
    await labPage.close();
    await expect.poll(async () => (await snapshotSummary(session.extensionPage, tabId)).total).toBe(0);
    await expect.poll(rowCount).toBe(0);
  });
});
