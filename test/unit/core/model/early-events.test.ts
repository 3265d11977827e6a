/**
 * A request's onBeforeRequest arriving after its later events (a restarted worker's backlog): with
 * ctx.earlyHoldMs the later events wait for it and the result is the in-order one (early-events.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent, ModelContext, ModelState } from '../../../../src/core/model';
import { applyEvent, createModelState, listTransactions, modelStateToJson, restoreModelState } from '../../../../src/core/model';
import { EARLY_EVENTS_PER_REQUEST, EARLY_REQUESTS } from '../../../../src/core/model/early-events';
import { ALLOW_ALL, API, PAGE, createFakeEngine, createWire, type RequestSpec } from './wire';

const HOLD_MS = 1000;
const ACAO = [['Access-Control-Allow-Origin', PAGE]] as const;
const SENT = [['Origin', PAGE], ['Accept', '*/*']] as const;
const PAGE_LOAD = createWire(1_600_000_000_000).navigation(1, 'nav', `${PAGE}/`);

function reduce(events: readonly CaptureEvent[], holdMs = HOLD_MS, capacity?: number) {
  const state = createModelState();
  const { ctx } = createFakeEngine();
  const context: ModelContext = { ...ctx, earlyHoldMs: holdMs, ...(capacity === undefined ? {} : { capacity }) };
  const changes = [PAGE_LOAD, ...events].map((event) => applyEvent(state, event, context));
  return { state, changes: changes.slice(1) };
}

/** What the model holds for the page's tab, as data (listed records, bookkeeping, counts, cache). */
function outcome(state: ModelState): unknown {
  return { json: modelStateToJson(state), listed: listTransactions(state, 1) };
}

function simpleGet(id: string, start: number, blocked = false): CaptureEvent[] {
  const wire = createWire(start);
  const spec = { id, url: `${API}/${id}` };
  return [wire.beforeRequest(spec), ...wire.exchange(spec, SENT, 200, blocked ? [] : ACAO, blocked)];
}

function redirected(id: string, start: number): CaptureEvent[] {
  const wire = createWire(start);
  const spec = { id, url: `${API}/${id}` };
  const next = { id, url: `https://other.example/${id}` };
  return [
    wire.beforeRequest(spec), wire.sendHeaders(spec, SENT), wire.redirect(spec, 302, ACAO, next.url),
    wire.beforeRequest(next), ...wire.exchange(next, [['Origin', 'null']], 200, [['Access-Control-Allow-Origin', '*']]),
  ];
}

/** The PUT's events and, separately, its preflight's (their own requestId). */
function preflightedPut(id: string, start: number): { request: CaptureEvent[]; others: CaptureEvent[]; order: CaptureEvent[] } {
  const wire = createWire(start);
  const spec: RequestSpec = { id, url: `${API}/${id}`, method: 'PUT' };
  const before = wire.beforeRequest(spec);
  const preflight = wire.preflight(spec, `p${id}`, 'PUT', 'x-token', 204, ALLOW_ALL);
  const rest = wire.exchange(spec, [...SENT, ['X-Token', '1']], 200, ACAO);
  return { request: [before, ...rest], others: preflight, order: [before, ...preflight, ...rest] };
}

/** The before-request moved after the event at `after` (arrival order; times unchanged). */
function lateStart(events: readonly CaptureEvent[], after: number): CaptureEvent[] {
  const [start, ...rest] = events;
  if (start === undefined) return [];
  return [...rest.slice(0, after + 1), start, ...rest.slice(after + 1)];
}

describe('a late onBeforeRequest, with a hold', () => {
  const blocked = simpleGet('1', 1_700_000_000_000, true);
  it.each(blocked.slice(1).map((event, index) => [event.kind, index]))(
    'after its %s: the same transactions and counts as in order', (_kind, after) => {
      expect(outcome(reduce(lateStart(blocked, after)).state)).toEqual(outcome(reduce(blocked).state));
    });

  const allowed = simpleGet('2', 1_700_000_000_000);
  it.each(allowed.slice(1).map((event, index) => [event.kind, index]))(
    'after its %s (allowed): the same as in order', (_kind, after) => {
      expect(outcome(reduce(lateStart(allowed, after)).state)).toEqual(outcome(reduce(allowed).state));
    });

  const chain = redirected('3', 1_700_000_000_000);
  it.each([0, 1, 2, 3, 4, 5].map((after) => [chain[after + 1]?.kind, after]))(
    'in a redirect chain, after its %s (#%i): the same as in order', (_kind, after) => {
      expect(outcome(reduce(lateStart(chain, after)).state)).toEqual(outcome(reduce(chain).state));
    });

  it('its Change reports what the held events did', () => {
    const late = reduce(lateStart(allowed, allowed.length - 2));
    expect(late.changes.slice(0, -1).every((change) => change.tabId === null && change.upserted.length === 0)).toBe(true);
    const last = late.changes[late.changes.length - 1];
    expect(last).toMatchObject({ tabId: 1, upserted: ['r2'] });
    expect(last?.counts).toEqual(reduce(allowed).changes.at(-1)?.counts);
  });

  it('a preflight whose own onBeforeRequest is late: paired as in order', () => {
    const put = preflightedPut('4', 1_700_000_000_000);
    const [before, ...rest] = put.order;
    const late = [before, ...lateStart(put.others, 2), ...put.request.slice(1)].filter((e): e is CaptureEvent => e !== undefined);
    expect(late.map((event) => event.kind)).not.toEqual(put.order.map((event) => event.kind));
    expect(rest).toHaveLength(late.length - 1);
    expect(outcome(reduce(late).state)).toEqual(outcome(reduce(put.order).state));
    expect(listTransactions(reduce(late).state, 1)[0]?.preflight?.requestId).toBe('p4');
  });

  it('without a hold, the request starts late at once from its first event (as before)', () => {
    const late = reduce(lateStart(allowed, 1), 0);
    expect(listTransactions(late.state, 1)[0]?.startedAt).toBe(allowed[1]?.at);
    expect(late.state.tabs['1']?.early).toBeUndefined();
  });
});

