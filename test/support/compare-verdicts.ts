/**
 * Compares CORS Lens's export with Chromium's CDP ground truth for lab runs: which transactions a
 * run must produce, and whether each verdict agrees with what Chromium decided.
 */
import type { ReportTransactionV1, ReportV1 } from '../../src/core/report';
import type { Lab } from '../lab/server';
import type { CdpRequest } from './cdp-recorder';
import { runUrlMatcher, verdictOf, type CdpVerdict, type LabScenarioRun } from './run-lab-scenarios';

/** How one extension verdict compares with Chromium's; null when they agree. */
export function disagreement(cdp: CdpVerdict, tx: ReportTransactionV1 | undefined): string | null {
  if (!tx) return 'missing from the export';
  const v = tx.verdict;
  if (!v) return 'no verdict (still pending)';
  if (cdp.corsError !== null) {
    const same = v.outcome === 'blocked' && v.corsError === cdp.corsError && (v.failedParameter ?? '') === (cdp.failedParameter ?? '');
    return same ? null : `Chromium ${cdp.corsError}(${JSON.stringify(cdp.failedParameter)}) vs ours ${v.outcome} ${v.corsError}(${JSON.stringify(v.failedParameter)})`;
  }
  if (cdp.errorText !== null) {
    return v.outcome === 'network-error' || v.outcome === 'not-cors' ? null : `Chromium ${cdp.errorText} (no CORS error) vs ours ${v.outcome} ${v.corsError}`;
  }
  return v.outcome === 'allowed' || v.outcome === 'not-cors' ? null : `Chromium allowed (status ${cdp.status}) vs ours ${v.outcome} ${v.corsError}`;
}

/** Main requests of a run that CORS Lens lists: cross-origin at some hop (same-origin ones are only counted). */
export function listedRequests(run: LabScenarioRun, lab: Lab): CdpRequest[] {
  return run.requests.filter((r) => !r.isPreflight && r.urls.some((u) => new URL(u).origin !== lab.origins.page));
}

export interface RunComparison {
  /** URLs Chromium requested vs URLs in the export, sorted (equal when nothing is lost or doubled). */
  readonly expectedUrls: string[];
  readonly exportedUrls: string[];
  readonly problems: string[];
  /** Preflights Chromium sent vs preflights paired with a transaction. */
  readonly sentPreflights: number;
  readonly pairedPreflights: number;
}

export function compareRun(run: LabScenarioRun, lab: Lab, report: ReportV1): RunComparison {
  const matches = runUrlMatcher(run.scenario.id, run.nonce);
  const ours = report.transactions.filter((t) => matches(t.url));
  const listed = listedRequests(run, lab);
  const problems = listed.map((r, i) => disagreement(verdictOf(r), ours[i])).filter((p): p is string => p !== null);
  const pairedPreflights = ours.reduce(
    (n, t) => n + (t.preflight && !t.preflight.fromCache ? 1 : 0) + t.redirects.filter((r) => r.nextPreflight && !r.nextPreflight.fromCache).length,
    0,
  );
  return {
    expectedUrls: listed.map((r) => r.url).sort(),
    exportedUrls: ours.map((t) => t.url).sort(),
    problems,
    sentPreflights: run.requests.filter((r) => r.isPreflight).length,
    pairedPreflights,
  };
}
