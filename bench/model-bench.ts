/**
 * model.requestsPerSec: recorded webRequest sequences (preflights, redirects, cached preflights,
 * errors; 32 requests in flight at a time) reduced into the per-tab model by applyEvent, pairing
 * included. One tab, the default capacity (5,000 listed, older ones evicted). The engine has its own
 * benchmark, so here it is stood in for; also, as separate keys:
 * - requestsPerSecWithEngine: the same with the real engine judging each request (the worker's
 *   in-memory path), and requestsPerSecWithConversion: that from raw webRequest details;
 * - capture.requestsPerSec: the whole service-worker path (capture service, badge, and the
 *   storage.session write of each event's changes into an area that serializes what it is given,
 *   as Chrome does), with bytesWrittenPerRequest.
 */
import { convertDetails } from '../src/background/convert-details';
import { createCaptureService } from '../src/background/capture-service';
import type { StorageAreaLike } from '../src/background/session-cache';
import { evaluate } from '../src/core';
import { applyEvent, createModelState, type CaptureEvent, type Evaluate } from '../src/core/model';
import type { Verdict } from '../src/core/types';
import { captureEventChunks, captureEventStream, rawDetailsChunks } from './inputs/event-stream';
import { measureChunkedRate, median, timed } from './lib/stats';

export interface ModelResult {
  /** The model alone (engine stood in for), per second of CPU time (one core). */
  readonly requestsPerSec: number;
  readonly requestsPerWallSec: number;
  /** With the real engine judging each request as it ends: the worker's whole in-memory path. */
  readonly requestsPerSecWithEngine: number;
  /** That, plus converting raw webRequest details first. */
  readonly requestsPerSecWithConversion: number;
  readonly requests: number;
  readonly events: number;
}

export interface CaptureResult {
  /** Per second of CPU time (one core). */
  readonly requestsPerSec: number;
  /** JSON bytes handed to storage.session per page request (what the IPC carries). */
  readonly bytesWrittenPerRequest: number;
  /** Of those, the event log's records (the rest are checkpoints, badges, settings). */
  readonly logBytesWrittenPerRequest: number;
  /** storage.set calls per page request. */
  readonly writesPerRequest: number;
  /** What the area holds at the end (keys + JSON values, as getBytesInUse counts). */
  readonly storedBytes: number;
  readonly requests: number;
}

/** Reduces the whole stream once per pass; `evaluate` is what ends each request. */
function reduceRate(requests: number, passes: number, evaluateFn: Evaluate) {
  const ctx = { evaluate: evaluateFn };
  let counted = { requests: 0, events: 0 };
  const rate = measureChunkedRate(requests, (clock) => {
    const state = createModelState();
    const stream = captureEventChunks(requests);
    let events = 0;
    for (const chunk of stream.chunks) {
      events += chunk.length;
      timed(clock, () => {
        for (const event of chunk) applyEvent(state, event, ctx);
      });
    }
    counted = { requests: stream.requests(), events };
  }, { passes });
  // The stream stops at the first copy that reaches `requests`: rates use the count it really holds.
  const scale = counted.requests / requests;
  return { perCpuSecond: rate.perCpuSecond * scale, perWallSecond: rate.perWallSecond * scale, ...counted };
}

/**
 * The engine is benchmarked on its own (engine-bench.ts); here it is replaced by a stand-in that
 * hands back one fixed verdict, so the figure is the model's: correlation, pairing, redirects,
 * the preflight-cache model, eviction, and building each request's engine input (toObserved).
 */
const FIXED_VERDICT: Verdict = evaluate({ initiator: 'https://a.example', resourceType: 'xmlhttprequest', request: { method: 'GET', url: 'https://b.example/', headers: [] } });
const standInEngine: Evaluate = () => FIXED_VERDICT;

export function runModelBench(options: { requests?: number; passes?: number } = {}): ModelResult {
  const requests = options.requests ?? 100_000;
  const passes = options.passes ?? 5;
  const model = reduceRate(requests, passes, standInEngine);
  const withEngine = reduceRate(requests, Math.min(passes, 3), evaluate);
  const withConversion = measureChunkedRate(requests, (clock) => {
    const state = createModelState();
    const ctx = { evaluate };
    for (const chunk of rawDetailsChunks(requests).chunks) {
      timed(clock, () => {
        for (const details of chunk) {
          const event = convertDetails(details.event, details);
          if (event) applyEvent(state, event, ctx);
        }
      });
    }
  }, { passes: Math.min(passes, 3) });
  return {
    requestsPerSec: model.perCpuSecond,
    requestsPerWallSec: model.perWallSecond,
    requestsPerSecWithEngine: withEngine.perCpuSecond,
    requestsPerSecWithConversion: withConversion.perCpuSecond * (model.requests / requests),
    requests: model.requests,
    events: model.events,
  };
}

/** An in-memory storage area that serializes every value it is given, like chrome.storage does. */
export function serializingArea() {
  const stored = new Map<string, string>();
  let bytesWritten = 0;
  let logBytesWritten = 0;
  let writes = 0;
  const area: StorageAreaLike = {
    get: () => Promise.resolve(Object.fromEntries([...stored].map(([k, v]) => [k, JSON.parse(v) as unknown]))),
    set(items) {
      writes++;
      for (const [key, value] of Object.entries(items)) {
        const json = JSON.stringify(value);
        bytesWritten += key.length + json.length;
        if (key.startsWith('log:')) logBytesWritten += key.length + json.length;
        stored.set(key, json);
      }
      return Promise.resolve();
    },
    remove(keys) {
      for (const key of Array.isArray(keys) ? keys : [keys]) stored.delete(key);
      return Promise.resolve();
    },
  };
  return {
    area,
    bytesWritten: () => bytesWritten,
    logBytesWritten: () => logBytesWritten,
    writes: () => writes,
    storedBytes: () => [...stored].reduce((n, [k, v]) => n + k.length + v.length, 0),
  };
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function captureOnce(events: readonly CaptureEvent[]) {
  const storage = serializingArea();
  const service = createCaptureService({
    storage: storage.area,
    evaluate,
    badge: { apply: () => Promise.resolve(), forget: () => undefined },
    now: () => 0,
  });
  await service.ready;
  const start = cpuMs();
  for (const event of events) {
    service.handle(event);
    // One webRequest event per task, as in the worker: its write goes out before the next, and the
    // service's own timers (checkpoints, batching) get to run as time passes.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await service.flush();
  return { ms: cpuMs() - start, storage };
}

export async function runCaptureBench(options: { requests?: number; passes?: number } = {}): Promise<CaptureResult> {
  const stream = captureEventStream(options.requests ?? 20_000);
  await captureOnce(stream.events); // warm-up
  const runs = [];
  for (let i = 0; i < (options.passes ?? 3); i++) runs.push(await captureOnce(stream.events));
  const last = runs[runs.length - 1];
  return {
    requestsPerSec: median(runs.map((r) => stream.requests / (r.ms / 1000))),
    bytesWrittenPerRequest: last ? last.storage.bytesWritten() / stream.requests : Number.NaN,
    logBytesWrittenPerRequest: last ? last.storage.logBytesWritten() / stream.requests : Number.NaN,
    writesPerRequest: last ? last.storage.writes() / stream.requests : Number.NaN,
    storedBytes: last ? last.storage.storedBytes() : Number.NaN,
    requests: stream.requests,
  };
}
