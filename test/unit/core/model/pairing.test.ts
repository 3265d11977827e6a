import { describe, expect, it } from 'vitest';
import { ALLOW_ALL, API, PAGE, byRequestId, createWire, only, run } from './wire';
import type { HeaderPairs, RequestSpec } from './wire';

const PUT_SENT: HeaderPairs = [['Origin', PAGE], ['X-Token', 'abc'], ['Content-Type', 'application/json']];
const ACAO: HeaderPairs = [['Access-Control-Allow-Origin', PAGE]];

describe('preflight pairing', () => {
  it('pairs a preflight with the request it guards and lists only the request', () => {
    const wire = createWire();
    const put: RequestSpec = { id: '100', url: `${API}/items/1`, method: 'PUT' };
    const events = [
      wire.beforeRequest(put),
      ...wire.preflight(put, '101', 'PUT', 'content-type,x-token', 204, ALLOW_ALL),
      ...wire.exchange(put, PUT_SENT, 200, ACAO),
    ];
    const result = run(events);
    const tx = only(result.list());
    expect(tx.requestId).toBe('100');
    expect(tx.preflight).toMatchObject({ requestId: '101', url: put.url, status: 204, fromCache: false, coveredBy: null });
    expect(tx.preflight?.requestHeaders).toContainEqual({ name: 'Access-Control-Request-Method', value: 'PUT' });
    expect(tx.preflight?.endedAt).not.toBeNull();
    expect(result.state.tabs['1']?.preflights).toEqual(new Map());
    expect(result.calls[0]?.preflight?.request.method).toBe('OPTIONS');
  });

  it('a preflight seen before its request (events out of order) is adopted when the request starts', () => {
    const wire = createWire();
    const put: RequestSpec = { id: '105', url: `${API}/items/2`, method: 'PUT' };
    const [preflightStart, preflightHeaders, ...preflightEnd] = wire.preflight(put, '106', 'PUT', 'x-token', 204, ALLOW_ALL);
    const events = [preflightStart, preflightHeaders, wire.beforeRequest(put), ...preflightEnd, ...wire.exchange(put, PUT_SENT, 200, ACAO)]
      .filter((event) => event !== undefined);
    const result = run(events);
    expect(only(result.list()).preflight?.requestId).toBe('106');
  });

  it('a preflight whose method does not match the waiting request is not paired with it', () => {
    const wire = createWire();
    const del: RequestSpec = { id: '110', url: `${API}/items/1`, method: 'DELETE' };
    const result = run([wire.beforeRequest(del), ...wire.preflight(del, '111', 'PUT', null, 204, ALLOW_ALL)]);
    expect(only(result.list()).preflight).toBeNull();
  });

  it('a preflight from another frame or document does not pair', () => {
    const wire = createWire();
    const inFrame: RequestSpec = { id: '120', url: `${API}/x`, method: 'PUT', frameId: 4, documentId: 'DOC4' };
    const result = run([wire.beforeRequest(inFrame), ...wire.preflight({ ...inFrame, frameId: 0, documentId: 'DOC1' }, '121', 'PUT', null, 204, ALLOW_ALL)]);
    expect(only(result.list()).preflight).toBeNull();
  });

  it('a failed preflight: the request is never sent, ends with ERR_FAILED and keeps the preflight', () => {
    const wire = createWire();
    const put: RequestSpec = { id: '130', url: `${API}/items/1`, method: 'PUT' };
    const events = [
      wire.beforeRequest(put),
      ...wire.preflight(put, '131', 'PUT', 'x-token', 204, [['Access-Control-Allow-Methods', 'PUT']]),
      wire.error(put),
    ];
    const result = run(events);
    const tx = only(result.list());
    expect(tx).toMatchObject({ requestHeaders: null, response: null, netError: 'net::ERR_FAILED', state: 'done' });
    expect(tx.preflight?.status).toBe(204);
    expect(tx.verdict?.outcome).toBe('blocked');
    expect(result.state.preflightCache).toEqual(new Map()); // Chromium does not cache a failing preflight
  });

  it('a preflight running when its request resumes was not that request\'s: concurrent identical requests follow completion', () => {
    const wire = createWire();
    const a: RequestSpec = { id: '140', url: `${API}/same`, method: 'PUT' };
    const b: RequestSpec = { id: '141', url: `${API}/same`, method: 'PUT' };
    const events = [
      wire.beforeRequest(a), wire.beforeRequest(b),
      ...wire.preflightStart(a, '142', 'PUT', 'x-token'), ...wire.preflightStart(b, '143', 'PUT', 'x-token'),
      ...wire.preflightEnd(b, '143', 204, ALLOW_ALL),
      ...wire.exchange(a, PUT_SENT, 200, ACAO), // A resumed right after 143 completed: 143 was A's
      ...wire.preflightEnd(a, '142', 204, ALLOW_ALL),
      ...wire.exchange(b, PUT_SENT, 200, ACAO),
    ];
    const result = run(events);
    expect(byRequestId(result.list(), '140').preflight?.requestId).toBe('143');
    expect(byRequestId(result.list(), '141').preflight?.requestId).toBe('142');
  });

  it('concurrent identical requests pair first come, first served', () => {
    const wire = createWire();
    const a: RequestSpec = { id: '150', url: `${API}/same`, method: 'PUT' };
    const b: RequestSpec = { id: '151', url: `${API}/same`, method: 'PUT' };
    const events = [
      wire.beforeRequest(a), wire.beforeRequest(b),
      ...wire.preflight(a, '152', 'PUT', 'x-token', 204, ALLOW_ALL), ...wire.exchange(a, PUT_SENT, 200, ACAO),
      ...wire.preflight(b, '153', 'PUT', 'x-token', 204, ALLOW_ALL), ...wire.exchange(b, PUT_SENT, 200, ACAO),
    ];
    const result = run(events);
    expect(result.list().map((tx) => [tx.requestId, tx.preflight?.requestId])).toEqual([['150', '152'], ['151', '153']]);
  });

  it('Access-Control-Request-Headers naming headers the request did not send moves the preflight to the sibling', () => {
    const wire = createWire();
    const a: RequestSpec = { id: '160', url: `${API}/same`, method: 'PUT' };
    const b: RequestSpec = { id: '161', url: `${API}/same`, method: 'PUT' };
    const events = [
      wire.beforeRequest(a), wire.beforeRequest(b),
      ...wire.preflight(a, '162', 'PUT', 'x-b', 204, ALLOW_ALL), ...wire.preflight(b, '163', 'PUT', 'x-a', 204, ALLOW_ALL),
      ...wire.exchange(a, [['Origin', PAGE], ['X-A', '1']], 200, ACAO),
      ...wire.exchange(b, [['Origin', PAGE], ['X-B', '1']], 200, ACAO),
    ];
    const result = run(events);
    expect(byRequestId(result.list(), '160').preflight?.requestId).toBe('163');
    expect(byRequestId(result.list(), '161').preflight?.requestId).toBe('162');
  });

  it('a simple request to the same URL resuming first hands the preflight to the request still waiting', () => {
    const wire = createWire();
    const simple: RequestSpec = { id: '170', url: `${API}/same` };
    const custom: RequestSpec = { id: '171', url: `${API}/same` };
    const events = [
      wire.beforeRequest(simple), wire.beforeRequest(custom),
      ...wire.preflightStart(custom, '172', 'GET', 'x-token'),
      ...wire.exchange(simple, [['Origin', PAGE]], 200, ACAO),
      ...wire.preflightEnd(custom, '172', 204, ALLOW_ALL),
      ...wire.exchange(custom, [['Origin', PAGE], ['X-Token', '1']], 200, ACAO),
    ];
    const result = run(events);
    expect(byRequestId(result.list(), '170').preflight).toBeNull();
    expect(byRequestId(result.list(), '171').preflight?.requestId).toBe('172');
  });
});

