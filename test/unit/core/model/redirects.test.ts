import { describe, expect, it } from 'vitest';
import { ALLOW_ALL, API, OTHER, PAGE, createWire, only, run } from './wire';
import type { HeaderPairs, RequestSpec } from './wire';

const ACAO: HeaderPairs = [['Access-Control-Allow-Origin', PAGE]];
const ACAO_NULL: HeaderPairs = [['Access-Control-Allow-Origin', 'null']];

describe('redirects of the actual request', () => {
  it('a same-origin hop (api → api) records the redirect and the headers sent to the next URL', () => {
    const wire = createWire();
    const first: RequestSpec = { id: '400', url: `${API}/old` };
    const next: RequestSpec = { ...first, url: `${API}/new` };
    const result = run([
      wire.beforeRequest(first), wire.sendHeaders(first, [['Origin', PAGE]]),
      wire.headersReceived(first, 301, [['Location', '/new'], ...ACAO]), wire.redirect(first, 301, [['Location', '/new'], ...ACAO], next.url),
      wire.beforeRequest(next), ...wire.exchange(next, [['Origin', PAGE]], 200, ACAO),
    ]);
    const tx = only(result.list());
    expect(tx.url).toBe(`${API}/old`);
    expect(tx.redirects).toEqual([{
      url: `${API}/old`, status: 301, responseHeaders: [{ name: 'Location', value: '/new' }, { name: 'Access-Control-Allow-Origin', value: PAGE }],
      location: `${API}/new`, nextRequestHeaders: [{ name: 'Origin', value: PAGE }], nextPreflight: null,
    }]);
    expect(tx.requestHeaders).toEqual([{ name: 'Origin', value: PAGE }]);
    expect(tx.response?.status).toBe(200);
  });

  it('a cross-origin hop keeps Origin: null as sent while the initiator still shows the page', () => {
    const wire = createWire();
    const first: RequestSpec = { id: '410', url: `${API}/go` };
    const next: RequestSpec = { ...first, url: `${OTHER}/there` };
    const result = run([
      wire.beforeRequest(first), wire.sendHeaders(first, [['Origin', PAGE]]),
      wire.redirect(first, 302, ACAO, next.url),
      wire.beforeRequest(next), ...wire.exchange(next, [['Origin', 'null']], 200, ACAO_NULL),
    ]);
    const tx = only(result.list());
    expect(tx.initiator).toBe(PAGE);
    expect(tx.redirects[0]?.nextRequestHeaders).toEqual([{ name: 'Origin', value: 'null' }]);
    expect(result.calls[0]?.redirects?.[0]?.location).toBe(`${OTHER}/there`);
  });

  it('each hop gets its own preflight (reference §5): the first on the transaction, the next on the redirect', () => {
    const wire = createWire();
    const first: RequestSpec = { id: '420', url: `${API}/put`, method: 'PUT' };
    const next: RequestSpec = { ...first, url: `${OTHER}/put` };
    const result = run([
      wire.beforeRequest(first), ...wire.preflight(first, '421', 'PUT', 'x-token', 204, ALLOW_ALL),
      wire.sendHeaders(first, [['Origin', PAGE], ['X-Token', '1']]), wire.redirect(first, 307, ACAO, next.url),
      wire.beforeRequest(next), ...wire.preflight({ ...next, initiator: PAGE }, '422', 'PUT', 'x-token', 204, ACAO_NULL),
      ...wire.exchange(next, [['Origin', 'null'], ['X-Token', '1']], 200, ACAO_NULL),
    ]);
    const tx = only(result.list());
    expect(tx.preflight?.requestId).toBe('421');
    expect(tx.redirects[0]?.nextPreflight).toMatchObject({ requestId: '422', url: `${OTHER}/put` });
    expect(result.calls[0]?.redirects?.[0]?.nextPreflight?.request.url).toBe(`${OTHER}/put`);
  });

  it('a same-origin request redirected cross-origin becomes a listed cross-origin transaction', () => {
    const wire = createWire();
    const first: RequestSpec = { id: '430', url: `${PAGE}/local` };
    const next: RequestSpec = { ...first, url: `${API}/remote` };
    const events = [
      wire.beforeRequest(first), wire.sendHeaders(first, []), wire.redirect(first, 302, [], next.url),
      wire.beforeRequest(next), ...wire.exchange(next, [['Origin', 'null']], 200, [], true),
    ];
    const result = run(events);
    expect(result.changes[2]?.upserted).toEqual([]);
    expect(result.changes[3]?.upserted).toEqual(['r430']);
    const tx = only(result.list());
    expect(tx).toMatchObject({ crossOrigin: true, url: `${PAGE}/local`, netError: 'net::ERR_FAILED' });
    expect(result.state.tabs['1']?.counts.sameOrigin).toBe(0);
  });

  it('a hop whose redirect event went missing is still recorded (status 0)', () => {
    const wire = createWire();
    const first: RequestSpec = { id: '440', url: `${API}/a` };
    const next: RequestSpec = { ...first, url: `${API}/b` };
    const result = run([wire.beforeRequest(first), wire.beforeRequest(next), ...wire.exchange(next, [], 200, ACAO)]);
    expect(only(result.list()).redirects).toMatchObject([{ url: `${API}/a`, status: 0, location: `${API}/b` }]);
  });

  it('a redirect without a redirectUrl takes the location from the next hop', () => {
    const wire = createWire();
    const first: RequestSpec = { id: '450', url: `${API}/a` };
    const next: RequestSpec = { ...first, url: `${API}/b` };
    const redirect = { ...wire.redirect(first, 302, [], ''), redirectUrl: null };
    const result = run([wire.beforeRequest(first), redirect, wire.beforeRequest(next), ...wire.exchange(next, [], 200, ACAO)]);
    expect(only(result.list()).redirects[0]?.location).toBe(`${API}/b`);
  });
});
