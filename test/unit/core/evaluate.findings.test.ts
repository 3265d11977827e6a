import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/index';
import type { Finding, Verdict } from '../../../src/core/index';
import { PAGE, ok, preflight, response, tx } from './cors/tx-builder';
import type { HeaderPairs } from './cors/tx-builder';

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAM = 'Access-Control-Allow-Methods';

function finding(v: Verdict, code: Finding['code']): Finding | undefined {
  return v.findings.find((f) => f.code === code);
}

interface PairsRow {
  readonly name: string;
  readonly pairs: HeaderPairs;
}

describe('headers-not-exposed (reference §6)', () => {
  it.each<PairsRow & { credentials: 'omit' | 'include'; hidden: string[] | null }>([
    { name: 'a custom header without ACEH', pairs: [[ACAO, '*'], ['X-Total-Count', '3'], ['Content-Type', 'text/plain']], credentials: 'omit', hidden: ['x-total-count'] },
    { name: 'listed in ACEH', pairs: [[ACAO, '*'], ['X-Total-Count', '3'], ['Access-Control-Expose-Headers', 'X-Total-Count']], credentials: 'omit', hidden: null },
    { name: 'ACEH * without credentials exposes all', pairs: [[ACAO, '*'], ['X-Total-Count', '3'], ['Access-Control-Expose-Headers', '*']], credentials: 'omit', hidden: null },
    { name: 'ACEH * with credentials exposes nothing extra', pairs: [[ACAO, PAGE], [ACAC, 'true'], ['X-Total-Count', '3'], ['Access-Control-Expose-Headers', '*']], credentials: 'include', hidden: ['x-total-count'] },
    { name: 'an invalid ACEH token kills the list', pairs: [[ACAO, '*'], ['X-A', '1'], ['Access-Control-Expose-Headers', 'x-a, no no']], credentials: 'omit', hidden: ['x-a'] },
    { name: 'names are listed sorted and lowercased', pairs: [[ACAO, '*'], ['X-B', '1'], ['x-a', '1'], ['ETag', '"1"']], credentials: 'omit', hidden: ['etag', 'x-a', 'x-b'] },
  ])('$name', ({ pairs, credentials, hidden }) => {
    const v = evaluate(tx({ credentials, response: response(200, pairs) }));
    expect(v.outcome).toBe('allowed');
    expect(finding(v, 'headers-not-exposed')?.subjects ?? null).toEqual(hidden);
  });

  it('credentials unknown: headers only * exposes are named, since credentials would hide them', () => {
    const v = evaluate(tx({ response: response(200, [[ACAO, PAGE], [ACAC, 'true'], ['X-Request-Id', '1'], ['Access-Control-Expose-Headers', '*']]) }));
    expect(v.credentials).toBe('unknown');
    const f = finding(v, 'headers-not-exposed');
    expect(f?.subjects).toEqual(['x-request-id']);
    expect(f?.message).toContain('If this request carries credentials');
  });

  it('not reported for a blocked response', () => {
    const v = evaluate(tx({ response: response(200, [['X-Total-Count', '3']]) }));
    expect(finding(v, 'headers-not-exposed')).toBeUndefined();
  });
});

describe('reflected origin', () => {
  it.each<PairsRow & { warn: boolean }>([
    { name: 'echoed origin without Vary', pairs: [[ACAO, PAGE]], warn: true },
    { name: 'Vary: Origin', pairs: [[ACAO, PAGE], ['Vary', 'Origin']], warn: false },
    { name: 'Vary listing Origin among others, any case', pairs: [[ACAO, PAGE], ['Vary', 'Accept-Encoding, origin']], warn: false },
    { name: 'Vary on two lines', pairs: [[ACAO, PAGE], ['Vary', 'Accept-Encoding'], ['Vary', 'Origin']], warn: false },
    { name: 'Vary: *', pairs: [[ACAO, PAGE], ['Vary', '*']], warn: false },
    { name: 'ACAO * is not a reflection', pairs: [[ACAO, '*']], warn: false },
    { name: 'a mismatching ACAO is not a reflection', pairs: [[ACAO, 'https://x.example']], warn: false },
  ])('$name → without-vary warning: $warn', ({ pairs, warn }) => {
    const v = evaluate(tx({ credentials: 'same-origin', response: response(200, pairs) }));
    expect(finding(v, 'reflected-origin-without-vary') !== undefined).toBe(warn);
  });

  it('echoed origin with credentials allowed is a security smell', () => {
    const v = evaluate(tx({ credentials: 'include', response: ok(PAGE, [[ACAC, 'true'], ['Vary', 'Origin']]) }));
    expect(v.outcome).toBe('allowed');
    expect(finding(v, 'reflected-origin-with-credentials')?.severity).toBe('warning');
    expect(finding(v, 'reflected-origin-without-vary')).toBeUndefined();
  });

  it('no credentials smell without ACAC true', () => {
    const v = evaluate(tx({ credentials: 'same-origin', response: ok(PAGE, [['Vary', 'Origin']]) }));
    expect(finding(v, 'reflected-origin-with-credentials')).toBeUndefined();
  });
});

