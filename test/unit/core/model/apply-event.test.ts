import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../../../src/core/model';
import { applyEvent, createModelState, setPreserveLog } from '../../../../src/core/model';
import { API, PAGE, createWire, only, run } from './wire';

const ACAO: readonly (readonly [string, string])[] = [['Access-Control-Allow-Origin', PAGE]];
const SENT: readonly (readonly [string, string])[] = [['Origin', PAGE], ['Accept', '*/*'], ['Cookie', 'sid=1']];

/** One complete simple GET from the page to `url`. */
function simpleGet(wire = createWire(), id = '10', url = `${API}/data`, extra: Partial<{ tabId: number; frameId: number; blocked: boolean; status: number; received: readonly (readonly [string, string])[] }> = {}): CaptureEvent[] {
  const spec = { id, url, tabId: extra.tabId, frameId: extra.frameId };
  return [wire.beforeRequest(spec), ...wire.exchange(spec, SENT, extra.status ?? 200, extra.received ?? ACAO, extra.blocked ?? false)];
}

describe('applyEvent: simple requests', () => {
  it('a simple allowed GET becomes one listed, done transaction with its headers, response and verdict', () => {
    const result = run(simpleGet());
    const tx = only(result.list());
    expect(tx).toMatchObject({
      id: 'r10', requestId: '10', url: `${API}/data`, method: 'GET', initiator: PAGE, crossOrigin: true, state: 'done',
      preflight: null, redirects: [], netError: null, response: { status: 200, responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: PAGE }] },
    });
    expect(tx.requestHeaders).toContainEqual({ name: 'Cookie', value: 'sid=1' });
    expect(tx.verdict?.outcome).toBe('allowed');
    expect(result.calls).toHaveLength(1);
  });

  it('a blocked simple GET keeps the real status and headers seen before net::ERR_FAILED', () => {
    const result = run(simpleGet(createWire(), '11', `${API}/data`, { blocked: true, status: 500, received: [['Content-Type', 'text/plain']] }));
    const tx = only(result.list());
    expect(tx.response?.status).toBe(500);
    expect(tx.netError).toBe('net::ERR_FAILED');
    expect(tx.verdict?.outcome).toBe('blocked');
    expect(result.changes.at(-1)?.counts).toMatchObject({ blocked: 1, warnings: 0 });
  });

  it('an allowed request with a warning finding counts as a warning, not as blocked', () => {
    const result = run(simpleGet(createWire(), '12', `${API}/w`, { received: [...ACAO, ['X-Test-Warning', '1']] }));
    expect(result.changes.at(-1)?.counts).toMatchObject({ blocked: 0, warnings: 1 });
  });

  it('reports the listed transaction as upserted on each event and evaluates once, at the end', () => {
    const result = run(simpleGet());
    expect(result.changes.map((c) => c.upserted)).toEqual([['r10'], ['r10'], ['r10'], ['r10']]);
    expect(result.calls).toHaveLength(1);
  });

  it('reports counts only when the event changed them (the badge updates then)', () => {
    const result = run(simpleGet());
    expect(result.changes.map((c) => c.counts === null)).toEqual([true, true, true, false]);
    expect(result.changes.map((c) => c.tabId)).toEqual([1, 1, 1, 1]);
  });
});

describe('applyEvent: what is counted but not listed', () => {
  const wire = createWire();
  it.each([
    ['a same-origin request (counted at its end)', [wire.beforeRequest({ id: '1', url: `${PAGE}/api` }), ...wire.exchange({ id: '1', url: `${PAGE}/api` }, SENT, 200, [])], 'sameOrigin'],
    ['a data: URL', [wire.beforeRequest({ id: '2', url: 'data:text/plain,hi' })], 'nonHttp'],
    ['a websocket URL', [wire.beforeRequest({ id: '3', url: 'wss://api.example/socket', type: 'websocket' })], 'nonHttp'],
    ['a browser-initiated request (no initiator; counted once, at its end)', [wire.beforeRequest({ id: '4', url: `${API}/x`, initiator: null }), ...wire.exchange({ id: '4', url: `${API}/x`, initiator: null }, SENT, 200, [])], 'browserInitiated'],
  ] as const)('%s', (_name, events, counter) => {
    const result = run(events);
    expect(result.list()).toEqual([]);
    expect(result.state.tabs['1']?.counts[counter]).toBe(1);
    expect(result.state.tabs['1']?.inflight).toEqual(new Map());
  });

  it('an opaque initiator (`null`) makes every request cross-origin', () => {
    const w = createWire();
    const result = run([w.beforeRequest({ id: '5', url: `${API}/x`, initiator: 'null' })]);
    expect(only(result.list()).crossOrigin).toBe(true);
  });
});

