/**
 * Inputs for the model benchmark: the recorded scenarios' webRequest sequences (preflights,
 * redirects, cached preflights, errors) copied `count` times over, each copy with its own
 * requestIds, URL nonce and clock, and interleaved `concurrency` copies at a time the way a busy
 * page's requests overlap (so pairing searches among requests really in flight).
 */
import type { CaptureEvent } from '../../src/core/model';
import { mapStrings, renonce, scenarioRecordings, type RawDetails, type ScenarioRecording } from './fixture-corpus';

/** Copies never collide: recorded requestIds are far below this. */
const ID_STRIDE = 10_000;
/** Each copy runs 50 ms after the previous one started (preflight-cache expiry stays meaningful). */
const CLOCK_STRIDE_MS = 50;

export interface EventStream<E> {
  readonly events: readonly E[];
  /** The page's own requests in the stream (preflights excluded). */
  readonly requests: number;
}

function copyIds(requestId: unknown, copy: number): string {
  return String(copy * ID_STRIDE + Number(requestId));
}

function copyEvent(event: CaptureEvent, recording: ScenarioRecording, copy: number): CaptureEvent {
  const renamed = mapStrings(event, renonce(recording, copy));
  if (renamed.kind === 'tab-removed' || renamed.kind === 'page') return renamed;
  return { ...renamed, requestId: copyIds(renamed.requestId, copy), at: renamed.at + copy * CLOCK_STRIDE_MS };
}

function copyRaw(details: RawDetails, recording: ScenarioRecording, copy: number): RawDetails {
  const renamed = mapStrings(details, renonce(recording, copy));
  return { ...renamed, requestId: copyIds(renamed.requestId, copy), timeStamp: Number(renamed.timeStamp) + copy * CLOCK_STRIDE_MS };
}

/** Round-robin over `concurrency` lanes; a lane takes the next copy when its copy has no events left. */
function* interleave<E>(copies: Iterator<E[]>, concurrency: number): Generator<E> {
  const lanes: { events: E[]; at: number }[] = [];
  const refill = (): { events: E[]; at: number } | null => {
    const next = copies.next();
    return next.done ? null : { events: next.value, at: 0 };
  };
  for (let i = 0; i < concurrency; i++) {
    const lane = refill();
    if (lane) lanes.push(lane);
  }
  while (lanes.length > 0) {
    for (let i = 0; i < lanes.length; i++) {
      let lane = lanes[i];
      while (lane && lane.at >= lane.events.length) lane = refill() ?? undefined;
      if (!lane) {
        lanes.splice(i--, 1);
        continue;
      }
      lanes[i] = lane;
      const event = lane.events[lane.at++];
      if (event !== undefined) yield event;
    }
  }
}

/** Groups a sequence into arrays of `size` (the last one shorter). */
function* chunked<E>(items: Iterable<E>, size: number): Generator<E[]> {
  let chunk: E[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

function* copiesOf<E>(requests: number, build: (recording: ScenarioRecording, copy: number) => E[], counted: { requests: number }): Generator<E[]> {
  const recordings = scenarioRecordings();
  for (let copy = 0; counted.requests < requests; copy++) {
    for (const recording of recordings) {
      if (counted.requests >= requests) return;
      counted.requests += recording.requestIds.length;
      yield build(recording, copy);
    }
  }
}

export interface ChunkedStream<E> {
  /** The events in order, a chunk at a time (built lazily: only one chunk is alive at once). */
  readonly chunks: Iterable<E[]>;
  /** The page's own requests in the whole stream (preflights excluded); known once it is consumed. */
  requests(): number;
}

function stream<E>(requests: number, concurrency: number, chunkSize: number, build: (recording: ScenarioRecording, copy: number) => E[]): ChunkedStream<E> {
  const counted = { requests: 0 };
  return {
    chunks: chunked(interleave(copiesOf(requests, build, counted), concurrency), chunkSize),
    requests: () => counted.requests,
  };
}

/** At least `requests` page requests' worth of CaptureEvents, interleaved, in chunks. */
export function captureEventChunks(requests: number, concurrency = 32, chunkSize = 20_000): ChunkedStream<CaptureEvent> {
  return stream(requests, concurrency, chunkSize, (recording, copy) => recording.events.map((e) => copyEvent(e, recording, copy)));
}

/** The same stream as raw webRequest details (for conversion + reduction). */
export function rawDetailsChunks(requests: number, concurrency = 32, chunkSize = 20_000): ChunkedStream<RawDetails> {
  return stream(requests, concurrency, chunkSize, (recording, copy) => recording.raw.map((d) => copyRaw(d, recording, copy)));
}

/** The whole stream at once (small sizes: the panel's snapshot, the capture benchmark). */
export function captureEventStream(requests: number, concurrency = 32): EventStream<CaptureEvent> {
  const chunks = captureEventChunks(requests, concurrency, Number.MAX_SAFE_INTEGER);
  const events = [...chunks.chunks].flat();
  return { events, requests: chunks.requests() };
}
