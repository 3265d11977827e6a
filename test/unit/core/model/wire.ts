/**
 * Builders for CaptureEvent sequences as Chromium 156 emits them, and a fake engine. A `Wire`
 * hands out timestamps one millisecond apart so sequences read in the order they are written.
 */
import type {
  CaptureEvent, Change, ModelContext, ModelState, RequestEventBase, Transaction,
} from '../../../../src/core/model';
import { applyEvent, createModelState, listTransactions } from '../../../../src/core/model';
import type { Finding, Header, ObservedTransaction, ResourceType, Verdict } from '../../../../src/core/types';

export const PAGE = 'https://app.example';
export const API = 'https://api.example';
export const OTHER = 'https://other.example';

export type HeaderPairs = readonly (readonly [string, string])[];

export function headers(pairs: HeaderPairs): Header[] {
  return pairs.map(([name, value]) => ({ name, value }));
}

export interface RequestSpec {
  readonly id: string;
  readonly url: string;
  readonly method?: string;
  readonly type?: ResourceType;
  readonly tabId?: number;
  readonly frameId?: number;
  readonly documentId?: string | null;
  readonly initiator?: string | null;
}

export interface Wire {
  /** The next timestamp (each call advances the clock by 1 ms). */
  tick(): number;
  base(spec: RequestSpec): RequestEventBase;
  beforeRequest(spec: RequestSpec): CaptureEvent;
  sendHeaders(spec: RequestSpec, sent: HeaderPairs): CaptureEvent;
  headersReceived(spec: RequestSpec, status: number, received: HeaderPairs): CaptureEvent;
  redirect(spec: RequestSpec, status: number, received: HeaderPairs, location: string): CaptureEvent;
  completed(spec: RequestSpec, status: number, received: HeaderPairs): CaptureEvent;
  error(spec: RequestSpec, error?: string): CaptureEvent;
  navigation(tabId: number, id: string, url: string): CaptureEvent;
  /** A whole request after any preflight: headers out, response in, completed or ERR_FAILED. */
  exchange(spec: RequestSpec, sent: HeaderPairs, status: number, received: HeaderPairs, blocked?: boolean): CaptureEvent[];
  /** A whole preflight for `spec` (same URL, tab, frame, document, initiator): before-request to completed. */
  preflight(spec: RequestSpec, preflightId: string, acrm: string, acrh: string | null, status: number, received: HeaderPairs): CaptureEvent[];
  /** A preflight's events split: [before-request, send-headers] and [headers-received, completed]. */
  preflightStart(spec: RequestSpec, preflightId: string, acrm: string, acrh: string | null): CaptureEvent[];
  preflightEnd(spec: RequestSpec, preflightId: string, status: number, received: HeaderPairs): CaptureEvent[];
}

export function createWire(start = 1_700_000_000_000): Wire {
  let now = start;
  const tick = (): number => ++now;
  const base = (spec: RequestSpec): RequestEventBase => ({
    requestId: spec.id, tabId: spec.tabId ?? 1, frameId: spec.frameId ?? 0, parentFrameId: -1,
    documentId: spec.documentId === undefined ? 'DOC1' : spec.documentId, url: spec.url, method: spec.method ?? 'GET',
    resourceType: spec.type ?? 'xmlhttprequest', initiator: spec.initiator === undefined ? PAGE : spec.initiator, at: tick(),
  });
  const response = (status: number, received: HeaderPairs) => ({
    status, statusLine: `HTTP/1.1 ${status}`, responseHeaders: headers(received), fromCache: false, ip: '127.0.0.1',
  });
  const wire: Wire = {
    tick,
    base,
    beforeRequest: (spec) => ({ ...base(spec), kind: 'before-request' }),
    sendHeaders: (spec, sent) => ({ ...base(spec), kind: 'send-headers', requestHeaders: headers(sent) }),
    headersReceived: (spec, status, received) => ({ ...base(spec), ...response(status, received), kind: 'headers-received' }),
    redirect: (spec, status, received, location) => ({ ...base(spec), ...response(status, received), kind: 'redirect', redirectUrl: location }),
    completed: (spec, status, received) => ({ ...base(spec), ...response(status, received), kind: 'completed' }),
    error: (spec, error = 'net::ERR_FAILED') => ({ ...base(spec), kind: 'error', error, fromCache: false, ip: null }),
    navigation: (tabId, id, url) => ({ ...base({ id, url, tabId, type: 'main_frame', initiator: null }), kind: 'navigation' }),
    exchange(spec, sent, status, received, blocked = false) {
      const events = [wire.sendHeaders(spec, sent), wire.headersReceived(spec, status, received)];
      events.push(blocked ? wire.error(spec) : wire.completed(spec, status, received));
      return events;
    },
    preflightStart(spec, preflightId, acrm, acrh) {
      const p: RequestSpec = { ...spec, id: preflightId, method: 'OPTIONS', type: 'xmlhttprequest' };
      const sent: [string, string][] = [['Accept', '*/*'], ['Access-Control-Request-Method', acrm], ['Origin', spec.initiator ?? PAGE]];
      if (acrh !== null) sent.push(['Access-Control-Request-Headers', acrh]);
      return [wire.beforeRequest(p), wire.sendHeaders(p, sent)];
    },
    preflightEnd(spec, preflightId, status, received) {
      const p: RequestSpec = { ...spec, id: preflightId, method: 'OPTIONS', type: 'xmlhttprequest' };
      return [wire.headersReceived(p, status, received), wire.completed(p, status, received)];
    },
    preflight(spec, preflightId, acrm, acrh, status, received) {
      return [...wire.preflightStart(spec, preflightId, acrm, acrh), ...wire.preflightEnd(spec, preflightId, status, received)];
    },
  };
  return wire;
}

