import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/index';
import { API, PAGE, ok, preflight, response, tx } from './cors/tx-builder';

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

describe('not-cors: requests CORS does not judge', () => {
  it.each([
    { name: 'same-origin fetch', spec: { url: `${PAGE}/api` } },
    { name: 'no-cors image', spec: { resourceType: 'image' as const, noOrigin: true } },
    { name: 'no-cors by Sec-Fetch-Mode', spec: { requestHeaders: [['Sec-Fetch-Mode', 'no-cors']] as const } },
    { name: 'navigation', spec: { resourceType: 'main_frame' as const, noOrigin: true } },
    { name: 'iframe navigation', spec: { resourceType: 'sub_frame' as const, noOrigin: true } },
    { name: 'websocket', spec: { resourceType: 'websocket' as const, url: 'ws://127.0.0.1:4101/socket' } },
    { name: 'browser-initiated (no initiator)', spec: { initiator: null } },
    { name: 'a data: URL', spec: { url: 'data:text/plain,hi' } },
    { name: 'an unparsable URL', spec: { url: 'http://[' } },
  ])('$name', ({ spec }) => {
    const v = evaluate(tx({ ...spec, response: response(200, []) }));
    expect(v.outcome).toBe('not-cors');
    expect(v.corsError).toBeNull();
    expect(v.summary).not.toBe('');
  });

  it('a cors request to a scheme without CORS support: CorsDisabledScheme', () => {
    const v = evaluate(tx({ url: 'ftp://127.0.0.1/file', response: null }));
    expect(v.corsError).toBe('CorsDisabledScheme');
    expect(v.firefoxReason).toBe('CORSRequestNotHttp');
  });
});

describe('network errors: not really CORS (reference §7, §10)', () => {
  it.each([
    { netError: 'net::ERR_CONNECTION_REFUSED', cause: { kind: 'connection-failed', netError: 'net::ERR_CONNECTION_REFUSED' } },
    { netError: 'net::ERR_NAME_NOT_RESOLVED', cause: { kind: 'connection-failed', netError: 'net::ERR_NAME_NOT_RESOLVED' } },
    { netError: 'ERR_CONNECTION_RESET', cause: { kind: 'connection-failed', netError: 'net::ERR_CONNECTION_RESET' } },
    { netError: 'net::ERR_BLOCKED_BY_CLIENT', cause: { kind: 'blocked-by-client', netError: 'net::ERR_BLOCKED_BY_CLIENT' } },
    { netError: 'net::ERR_TOO_MANY_REDIRECTS', cause: { kind: 'too-many-redirects' } },
  ])('$netError', ({ netError, cause }) => {
    const v = evaluate(tx({ response: null, netError, completed: true }));
    expect(v.outcome).toBe('network-error');
    expect(v.corsError).toBeNull();
    expect(v.rootCause).toEqual(cause);
    expect(v.firefoxReason).toBe('CORSDidNotSucceed');
    expect(v.reachedServer).toBe(false);
  });

  it('a cache-only probe that missed (net::ERR_CACHE_MISS) is not a failure: the browser retries', () => {
    const v = evaluate(tx({ resourceType: 'font', response: null, netError: 'net::ERR_CACHE_MISS', completed: true }));
    expect(v.outcome).toBe('not-cors');
    expect(v.summary).toContain('ERR_CACHE_MISS');
  });

  it('summary of a refused connection', () => {
    const v = evaluate(tx({ response: null, netError: 'net::ERR_CONNECTION_REFUSED', completed: true }));
    expect(v.summary).toBe('The request failed before any CORS check: net::ERR_CONNECTION_REFUSED.');
  });
});

