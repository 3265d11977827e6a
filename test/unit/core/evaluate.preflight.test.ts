import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/index';
import type { CredentialsMode } from '../../../src/core/index';
import { PAGE, ok, preflight, response, tx } from './cors/tx-builder';
import type { HeaderPairs, PreflightSpec } from './cors/tx-builder';

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';

interface Row {
  readonly name: string;
  readonly method?: string;
  readonly requestHeaders?: HeaderPairs;
  readonly credentials?: CredentialsMode;
  readonly pf: PreflightSpec;
  readonly error: string | null;
  readonly param?: string;
}

/** Preflight response headers: ACAO for the page plus the given pairs. */
const allow = (...pairs: HeaderPairs): HeaderPairs => [[ACAO, PAGE], ...pairs];
const withCredentials = (...pairs: HeaderPairs): HeaderPairs => [[ACAO, PAGE], [ACAC, 'true'], ...pairs];

function run(row: Row) {
  const acrh = (row.requestHeaders ?? []).map(([n]) => n.toLowerCase()).sort().join(',');
  return evaluate(tx({
    method: row.method ?? 'PUT',
    requestHeaders: row.requestHeaders ?? [],
    credentials: row.credentials ?? 'same-origin',
    preflight: preflight({ method: row.method ?? 'PUT', ...(acrh === '' ? {} : { requestHeaders: acrh }), ...row.pf }),
    response: row.error === null ? response(200, row.credentials === 'include' ? [[ACAO, PAGE], [ACAC, 'true']] : [[ACAO, PAGE]]) : null,
  }));
}

function expectRow(row: Row): void {
  const v = run(row);
  if (row.error === null) {
    expect(v.outcome).toBe('allowed');
    expect(v.corsError).toBeNull();
    return;
  }
  expect(v.outcome).toBe('blocked');
  expect(v.corsError).toBe(row.error);
  expect(v.failedParameter).toBe(row.param ?? '');
  expect(v.stage).toEqual({ kind: 'preflight', hop: 0 });
  expect(v.reachedServer).toBe(false);
}

describe('preflight: Chromium order (reference §4.2)', () => {
  it.each<Row>([
    { name: 'a redirect fails before ACAO is looked at', pf: { redirectedTo: 'https://elsewhere.example/' }, error: 'PreflightDisallowedRedirect' },
    { name: 'a 307 with Location counts as a redirect', pf: { status: 307, headers: allow(['Location', '/other'], [ACAM, 'PUT']) }, error: 'PreflightDisallowedRedirect' },
    { name: 'missing ACAO', pf: { headers: [[ACAM, 'PUT']] }, error: 'PreflightMissingAllowOriginHeader' },
    { name: 'ACAO * with credentials (actual request credentials mode)', credentials: 'include', pf: { headers: [[ACAO, '*'], [ACAC, 'true'], [ACAM, 'PUT']] }, error: 'PreflightWildcardOriginNotAllowed' },
    { name: 'two ACAO values', pf: { headers: [[ACAO, PAGE], [ACAO, PAGE], [ACAM, 'PUT']] }, error: 'PreflightMultipleAllowOriginValues', param: `${PAGE}, ${PAGE}` },
    { name: 'unparsable ACAO', pf: { headers: [[ACAO, 'nope'], [ACAM, 'PUT']] }, error: 'PreflightInvalidAllowOriginValue', param: 'nope' },
    { name: 'ACAO mismatch', pf: { headers: [[ACAO, 'http://127.0.0.1:4100/'], [ACAM, 'PUT']] }, error: 'PreflightAllowOriginMismatch', param: 'http://127.0.0.1:4100/' },
    { name: 'credentials without ACAC', credentials: 'include', pf: { headers: allow([ACAM, 'PUT']) }, error: 'PreflightInvalidAllowCredentials' },
    { name: 'credentials with ACAC TRUE', credentials: 'include', pf: { headers: allow([ACAC, 'TRUE'], [ACAM, 'PUT']) }, error: 'PreflightInvalidAllowCredentials', param: 'TRUE' },
    { name: 'a failing ACAO is reported before a failing status', pf: { status: 500, headers: [[ACAO, 'https://x.example']] }, error: 'PreflightAllowOriginMismatch', param: 'https://x.example' },
    { name: 'status 404 with good CORS headers', pf: { status: 404, headers: allow([ACAM, 'PUT']) }, error: 'PreflightInvalidStatus' },
    { name: 'status 300 without Location', pf: { status: 300, headers: allow([ACAM, 'PUT']) }, error: 'PreflightInvalidStatus' },
    { name: 'status 200 is ok', pf: { status: 200, headers: allow([ACAM, 'PUT']) }, error: null },
    { name: 'status 299 is ok', pf: { status: 299, headers: allow([ACAM, 'PUT']) }, error: null },
    { name: 'ACAM unparsable (WPT "Bad value")', pf: { headers: allow([ACAM, 'Bad value']) }, error: 'InvalidAllowMethodsPreflightResponse' },
    { name: 'ACAH unparsable', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAH, 'Bad value']) }, error: 'InvalidAllowHeadersPreflightResponse' },
    { name: 'ACAM is parsed before ACAH', requestHeaders: [['X-Test', '1']], pf: { headers: allow([ACAM, 'P U T'], [ACAH, 'x y']) }, error: 'InvalidAllowMethodsPreflightResponse' },
    { name: 'ACAH syntax beats a disallowed method (Chromium; Firefox differs)', requestHeaders: [['X-Test', '1']], pf: { headers: allow([ACAM, 'GET'], [ACAH, '"x-test"']) }, error: 'InvalidAllowHeadersPreflightResponse' },
    { name: 'the method is checked before headers', requestHeaders: [['X-Test', '1']], pf: { headers: allow([ACAM, 'GET']) }, error: 'MethodDisallowedByPreflightResponse', param: 'PUT' },
  ])('$name → $error', (row) => expectRow(row));
});

