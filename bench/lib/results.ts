/**
 * The shape of bench/results.json, the targets, and the table printed at the end. Keys
 * named in the issue are required; everything else is extra detail.
 */
import type { CaptureResult, ModelResult } from '../model-bench';
import type { EngineResult } from '../engine-bench';
import type { PageLoadResult } from '../browser/page-load-bench';
import type { ServiceWorkerResult } from '../browser/service-worker-bench';
import type { PanelResult } from '../browser/panel-bench';
import type { BundleSizes } from '../bundle-size';
import type { Machine } from './machine';

export interface BenchResults {
  readonly timestamp: string;
  readonly machine: Machine;
  /** Load averages when the last benchmark finished. */
  readonly loadAverageAtEnd: readonly number[];
  readonly engine?: EngineResult;
  readonly model?: ModelResult;
  readonly capture?: CaptureResult;
  readonly pageLoad?: PageLoadResult;
  readonly serviceWorker?: ServiceWorkerResult;
  readonly panel?: PanelResult;
  readonly bundleGzKB?: Omit<BundleSizes, 'files'> & { readonly files?: BundleSizes['files'] };
}

export interface Target {
  /** Dotted path into BenchResults. */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly limit: number;
  readonly better: 'higher' | 'lower';
  readonly digits: number;
  /** A further condition for the target to hold (e.g. storage must not have refused writes). */
  readonly alsoRequires?: { readonly key: string; readonly equals: unknown; readonly why: string };
}

export const TARGETS: readonly Target[] = [
  { key: 'engine.verdictsPerSec', label: 'engine verdicts/s (1 core)', unit: '/s', limit: 500_000, better: 'higher', digits: 0 },
  { key: 'model.requestsPerSec', label: 'model requests/s (pairing; engine stood in)', unit: '/s', limit: 200_000, better: 'higher', digits: 0 },
  { key: 'pageLoad.ratioVsNoExtension', label: 'page load vs no extension', unit: '×', limit: 1.05, better: 'lower', digits: 3 },
  { key: 'pageLoad.ratioVsEmptyListeners', label: 'page load vs empty listeners', unit: '×', limit: 1.02, better: 'lower', digits: 3 },
  { key: 'serviceWorker.heapMB', label: 'worker heap after 10,000 requests', unit: 'MB', limit: 30, better: 'lower', digits: 1 },
  {
    key: 'serviceWorker.sessionStorageBytes', label: 'storage.session bytes', unit: 'B', limit: 10 * 1024 * 1024, better: 'lower', digits: 0,
    alsoRequires: { key: 'serviceWorker.persistenceDegraded', equals: false, why: 'quota hit: writes refused' },
  },
  { key: 'panel.firstRenderMs', label: 'panel first render, 10,000 rows', unit: 'ms', limit: 200, better: 'lower', digits: 1 },
  { key: 'panel.filterMs', label: 'panel filter per keystroke', unit: 'ms', limit: 16, better: 'lower', digits: 1 },
  { key: 'bundleGzKB.popup', label: 'popup JS gzip', unit: 'KB', limit: 25, better: 'lower', digits: 1 },
  { key: 'bundleGzKB.panel', label: 'panel JS gzip', unit: 'KB', limit: 80, better: 'lower', digits: 1 },
  { key: 'bundleGzKB.serviceWorker', label: 'service worker JS gzip', unit: 'KB', limit: 40, better: 'lower', digits: 1 },
];

/** Extra figures worth a line in the table (no target). */
const EXTRAS: readonly Omit<Target, 'limit' | 'better'>[] = [
  { key: 'model.requestsPerSecWithConversion', label: 'model requests/s incl. webRequest conversion', unit: '/s', digits: 0 },
  { key: 'capture.requestsPerSec', label: 'whole worker path requests/s (incl. storage writes)', unit: '/s', digits: 0 },
  { key: 'capture.bytesWrittenPerRequest', label: 'storage.session bytes written per request', unit: 'B', digits: 0 },
  { key: 'pageLoad.floorVsNoExtension', label: 'page load floor: empty listeners vs no extension', unit: '×', digits: 3 },
  { key: 'pageLoad.medianMs.noExtension', label: 'page load median, no extension', unit: 'ms', digits: 1 },
  { key: 'pageLoad.medianMs.emptyListeners', label: 'page load median, empty listeners', unit: 'ms', digits: 1 },
  { key: 'pageLoad.medianMs.corsLens', label: 'page load median, CORS Lens', unit: 'ms', digits: 1 },
  { key: 'pageLoad.cpu.ratioVsEmptyListeners', label: 'page load CPU (all processes) vs empty listeners', unit: '×', digits: 3 },
  { key: 'pageLoad.cpu.ratioVsNoExtension', label: 'page load CPU (all processes) vs no extension', unit: '×', digits: 3 },
  { key: 'pageLoad.cpu.medianMsByKind.emptyListeners.extension', label: 'page load CPU of the empty listeners extension', unit: 'ms', digits: 0 },
  { key: 'pageLoad.cpu.medianMsByKind.corsLens.extension', label: 'page load CPU of CORS Lens’s service worker', unit: 'ms', digits: 0 },
  { key: 'panel.snapshotDecodeMs', label: 'panel snapshot decode (Chrome messaging, JSON)', unit: 'ms', digits: 1 },
  { key: 'panel.filterMsMax', label: 'panel filter, worst keystroke', unit: 'ms', digits: 1 },
];

function rawAt(results: object, key: string): unknown {
  let cursor: unknown = results;
  for (const part of key.split('.')) cursor = typeof cursor === 'object' && cursor !== null ? (cursor as Record<string, unknown>)[part] : undefined;
  return cursor;
}

export function valueAt(results: object, key: string): number | undefined {
  const value = rawAt(results, key);
  return typeof value === 'number' ? value : undefined;
}

/** Why a target is missed beyond its number ('' when nothing else is wrong). */
export function extraMiss(target: Target, results: object): string {
  const also = target.alsoRequires;
  return also !== undefined && rawAt(results, also.key) !== undefined && rawAt(results, also.key) !== also.equals ? also.why : '';
}

export function meets(target: Target, value: number, results: object = {}): boolean {
  const inLimit = target.better === 'higher' ? value >= target.limit : value <= target.limit;
  return inLimit && extraMiss(target, results) === '';
}

function format(value: number, digits: number, unit: string): string {
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === '/s' || unit === 'B' ? text : `${text} ${unit}`;
}

/** The results as a fixed-width table: one line per target (value, target, ok/MISSED), then extras. */
export function formatTable(results: BenchResults): string {
  const rows: [string, string, string, string][] = [['benchmark', 'value', 'target', '']];
  for (const target of TARGETS) {
    const value = valueAt(results, target.key);
    if (value === undefined) continue;
    const limit = `${target.better === 'higher' ? '≥' : '≤'} ${format(target.limit, target.unit === '×' ? 2 : 0, target.unit)}`;
    const why = extraMiss(target, results);
    rows.push([target.label, format(value, target.digits, target.unit), limit, meets(target, value, results) ? 'ok' : why === '' ? 'MISSED' : `MISSED (${why})`]);
  }
  for (const extra of EXTRAS) {
    const value = valueAt(results, extra.key);
    if (value !== undefined) rows.push([extra.label, format(value, extra.digits, extra.unit), '', '']);
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  return rows.map((row) => `${(row[0] ?? '').padEnd(widths[0] ?? 0)}  ${(row[1] ?? '').padStart(widths[1] ?? 0)}  ${(row[2] ?? '').padEnd(widths[2] ?? 0)}  ${row[3] ?? ''}`.trimEnd()).join('\n');
}