describe('preflight-cache (reference §4.6, Chromium column)', () => {
  it.each([
    { name: 'Max-Age 600', maxAge: '600', seconds: 600 },
    { name: 'no Max-Age: 5 s', maxAge: undefined, seconds: 5 },
    { name: 'above the 7200 s cap', maxAge: '86400', seconds: 7200 },
    { name: 'negative: not reusable', maxAge: '-1', seconds: 0 },
    { name: 'unparsable: 5 s', maxAge: 'soon', seconds: 5 },
  ])('$name', ({ maxAge, seconds }) => {
    const pfHeaders: HeaderPairs = [[ACAO, PAGE], [ACAM, 'PUT'], ...(maxAge === undefined ? [] : [['Access-Control-Max-Age', maxAge] as const])];
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ headers: pfHeaders, completedAt: 10_000 }) }));
    const f = finding(v, 'preflight-cache');
    expect(f?.maxAgeSeconds).toBe(seconds);
    expect(f?.expiresAt).toBe(10_000 + seconds * 1000);
  });

  it('expiry is unknown without the completion time', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ headers: [[ACAO, PAGE], [ACAM, 'PUT']] }) }));
    expect(finding(v, 'preflight-cache')?.expiresAt).toBeNull();
  });

  it('a failed preflight is not cached', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ headers: [[ACAO, PAGE]] }), response: null }));
    expect(finding(v, 'preflight-cache')).toBeUndefined();
  });
});

describe('side effects of a blocked request', () => {
  it.each([
    { name: 'a blocked POST ran on the server', method: 'POST', warn: true },
    { name: 'a blocked DELETE that was preflighted and passed ran too', method: 'DELETE', warn: true },
    { name: 'a blocked GET changes nothing worth warning about', method: 'GET', warn: false },
    { name: 'HEAD neither', method: 'HEAD', warn: false },
  ])('$name', ({ method, warn }) => {
    const pf = method === 'DELETE' ? preflight({ method, headers: [[ACAO, PAGE], [ACAM, 'DELETE']] }) : null;
    const v = evaluate(tx({ method, credentials: 'same-origin', preflight: pf, response: response(200, []) }));
    expect(v.outcome).toBe('blocked');
    expect(finding(v, 'request-reached-server') !== undefined).toBe(warn);
  });

  it('a request stopped by its preflight never reached the server: no warning', () => {
    const v = evaluate(tx({ method: 'PUT', preflight: preflight({ headers: [] }), response: null }));
    expect(finding(v, 'request-reached-server')).toBeUndefined();
  });

  it.each<PairsRow & { credentials: 'include' | 'same-origin'; stored: boolean }>([
    { name: 'credentialed blocked response with Set-Cookie', credentials: 'include', pairs: [[ACAO, '*'], ['Set-Cookie', 'sid=1']], stored: true },
    { name: 'without credentials cookies are not stored', credentials: 'same-origin', pairs: [['Set-Cookie', 'sid=1']], stored: false },
    { name: 'no Set-Cookie, nothing stored', credentials: 'include', pairs: [[ACAO, '*']], stored: false },
  ])('$name', ({ credentials, pairs, stored }) => {
    const v = evaluate(tx({ credentials, response: response(200, pairs) }));
    expect(v.outcome).toBe('blocked');
    expect(finding(v, 'cookies-stored-despite-block') !== undefined).toBe(stored);
  });
});

describe('tainted-origin-null', () => {
  it('names the hop that tainted the request', () => {
    const v = evaluate(tx({
      redirects: [{ url: 'http://127.0.0.1:4101/api', status: 302, headers: [{ name: ACAO, value: PAGE }], location: 'http://127.0.0.1:4102/b' }],
      response: ok('*'),
    }));
    const f = finding(v, 'tainted-origin-null');
    expect(f?.message).toContain('http://127.0.0.1:4101 to http://127.0.0.1:4102');
    expect(f?.subjects).toEqual(['null']);
  });
});