describe('preflight: methods (reference §4.3-§4.5, WPT cors-preflight, cors-preflight-star)', () => {
  it.each<Row>([
    { name: 'PUT listed', pf: { headers: allow([ACAM, 'PUT']) }, error: null },
    { name: 'PUT not listed', pf: { headers: allow([ACAM, 'GET, POST']) }, error: 'MethodDisallowedByPreflightResponse', param: 'PUT' },
    { name: 'no ACAM at all', pf: { headers: allow() }, error: 'MethodDisallowedByPreflightResponse', param: 'PUT' },
    { name: 'ACAM put does not allow PUT (case-sensitive)', pf: { headers: allow([ACAM, 'put']) }, error: 'MethodDisallowedByPreflightResponse', param: 'PUT' },
    { name: 'patch is sent as patch; ACAM PATCH does not allow it', method: 'patch', pf: { method: 'patch', headers: allow([ACAM, 'PATCH']) }, error: 'MethodDisallowedByPreflightResponse', param: 'patch' },
    { name: 'patch allowed by ACAM patch', method: 'patch', pf: { method: 'patch', headers: allow([ACAM, 'patch']) }, error: null },
    { name: 'delete is normalized to DELETE', method: 'delete', pf: { method: 'DELETE', headers: allow([ACAM, 'DELETE']) }, error: null },
    { name: 'a custom method chicken', method: 'chicken', pf: { method: 'chicken', headers: allow([ACAM, 'chicken']) }, error: null },
    { name: 'ACAM get still allows GET (safelisted methods always pass)', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAM, 'get'], [ACAH, 'x-test']) }, error: null },
    { name: 'POST passes with any ACAM', method: 'POST', requestHeaders: [['X-Test', '1']], pf: { method: 'POST', headers: allow([ACAM, 'PUT'], [ACAH, 'x-test']) }, error: null },
    { name: 'ACAM * without credentials allows SUPER', method: 'SUPER', requestHeaders: [['X-Test', '1']], pf: { method: 'SUPER', headers: [[ACAO, '*'], [ACAM, '*'], [ACAH, 'x-test']] }, error: null },
    { name: 'ACAM * with credentials is a literal', method: 'OK', credentials: 'include', pf: { method: 'OK', headers: withCredentials([ACAM, '*'], [ACAH, '*']) }, error: 'MethodDisallowedByPreflightResponse', param: 'OK' },
    { name: 'ACAM with empty elements', pf: { headers: allow([ACAM, ',,PUT,']) }, error: null },
    { name: 'ACAM over two lines', pf: { headers: allow([ACAM, 'GET'], [ACAM, 'PUT']) }, error: null },
    { name: 'credentials and PUT listed with ACAC true', credentials: 'include', pf: { headers: withCredentials([ACAM, 'PUT']) }, error: null },
  ])('$name → $error', (row) => expectRow(row));
});

