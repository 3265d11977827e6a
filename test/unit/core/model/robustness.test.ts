import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent, ModelContext, ModelState, RequestEventBase } from '../../../../src/core/model';
import { applyEvent, createModelState, modelStateToJson, restoreModelState } from '../../../../src/core/model';
import type { Header } from '../../../../src/core/types';
import { ALLOW_ALL, API, OTHER, PAGE, createFakeEngine, createWire, only, run } from './wire';
import type { HeaderPairs, RequestSpec } from './wire';

const ACAO: HeaderPairs = [['Access-Control-Allow-Origin', PAGE]];
const PUT_SENT: HeaderPairs = [['Origin', PAGE], ['X-Token', '1']];

/** A busy tab: preflights, a cache hit, a redirect with its own preflight, a failure, iframes, tab -1, a navigation. */
function busySession(): CaptureEvent[] {
  const wire = createWire();
  const put: RequestSpec = { id: '1', url: `${API}/p`, method: 'PUT' };
  const putAgain: RequestSpec = { id: '3', url: `${API}/p`, method: 'PUT' };
  const hop: RequestSpec = { id: '4', url: `${API}/r`, method: 'PUT' };
  const hopNext: RequestSpec = { ...hop, url: `${OTHER}/r` };
  const blocked: RequestSpec = { id: '7', url: `${OTHER}/b`, frameId: 3, documentId: 'DOC3' };
  const worker: RequestSpec = { id: '8', url: `${API}/sw`, tabId: -1 };
  const same: RequestSpec = { id: '9', url: `${PAGE}/same` };
  return [
    wire.beforeRequest(put), wire.beforeRequest(blocked), ...wire.preflight(put, '2', 'PUT', 'x-token', 204, ALLOW_ALL),
    wire.beforeRequest(same), ...wire.exchange(put, PUT_SENT, 200, ACAO),
    wire.beforeRequest(putAgain), ...wire.exchange(putAgain, PUT_SENT, 200, ACAO),
    wire.beforeRequest(hop), ...wire.preflight(hop, '5', 'PUT', 'x-token', 204, ALLOW_ALL), wire.sendHeaders(hop, PUT_SENT),
    wire.redirect(hop, 307, ACAO, hopNext.url), wire.beforeRequest(hopNext),
    ...wire.preflight(hopNext, '6', 'PUT', 'x-token', 204, [['Access-Control-Allow-Origin', 'null']]),
    ...wire.exchange(blocked, [['Origin', PAGE]], 200, [], true), wire.beforeRequest(worker),
    ...wire.exchange(hopNext, [['Origin', 'null'], ['X-Token', '1']], 200, ACAO, true),
    ...wire.exchange(same, [], 200, []), ...wire.exchange(worker, [['Origin', PAGE]], 200, ACAO),
    wire.navigation(1, '10', `${PAGE}/next`), wire.beforeRequest({ id: '11', url: `${API}/after` }),
  ];
}

function reduce(events: readonly CaptureEvent[], ctx: ModelContext, roundTripAt: number | null): { state: ModelState; changes: string[] } {
  let state = createModelState();
  const changes: string[] = [];
  events.forEach((event, index) => {
    if (index === roundTripAt) state = restoreModelState(JSON.parse(JSON.stringify(modelStateToJson(state)))) ?? createModelState();
    changes.push(JSON.stringify(applyEvent(state, event, ctx)));
  });
  return { state, changes };
}

describe('odd input never throws', () => {
  const wire = createWire();
  const put: RequestSpec = { id: '50', url: `${API}/x`, method: 'PUT' };
  it.each([
    ['events for a request never started', [wire.sendHeaders({ id: '99', url: `${API}/x` }, []), wire.completed({ id: '99', url: `${API}/x` }, 200, [])]],
    ['events for a tab never seen', [wire.error({ id: '98', url: `${API}/x`, tabId: 42 })]],
    ['closing a tab never seen', [{ kind: 'tab-removed', tabId: 77, at: 1 } as const]],
    ['every event twice', [wire.beforeRequest(put), ...wire.preflight(put, '51', 'PUT', null, 204, ALLOW_ALL), ...wire.exchange(put, [], 200, ACAO)].flatMap((e) => [e, e])],
    ['the end before the start', [wire.completed(put, 200, []), wire.beforeRequest(put)]],
    ['a preflight alone', wire.preflight(put, '52', 'PUT', null, 204, ALLOW_ALL)],
  ] as const)('%s', (_name, events) => {
    expect(() => run(events)).not.toThrow();
  });

  it('a duplicated completion does not evaluate twice', () => {
    const w = createWire();
    const get: RequestSpec = { id: '60', url: `${API}/d` };
    const done = w.completed(get, 200, ACAO);
    const result = run([w.beforeRequest(get), done, done]);
    expect(result.calls).toHaveLength(1);
    expect(result.changes[2]?.upserted).toEqual([]);
  });

  it('a preflight finishing after its request ended completes the record and re-evaluates it', () => {
    const w = createWire();
    const req: RequestSpec = { id: '70', url: `${API}/late`, method: 'PUT' };
    const result = run([w.beforeRequest(req), ...w.preflightStart(req, '71', 'PUT', null), w.error(req), ...w.preflightEnd(req, '71', 403, [])]);
    const tx = only(result.list());
    expect(tx.preflight?.status).toBe(403);
    expect(result.calls).toHaveLength(2);
    expect(result.calls[1]?.preflight?.response?.status).toBe(403);
    expect(result.state.tabs['1']?.preflights).toEqual(new Map());
  });
});