describe('reconciliation with what the browser did', () => {
  it('a delivered request is never blocked: allowed with a warning naming the rule', () => {
    const v = evaluate(tx({ response: response(200, []), completed: true, netError: null }));
    expect(v.outcome).toBe('allowed');
    expect(v.corsError).toBeNull();
    const finding = v.findings.find((f) => f.code === 'verdict-reconciled');
    expect(finding?.severity).toBe('warning');
    expect(finding?.subjects).toEqual(['MissingAllowOriginHeader']);
    expect(v.summary).toContain('MissingAllowOriginHeader');
  });

  it('net::ERR_FAILED with a failing rule is blocked', () => {
    const v = evaluate(tx({ response: response(200, []), completed: true, netError: 'net::ERR_FAILED' }));
    expect(v.outcome).toBe('blocked');
    expect(v.findings.map((f) => f.code)).not.toContain('verdict-reconciled');
  });

  it('net::ERR_FAILED with nothing failing is a network error, not blocked', () => {
    const v = evaluate(tx({ credentials: 'same-origin', response: ok(), completed: true, netError: 'net::ERR_FAILED' }));
    expect(v.outcome).toBe('network-error');
    expect(v.rootCause).toBeNull();
    expect(v.findings.map((f) => f.code)).toContain('verdict-reconciled');
  });

  it('a different net error overrides a failing rule', () => {
    const v = evaluate(tx({ response: response(200, []), completed: true, netError: 'net::ERR_CONTENT_LENGTH_MISMATCH' }));
    expect(v.outcome).toBe('network-error');
    expect(v.findings.find((f) => f.code === 'verdict-reconciled')?.subjects).toEqual(['MissingAllowOriginHeader']);
  });

  it('still in flight: the rules decide', () => {
    expect(evaluate(tx({ response: response(200, []) })).outcome).toBe('blocked');
  });
});

describe('credentials inference', () => {
  const echoNoAcac = ok(PAGE);
  const wildcard = ok('*');

  it('a Cookie header on a cross-origin request means include', () => {
    const v = evaluate(tx({ requestHeaders: [['Cookie', 'sid=1']], response: wildcard }));
    expect(v.credentials).toBe('include');
    expect(v.corsError).toBe('WildcardOriginNotAllowed');
    expect(v.findings.map((f) => f.code)).not.toContain('credentials-inferred');
  });

  it('unknown, both modes agree: no guess needed', () => {
    const v = evaluate(tx({ response: response(200, []) }));
    expect(v.credentials).toBe('unknown');
    expect(v.corsError).toBe('MissingAllowOriginHeader');
    expect(v.findings.map((f) => f.code)).not.toContain('credentials-inferred');
  });

  it.each([
    { name: 'ERR_FAILED picks the blocking mode (include)', netError: 'net::ERR_FAILED', completed: true, res: wildcard, credentials: 'include', outcome: 'blocked' },
    { name: 'delivered picks the passing mode', netError: null, completed: true, res: wildcard, credentials: 'same-origin', outcome: 'allowed' },
    { name: 'not finished yet assumes not include', netError: null, completed: false, res: wildcard, credentials: 'same-origin', outcome: 'allowed' },
    { name: 'ERR_FAILED with an echoed origin and no ACAC: include', netError: 'net::ERR_FAILED', completed: true, res: echoNoAcac, credentials: 'include', outcome: 'blocked' },
    { name: 'delivered with an echoed origin and no ACAC: not include', netError: null, completed: true, res: echoNoAcac, credentials: 'same-origin', outcome: 'allowed' },
  ])('$name', ({ netError, completed, res, credentials, outcome }) => {
    const v = evaluate(tx({ response: res, netError, completed }));
    expect(v.credentials).toBe(credentials);
    expect(v.outcome).toBe(outcome);
    const finding = v.findings.find((f) => f.code === 'credentials-inferred');
    expect(finding?.severity).toBe('info');
  });

  it('include inferred from ERR_FAILED reports the credentials error', () => {
    const v = evaluate(tx({ response: echoNoAcac, netError: 'net::ERR_FAILED', completed: true }));
    expect(v.corsError).toBe('InvalidAllowCredentials');
  });
});