describe('preflight: headers and wildcards (reference §4.3, §4.4)', () => {
  it.each<Row>([
    { name: 'x-test listed', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAH, 'x-test']) }, error: null },
    { name: 'ACAH is case-insensitive', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAH, 'X-TEST']) }, error: null },
    { name: 'x-test not listed', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAH, 'x-other']) }, error: 'HeaderDisallowedByPreflightResponse', param: 'x-test' },
    { name: 'the first failing name in ACRH order, lowercased', method: 'GET', requestHeaders: [['X-B', '1'], ['X-A', '1']], pf: { method: 'GET', headers: allow([ACAH, 'x-c']) }, error: 'HeaderDisallowedByPreflightResponse', param: 'x-a' },
    { name: 'the second name fails when the first is listed', method: 'GET', requestHeaders: [['X-B', '1'], ['X-A', '1']], pf: { method: 'GET', headers: allow([ACAH, 'x-a']) }, error: 'HeaderDisallowedByPreflightResponse', param: 'x-b' },
    { name: 'ACAH with a leading comma', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAH, ',x-test']) }, error: null },
    { name: 'ACAH * without credentials', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAH, '*']) }, error: null },
    { name: 'ACAH * with credentials is a literal', method: 'GET', credentials: 'include', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: withCredentials([ACAH, '*']) }, error: 'HeaderDisallowedByPreflightResponse', param: 'x-test' },
    { name: 'ACAH *, x-test with credentials', method: 'GET', credentials: 'include', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: withCredentials([ACAH, '*, x-test']) }, error: null },
    { name: 'Authorization listed by name', method: 'GET', requestHeaders: [['Authorization', 'Bearer x']], pf: { method: 'GET', headers: allow([ACAH, 'authorization']) }, error: null },
    { name: 'Authorization with credentials and ACAH *', method: 'GET', credentials: 'include', requestHeaders: [['Authorization', 'Bearer x']], pf: { method: 'GET', headers: withCredentials([ACAH, '*']) }, error: 'HeaderDisallowedByPreflightResponse', param: 'authorization' },
  ])('$name → $error', (row) => expectRow(row));

  it('Authorization covered by ACAH * passes in Chromium, with a warning', () => {
    const v = run({ name: '', method: 'GET', requestHeaders: [['Authorization', 'Bearer x']], pf: { method: 'GET', headers: allow([ACAH, '*']) }, error: null });
    expect(v.outcome).toBe('allowed');
    const finding = v.findings.find((f) => f.code === 'authorization-covered-by-wildcard');
    expect(finding?.severity).toBe('warning');
    expect(finding?.subjects).toEqual(['authorization']);
  });

  it('no wildcard warning when Authorization is listed next to *', () => {
    const v = run({ name: '', method: 'GET', requestHeaders: [['Authorization', 'Bearer x']], pf: { method: 'GET', headers: allow([ACAH, '*, Authorization']) }, error: null });
    expect(v.findings.map((f) => f.code)).not.toContain('authorization-covered-by-wildcard');
  });
});

