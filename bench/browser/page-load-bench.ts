/**
 * pageLoad: how much slower a page that fires 1,000 cross-origin fetches (a fifth preflighted, some
 * blocked; see page-server.ts) gets with CORS Lens loaded, against the same page with no extension
 * and with a minimal extension that registers the same webRequest listeners and does nothing (the
 * physical floor of observing). Three headless Chromiums run side by side; runs alternate between
 * them (rotating who goes first each round) after one untimed warm-up each; each run navigates
 * afresh (CORS Lens starts the tab's log over) and times, in the page, first fetch → all settled.
 * Between runs the machine gets `settleMs` to finish what the last run left (CORS Lens's worker
 * handles events after the page saw them settle), so one browser's tail does not land on another's
 * run.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../../test/support/launch';
import { median } from '../lib/stats';
import { startBenchServers, type BenchServers } from './page-server';

export type PageLoadConfig = 'noExtension' | 'emptyListeners' | 'corsLens';

export interface PageLoadResult {
  readonly ratioVsNoExtension: number;
  readonly ratioVsEmptyListeners: number;
  /**
   * The floor itself: the empty-listeners extension against no extension. Registering webRequest
   * listeners with `extraHeaders` routes every request's headers through the browser process, which
   * no listener code can avoid; ratioVsNoExtension can never be below this.
   */
  readonly floorVsNoExtension: number;
  readonly medianMs: Readonly<Record<PageLoadConfig, number>>;
  readonly runsMs: Readonly<Record<PageLoadConfig, readonly number[]>>;
  readonly fetches: number;
  /** Fetches the page saw fail per run (the blocked ones), corsLens run; the same for all configs. */
  readonly failedPerRun: number;
}

export const EMPTY_LISTENERS_DIR = fileURLToPath(new URL('../empty-listeners-extension/', import.meta.url));

interface Contestant {
  readonly config: PageLoadConfig;
  readonly browser: LaunchedBrowser;
  readonly page: Page;
}

interface FireResult {
  readonly ms: number;
  readonly ok: number;
  readonly failed: number;
}

async function fire(contestant: Contestant, servers: BenchServers, fetches: number, tag: string): Promise<FireResult> {
  await contestant.page.goto(`${servers.pageUrl}?run=${tag}`);
  await contestant.page.waitForFunction(() => typeof (window as unknown as { fireBatch?: unknown }).fireBatch === 'function');
  return contestant.page.evaluate(
    ([count, runTag]) => (window as unknown as { fireBatch(n: number, t: string): Promise<FireResult> }).fireBatch(count, runTag),
    [fetches, tag] as const,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runPageLoadBench(options: { distDir: string; fetches?: number; runs?: number; settleMs?: number; log?: (line: string) => void }): Promise<PageLoadResult> {
  const fetches = options.fetches ?? 1000;
  const runs = options.runs ?? 7;
  const settleMs = options.settleMs ?? 1500;
  const log = options.log ?? (() => undefined);
  const servers = await startBenchServers();
  const contestants: Contestant[] = [];
  try {
    const dirs: Record<PageLoadConfig, string | undefined> = { noExtension: undefined, emptyListeners: EMPTY_LISTENERS_DIR, corsLens: options.distDir };
    for (const config of Object.keys(dirs) as PageLoadConfig[]) {
      const extensionDir = dirs[config];
      const browser = await launchBrowser(extensionDir === undefined ? {} : { extensionDir });
      contestants.push({ config, browser, page: await browser.context.newPage() });
    }
    const runsMs: Record<PageLoadConfig, number[]> = { noExtension: [], emptyListeners: [], corsLens: [] };
    let failedPerRun = 0;
    for (const contestant of contestants) {
      await fire(contestant, servers, fetches, `warmup-${contestant.config}`);
      await sleep(settleMs);
    }
    for (let round = 0; round < runs; round++) {
      const order = contestants.map((_, i) => contestants[(i + round) % contestants.length]).filter((c): c is Contestant => c !== undefined);
      for (const contestant of order) {
        const result = await fire(contestant, servers, fetches, `r${round}-${contestant.config}`);
        if (result.ok + result.failed !== fetches) throw new Error(`${contestant.config}: ${result.ok + result.failed} of ${fetches} fetches settled`);
        if (contestant.config === 'corsLens') failedPerRun = result.failed;
        runsMs[contestant.config].push(result.ms);
        log(`  pageLoad round ${round + 1}/${runs} ${contestant.config}: ${result.ms.toFixed(1)} ms (${result.failed} failed)`);
        await sleep(settleMs);
      }
    }
    const medianMs = { noExtension: median(runsMs.noExtension), emptyListeners: median(runsMs.emptyListeners), corsLens: median(runsMs.corsLens) };
    return {
      ratioVsNoExtension: medianMs.corsLens / medianMs.noExtension,
      ratioVsEmptyListeners: medianMs.corsLens / medianMs.emptyListeners,
      floorVsNoExtension: medianMs.emptyListeners / medianMs.noExtension,
      medianMs,
      runsMs,
      fetches,
      failedPerRun,
    };
  } finally {
    for (const contestant of contestants) await contestant.browser.close();
    await servers.close();
  }
}