describe('applyEvent: tabs, frames, navigation', () => {
  it('requests of an iframe belong to their tab', () => {
    const result = run(simpleGet(createWire(), '20', `${API}/frame`, { tabId: 3, frameId: 7 }));
    expect(only(result.list(3)).frameId).toBe(7);
  });

  it('requests without a tab (tabId -1, e.g. a service worker) are kept under -1', () => {
    const result = run(simpleGet(createWire(), '21', `${API}/sw`, { tabId: -1 }));
    expect(only(result.list(-1)).tabId).toBe(-1);
    expect(Object.keys(result.state.tabs)).toEqual(['-1']);
  });

  it('a main-frame navigation clears the tab, in-flight requests included', () => {
    const wire = createWire();
    const events = [...simpleGet(wire, '30'), wire.beforeRequest({ id: '31', url: `${API}/pending` }), wire.navigation(1, '32', `${PAGE}/next`)];
    const result = run(events);
    const last = result.changes.at(-1);
    expect(last).toMatchObject({ tabCleared: true, removed: ['r30', 'r31'] });
    expect(result.list()).toEqual([]);
    expect(result.state.tabs['1']?.inflight).toEqual(new Map());
  });

  it('a main_frame before-request (not converted to navigation) clears the same way', () => {
    const wire = createWire();
    const result = run([...simpleGet(wire, '33'), wire.beforeRequest({ id: '34', url: `${PAGE}/`, type: 'main_frame', initiator: null })]);
    expect(result.list()).toEqual([]);
  });

  it('with preserveLog a navigation keeps the log', () => {
    const wire = createWire();
    const state = createModelState();
    setPreserveLog(state, 1, true);
    const result = run([...simpleGet(wire, '35'), wire.navigation(1, '36', `${PAGE}/next`)], { state });
    expect(result.list().map((tx) => tx.id)).toEqual(['r35']);
    expect(result.changes.at(-1)?.tabCleared).toBe(false);
  });

  it('a navigation in another tab leaves this one alone', () => {
    const wire = createWire();
    const result = run([...simpleGet(wire, '37'), wire.navigation(2, '38', `${PAGE}/`)]);
    expect(result.list()).toHaveLength(1);
  });

  it('closing the tab drops its state and reports its transactions removed', () => {
    const wire = createWire();
    const result = run([...simpleGet(wire, '40'), { kind: 'tab-removed', tabId: 1, at: wire.tick() }]);
    expect(result.state.tabs['1']).toBeUndefined();
    expect(result.changes.at(-1)).toMatchObject({ tabRemoved: true, removed: ['r40'] });
  });
});

describe('applyEvent: capacity', () => {
  it('keeps the newest N, evicts the oldest and counts them', () => {
    const wire = createWire();
    const events = ['1', '2', '3', '4', '5'].flatMap((id) => simpleGet(wire, id, `${API}/${id}`));
    const result = run(events, { capacity: 3 });
    expect(result.list().map((tx) => tx.id)).toEqual(['r3', 'r4', 'r5']);
    expect(result.state.tabs['1']?.counts.evicted).toBe(2);
    expect(result.changes.flatMap((c) => c.removed)).toEqual(['r1', 'r2']);
  });

  it('evicting a blocked transaction takes it out of the blocked count', () => {
    const wire = createWire();
    const events = [...simpleGet(wire, '1', `${API}/1`, { blocked: true }), ...simpleGet(wire, '2', `${API}/2`)];
    const result = run(events, { capacity: 1 });
    expect(result.state.tabs['1']?.counts.blocked).toBe(0);
  });

  it('evicting a request in flight forgets it: its later events are ignored', () => {
    const wire = createWire();
    const a = { id: '1', url: `${API}/1` };
    const events = [wire.beforeRequest(a), ...simpleGet(wire, '2', `${API}/2`), ...wire.exchange(a, SENT, 200, ACAO)];
    const result = run(events, { capacity: 1 });
    expect(result.list().map((tx) => tx.id)).toEqual(['r2']);
    expect(result.changes.slice(-3).every((c) => c.upserted.length === 0)).toBe(true);
  });
});

describe('applyEvent: the engine', () => {
  it('an engine that throws leaves the verdict null with the error recorded', () => {
    const state = createModelState();
    const wire = createWire();
    const ctx = { evaluate: () => { throw new Error('engine bug'); } };
    for (const event of simpleGet(wire)) applyEvent(state, event, ctx);
    const tx = state.tabs['1']?.transactions.get('r10');
    expect(tx?.verdict).toBeNull();
    expect(tx?.evaluationError).toBe('engine bug');
  });
});

