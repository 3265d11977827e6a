/**
 * The toolbar popup (src/popup/index.html?tabId=N) after every lab scenario ran in a real tab: its
 * counts and groups must equal what Chromium itself blocked (CDP `corsError` of each main
 * cross-origin request), the badge must say the same number, and its actions must do what they say:
 * Pause stops capturing (badge "off"), Resume restores, Clear empties the tab and the badge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/server';
import { runLabScenarios, type LabScenarioRun } from '../support/run-lab-scenarios';
import { listedRequests } from '../support/compare-verdicts';
import { badgeText, exportReport, launchWithCorsLens, snapshotSummary, type CorsLensSession } from '../support/cors-lens-session';
import { axeViolations } from '../support/axe';
import { saveScreenshot, useColorScheme } from '../support/screenshots';

let session: CorsLensSession;
let lab: Lab;
let labPage: Page;
let popup: Page;
let runs: Map<string, LabScenarioRun>;
let tabId: number;
/** CorsError of every main cross-origin request Chromium blocked, with its URL. */
let blockedByChromium: { url: string; corsError: string }[];

function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** The popup's groups in one section: the code (from the label's tooltip) or label, and the count. */
function groups(page: Page, sectionId: string): Promise<{ label: string; code: string | null; count: number }[]> {
  return page.locator(`section[aria-labelledby=${sectionId}] li.group`).evaluateAll((items) => items.map((li) => {
    const label = li.querySelector('.group__label');
    const code = /\(([A-Za-z]+)\)$/.exec(label?.getAttribute('title') ?? '')?.[1] ?? null;
    return { label: label?.textContent ?? '', code, count: Number(li.querySelector('.group__count')?.textContent) };
  }));
}

function tileCounts(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'This tab' }).locator('.tile__count').allTextContents();
}

/** Runs one scenario in the lab tab and returns whether Chromium blocked it. */
async function fire(id: string): Promise<boolean> {
  const run = (await runLabScenarios(labPage, lab, [id])).get(id);
  return run?.cdp.corsError != null;
}

describe('the popup page for a lab tab', () => {
  beforeAll(async () => {
    lab = await startLab();
    session = await launchWithCorsLens();
    labPage = await session.browser.context.newPage();
    runs = await runLabScenarios(labPage, lab);
    tabId = await session.tabIdOf(lab.pageUrl);
    const listed = [...runs.values()].flatMap((run) => listedRequests(run, lab));
    blockedByChromium = listed.flatMap((r) => (r.failed?.corsError ? [{ url: r.url, corsError: r.failed.corsError }] : []));
    await exportReport(session.extensionPage, tabId, { settledCount: listed.length });
    popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 460 });
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tabId=${tabId}`);
    await popup.locator('section[aria-labelledby=by-reason]').waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it('counts the requests Chromium blocked, and the warnings CORS Lens found', async () => {
    expect(blockedByChromium.length).toBeGreaterThan(20);
    const summary = await snapshotSummary(session.extensionPage, tabId);
    expect(await tileCounts(popup)).toEqual([String(blockedByChromium.length), String(summary.warnings)]);
    expect(summary.warnings).toBeGreaterThan(0);
  });

  it('groups the blocked requests by reason exactly as Chromium named them', async () => {
    const byReason = await groups(popup, 'by-reason');
    expect(byReason.every((g) => g.label !== '' && g.code !== null)).toBe(true);
    expect(Object.fromEntries(byReason.map((g) => [g.code, g.count]))).toEqual(tally(blockedByChromium.map((b) => b.corsError)));
    expect(byReason.reduce((n, g) => n + g.count, 0)).toBe(blockedByChromium.length);
  });

  it('groups the blocked requests by endpoint (origin and path, no query)', async () => {
    const byEndpoint = await groups(popup, 'by-endpoint');
    const endpoint = (url: string): string => `${new URL(url).origin}${new URL(url).pathname}`;
    expect(Object.fromEntries(byEndpoint.map((g) => [g.label, g.count]))).toEqual(tally(blockedByChromium.map((b) => endpoint(b.url))));
  });

  it('shows the blocked count on the badge', async () => {
    expect(await badgeText(session.extensionPage, tabId)).toBe(String(blockedByChromium.length));
  });

  it.each(['light', 'dark'] as const)('reads well in %s: screenshot, no serious or critical axe violations', async (scheme) => {
    await useColorScheme(popup, scheme);
    await saveScreenshot(popup, 'popup', scheme);
    const problems = await axeViolations(popup);
    await useColorScheme(popup, 'light');
    expect(problems).toEqual([]);
  });

  it('Pause stops capturing and shows "off" on the badge; Resume captures again', async () => {
    const blocked = blockedByChromium.length;
    const pause = popup.getByRole('button', { name: /^(Pause|Resume) capture$/ });
    const before = await snapshotSummary(session.extensionPage, tabId);
    await pause.click();
    try {
      await expect.poll(() => pause.textContent()).toBe('Resume capture');
      await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('off');
      await saveScreenshot(popup, 'popup-paused');
      expect(await fire('acao-missing')).toBe(true);
      await popup.waitForTimeout(300); // time for any event that would (wrongly) be captured to land
      expect((await snapshotSummary(session.extensionPage, tabId)).total).toBe(before.total);
      expect((await tileCounts(popup))[0]).toBe(String(blocked));
    } finally {
      if ((await pause.textContent()) === 'Resume capture') await pause.click();
    }
    await expect.poll(() => pause.textContent()).toBe('Pause capture');
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe(String(blocked));

    expect(await fire('acao-missing')).toBe(true);
    await expect.poll(async () => (await tileCounts(popup))[0]).toBe(String(blocked + 1));
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe(String(blocked + 1));
    expect((await snapshotSummary(session.extensionPage, tabId)).total).toBe(before.total + 1);
  });

  it('Clear empties the tab and its badge', async () => {
    await popup.getByRole('button', { name: 'Clear this tab' }).click();
    await expect.poll(() => tileCounts(popup)).toEqual(['0', '0']);
    await expect.poll(() => badgeText(session.extensionPage, tabId)).toBe('');
    expect((await snapshotSummary(session.extensionPage, tabId)).total).toBe(0);
    expect(await popup.locator('section[aria-labelledby=by-reason]').count()).toBe(0);
    expect(await popup.getByText('None blocked so far').count()).toBe(1);
    await saveScreenshot(popup, 'popup-cleared');
  });
});
