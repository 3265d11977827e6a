import { describe, expect, it } from 'vitest';
import { buildHar } from '../../../src/ui/har';
import { API, buildTx, h, PAGE, scenarios } from '../fakes/transactions';

describe('buildHar', () => {
  it('writes a HAR 1.2 log with the creator and one entry per leg on the wire', () => {
    const har = buildHar([scenarios.trailingSlash(), scenarios.headerNotAllowed()], { version: '1.2.3' });
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'CORS Lens', version: '1.2.3' });
    expect(har.log.entries.map((e) => `${e._corsLens.leg} ${e.request.method} ${e.response.status}`)).toEqual([
      'request GET 200',
      'preflight OPTIONS 204',
      'request PUT 0',
    ]);
  });

  it('marks a blocked request with Chrome\'s _error and the verdict', () => {
    const [entry] = buildHar([scenarios.trailingSlash()], { version: '1' }).log.entries;
    expect(entry?.response._error).toBe('net::ERR_FAILED');
    expect(entry?._corsLens.corsError).toBe('AllowOriginMismatch');
    expect(entry?._corsLens.failedParameter).toBe(`${PAGE}/`);
  });

  it('lists each redirect hop with its Location as redirectURL', () => {
    const tx = buildTx({
      url: `${API}/old`, redirects: [{ status: 302, headers: [h('Access-Control-Allow-Origin', PAGE)], location: `${API}/new?q=1` }],
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] },
    });
    const entries = buildHar([tx], { version: '1' }).log.entries;
    expect(entries.map((e) => [e.request.url, e.response.status, e.response.redirectURL])).toEqual([
      [`${API}/old`, 302, `${API}/new?q=1`],
      [`${API}/new?q=1`, 200, ''],
    ]);
    expect(entries[1]?.request.queryString).toEqual([{ name: 'q', value: '1' }]);
  });

  it('skips a preflight the cache answered (it was not on the wire)', () => {
    const tx = buildTx({
      method: 'PUT', headers: [h('Content-Type', 'application/json')],
      preflight: { cached: { transactionId: 'r1', expiresAt: 1 } },
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] },
    });
    expect(buildHar([tx], { version: '1' }).log.entries.map((e) => e._corsLens.leg)).toEqual(['request']);
  });

  it('redacts secrets unless asked, in request and response headers', () => {
    const tx = buildTx({ cookie: 'sid=s3cr3t', response: { status: 200, headers: [h('Set-Cookie', 'sid=n3w')] } });
    const redacted = JSON.stringify(buildHar([tx], { version: '1' }));
    expect(redacted).not.toContain('s3cr3t');
    expect(redacted).not.toContain('n3w');
    const full = JSON.stringify(buildHar([tx], { version: '1', includeSecrets: true }));
    expect(full).toContain('s3cr3t');
    expect(full).toContain('n3w');
  });

  it('keeps the HAR invariants: ISO start, non-negative timings, -1 sizes, http version from the status line', () => {
    for (const entry of buildHar(Object.values(scenarios).map((make) => make()), { version: '1' }).log.entries) {
      expect(entry.startedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(entry.time).toBeGreaterThanOrEqual(0);
      expect(entry.timings.wait).toBe(entry.time);
      expect(entry.request.headersSize).toBe(-1);
      expect(entry.response.bodySize).toBe(-1);
      expect(entry.request.cookies).toEqual([]);
    }
    const [final] = buildHar([scenarios.allowed()], { version: '1' }).log.entries;
    expect(final?.response.httpVersion).toBe('HTTP/1.1');
  });
});