describe('a start that does not come', () => {
  it('the request starts late once a later event of its tab shows the hold ran out', () => {
    const lost = simpleGet('1', 1_700_000_000_000).slice(1);
    const held = reduce(lost);
    expect(listTransactions(held.state, 1)).toEqual([]);
    const later = simpleGet('2', 1_700_000_000_000 + HOLD_MS + 10);
    const after = reduce([...lost, ...later]);
    const noHold = reduce([...lost, ...later], 0);
    expect(outcome(after.state)).toEqual(outcome(noHold.state));
    expect(after.changes[lost.length]?.upserted).toContain('r1');
  });

  it('holds at most EARLY_REQUESTS requests per tab: past it the oldest starts late', () => {
    const wire = createWire(1_700_000_000_000);
    const events = Array.from({ length: EARLY_REQUESTS + 3 }, (_, n) => wire.sendHeaders({ id: String(100 + n), url: `${API}/${n}` }, SENT));
    const { state } = reduce(events);
    expect(state.tabs['1']?.early?.size).toBe(EARLY_REQUESTS);
    expect(state.tabs['1']?.inflight.size).toBe(3);
    expect(state.tabs['1']?.inflight.has('100')).toBe(true);
  });

  it('holds at most EARLY_EVENTS_PER_REQUEST events of one request: then it starts late', () => {
    const wire = createWire(1_700_000_000_000);
    const spec = { id: '7', url: `${API}/7` };
    const events = Array.from({ length: EARLY_EVENTS_PER_REQUEST }, () => wire.headersReceived(spec, 200, ACAO));
    const { state } = reduce(events);
    expect(state.tabs['1']?.early?.size ?? 0).toBe(0);
    expect(state.tabs['1']?.inflight.has('7')).toBe(true);
  });

  it('a navigation forgets what was held: those requests stay ignored', () => {
    const lost = simpleGet('1', 1_700_000_000_000);
    const navigation = createWire(1_700_000_000_010).navigation(1, 'nav2', `${PAGE}/next`);
    const { state } = reduce([lost[1] as CaptureEvent, navigation, ...lost.slice(2), lost[0] as CaptureEvent]);
    expect(state.tabs['1']?.early?.size ?? 0).toBe(0);
    expect(state.tabs['1']?.forgotten).toContain('1');
  });
});

describe('requests the model does not follow are not held', () => {
  const wire = createWire(1_700_000_000_000);
  const browser = { id: '50', url: `${API}/browser`, initiator: null };
  const nonHttp = { id: '51', url: 'data:text/plain,x' };
  const mainFrame = { id: '52', url: `${PAGE}/`, type: 'main_frame' as const };
  const events = [
    wire.beforeRequest(browser), wire.sendHeaders(browser, []), wire.completed(browser, 200, []),
    wire.beforeRequest(nonHttp), wire.completed(nonHttp, 200, []),
    wire.sendHeaders(mainFrame, []), wire.completed(mainFrame, 200, []),
    wire.completed(browser, 200, []), wire.sendHeaders(nonHttp, []),
  ];

  it('nothing held, counted as without a hold', () => {
    const held = reduce(events);
    expect(held.state.tabs['1']?.early?.size ?? 0).toBe(0);
    expect(outcome(held.state)).toEqual(outcome(reduce(events, 0).state));
    expect(held.changes).toEqual(reduce(events, 0).changes);
  });
});

describe('held events are not stored', () => {
  it('the stored state leaves them out and restores', () => {
    const lost = simpleGet('1', 1_700_000_000_000).slice(1, 3);
    const { state } = reduce(lost);
    expect(state.tabs['1']?.early?.size).toBe(1);
    const json = JSON.stringify(modelStateToJson(state));
    expect(json).not.toContain('early');
    expect(restoreModelState(JSON.parse(json))?.tabs['1']?.early).toBeUndefined();
  });
});

describe('property: a late onBeforeRequest within 60 ms', () => {
  const scenarios = [
    simpleGet('1', 1_700_000_000_000, true), simpleGet('1', 1_700_000_000_000), redirected('1', 1_700_000_000_000),
  ];

  it('any order of the events that came before it gives the in-order result (a next hop\'s start after an older event)', () => {
    fc.assert(fc.property(fc.constantFrom(...scenarios.keys()), fc.nat(), fc.array(fc.nat()), (which, cut, keys) => {
      const events = scenarios[which] ?? [];
      const [start, ...rest] = events;
      if (start === undefined) return;
      expect((rest.at(-1)?.at ?? 0) - start.at).toBeLessThanOrEqual(60);
      // The before-request arrives after `early` events, which come in any order; the rest follow in order.
      const early = rest.slice(0, 1 + (cut % rest.length));
      const shuffled = early.map((event, index) => ({ event, key: keys[index] ?? index })).sort((a, b) => a.key - b.key).map((e) => e.event);
      // A redirect's next onBeforeRequest is told from the start only by older events held before it.
      fc.pre(shuffled.every((event, index) => event.kind !== 'before-request' || shuffled.slice(0, index).some((held) => held.at < event.at)));
      const arrival = [...shuffled, start, ...rest.slice(early.length)];
      expect(outcome(reduce(arrival).state)).toEqual(outcome(reduce(events).state));
    }), { numRuns: 300 });
  });
});
