/**
 * Records what the webRequest API shows for every lab scenario, as JSON fixtures for unit tests of
 * the webRequest → event conversion and the pairing reducer:
 *
 *   test/fixtures/webrequest/<scenario-id>.json = { scenario, lab, browser, page, hits, cdp, events }
 *
 * `events` are the probe extension's records ({ event, ...details, t }) for that run's URLs only
 * (the run's nonce is in every URL, redirect targets included), preflights included, in arrival order.
 * `cdp` is Chromium's own verdict (the ground truth). Ports and nonces differ per recording: resolve the
 * scenario's tokens with `lab.ports`.
 *
 * Usage: npx tsx test/lab/record-fixtures.ts [scenario-id …]   (default: all scenarios)
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { browserVersion, requireBrowser } from '../support/find-browser';
import { cdpRecorder, launchBrowser } from '../support/launch';
import { clearProbe, PROBE_EXTENSION_DIR, waitForProbeEvents } from '../support/probe';
import { runLabScenarios, runUrlMatcher } from '../support/run-lab-scenarios';
import type { LabScenarioRun } from '../support/run-lab-scenarios';
import { SCENARIOS } from './scenarios';
import { startLab } from './server';
import type { Lab } from './server';

const OUT_DIR = fileURLToPath(new URL('../fixtures/webrequest/', import.meta.url));

/** The CDP side of a fixture: the verdict plus each request without its (bulky) headers. */
function cdpSummary(run: LabScenarioRun): unknown {
  return {
    verdict: run.cdp,
    requests: run.requests.map(({ requestId, url, urls, method, type, isPreflight, redirectStatuses, status, failed, initiator }) => ({
      requestId, url, urls, method, type, isPreflight, redirectStatuses, status: status ?? null, failed: failed ?? null,
      initiator: { type: initiator.type, ...(initiator.requestId ? { requestId: initiator.requestId } : {}) },
    })),
  };
}

/** Pretty JSON with one line per event: readable, diffable, and a third of the indented size. */
function formatFixture({ events, ...rest }: { events: readonly unknown[] } & Record<string, unknown>): string {
  const head = JSON.stringify(rest, null, 1).slice(0, -2);
  return `${head},\n "events": [\n${events.map((event) => `  ${JSON.stringify(event)}`).join(',\n')}\n ]\n}\n`;
}

async function record(lab: Lab, ids: readonly string[]): Promise<number> {
  const browser = await launchBrowser({ extensionDir: PROBE_EXTENSION_DIR });
  const { serviceWorker } = browser;
  if (!serviceWorker) throw new Error('probe extension has no service worker');
  const version = browserVersion(requireBrowser().path);
  try {
    const page = await browser.context.newPage();
    const recorder = await cdpRecorder(page);
    let written = 0;
    for (const id of ids) {
      await clearProbe(serviceWorker);
      const run = (await runLabScenarios(page, lab, [id], { recorder })).get(id);
      if (!run) throw new Error(`scenario ${id} did not run`);
      const events = await waitForProbeEvents(serviceWorker, runUrlMatcher(id, run.nonce), { urlIncludes: `n=${run.nonce}` });
      const fixture = {
        scenario: run.scenario,
        lab: { ports: lab.ports, origins: lab.origins },
        browser: version,
        page: run.page,
        hits: run.hits,
        cdp: cdpSummary(run),
        events,
      };
      await writeFile(`${OUT_DIR}${id}.json`, formatFixture(fixture));
      written += 1;
    }
    return written;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const ids = requested.length > 0 ? requested : SCENARIOS.map((scenario) => scenario.id);
  await mkdir(OUT_DIR, { recursive: true });
  if (requested.length === 0) {
    // A full recording replaces everything, so fixtures of removed scenarios do not linger.
    for (const file of await readdir(OUT_DIR)) if (file.endsWith('.json')) await rm(OUT_DIR + file);
  }
  const lab = await startLab();
  try {
    const written = await record(lab, ids);
    console.log(`record-fixtures: wrote ${written} fixtures to ${OUT_DIR}`);
  } finally {
    await lab.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
