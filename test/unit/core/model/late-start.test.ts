/**
 * Requests whose onBeforeRequest never arrived (a forced worker stop discarded it): they start from
 * the first of their events that did, unless the model let go of them on purpose (late-start.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../../../src/core/model';
import { FORGOTTEN_CAPACITY } from '../../../../src/core/model/tab-log';
import { ALLOW_ALL, API, PAGE, createWire, only, run, type RequestSpec } from './wire';

const ACAO = [['Access-Control-Allow-Origin', PAGE]] as const;
const SENT = [['Origin', PAGE], ['Accept', '*/*']] as const;

/** A whole simple GET: before-request, send-headers, headers-received, completed (or error). */
function simpleGet(id: string, blocked = false): CaptureEvent[] {
  const wire = createWire(1_700_000_000_000 + Number(id) * 100);
  const spec = { id, url: `${API}/${id}` };
  return [wire.beforeRequest(spec), ...wire.exchange(spec, SENT, 200, blocked ? [] : ACAO, blocked)];
}

/** A preflighted PUT: its preflight (id `p<id>`), then the PUT itself. */
function preflightedPut(id: string): CaptureEvent[] {
  const wire = createWire(1_700_000_000_000 + Number(id) * 100);
  const spec: RequestSpec = { id, url: `${API}/${id}`, method: 'PUT' };
  return [
    ...wire.preflight(spec, `p${id}`, 'PUT', 'x-token', 204, ALLOW_ALL),
    wire.beforeRequest(spec), ...wire.exchange(spec, [...SENT, ['X-Token', '1']], 200, ACAO),
  ];
}

/**
 * The page's own navigation, before anything else: the tab exists, as it does for every request a
 * page makes (events of a tab the model does not know, e.g. one closed, are not started late).
 */
const PAGE_LOAD = createWire(1_600_000_000_000).navigation(1, 'nav', `${PAGE}/`);

function runInTab(events: readonly CaptureEvent[]) {
  return run([PAGE_LOAD, ...events]);
}

/** What a run lists, without the start time (a late start takes its first event's) and the mark of a missed start. */
function listed(events: readonly CaptureEvent[]) {
  return runInTab(events).list().map(({ startedAt: _startedAt, missedStart: _missed, ...tx }) => tx);
}

describe('a request whose onBeforeRequest was lost', () => {
  it.each([
    ['send-headers', 1],
    ['headers-received', 2],
    ['completed', 3],
  ])('starts from its %s and is listed and judged like the whole request', (_first, lost) => {
    const events = simpleGet('1');
    const late = runInTab(events.slice(lost));
    const tx = only(late.list());
    expect(tx).toMatchObject({ id: 'r1', url: `${API}/1`, method: 'GET', initiator: PAGE, crossOrigin: true, state: 'done' });
    expect(tx.startedAt).toBe(events[lost]?.at);
    expect(tx.missedStart).toEqual({ firstEvent: events[lost]?.kind });
    expect(tx.verdict?.outcome).toBe('allowed');
    expect(late.state.tabs['1']?.counts.sameOrigin).toBe(0);
  });

  it('when only the start was lost, lists the same transaction as the whole sequence', () => {
    expect(listed(simpleGet('1', true).slice(1))).toEqual(listed(simpleGet('1', true)));
  });

  it('arriving after all (later than the event it was started from) changes nothing', () => {
    const [start, ...rest] = simpleGet('1');
    const late = runInTab([...rest.slice(0, 1), start as CaptureEvent, ...rest.slice(1)]);
    expect(late.list().map(({ startedAt: _s, missedStart: _m, ...tx }) => tx)).toEqual(listed(simpleGet('1')));
    expect(late.list()).toHaveLength(1);
  });

  it('is the only kind of record that says its start was missed (a whole request has no missedStart field)', () => {
    const whole = only(runInTab(simpleGet('1')).list());
    expect('missedStart' in whole).toBe(false);
    const late = only(runInTab(simpleGet('1').slice(1)).list());
    expect(late.missedStart).toEqual({ firstEvent: 'send-headers' });
    expect(JSON.parse(JSON.stringify(late)).missedStart).toEqual({ firstEvent: 'send-headers' }); // stored as plain JSON
  });

  it('a preflight that lost its start is still recognised by its headers and paired', () => {
    const events = preflightedPut('2');
    const tx = only(runInTab(events.slice(1)).list());
    expect(tx.method).toBe('PUT');
    expect(tx.preflight?.requestId).toBe('p2');
    expect(tx.preflight?.status).toBe(204);
    expect(tx.missedStart).toBeUndefined(); // the PUT's own start arrived: only its preflight's was lost
  });

  it('an OPTIONS known only from its response is not listed: nothing tells a preflight from the page’s own', () => {
    const events = preflightedPut('3');
    // The preflight lost its before-request and send-headers; its response and the PUT arrived.
    const result = runInTab(events.slice(2));
    expect(result.list().map((tx) => tx.method)).toEqual(['PUT']);
  });
});

