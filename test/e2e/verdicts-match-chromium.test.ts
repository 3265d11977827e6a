/**
 * The product's promise, proven: for every lab scenario, CORS Lens's verdict (read through the public
 * export message) equals what Chromium itself decided (read over CDP in the same run). A request
 * Chromium let through is never shown as blocked; a blocked one carries Chromium's CorsError and
 * failedParameter exactly. Every preflight Chromium sent is paired with the request it guarded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/server';
import { SCENARIOS } from '../lab/scenarios';
import { runLabScenarios, type LabScenarioRun } from '../support/run-lab-scenarios';
import { compareRun } from '../support/compare-verdicts';
import { exportReport, launchWithCorsLens, snapshotSummary, type CorsLensSession } from '../support/cors-lens-session';
import type { ReportV1 } from '../../src/core/report';
import type { TabSummary } from '../../src/messaging/protocol';

let session: CorsLensSession;
let lab: Lab;
let runs: Map<string, LabScenarioRun>;
let report: ReportV1;
let summary: TabSummary;

describe('CORS Lens verdicts equal Chromium’s, scenario by scenario', () => {
  beforeAll(async () => {
    lab = await startLab();
    session = await launchWithCorsLens();
    const page = await session.browser.context.newPage();
    runs = await runLabScenarios(page, lab);
    const tabId = await session.tabIdOf(lab.pageUrl);
    report = await exportReport(session.extensionPage, tabId, { settledCount: runs.size });
    summary = await snapshotSummary(session.extensionPage, tabId);
  });

  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it('covers at least 40 scenarios', () => {
    expect(runs.size).toBeGreaterThanOrEqual(40);
  });

  it('counts same-origin requests without listing them as CORS', () => {
    expect(runs.get('same-origin-fetch')?.cdp.status).toBe(200);
    expect(report.transactions.some((t) => new URL(t.url).origin === lab.origins.page && t.redirects.length === 0)).toBe(false);
    expect(summary.sameOrigin).toBeGreaterThanOrEqual(1);
    expect(summary.total).toBe(report.transactions.length);
  });

  it.each(SCENARIOS.map((s) => [s.id, s.title] as const))('%s: %s', (id) => {
    const run = runs.get(id);
    if (!run) throw new Error(`scenario ${id} did not run`);
    const result = compareRun(run, lab, report);
    expect(result.exportedUrls).toEqual(result.expectedUrls);
    expect(result.problems).toEqual([]);
    expect(result.pairedPreflights).toBe(result.sentPreflights);
  });
});