describe('reachedServer', () => {
  it.each([
    { name: 'a blocked simple GET got a response', spec: { response: response(200, []) }, reached: true },
    { name: 'a failed preflight stops the request', spec: { method: 'PUT', preflight: preflight({ headers: [] }), response: null }, reached: false },
    { name: 'no response at all', spec: { response: null, netError: 'net::ERR_CONNECTION_REFUSED', completed: true }, reached: false },
    { name: 'a response from the HTTP cache never left the browser', spec: { response: response(200, [], { fromCache: true }) }, reached: false },
    { name: 'delivered without a captured response', spec: { response: null, completed: true }, reached: true },
  ])('$name → $reached', ({ spec, reached }) => {
    expect(evaluate(tx(spec)).reachedServer).toBe(reached);
  });
});

describe('root causes of blocked responses (reference §10)', () => {
  it.each([
    { status: 502, pairs: [] as [string, string][], cause: { kind: 'http-error-without-cors', status: 502, stage: 'response' } },
    { status: 401, pairs: [] as [string, string][], cause: { kind: 'http-error-without-cors', status: 401, stage: 'response' } },
    { status: 404, pairs: [[ACAO, 'https://x.example']] as [string, string][], cause: null },
    { status: 200, pairs: [] as [string, string][], cause: null },
  ])('status $status', ({ status, pairs, cause }) => {
    const v = evaluate(tx({ response: response(status, pairs) }));
    expect(v.outcome).toBe('blocked');
    expect(v.rootCause).toEqual(cause);
  });

  it('summary says to fix the 502 first', () => {
    const v = evaluate(tx({ response: response(502, []) }));
    expect(v.summary).toBe('The server answered 502 without Access-Control-Allow-Origin; fix the 502 first.');
  });
});

describe('Local Network Access (reference §7): only what the data decides', () => {
  it.each([
    { name: 'a LAN page over http calling loopback', initiator: 'http://192.168.1.5:8080', url: 'http://127.0.0.1:4101/api', netError: null, error: 'InsecureLocalNetwork' },
    { name: 'a public https page, permission denied', initiator: 'https://203.0.113.5', url: 'http://10.0.0.2/api', netError: 'net::ERR_FAILED', error: 'LocalNetworkAccessPermissionDenied' },
    { name: 'a public https page, still waiting for the prompt', initiator: 'https://203.0.113.5', url: 'http://10.0.0.2/api', netError: null, error: null },
    { name: 'loopback to loopback is not affected', initiator: 'http://localhost:3000', url: 'http://127.0.0.1:4101/api', netError: null, error: null },
    { name: 'an initiator known only by name is skipped', initiator: 'http://app.example', url: 'http://127.0.0.1:4101/api', netError: null, error: null },
  ])('$name', ({ initiator, url, netError, error }) => {
    const v = evaluate(tx({ initiator, url, response: null, netError, completed: netError !== null }));
    expect(v.corsError).toBe(error);
  });

  it('public to public is not affected', () => {
    const v = evaluate(tx({ initiator: 'http://203.0.113.5', url: 'http://198.51.100.7/api', response: null, netError: 'net::ERR_FAILED', completed: true }));
    expect(v.corsError).toBeNull();
  });

  it('a response proves LNA let it through', () => {
    const v = evaluate(tx({ initiator: 'http://192.168.1.5:8080', url: 'http://127.0.0.1:4101/api', response: ok('http://192.168.1.5:8080') }));
    expect(v.outcome).toBe('allowed');
  });
});

describe('mode reporting', () => {
  it('reports the mode and credentials it judged with', () => {
    const v = evaluate(tx({ credentials: 'include', response: response(200, [[ACAO, PAGE], [ACAC, 'true']]) }));
    expect(v).toMatchObject({ outcome: 'allowed', mode: 'cors', credentials: 'include' });
    expect(v.summary).toBe(`Allowed: Access-Control-Allow-Origin '${PAGE}' matches.`);
  });

  it('allowed by * says so', () => {
    expect(evaluate(tx({ url: API, response: ok('*') })).summary).toBe("Allowed: Access-Control-Allow-Origin '*' and no credentials.");
  });
});
