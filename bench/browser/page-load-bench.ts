/**
 * pageLoad: how much slower a page that fires 1,000 cross-origin fetches (a fifth preflighted, some
 * blocked; see page-server.ts) gets with CORS Lens loaded, against the same page with no extension
 * and with a minimal extension that registers the same webRequest listeners and does nothing (the
 * physical floor of observing). Three headless Chromiums run side by side; runs alternate between
 * them (rotating who goes first each round) after one untimed warm-up each; each run navigates
 * afresh (CORS Lens starts the tab's log over) and times, in the page, first fetch → all settled.
 * Between runs the machine gets `settleMs` to finish what the last run left (CORS Lens's worker
 * handles events after the page saw them settle), so one browser's tail does not land on another's
 * run. Each run also reads the CPU time of all the browser's processes, fetches and settle time
 * together (lib/process-cpu.ts): on a shared two-core machine the wall time wanders by ±20 %
 * between runs, the CPU time much less.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../../test/support/launch';
import { browserCpuMs, type CpuByKind, type ProcessKind } from '../lib/process-cpu';
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
  /**
   * CPU time all of a browser's processes spent per run (the fetches, then the settle time that lets
   * CORS Lens's worker finish), medians; absent where /proc is not there. Unlike wall time, CPU
   * time hardly moves with what else the machine runs, so it shows the cost itself.
   */
  readonly cpu?: PageLoadCpu;
}

export interface PageLoadCpu {
  readonly ratioVsNoExtension: number;
  readonly ratioVsEmptyListeners: number;
  readonly medianMs: Readonly<Record<PageLoadConfig, number>>;
  /** Per kind of process (browser, network service, page renderer, extension, other), medians. */
  readonly medianMsByKind: Readonly<Record<PageLoadConfig, CpuByKind>>;
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

const KINDS: readonly ProcessKind[] = ['browser', 'network', 'renderer', 'extension', 'other'];

function cpuSince(before: CpuByKind | null, after: CpuByKind | null): CpuByKind | null {
  if (before === null || after === null) return null;
  const spent = { ...after };
  for (const kind of KINDS) spent[kind] -= before[kind];
  return spent;
}

const totalOf = (cpu: CpuByKind): number => KINDS.reduce((sum, kind) => sum + cpu[kind], 0);

function summarizeCpu(runs: Readonly<Record<PageLoadConfig, readonly CpuByKind[]>>): PageLoadCpu | undefined {
  const configs = Object.keys(runs) as PageLoadConfig[];
  if (configs.some((config) => runs[config].length === 0)) return undefined;
  const medianMs = {} as Record<PageLoadConfig, number>;
  const medianMsByKind = {} as Record<PageLoadConfig, CpuByKind>;
  for (const config of configs) {
    medianMs[config] = median(runs[config].map(totalOf));
    const byKind = {} as Record<ProcessKind, number>;
    for (const kind of KINDS) byKind[kind] = median(runs[config].map((cpu) => cpu[kind]));
    medianMsByKind[config] = byKind;
  }
  return {
    ratioVsNoExtension: medianMs.corsLens / medianMs.noExtension,
    ratioVsEmptyListeners: medianMs.corsLens / medianMs.emptyListeners,
    medianMs,
    medianMsByKind,
  };
}

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
    const cpuRuns: Record<PageLoadConfig, CpuByKind[]> = { noExtension: [], emptyListeners: [], corsLens: [] };
    let failedPerRun = 0;
    for (const contestant of contestants) {
      await fire(contestant, servers, fetches, `warmup-${contestant.config}`);
      await sleep(settleMs);
    }
    for (let round = 0; round < runs; round++) {
      const order = contestants.map((_, i) => contestants[(i + round) % contestants.length]).filter((c): c is Contestant => c !== undefined);
      for (const contestant of order) {
        const cpuBefore = browserCpuMs(contestant.browser.userDataDir);
        const result = await fire(contestant, servers, fetches, `r${round}-${contestant.config}`);
        if (result.ok + result.failed !== fetches) throw new Error(`${contestant.config}: ${result.ok + result.failed} of ${fetches} fetches settled`);
        if (contestant.config === 'corsLens') failedPerRun = result.failed;
        runsMs[contestant.config].push(result.ms);
        await sleep(settleMs);
        const cpu = cpuSince(cpuBefore, browserCpuMs(contestant.browser.userDataDir));
        if (cpu !== null) cpuRuns[contestant.config].push(cpu);
        const cpuNote = cpu === null ? '' : `, ${totalOf(cpu).toFixed(0)} ms CPU`;
        log(`  pageLoad round ${round + 1}/${runs} ${contestant.config}: ${result.ms.toFixed(1)} ms (${result.failed} failed${cpuNote})`);
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
      cpu: summarizeCpu(cpuRuns),
    };
  } finally {
    for (const contestant of contestants) await contestant.browser.close();
    await servers.close();
  }
}
