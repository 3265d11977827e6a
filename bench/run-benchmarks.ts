/**
 * Runs the benchmarks in order (the CPU ones first, in a child process on a bundle built like the
 * shipped code, then the browser ones) and gathers the results. Sizes are parameters so `npm test`
 * can run every benchmark once at a tiny size.
 */
import { runPageLoadBench } from './browser/page-load-bench';
import { runPanelBench } from './browser/panel-bench';
import { runServiceWorkerBench } from './browser/service-worker-bench';
import { measureBundles } from './bundle-size';
import { CPU_SECTIONS, runCpuSections } from './cpu-sections';
import { describeMachine } from './lib/machine';
import type { BenchResults } from './lib/results';
import { loadavg } from 'node:os';

export const SECTIONS = ['engine', 'model', 'capture', 'bundle', 'panel', 'serviceWorker', 'pageLoad'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchSizes {
  readonly engineTransactions: number;
  readonly modelRequests: number;
  readonly captureRequests: number;
  /** Timed passes of the in-process benchmarks (median taken). */
  readonly passes: number;
  readonly pageLoadFetches: number;
  readonly pageLoadRuns: number;
  readonly pageLoadSettleMs: number;
  readonly workerTransactions: number;
  readonly workerBatch: number;
  readonly panelRows: number;
}

export const FULL_SIZES: BenchSizes = {
  engineTransactions: 100_000,
  modelRequests: 100_000,
  captureRequests: 20_000,
  passes: 5,
  pageLoadFetches: 1000,
  pageLoadRuns: 7,
  pageLoadSettleMs: 1500,
  workerTransactions: 10_000,
  workerBatch: 1000,
  panelRows: 10_000,
};

/** Enough to run every code path once; the numbers mean nothing. */
export const TINY_SIZES: BenchSizes = {
  engineTransactions: 200,
  modelRequests: 200,
  captureRequests: 100,
  passes: 1,
  pageLoadFetches: 20,
  pageLoadRuns: 1,
  pageLoadSettleMs: 0,
  workerTransactions: 40,
  workerBatch: 20,
  panelRows: 50,
};

export interface RunOptions {
  readonly distDir: string;
  readonly sizes: BenchSizes;
  readonly sections?: readonly Section[];
  readonly log?: (line: string) => void;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function runBenchmarks(options: RunOptions): Promise<BenchResults> {
  const { sizes, distDir } = options;
  const sections = new Set(options.sections ?? SECTIONS);
  const log = options.log ?? (() => undefined);
  const machine = describeMachine();
  const results: { -readonly [K in keyof BenchResults]: BenchResults[K] } = {
    timestamp: new Date().toISOString(), machine, loadAverageAtEnd: [],
  };
  const cpuSections = CPU_SECTIONS.filter((section) => sections.has(section));
  if (cpuSections.length > 0) {
    log(`${cpuSections.join(', ')}: in a child process, bundled like the shipped code (${sizes.engineTransactions} transactions, ${sizes.modelRequests} requests, ${sizes.captureRequests} through the worker's capture service)…`);
    Object.assign(results, await runCpuSections({ sections: cpuSections, sizes }));
  }
  if (sections.has('bundle')) {
    log('bundle sizes…');
    results.bundleGzKB = measureBundles(distDir);
  }
  if (sections.has('panel')) {
    log(`panel: ${sizes.panelRows} rows in Chromium…`);
    results.panel = await runPanelBench({ distDir, rows: sizes.panelRows, log });
  }
  if (sections.has('serviceWorker')) {
    log(`serviceWorker: ${sizes.workerTransactions} requests in one tab…`);
    results.serviceWorker = await runServiceWorkerBench({ distDir, transactions: sizes.workerTransactions, batch: sizes.workerBatch, log });
  }
  if (sections.has('pageLoad')) {
    log(`pageLoad: ${sizes.pageLoadFetches} fetches × ${sizes.pageLoadRuns} runs × 3 browsers…`);
    results.pageLoad = await runPageLoadBench({ distDir, fetches: sizes.pageLoadFetches, runs: sizes.pageLoadRuns, settleMs: sizes.pageLoadSettleMs, log });
  }
  results.loadAverageAtEnd = loadavg().map(round2);
  return results;
}