describe('unknown requests that are not lost starts', () => {
  it('events of requests in flight when a navigation cleared the log stay ignored', () => {
    const wire = createWire();
    const spec = { id: '5', url: `${API}/5` };
    const result = run([wire.beforeRequest(spec), wire.navigation(1, '6', `${PAGE}/next`), wire.error(spec, 'net::ERR_ABORTED')]);
    expect(result.list()).toEqual([]);
    expect(result.state.tabs['1']?.forgotten).toEqual(['5']);
  });

  it('a main-frame request, a browser-initiated one and a non-http one are never started late', () => {
    const wire = createWire();
    const result = run([
      wire.beforeRequest({ id: '9', url: `${API}/seed` }),
      wire.completed({ id: '10', url: `${PAGE}/`, type: 'main_frame', initiator: null }, 200, []),
      wire.completed({ id: '11', url: `${API}/omnibox`, initiator: null }, 200, []),
      wire.error({ id: '12', url: 'chrome-extension://abc/x.js' }),
    ]);
    expect(result.list().map((tx) => tx.id)).toEqual(['r9']);
    expect(result.state.tabs['1']?.counts).toMatchObject({ browserInitiated: 1, nonHttp: 0 });
  });

  it('events of a tab the model does not know (closed, or never seen) are not started late', () => {
    const events = simpleGet('8');
    expect(run(events.slice(1)).list(1)).toEqual([]);
    expect(run([...events.slice(0, 2), { kind: 'tab-removed', tabId: 1, at: 1 }, ...events.slice(2)]).state.tabs['1']).toBeUndefined();
  });

  it('a request that ended is not started again by a stray event', () => {
    const events = simpleGet('7');
    const result = run([...events, events[events.length - 1] as CaptureEvent]);
    expect(result.list()).toHaveLength(1);
  });

  it('the tab remembers at most FORGOTTEN_CAPACITY let-go requests, the newest', () => {
    const wire = createWire();
    const inFlight = Array.from({ length: FORGOTTEN_CAPACITY + 10 }, (_, i) => wire.beforeRequest({ id: `f${i}`, url: `${API}/${i}` }));
    const result = run([...inFlight, wire.navigation(1, 'nav', `${PAGE}/next`)]);
    const forgotten = result.state.tabs['1']?.forgotten ?? [];
    expect(forgotten).toHaveLength(FORGOTTEN_CAPACITY);
    expect(forgotten.at(-1)).toBe(`f${FORGOTTEN_CAPACITY + 9}`);
  });
});

describe('property: losing the start of requests', () => {
  it('lists every request of which an event arrived, once, with the verdict of the whole sequence when only the start was lost', () => {
    const kinds = fc.array(fc.record({ put: fc.boolean(), blocked: fc.boolean(), lostStart: fc.boolean() }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(kinds, (requests) => {
      const whole: CaptureEvent[] = [];
      const lossy: CaptureEvent[] = [];
      requests.forEach((r, i) => {
        const id = String(i + 1);
        const events = r.put ? preflightedPut(id) : simpleGet(id, r.blocked);
        whole.push(...events);
        // The main request's own before-request (a preflighted PUT's comes after its preflight).
        const start = events.findIndex((e) => e.kind === 'before-request' && e.requestId === id);
        lossy.push(...(r.lostStart ? events.filter((_, at) => at !== start) : events));
      });
      expect(listed(lossy)).toEqual(listed(whole));
    }));
  });
});