describe('persistence', () => {
  const events = busySession();
  const { ctx } = createFakeEngine();
  const baseline = reduce(events, ctx, null);

  it('the busy session exercises what it claims', () => {
    const listed = Object.values(baseline.state.tabs).flatMap((tab) => tab.order);
    expect(listed).toEqual(['r11', 'r8']);
    expect(JSON.stringify(modelStateToJson(reduce(events.slice(0, -2), ctx, null).state))).toContain('"fromCache":true');
  });

  it.each(events.map((_event, index) => [index]))('a JSON round-trip before event %i changes nothing', (index) => {
    const resumed = reduce(events, ctx, index);
    expect(JSON.stringify(modelStateToJson(resumed.state))).toBe(JSON.stringify(modelStateToJson(baseline.state)));
    expect(resumed.changes).toEqual(baseline.changes);
  });

  it.each([
    ['null', null], ['a string', 'x'], ['another schema', { schema: 'cors-lens/model@0', seq: 0, tabs: {} }],
    ['a missing cache', { schema: 'cors-lens/model@1', seq: 0, tabs: {} }],
  ])('restoreModelState refuses %s', (_name, value) => {
    expect(restoreModelState(value)).toBeNull();
  });
});

const header = fc.record({
  name: fc.constantFrom('Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers', 'X-Token', 'Access-Control-Max-Age', 'Cookie'),
  value: fc.constantFrom('PUT', 'GET', 'OPTIONS', 'x-token', '600', '-1', 'null', PAGE, ''),
});
const headerList: fc.Arbitrary<Header[] | null> = fc.option(fc.array(header, { maxLength: 4 }), { nil: null });
const base: fc.Arbitrary<RequestEventBase> = fc.record({
  requestId: fc.constantFrom('1', '2', '3', '4', '5', '6'),
  tabId: fc.constantFrom(1, 2, -1),
  frameId: fc.constantFrom(0, 4),
  parentFrameId: fc.constant(-1),
  documentId: fc.constantFrom('D1', null),
  url: fc.constantFrom(`${API}/a`, `${API}/b`, `${OTHER}/c`, `${PAGE}/d`, 'data:text/plain,x'),
  method: fc.constantFrom('GET', 'PUT', 'OPTIONS'),
  resourceType: fc.constantFrom('xmlhttprequest', 'image', 'main_frame', 'sub_frame', 'ping'),
  initiator: fc.constantFrom(PAGE, 'null', null),
  at: fc.integer({ min: 0, max: 100_000 }),
});
const response = fc.record({
  status: fc.constantFrom(0, 200, 204, 302, 403),
  statusLine: fc.constantFrom('', 'HTTP/1.1 200 OK'),
  responseHeaders: headerList,
  fromCache: fc.boolean(),
  ip: fc.constantFrom('127.0.0.1', null),
});
const event: fc.Arbitrary<CaptureEvent> = fc.oneof(
  base.map((b): CaptureEvent => ({ ...b, kind: 'before-request' })),
  fc.tuple(base, headerList, fc.constantFrom('send-headers', 'before-send-headers') as fc.Arbitrary<'send-headers' | 'before-send-headers'>)
    .map(([b, requestHeaders, kind]): CaptureEvent => ({ ...b, kind, requestHeaders })),
  fc.tuple(base, response, fc.constantFrom('headers-received', 'response-started', 'completed') as fc.Arbitrary<'headers-received' | 'response-started' | 'completed'>)
    .map(([b, r, kind]): CaptureEvent => ({ ...b, ...r, kind })),
  fc.tuple(base, response, fc.constantFrom(`${API}/b`, `${OTHER}/c`, null)).map(([b, r, redirectUrl]): CaptureEvent => ({ ...b, ...r, kind: 'redirect', redirectUrl })),
  fc.tuple(base, fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED')).map(([b, error]): CaptureEvent => ({ ...b, kind: 'error', error, fromCache: false, ip: null })),
  base.map((b): CaptureEvent => ({ ...b, kind: 'navigation' })),
  fc.constantFrom(1, 2).map((tabId): CaptureEvent => ({ kind: 'tab-removed', tabId, at: 0 })),
);

describe('property: arbitrary event sequences', () => {
  const { ctx } = createFakeEngine();
  const small: ModelContext = { ...ctx, capacity: 3 };

  it('never throw and keep the log consistent with its counts', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 60 }), (events) => {
      const { state } = reduce(events, small, null);
      for (const tab of Object.values(state.tabs)) {
        expect([...tab.transactions.keys()].sort()).toEqual([...tab.order].sort());
        expect(tab.order.length).toBeLessThanOrEqual(3);
        const listed = [...tab.transactions.values()];
        expect(tab.counts.blocked).toBe(listed.filter((tx) => tx.verdict?.outcome === 'blocked').length);
        for (const value of Object.values(tab.counts)) expect(value).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: 300 });
  });

  it('a JSON round-trip at any point yields the same final state and changes', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 60 }), fc.nat(), (events, cut) => {
      const at = events.length === 0 ? 0 : cut % events.length;
      const plain = reduce(events, small, null);
      const resumed = reduce(events, small, at);
      expect(JSON.stringify(modelStateToJson(resumed.state))).toBe(JSON.stringify(modelStateToJson(plain.state)));
      expect(resumed.changes).toEqual(plain.changes);
    }), { numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 300) }); // ROUNDTRIP_RUNS=20000 to hunt a rare order difference
  });
});
