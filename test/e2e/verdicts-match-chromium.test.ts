/**
 * The product's promise, proven: for every lab scenario, CORS Lens's verdict (read through the public
 * export message) equals what Chromium itself decided (read over CDP in the same run). A request
 * Chromium let through is never shown as blocked; a blocked one carries Chromium's CorsError and
 * failedParameter exactly.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../support/launch';
import { startLab, type Lab } from '../lab/server';
import { SCENARIOS } from '../lab/scenarios';
import { runLabScenarios, runUrlMatcher, verdictOf, type CdpVerdict, type LabScenarioRun } from '../support/run-lab-scenarios';
import { DIST_DIR, openExtensionPage, settledReport, tabIdOf } from '../support/extension-export';
import type { ReportTransactionV1, ReportV1 } from '../../src/core/report';
import type { TabSnapshot, TabSummary } from '../../src/messaging/protocol';

let browser: LaunchedBrowser;
let lab: Lab;
let runs: Map<string, LabScenarioRun>;
let report: ReportV1;
let summary: TabSummary;

/** How one extension verdict compares with Chromium's; null when they agree. */
function disagreement(cdp: CdpVerdict, tx: ReportTransactionV1 | undefined): string | null {
  if (!tx) return 'missing from the export';
  const v = tx.verdict;
  if (!v) return 'no verdict (still pending)';
  if (cdp.corsError !== null) {
    if (v.outcome !== 'blocked' || v.corsError !== cdp.corsError || (v.failedParameter ?? '') !== (cdp.failedParameter ?? '')) {
      return `Chromium ${cdp.corsError}(${JSON.stringify(cdp.failedParameter)}) vs ours ${v.outcome} ${v.corsError}(${JSON.stringify(v.failedParameter)})`;
    }
    return null;
  }
  if (cdp.errorText !== null) return v.outcome === 'network-error' || v.outcome === 'not-cors' ? null : `Chromium ${cdp.errorText} (no CORS error) vs ours ${v.outcome} ${v.corsError}`;
  return v.outcome === 'allowed' || v.outcome === 'not-cors' ? null : `Chromium allowed (status ${cdp.status}) vs ours ${v.outcome} ${v.corsError}`;
}

describe('CORS Lens verdicts equal Chromium’s, scenario by scenario', () => {
  beforeAll(async () => {
    if (!existsSync(`${DIST_DIR}manifest.json`)) throw new Error('dist/ is missing: run `npx vite build` (npm test does) before the end-to-end tests.');
    lab = await startLab();
    browser = await launchBrowser({ extensionDir: DIST_DIR });
    const page: Page = await browser.context.newPage();
    runs = await runLabScenarios(page, lab);
    const { serviceWorker, extensionId } = browser;
    if (!serviceWorker || !extensionId) throw new Error('CORS Lens did not start its service worker');
    const tabId = await tabIdOf(serviceWorker, lab.pageUrl);
    const extensionPage = await openExtensionPage(browser.context, extensionId);
    const mainRequests = [...runs.values()].reduce((n, run) => n + run.mainVerdicts.length, 0);
    report = await settledReport(extensionPage, tabId, mainRequests);
    summary = (await extensionPage.evaluate((id) => chrome.runtime.sendMessage({ type: 'cors-lens/snapshot', tabId: id }), tabId) as TabSnapshot).summary;
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it('covers at least 40 scenarios', () => {
    expect(runs.size).toBeGreaterThanOrEqual(40);
  });

  it('counts same-origin requests without listing them as CORS', () => {
    expect(report.transactions.some((t) => new URL(t.url).origin === lab.origins.page && t.redirects.length === 0)).toBe(false);
    expect(runs.get('same-origin-fetch')?.cdp.status).toBe(200);
    expect(summary.sameOrigin).toBeGreaterThanOrEqual(1);
    expect(summary.total).toBe(report.transactions.length);
  });

  it.each(SCENARIOS.map((s) => [s.id, s.title] as const))('%s: %s', (id) => {
    const run = runs.get(id);
    if (!run) throw new Error(`scenario ${id} did not run`);
    const matches = runUrlMatcher(id, run.nonce);
    const ours = report.transactions.filter((t) => matches(t.url));
    // One transaction per cross-origin request Chromium made: nothing lost, nothing doubled, preflights
    // not listed. Requests that stay on the page's origin are counted, not listed (not CORS).
    const main = run.requests.filter((r) => !r.isPreflight && r.urls.some((u) => new URL(u).origin !== lab.origins.page));
    expect(ours.map((t) => t.url).sort()).toEqual(main.map((r) => r.url).sort());
    const problems = main.map((r, i) => disagreement(verdictOf(r), ours[i])).filter((p) => p !== null);
    expect(problems).toEqual([]);
    // Every preflight Chromium sent is paired with the request it guarded.
    const sentPreflights = run.requests.filter((r) => r.isPreflight).length;
    const pairedPreflights = ours.reduce((n, t) => n + (t.preflight && !t.preflight.fromCache ? 1 : 0) + t.redirects.filter((r) => r.nextPreflight && !r.nextPreflight.fromCache).length, 0);
    expect(pairedPreflights).toBe(sentPreflights);
  });
});
