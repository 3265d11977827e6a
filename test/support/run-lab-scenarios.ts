/**
 * Runs lab scenarios in a real page and collects Chromium's ground truth for each: the CDP verdict
 * of the scenario's main request, every CDP request of that run (preflights included), what the page
 * saw, and what the lab server received. Reused by any test that compares something (the extension's
 * export, the engine) against what Chromium decided.
 */
import type { Page } from 'playwright-core';
import type { Lab } from '../lab/server';
import { getScenario, SCENARIOS } from '../lab/scenarios';
import type { Scenario } from '../lab/scenarios';
import type { CdpRecorder, CdpRequest } from './cdp-recorder';
import { cdpRecorder } from './cdp-recorder';

/** Chromium's verdict on one request, from Network.loadingFailed / responseReceived. */
export interface CdpVerdict {
  /** corsErrorStatus.corsError; null when the request passed or failed for a non-CORS reason. */
  readonly corsError: string | null;
  readonly failedParameter: string | null;
  /** loadingFailed.errorText (`net::ERR_FAILED` for CORS); null when loading finished. */
  readonly errorText: string | null;
  /** Final response status, when a response was received. */
  readonly status: number | null;
}

/** What `window.runScenario(id)` resolved with on the lab page. */
export interface PageResult {
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
  readonly readHeader?: string | null;
  readonly url: string;
  readonly nonce: string;
  readonly runs: readonly { readonly ok: boolean; readonly status?: number; readonly error?: string }[];
}

export interface LabScenarioRun {
  readonly scenario: Scenario;
  /** The first URL of the run (it carries the run's nonce in `?n=`). */
  readonly url: string;
  readonly nonce: string;
  /** Verdict of the first main (non-preflight) request. */
  readonly cdp: CdpVerdict;
  /** Verdicts of every main request (several for `repeat` / `concurrent` scenarios). */
  readonly mainVerdicts: readonly CdpVerdict[];
  /** Every CDP request of this run, preflights included, in start order. */
  readonly requests: readonly CdpRequest[];
  readonly page: PageResult;
  /** Requests the lab server received for this run, by method. */
  readonly hits: Readonly<Record<string, number>>;
}

export interface RunOptions {
  /** Record with this recorder (already attached to `page`); otherwise one is attached and detached. */
  readonly recorder?: CdpRecorder;
  /** How long to wait for CDP to report the end of each request. */
  readonly settleTimeoutMs?: number;
}

export function verdictOf(request: CdpRequest): CdpVerdict {
  return {
    corsError: request.failed?.corsError ?? null,
    failedParameter: request.failed?.failedParameter ?? null,
    errorText: request.failed?.errorText ?? null,
    status: request.status ?? null,
  };
}

/** Matches every URL of one run of a scenario: `/s/<id>` or `/s/<id>/<hop>`, with the run's nonce. */
export function runUrlMatcher(scenarioId: string, nonce: string): (url: string) => boolean {
  const path = new RegExp(`/s/${scenarioId}(/[a-z0-9-]+)?\\?`);
  return (url) => path.test(url) && url.includes(`n=${nonce}`);
}

/** Opens the lab page in `page` (unless it is already there) and waits for its scenario table. */
export async function openLabPage(page: Page, lab: Lab): Promise<void> {
  if (!page.url().startsWith(lab.pageUrl)) await page.goto(lab.pageUrl);
  await page.waitForFunction(() => 'labReady' in window);
  await page.evaluate(() => (window as unknown as { labReady: Promise<unknown> }).labReady);
}

async function runOne(page: Page, lab: Lab, recorder: CdpRecorder, id: string, settleTimeoutMs: number): Promise<LabScenarioRun> {
  const scenario = getScenario(id);
  const result = await page.evaluate(
    (scenarioId) => (window as unknown as { runScenario(id: string): Promise<PageResult> }).runScenario(scenarioId),
    id,
  );
  const count = scenario.fire.concurrent ?? scenario.fire.repeat ?? 1;
  const requests = await recorder.waitForSettled(runUrlMatcher(id, result.nonce), { count, timeoutMs: settleTimeoutMs });
  const main = requests.filter((request) => !request.isPreflight);
  const first = main[0];
  if (!first) throw new Error(`scenario ${id}: CDP saw no request for ${result.url}`);
  return {
    scenario, url: result.url, nonce: result.nonce, cdp: verdictOf(first), mainVerdicts: main.map(verdictOf),
    requests, page: result, hits: lab.hitCounts({ scenario: id, nonce: result.nonce }),
  };
}

/**
 * Runs the given scenarios (default: all, in table order) one after another on the lab page and
 * returns Chromium's ground truth per scenario id.
 */
export async function runLabScenarios(
  page: Page, lab: Lab, ids: readonly string[] = SCENARIOS.map((scenario) => scenario.id), options: RunOptions = {},
): Promise<Map<string, LabScenarioRun>> {
  await openLabPage(page, lab);
  const recorder = options.recorder ?? (await cdpRecorder(page));
  const runs = new Map<string, LabScenarioRun>();
  try {
    for (const id of ids) runs.set(id, await runOne(page, lab, recorder, id, options.settleTimeoutMs ?? 10_000));
  } finally {
    if (!options.recorder) await recorder.detach();
  }
  return runs;
}

/** The scenario's expectation with its tokens resolved for this lab run. */
export function expectedVerdict(scenario: Scenario, lab: Lab): { corsError: string | null; failedParameter?: string } {
  const { corsError, failedParameter } = scenario.expect;
  return failedParameter === undefined ? { corsError } : { corsError, failedParameter: lab.resolve(failedParameter) };
}
