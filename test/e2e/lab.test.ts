/**
 * Proves the CORS lab itself, without any extension: every scenario, fired from the lab page in
 * real Chromium, gets exactly the CDP verdict (corsError, failedParameter, net error) its table
 * entry expects, the server sees the expected requests, and the page sees the expected outcome.
 * If Chromium changes behaviour, this is the test that says so first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_ORDER, SCENARIOS } from '../lab/scenarios';
import { startLab } from '../lab/server';
import type { Lab } from '../lab/server';
import { launchBrowser } from '../support/launch';
import type { LaunchedBrowser } from '../support/launch';
import { expectedVerdict, runLabScenarios } from '../support/run-lab-scenarios';
import type { LabScenarioRun } from '../support/run-lab-scenarios';

let lab: Lab;
let browser: LaunchedBrowser;
let runs: Map<string, LabScenarioRun>;

beforeAll(async () => {
  lab = await startLab();
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  runs = await runLabScenarios(page, lab);
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

function runOf(id: string): LabScenarioRun {
  const run = runs.get(id);
  if (!run) throw new Error(`scenario ${id} did not run`);
  return run;
}

describe('the scenario table', () => {
  it('has at least 45 scenarios with unique ids covering every group', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(SCENARIOS.map((scenario) => scenario.id)).size).toBe(SCENARIOS.length);
    expect(new Set(SCENARIOS.map((scenario) => scenario.group))).toEqual(new Set(GROUP_ORDER));
  });
});

describe.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('lab scenario %s', (id, scenario) => {
  it('gets the CORS verdict the table expects from Chromium (CDP)', () => {
    const run = runOf(id);
    const want = expectedVerdict(scenario, lab);
    expect({ corsError: run.cdp.corsError, ...(want.failedParameter === undefined ? {} : { failedParameter: run.cdp.failedParameter }) })
      .toEqual(want);
    // Every request of a repeated or concurrent scenario gets the same verdict.
    expect(run.mainVerdicts.map((verdict) => verdict.corsError)).toEqual(run.mainVerdicts.map(() => want.corsError));
  });

  it('fails with the expected network error, or net::ERR_FAILED for CORS, or not at all', () => {
    const run = runOf(id);
    const errorText = scenario.expect.netError ?? (scenario.expect.corsError ? 'net::ERR_FAILED' : null);
    expect(run.cdp.errorText).toBe(errorText);
  });

  it('shows the page the expected outcome', () => {
    const { page } = runOf(id);
    expect(page.ok).toBe(scenario.expect.corsError === null && scenario.expect.netError === undefined);
    if (scenario.expect.status !== undefined) expect(page.status).toBe(scenario.expect.status);
    if (scenario.expect.readHeader !== undefined) expect(page.readHeader).toBe(scenario.expect.readHeader);
  });

  it('reaches the server as often as expected', () => {
    const { hits } = runOf(id);
    const want = scenario.expect.hits ?? {};
    const got = Object.fromEntries(Object.keys(want).map((method) => [method, hits[method] ?? 0]));
    expect(got).toEqual(want);
  });
});
