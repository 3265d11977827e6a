import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/index';
import type { CredentialsMode } from '../../../src/core/index';
import { API_ORIGIN, PAGE, response, tx } from './cors/tx-builder';
import type { HeaderPairs } from './cors/tx-builder';

interface Row {
  readonly name: string;
  readonly headers: HeaderPairs;
  readonly credentials: CredentialsMode;
  readonly outcome: 'allowed' | 'blocked';
  readonly corsError?: string;
  readonly failedParameter?: string;
  readonly firefox?: string;
}

const acao = (v: string): readonly [string, string] => ['Access-Control-Allow-Origin', v];
const acac = (v: string): readonly [string, string] => ['Access-Control-Allow-Credentials', v];

describe('final response CORS check through evaluate() (reference §3 table)', () => {
  const rows: Row[] = [
    { name: 'no ACAO', headers: [], credentials: 'same-origin', outcome: 'blocked', corsError: 'MissingAllowOriginHeader', failedParameter: '', firefox: 'CORSMissingAllowOrigin' },
    { name: 'no ACAO with credentials', headers: [], credentials: 'include', outcome: 'blocked', corsError: 'MissingAllowOriginHeader', failedParameter: '', firefox: 'CORSMissingAllowOrigin' },
    { name: '* without credentials', headers: [acao('*')], credentials: 'same-origin', outcome: 'allowed' },
    { name: '* with omit', headers: [acao('*')], credentials: 'omit', outcome: 'allowed' },
    { name: '* with credentials', headers: [acao('*'), acac('true')], credentials: 'include', outcome: 'blocked', corsError: 'WildcardOriginNotAllowed', failedParameter: '', firefox: 'CORSNotSupportingCredentials' },
    { name: 'exact origin without credentials', headers: [acao(PAGE)], credentials: 'same-origin', outcome: 'allowed' },
    { name: 'exact origin with credentials, no ACAC', headers: [acao(PAGE)], credentials: 'include', outcome: 'blocked', corsError: 'InvalidAllowCredentials', failedParameter: '', firefox: 'CORSMissingAllowCredentials' },
    { name: 'exact origin with ACAC true', headers: [acao(PAGE), acac('true')], credentials: 'include', outcome: 'allowed' },
    { name: 'ACAC True', headers: [acao(PAGE), acac('True')], credentials: 'include', outcome: 'blocked', corsError: 'InvalidAllowCredentials', failedParameter: 'True' },
    { name: 'ACAC 1', headers: [acao(PAGE), acac('1')], credentials: 'include', outcome: 'blocked', corsError: 'InvalidAllowCredentials', failedParameter: '1' },
    { name: 'ACAC on two lines', headers: [acao(PAGE), acac('true'), acac('true')], credentials: 'include', outcome: 'blocked', corsError: 'InvalidAllowCredentials', failedParameter: 'true, true' },
    { name: 'trailing slash', headers: [acao(`${PAGE}/`)], credentials: 'same-origin', outcome: 'blocked', corsError: 'AllowOriginMismatch', failedParameter: `${PAGE}/`, firefox: 'CORSAllowOriginNotMatchingOrigin' },
    { name: 'a doubled port is not a URL at all', headers: [acao('http://127.0.0.1:4100:80')], credentials: 'same-origin', outcome: 'blocked', corsError: 'InvalidAllowOriginValue', failedParameter: 'http://127.0.0.1:4100:80' },
    { name: 'localhost instead of 127.0.0.1', headers: [acao('http://localhost:4100')], credentials: 'same-origin', outcome: 'blocked', corsError: 'AllowOriginMismatch', failedParameter: 'http://localhost:4100' },
    { name: 'null for a real origin', headers: [acao('null')], credentials: 'same-origin', outcome: 'blocked', corsError: 'AllowOriginMismatch', failedParameter: 'null' },
    { name: 'two identical ACAO lines', headers: [acao(PAGE), acao(PAGE)], credentials: 'same-origin', outcome: 'blocked', corsError: 'MultipleAllowOriginValues', failedParameter: `${PAGE}, ${PAGE}`, firefox: 'CORSMultipleAllowOriginNotAllowed' },
    { name: 'one line a, b', headers: [acao(`${PAGE}, https://b.example`)], credentials: 'same-origin', outcome: 'blocked', corsError: 'MultipleAllowOriginValues', failedParameter: `${PAGE}, https://b.example`, firefox: 'CORSAllowOriginNotMatchingOrigin' },
    { name: '* on two lines', headers: [acao('*'), acao('*')], credentials: 'same-origin', outcome: 'blocked', corsError: 'MultipleAllowOriginValues', failedParameter: '*, *' },
    { name: 'empty ACAO', headers: [acao('')], credentials: 'same-origin', outcome: 'blocked', corsError: 'InvalidAllowOriginValue', failedParameter: '', firefox: 'CORSAllowOriginNotMatchingOrigin' },
    { name: 'ACAO without scheme', headers: [acao('127.0.0.1:4100')], credentials: 'same-origin', outcome: 'blocked', corsError: 'InvalidAllowOriginValue', failedParameter: '127.0.0.1:4100' },
    { name: 'whitespace around the value is not part of it', headers: [acao(`  ${PAGE}\t`)], credentials: 'same-origin', outcome: 'allowed' },
    { name: 'header names are case-insensitive', headers: [['ACCESS-CONTROL-ALLOW-ORIGIN', PAGE]], credentials: 'same-origin', outcome: 'allowed' },
  ];

  it.each(rows)('$name → $outcome $corsError', ({ headers, credentials, outcome, corsError, failedParameter, firefox }) => {
    const v = evaluate(tx({ credentials, response: response(200, headers) }));
    expect(v.outcome).toBe(outcome);
    expect(v.corsError).toBe(corsError ?? null);
    expect(v.failedParameter).toBe(failedParameter ?? null);
    if (firefox !== undefined) expect(v.firefoxReason).toBe(firefox);
    if (outcome === 'blocked') expect(v.stage).toEqual({ kind: 'response' });
  });

  it('an explicit default port (:443) is a mismatch, blamed on the port', () => {
    const v = evaluate(tx({ initiator: 'https://app.example', url: 'https://api.example/x', response: response(200, [acao('https://app.example:443')]) }));
    expect(v.corsError).toBe('AllowOriginMismatch');
    expect(v.failedParameter).toBe('https://app.example:443');
    expect(v.origins?.allowOriginDiffers).toEqual(['port']);
  });

  it('a 500 with a correct ACAO is readable: status does not matter outside preflights', () => {
    const v = evaluate(tx({ response: response(500, [acao(PAGE)]) }));
    expect(v.outcome).toBe('allowed');
    expect(v.rootCause).toBeNull();
  });

  it('names the culprit header and what was expected against what came', () => {
    const v = evaluate(tx({ response: response(200, [acao(`${PAGE}/`)]) }));
    expect(v.header).toBe('access-control-allow-origin');
    expect(v.expected).toBe(PAGE);
    expect(v.actual).toBe(`${PAGE}/`);
    expect(v.origins?.allowOriginDiffers).toEqual(['path']);
    expect(v.origins?.crossOriginBy).toEqual(['port']);
    expect(v.origins?.target.serialized).toBe(API_ORIGIN);
  });

  it('the credentials culprit is Access-Control-Allow-Credentials', () => {
    const v = evaluate(tx({ credentials: 'include', response: response(200, [acao(PAGE), acac('True')]) }));
    expect(v.header).toBe('access-control-allow-credentials');
    expect(v.expected).toBe('true');
    expect(v.actual).toBe('True');
  });
});

describe('summary names the failed check and the actual value', () => {
  it.each([
    { name: 'trailing slash', pairs: [acao('http://localhost:3000/')], initiator: 'http://localhost:3000', text: "Access-Control-Allow-Origin 'http://localhost:3000/' has a trailing slash; the page origin 'http://localhost:3000' has none." },
    { name: 'missing', pairs: [], initiator: PAGE, text: `The response has no Access-Control-Allow-Origin header; the page origin '${PAGE}' needs one.` },
    { name: 'port', pairs: [acao('http://localhost:3001')], initiator: 'http://localhost:3000', text: "Access-Control-Allow-Origin 'http://localhost:3001' does not match the page origin 'http://localhost:3000' (port differs)." },
    { name: 'multiple', pairs: [acao('http://a.example, http://b.example')], initiator: PAGE, text: "Access-Control-Allow-Origin 'http://a.example, http://b.example' holds more than one value; exactly one origin is allowed." },
  ])('$name', ({ pairs, initiator, text }) => {
    const v = evaluate(tx({ initiator, url: 'http://localhost:8080/api', response: response(200, pairs) }));
    expect(v.summary).toBe(text);
  });
});
