/**
 * The benchmarks (bench/, `npm run bench`) run once here at a tiny size so they never rot: each
 * produces finite numbers under the keys bench/results.json promises. Timings are not asserted.
 * The browser benchmarks have their own smoke test in test/e2e/bench-smoke.test.ts.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngineBench } from '../../bench/engine-bench';
import { runCaptureBench, runModelBench } from '../../bench/model-bench';
import { runCpuSections } from '../../bench/cpu-sections';
import { measureBundles } from '../../bench/bundle-size';
import { TARGETS, formatTable, valueAt, type BenchResults } from '../../bench/lib/results';
import { registerWebRequestListeners } from '../../src/background/webrequest-listeners';

const isFinitePositive = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n > 0;

describe('benchmark smoke (tiny sizes)', () => {
  it('engine: verdicts per second over the lab mix', () => {
    const result = runEngineBench({ transactions: 200, passes: 1 });
    expect(isFinitePositive(result.verdictsPerSec)).toBe(true);
    expect(isFinitePositive(result.verdictsPerWallSec)).toBe(true);
    expect(result.transactions).toBe(200);
    expect(result.outcomes.blocked + result.outcomes.allowed).toBeGreaterThan(0);
  });

  it('model: requests per second, with and without the engine and the conversion', () => {
    const result = runModelBench({ requests: 200, passes: 1 });
    for (const key of ['requestsPerSec', 'requestsPerWallSec', 'requestsPerSecWithEngine', 'requestsPerSecWithConversion'] as const) {
      expect(isFinitePositive(result[key]), key).toBe(true);
    }
    expect(result.requests).toBeGreaterThanOrEqual(200);
    expect(result.events).toBeGreaterThan(result.requests);
  });

  it('capture: the whole worker path writes to storage and keeps it under the quota', async () => {
    const result = await runCaptureBench({ requests: 100, passes: 1 });
    expect(isFinitePositive(result.requestsPerSec)).toBe(true);
    expect(isFinitePositive(result.bytesWrittenPerRequest)).toBe(true);
    expect(result.logBytesWrittenPerRequest).toBeGreaterThan(0);
    expect(result.logBytesWrittenPerRequest).toBeLessThan(result.bytesWrittenPerRequest);
    expect(result.storedBytes).toBeGreaterThan(0);
    expect(result.storedBytes).toBeLessThan(10 * 1024 * 1024);
  });

  it('npm run bench runs engine and model in a child process, on a bundle built like the shipped code', async () => {
    const results = await runCpuSections({ sections: ['engine', 'model'], sizes: { engineTransactions: 200, modelRequests: 200, captureRequests: 100, passes: 1 } });
    expect(isFinitePositive(results.engine?.verdictsPerSec)).toBe(true);
    expect(results.engine?.transactions).toBe(200);
    expect(isFinitePositive(results.model?.requestsPerSec)).toBe(true);
    expect(results.capture).toBeUndefined();
  }, 60_000);

  it('bundle sizes: each entry counts its statically imported chunks, once each', () => {
    const dist = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'src/popup'), { recursive: true });
    mkdirSync(join(dist, 'src/panel'), { recursive: true });
    writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ action: { default_popup: 'src/popup/index.html' }, background: { service_worker: 'loader.js' } }));
    writeFileSync(join(dist, 'loader.js'), "import './assets/worker.js';");
    writeFileSync(join(dist, 'assets/worker.js'), 'import{a}from"./shared.js";console.log(a);');
    writeFileSync(join(dist, 'assets/shared.js'), `export const a=${JSON.stringify('x'.repeat(5000))};`);
    writeFileSync(join(dist, 'assets/popup.js'), 'import"./shared.js";import{b}from"./only-popup.js";');
    writeFileSync(join(dist, 'assets/only-popup.js'), 'export const b=1;');
    writeFileSync(join(dist, 'assets/panel.js'), 'export{}');
    writeFileSync(join(dist, 'src/popup/index.html'), '<script type="module" crossorigin src="/assets/popup.js"></script>');
    writeFileSync(join(dist, 'src/panel/index.html'), '<script type="module" crossorigin src="/assets/panel.js"></script>');
    const sizes = measureBundles(dist);
    expect(sizes.files.popup).toEqual(['assets/only-popup.js', 'assets/popup.js', 'assets/shared.js']);
    expect(sizes.files.serviceWorker).toEqual(['assets/shared.js', 'assets/worker.js', 'loader.js']);
    expect(sizes.files.panel).toEqual(['assets/panel.js']);
    for (const key of ['popup', 'panel', 'serviceWorker'] as const) expect(isFinitePositive(sizes[key]), key).toBe(true);
    expect(sizes.panel).toBeLessThan(sizes.popup);
  });

  it('the results table names every target it has a value for', () => {
    const results = { timestamp: 'now', machine: { cpu: 'cpu', cores: 2, memoryGB: 1, os: 'os', node: 'v20', chromium: null, loadAverage: [0, 0, 0] }, loadAverageAtEnd: [0, 0, 0], bundleGzKB: { popup: 20, panel: 90, serviceWorker: 30 } } satisfies BenchResults;
    const table = formatTable(results);
    expect(valueAt(results, 'bundleGzKB.panel')).toBe(90);
    expect(table).toMatch(/popup JS gzip\s+20\.0 KB\s+≤ 25 KB\s+ok/);
    expect(table).toMatch(/panel JS gzip\s+90\.0 KB\s+≤ 80 KB\s+MISSED/);
    const full = formatTable({ ...results, serviceWorker: { heapMB: 20, heapAtStartMB: 1, sessionStorageBytes: 10_485_000, persistenceDegraded: true, failedWrites: 3, transactions: 10, listed: 5, evicted: 5 } });
    expect(full).toMatch(/storage\.session bytes\s+10,485,000\s+≤ 10,485,760\s+MISSED \(quota hit: writes refused\)/);
    expect(TARGETS.map((t) => t.key)).toEqual(expect.arrayContaining([
      'engine.verdictsPerSec', 'model.requestsPerSec', 'pageLoad.ratioVsNoExtension', 'pageLoad.ratioVsEmptyListeners',
      'serviceWorker.heapMB', 'serviceWorker.sessionStorageBytes', 'panel.firstRenderMs', 'panel.filterMs',
      'bundleGzKB.popup', 'bundleGzKB.panel', 'bundleGzKB.serviceWorker',
    ]));
  });

  it('the empty-listeners extension registers the same listeners as CORS Lens, with the same extraInfoSpec', () => {
    type Registered = Record<string, { urls: string[]; spec: string[] | undefined }>;
    const recorder = (into: Registered) => new Proxy({}, {
      get: (_target, name: string) => ({
        addListener: (_fn: unknown, filter: { urls: string[] }, spec?: string[]) => void (into[name] = { urls: filter.urls, spec }),
      }),
    });
    const ours: Registered = {};
    registerWebRequestListeners(recorder(ours) as Parameters<typeof registerWebRequestListeners>[0], () => undefined);
    const floor: Registered = {};
    const script = readFileSync(new URL('../../bench/empty-listeners-extension/background.js', import.meta.url), 'utf8');
    new Function('chrome', script)({ webRequest: recorder(floor) });
    expect(Object.keys(ours)).toHaveLength(6);
    expect(floor).toEqual(ours);
  });
});