describe('a page\'s own OPTIONS request', () => {
  it('without Access-Control-Request-Method it is a request, not a preflight', () => {
    const wire = createWire();
    const options: RequestSpec = { id: '200', url: `${API}/opt`, method: 'OPTIONS' };
    const result = run([wire.beforeRequest(options), ...wire.exchange(options, [['Origin', PAGE]], 200, ACAO)]);
    const tx = only(result.list());
    expect(tx).toMatchObject({ method: 'OPTIONS', preflight: null, state: 'done' });
    expect(result.state.tabs['1']?.preflights).toEqual(new Map());
  });

  it('is not listed until its headers tell what it is', () => {
    const wire = createWire();
    const options: RequestSpec = { id: '201', url: `${API}/opt`, method: 'OPTIONS' };
    const result = run([wire.beforeRequest(options)]);
    expect(result.list()).toEqual([]);
    expect(result.changes[0]?.upserted).toEqual([]);
  });

  it('a cross-origin OPTIONS fetch gets its own preflight (ACRM OPTIONS) and pairs with it', () => {
    const wire = createWire();
    const options: RequestSpec = { id: '210', url: `${API}/opt`, method: 'OPTIONS' };
    const result = run([
      wire.beforeRequest(options),
      ...wire.preflight(options, '211', 'OPTIONS', null, 204, [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'OPTIONS']]),
      ...wire.exchange(options, [['Origin', PAGE]], 200, ACAO),
    ]);
    const tx = only(result.list());
    expect(tx.requestId).toBe('210');
    expect(tx.preflight?.requestId).toBe('211');
  });
});

