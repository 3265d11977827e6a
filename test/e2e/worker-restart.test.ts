/**
 * Chrome stops an extension's service worker whenever it likes. CORS Lens keeps its state in
 * storage.session, so:
 * - stopping the worker after each batch of lab runs loses and duplicates nothing it had observed,
 *   keeps preflights paired, and leaves the badge showing the right blocked count;
 * - stopping it while a request is in flight (its preflight done, its response still 1.5 s away)
 *   still ends that request with Chromium's verdict, paired with its preflight.
 * A forced stop discards webRequest events still queued for the worker (Chrome never does that on
 * an idle stop), so each batch is stopped only once the export shows all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/server';
import { SCENARIOS } from '../lab/scenarios';
import { openLabPage, runLabScenarios, runUrlMatcher, verdictOf, type LabScenarioRun, type PageResult } from '../support/run-lab-scenarios';
import { compareRun, listedRequests } from '../support/compare-verdicts';
import { cdpRecorder } from '../support/cdp-recorder';
import { badgeText, exportReport, launchWithCorsLens, snapshotSummary, type CorsLensSession } from '../support/cors-lens-session';
import type { ReportV1 } from '../../src/core/report';

const SLOW = 'pf-slow-response-no-acao';
let session: CorsLensSession;
let lab: Lab;
let page: Page;
const runs = new Map<string, LabScenarioRun>();
let report: ReportV1;
let tabId: number;
let stops = 0;

function listedCount(): number {
  return [...runs.values()].reduce((n, run) => n + listedRequests(run, lab).length, 0);
}

describe('a stopped service worker loses nothing', () => {
  beforeAll(async () => {
    lab = await startLab();
    session = await launchWithCorsLens();
    page = await session.browser.context.newPage();
    const ids = SCENARIOS.map((s) => s.id).filter((id) => id !== SLOW);
    for (let start = 0; start < ids.length; start += 10) {
      const batch = await runLabScenarios(page, lab, ids.slice(start, start + 10));
      for (const [id, run] of batch) runs.set(id, run);
      tabId ??= await session.tabIdOf(lab.pageUrl);
      await exportReport(session.extensionPage, tabId, { settledCount: listedCount() });
      await session.stopServiceWorker();
      stops++;
    }
    report = await exportReport(session.extensionPage, tabId, { settledCount: listedCount() });
  });

  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it('stopped the worker several times', () => {
    expect(stops).toBeGreaterThanOrEqual(8);
  });

  it('lists every cross-origin request Chromium made exactly once, with Chromium’s verdict and its preflights', () => {
    const failures = [...runs.values()].flatMap((run) => {
      const result = compareRun(run, lab, report);
      const out: string[] = [];
      if (JSON.stringify(result.exportedUrls) !== JSON.stringify(result.expectedUrls)) out.push(`${run.scenario.id}: listed ${result.exportedUrls.length}, Chromium made ${result.expectedUrls.length}`);
      for (const problem of result.problems) out.push(`${run.scenario.id}: ${problem}`);
      if (result.pairedPreflights !== result.sentPreflights) out.push(`${run.scenario.id}: ${result.pairedPreflights} of ${result.sentPreflights} preflights paired`);
      return out;
    });
    expect(failures).toEqual([]);
    expect(new Set(report.transactions.map((t) => t.id)).size).toBe(report.transactions.length);
  });

  it('shows the blocked count on the badge after restarts', async () => {
    const summary = await snapshotSummary(session.extensionPage, tabId);
    const blocked = report.transactions.filter((t) => t.verdict?.outcome === 'blocked').length;
    expect(summary.blocked).toBe(blocked);
    expect(blocked).toBeGreaterThan(20);
    expect(await badgeText(session.extensionPage, tabId)).toBe(String(blocked));
  });

  it('finishes a request that was in flight while the worker stopped, paired with its preflight', async () => {
    await openLabPage(page, lab);
    const recorder = await cdpRecorder(page);
    await page.evaluate((id) => {
      (window as unknown as { slow: Promise<PageResult> }).slow = (window as unknown as { runScenario(id: string): Promise<PageResult> }).runScenario(id);
    }, SLOW);
    await page.waitForTimeout(500); // the preflight is done; the response is still a second away
    expect(lab.hitCounts({ scenario: SLOW }).OPTIONS).toBeGreaterThanOrEqual(1);
    await session.stopServiceWorker();
    const result = await page.evaluate(() => (window as unknown as { slow: Promise<PageResult> }).slow);
    const settled = await recorder.waitForSettled(runUrlMatcher(SLOW, result.nonce), { count: 1, timeoutMs: 10_000 });
    // The main request, not its preflight: CDP may report either first (that order made this flaky).
    const request = settled.find((r) => !r.isPreflight);
    if (!request) throw new Error('CDP saw no request for the slow scenario');
    expect(settled.filter((r) => r.isPreflight)).toHaveLength(1);
    const after = await exportReport(session.extensionPage, tabId, { settledCount: report.transactions.length + 1 });
    const tx = after.transactions.find((t) => runUrlMatcher(SLOW, result.nonce)(t.url));
    expect(verdictOf(request).corsError).toBe('MissingAllowOriginHeader');
    expect(tx?.verdict?.corsError).toBe('MissingAllowOriginHeader');
    expect(tx?.preflight?.status).toBe(204);
    expect(tx?.response?.status).toBe(200);
  });
});