describe('preflight: what else the verdict says', () => {
  it('a passing preflight is reported as required and observed, with its ACRH', () => {
    const v = run({ name: '', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAH, 'x-test']) }, error: null });
    expect(v.preflight).toMatchObject({ required: true, observed: true, fromCache: false, requestHeaders: 'x-test' });
    expect(v.preflight.reasons.map((r) => r.name)).toContain('x-test');
  });

  it('the preflight passes but the actual response fails: stage response, the request ran', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ headers: allow([ACAM, 'PUT']) }), response: response(200, []) }));
    expect(v.corsError).toBe('MissingAllowOriginHeader');
    expect(v.stage).toEqual({ kind: 'response' });
    expect(v.reachedServer).toBe(true);
  });

  it('a preflight network failure is a network error, not a CORS error', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ netError: 'net::ERR_CONNECTION_REFUSED' }), response: null, netError: 'net::ERR_FAILED', completed: true }));
    expect(v.outcome).toBe('network-error');
    expect(v.corsError).toBeNull();
    expect(v.stage).toEqual({ kind: 'preflight', hop: 0 });
    expect(v.rootCause).toEqual({ kind: 'connection-failed', netError: 'net::ERR_CONNECTION_REFUSED' });
    expect(v.firefoxReason).toBe('CORSDidNotSucceed');
    expect(v.reachedServer).toBe(false);
    expect(v.summary).toBe('The preflight failed before any CORS check: net::ERR_CONNECTION_REFUSED.');
  });

  it('a preflight blocked by an extension', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ netError: 'net::ERR_BLOCKED_BY_CLIENT' }), response: null }));
    expect(v.rootCause).toEqual({ kind: 'blocked-by-client', netError: 'net::ERR_BLOCKED_BY_CLIENT' });
  });

  it('a preflight the capture marks as served from the cache passed', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ fromCache: true, completedAt: 1_000, headers: allow([ACAM, 'PUT'], ['Access-Control-Max-Age', '60']) }) }));
    expect(v.outcome).toBe('allowed');
    expect(v.preflight.fromCache).toBe(true);
    const finding = v.findings.find((f) => f.code === 'served-from-preflight-cache');
    expect(finding?.expiresAt).toBe(61_000);
  });

  it('a needed preflight not observed, with a response: it came from the cache', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: null }));
    expect(v.outcome).toBe('allowed');
    expect(v.preflight).toMatchObject({ required: true, observed: false, fromCache: true });
    expect(v.findings.map((f) => f.code)).toContain('served-from-preflight-cache');
  });

  it('a needed preflight not observed, completed without error and no response captured: cached', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: null, response: null, completed: true }));
    expect(v.outcome).toBe('allowed');
    expect(v.preflight.fromCache).toBe(true);
  });

  it('a needed preflight not observed and net::ERR_FAILED: not blocked on what we can see', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: null, response: null, netError: 'net::ERR_FAILED', completed: true }));
    expect(v.outcome).toBe('network-error');
    expect(v.corsError).toBeNull();
    expect(v.findings.find((f) => f.code === 'verdict-reconciled')?.message).toContain('preflight');
  });

  it('a request stopped by its preflight has no captured headers: the ACRH names the culprit', () => {
    const v = evaluate(tx({
      method: 'GET', noOrigin: true, requestHeaders: [],
      preflight: preflight({ method: 'GET', requestHeaders: 'x-api-key', headers: allow([ACAH, 'content-type']) }), response: null,
    }));
    expect(v.corsError).toBe('HeaderDisallowedByPreflightResponse');
    expect(v.failedParameter).toBe('x-api-key');
    expect(v.preflight.reasons.map((r) => r.name)).toEqual(['x-api-key']);
    expect(v.header).toBe('access-control-allow-headers');
  });

  it('a preflight sent for a simple request was forced by the page, and is still judged', () => {
    const v = evaluate(tx({ method: 'POST', preflight: preflight({ method: 'POST', headers: [] }), response: null }));
    expect(v.corsError).toBe('PreflightMissingAllowOriginHeader');
    expect(v.preflight.reasons.map((r) => r.kind)).toEqual(['forced']);
  });

  it('fonts are never preflighted', () => {
    const v = evaluate(tx({ resourceType: 'font', method: 'GET', requestHeaders: [['X-Odd', '1']], response: ok('*') }));
    expect(v.preflight.required).toBe(false);
    expect(v.outcome).toBe('allowed');
  });

  it('a preflight still in flight gives no failure yet', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ noResponse: true }), response: null }));
    expect(v.outcome).toBe('allowed');
    expect(v.reachedServer).toBe(false);
  });
});

describe('preflight root causes (reference §10)', () => {
  it.each([
    { name: '401 without CORS headers (auth before CORS)', status: 401, headers: [] as HeaderPairs, error: 'PreflightMissingAllowOriginHeader', cause: { kind: 'preflight-rejected', status: 401 } },
    { name: '403 without CORS headers', status: 403, headers: [] as HeaderPairs, error: 'PreflightMissingAllowOriginHeader', cause: { kind: 'preflight-rejected', status: 403 } },
    { name: '405 with ACAO (route without OPTIONS)', status: 405, headers: allow(), error: 'PreflightInvalidStatus', cause: { kind: 'preflight-rejected', status: 405 } },
    { name: '502 without CORS headers', status: 502, headers: [] as HeaderPairs, error: 'PreflightMissingAllowOriginHeader', cause: { kind: 'http-error-without-cors', status: 502, stage: 'preflight' } },
    { name: '500 with ACAO', status: 500, headers: allow([ACAM, 'PUT']), error: 'PreflightInvalidStatus', cause: { kind: 'preflight-rejected', status: 500 } },
    { name: '204 without ACAO is a real CORS failure', status: 204, headers: [] as HeaderPairs, error: 'PreflightMissingAllowOriginHeader', cause: null },
  ])('$name', ({ status, headers, error, cause }) => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ status, headers }), response: null }));
    expect(v.corsError).toBe(error);
    expect(v.rootCause).toEqual(cause);
  });

  it('summary of an invalid preflight status', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ status: 405, headers: allow() }), response: null }));
    expect(v.summary).toBe('The preflight (OPTIONS) got status 405; it must be 2xx.');
  });

  it('summary of a disallowed header', () => {
    const v = run({ name: '', method: 'GET', requestHeaders: [['X-Test', '1']], pf: { method: 'GET', headers: allow([ACAH, 'content-type']) }, error: 'x' });
    expect(v.summary).toBe("Request header 'x-test' is not allowed: Access-Control-Allow-Headers is 'content-type'.");
  });
});
