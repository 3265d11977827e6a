/**
 * The real-browser benchmarks (bench/, `npm run bench`) run once here at a tiny size so they never
 * rot: page load against the two baselines, the worker's heap and storage, the panel's render and
 * filter, the bundle sizes of dist/. Finite numbers under the promised keys; timings not asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TINY_SIZES, runBenchmarks } from '../../bench/run-benchmarks';
import type { BenchResults } from '../../bench/lib/results';
import { DIST_DIR } from '../support/cors-lens-session';

const isFinitePositive = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n > 0;

let results: BenchResults;

describe('benchmark smoke in Chromium (tiny sizes)', () => {
  beforeAll(async () => {
    results = await runBenchmarks({ distDir: DIST_DIR, sizes: TINY_SIZES, sections: ['bundle', 'panel', 'serviceWorker', 'pageLoad'] });
  });

  it('records the machine it ran on', () => {
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.chromium).toMatch(/Chrom/);
  });

  it('pageLoad: ratios against no extension and against empty listeners, from alternating runs', () => {
    const load = results.pageLoad;
    expect(isFinitePositive(load?.ratioVsNoExtension)).toBe(true);
    expect(isFinitePositive(load?.ratioVsEmptyListeners)).toBe(true);
    expect(load?.floorVsNoExtension).toBeCloseTo((load?.medianMs.emptyListeners ?? 0) / (load?.medianMs.noExtension ?? 1), 9);
    expect(load?.runsMs.corsLens).toHaveLength(TINY_SIZES.pageLoadRuns);
    expect(load?.failedPerRun).toBeGreaterThan(0); // the page's blocked fetches really fail
  });

  it('pageLoad: CPU time of every process of each browser, the extension\'s own apart (Linux /proc)', () => {
    const cpu = results.pageLoad?.cpu;
    expect(isFinitePositive(cpu?.ratioVsEmptyListeners)).toBe(true);
    expect(cpu?.ratioVsNoExtension).toBeCloseTo((cpu?.medianMs.corsLens ?? 0) / (cpu?.medianMs.noExtension ?? 1), 9);
    expect(cpu?.medianMsByKind.noExtension.extension).toBe(0); // no extension, no extension process
    expect(isFinitePositive(cpu?.medianMsByKind.corsLens.browser)).toBe(true);
  });

  it('serviceWorker: heap over CDP and storage.session bytes after the tab’s requests', () => {
    const worker = results.serviceWorker;
    expect(isFinitePositive(worker?.heapMB)).toBe(true);
    expect(isFinitePositive(worker?.sessionStorageBytes)).toBe(true);
    expect(worker?.listed).toBe(TINY_SIZES.workerTransactions);
    expect(worker?.persistenceDegraded).toBe(false);
  });

  it('panel: first render and per-keystroke filtering on the real panel page', () => {
    const panel = results.panel;
    expect(isFinitePositive(panel?.firstRenderMs)).toBe(true);
    expect(isFinitePositive(panel?.filterMs)).toBe(true);
    expect(panel?.rows).toBe(TINY_SIZES.panelRows);
    expect(panel?.matchedRows).toBeGreaterThan(0);
  });

  it('bundleGzKB: popup, panel and service worker of dist/', () => {
    for (const key of ['popup', 'panel', 'serviceWorker'] as const) expect(isFinitePositive(results.bundleGzKB?.[key]), key).toBe(true);
  });
});