describe('preflight cache', () => {
  const put: RequestSpec = { id: '300', url: `${API}/cached`, method: 'PUT' };
  const again: RequestSpec = { id: '302', url: `${API}/cached`, method: 'PUT' };

  function firstWithPreflight(wire = createWire()) {
    return [wire.beforeRequest(put), ...wire.preflight(put, '301', 'PUT', 'content-type,x-token', 204, ALLOW_ALL), ...wire.exchange(put, PUT_SENT, 200, ACAO)];
  }

  it('a non-simple request sent without a preflight is linked to the earlier preflight, with its expiry', () => {
    const wire = createWire();
    const first = firstWithPreflight(wire);
    const result = run([...first, wire.beforeRequest(again), ...wire.exchange(again, PUT_SENT, 200, ACAO)]);
    const preflightEnd = result.list()[0]?.preflight?.endedAt ?? NaN;
    const second = byRequestId(result.list(), '302');
    expect(second.preflight).toMatchObject({ requestId: '301', fromCache: true, coveredBy: { transactionId: 'r300', expiresAt: preflightEnd + 600_000 } });
    expect(result.calls.at(-1)?.preflight?.fromCache).toBe(true);
  });

  it('a simple request to the same URL is not linked', () => {
    const wire = createWire();
    const get: RequestSpec = { id: '303', url: `${API}/cached` };
    const result = run([...firstWithPreflight(wire), wire.beforeRequest(get), ...wire.exchange(get, [['Origin', PAGE]], 200, ACAO)]);
    expect(byRequestId(result.list(), '303').preflight).toBeNull();
  });

  it('the cache outlives a navigation (Chromium keeps it; the log is cleared)', () => {
    const wire = createWire();
    const result = run([...firstWithPreflight(wire), wire.navigation(1, '399', `${PAGE}/next`), wire.beforeRequest(again), ...wire.exchange(again, PUT_SENT, 200, ACAO)]);
    expect(only(result.list()).preflight?.coveredBy?.transactionId).toBe('r300');
  });

  it('a preflight answered without Max-Age is cached for 5 s (reference §4.6)', () => {
    const wire = createWire();
    const events = [wire.beforeRequest(put), ...wire.preflight(put, '301', 'PUT', 'x-token', 200, ACAO), ...wire.exchange(put, PUT_SENT, 200, ACAO)];
    const result = run(events);
    const entry = [...result.state.preflightCache.values()][0];
    expect(entry?.expiresAt).toBe((only(result.list()).preflight?.endedAt ?? NaN) + 5000);
  });

  it.each([['0'], ['-1']])('a preflight answered with Max-Age %s is not cached (not reusable)', (maxAge) => {
    const wire = createWire();
    const answer: HeaderPairs = [...ACAO, ['Access-Control-Max-Age', maxAge]];
    const result = run([wire.beforeRequest(put), ...wire.preflight(put, '301', 'PUT', 'x-token', 204, answer), ...wire.exchange(put, PUT_SENT, 200, ACAO)]);
    expect(result.state.preflightCache).toEqual(new Map());
  });

  it('an entry that expired before the request started covered nothing', () => {
    const wire = createWire();
    const answer: HeaderPairs = [...ACAO, ['Access-Control-Max-Age', '1']];
    const first = [wire.beforeRequest(put), ...wire.preflight(put, '301', 'PUT', 'x-token', 204, answer), ...wire.exchange(put, PUT_SENT, 200, ACAO)];
    for (let i = 0; i < 1000; i++) wire.tick(); // one second later
    const result = run([...first, wire.beforeRequest(again), ...wire.exchange(again, PUT_SENT, 200, ACAO)]);
    expect(byRequestId(result.list(), '302').preflight).toBeNull();
  });

  it('a preflight answered with a non-2xx status is not cached', () => {
    const wire = createWire();
    const result = run([wire.beforeRequest(put), ...wire.preflight(put, '301', 'PUT', 'x-token', 403, ACAO), wire.error(put)]);
    expect(result.state.preflightCache).toEqual(new Map());
  });
});