/** ACAO for the page plus what a permissive preflight answers. */
export const ALLOW_ALL: HeaderPairs = [
  ['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'PUT, DELETE'],
  ['Access-Control-Allow-Headers', 'X-Token, Content-Type'], ['Access-Control-Max-Age', '600'],
];

export function fakeVerdict(outcome: Verdict['outcome'], findings: Finding[] = []): Verdict {
  return {
    outcome, corsError: outcome === 'blocked' ? 'MissingAllowOriginHeader' : null,
    failedParameter: outcome === 'blocked' ? '' : null, firefoxReason: null, stage: null, header: null,
    expected: null, actual: null, reachedServer: true, mode: 'cors', credentials: 'same-origin',
    preflight: { required: false, reasons: [], observed: false, fromCache: false, requestHeaders: '' },
    origins: null, rootCause: null, findings, summary: `fake ${outcome}`,
  };
}

/**
 * A stand-in engine: blocked when the request ended with net::ERR_FAILED, allowed otherwise, with
 * a warning when the response carries `X-Test-Warning`. Counts calls per URL.
 */
export function createFakeEngine(): { ctx: ModelContext; calls: ObservedTransaction[] } {
  const calls: ObservedTransaction[] = [];
  const evaluate = (tx: ObservedTransaction): Verdict => {
    calls.push(tx);
    if (tx.netError === 'net::ERR_FAILED') return fakeVerdict('blocked');
    const warn = tx.response?.headers.some((h) => h.name.toLowerCase() === 'x-test-warning') ?? false;
    return fakeVerdict('allowed', warn ? [{ code: 'headers-not-exposed', severity: 'warning', message: 'fake' }] : []);
  };
  return { ctx: { evaluate }, calls };
}

export function only<T>(list: readonly T[]): T {
  if (list.length !== 1) throw new Error(`expected exactly one item, got ${list.length}`);
  return list[0] as T;
}

export function byRequestId(list: readonly Transaction[], requestId: string): Transaction {
  const found = list.find((tx) => tx.requestId === requestId);
  if (!found) throw new Error(`no transaction for request ${requestId}`);
  return found;
}

export interface Run {
  readonly state: ModelState;
  readonly changes: Change[];
  readonly calls: ObservedTransaction[];
  /** Listed transactions of a tab (tab 1 by default). */
  list(tabId?: number): Transaction[];
}

/** Reduce `events` from an empty state with the fake engine. */
export function run(events: readonly CaptureEvent[], options: { capacity?: number; state?: ModelState } = {}): Run {
  const state = options.state ?? createModelState();
  const engine = createFakeEngine();
  const ctx: ModelContext = options.capacity === undefined ? engine.ctx : { ...engine.ctx, capacity: options.capacity };
  const changes = events.map((event) => applyEvent(state, event, ctx));
  return { state, changes, calls: engine.calls, list: (tabId = 1) => listTransactions(state, tabId) };
}
