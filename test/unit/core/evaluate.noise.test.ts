import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/index';
import { explain } from '../../../src/core/advice';
import { PAGE, response, tx } from './cors/tx-builder';

/** Findings must be signal: what a developer should act on, not what every response has. */
describe('findings without noise', () => {
  it('does not call connection and policy headers "hidden from JavaScript"', () => {
    const v = evaluate(tx({ response: response(200, [
      ['Access-Control-Allow-Origin', '*'], ['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=5'], ['Date', 'Sat, 21 Nov 2026 22:00:00 GMT'],
      ['Transfer-Encoding', 'chunked'], ['Server', 'nginx'], ['Strict-Transport-Security', 'max-age=1'], ['X-Total-Count', '3'],
    ]) }));
    expect(v.findings.find((f) => f.code === 'headers-not-exposed')?.subjects).toEqual(['x-total-count']);
  });

  it.each([
    ['no Cache-Control: info', null, 'info'],
    ['Cache-Control: no-store: info', 'no-store', 'info'],
    ['Cache-Control: private, max-age=600: info', 'private, max-age=600', 'info'],
    ['Cache-Control: max-age=0: info', 'max-age=0', 'info'],
    ['Cache-Control: public, max-age=600: warning', 'public, max-age=600', 'warning'],
    ['Cache-Control: max-age=3600: warning', 'max-age=3600', 'warning'],
    ['Cache-Control: s-maxage=60: warning', 's-maxage=60', 'warning'],
  ] as const)('echoed origin without Vary: Origin, %s', (_name, cacheControl, severity) => {
    const pairs: [string, string][] = [['Access-Control-Allow-Origin', PAGE]];
    if (cacheControl !== null) pairs.push(['Cache-Control', cacheControl]);
    const v = evaluate(tx({ response: response(200, pairs) }));
    expect(v.outcome).toBe('allowed');
    expect(v.findings.find((f) => f.code === 'reflected-origin-without-vary')?.severity).toBe(severity);
  });

  it('says "the Origin the browser sent: null" after a tainting redirect, not "the page origin null"', () => {
    const base = tx({});
    const observed = {
      ...base,
      request: { ...base.request, url: 'http://127.0.0.1:4101/r' },
      redirects: [{ url: 'http://127.0.0.1:4101/r', status: 302, headers: [{ name: 'Access-Control-Allow-Origin', value: PAGE }, { name: 'Location', value: 'http://127.0.0.1:4102/t' }], location: 'http://127.0.0.1:4102/t' }],
      response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: PAGE }] },
      netError: 'net::ERR_FAILED',
      completed: true,
    };
    const v = evaluate(observed);
    expect(v.corsError).toBe('AllowOriginMismatch');
    const { title } = explain(v, observed);
    expect(title).toContain('the Origin the browser sent: null');
    expect(title).not.toContain('page origin null');
  });
});

describe('advice for a request that passed', () => {
  it('keeps a working Access-Control-Allow-Origin: * instead of advising an exact origin and Vary', () => {
    const observed = tx({ response: response(200, [['Access-Control-Allow-Origin', '*']]) });
    const v = evaluate(observed);
    expect(v.outcome).toBe('allowed');
    const headers = explain(v, observed).requiredHeaders.map((h) => `${h.name}: ${h.value}`);
    expect(headers).toContain('Access-Control-Allow-Origin: *');
    expect(headers.some((h) => h.startsWith('Vary'))).toBe(false);
  });
});

describe('advice keeps what a passing response relies on', () => {
  it('keeps Access-Control-Allow-Credentials: true when the mode is unknown and the server sends it', () => {
    const observed = tx({ response: response(200, [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Credentials', 'true']]) });
    const v = evaluate(observed);
    expect(v.outcome).toBe('allowed');
    expect(v.credentials).toBe('unknown');
    const headers = explain(v, observed).requiredHeaders.map((h) => `${h.name}: ${h.value}`);
    expect(headers).toEqual(expect.arrayContaining([`Access-Control-Allow-Origin: ${PAGE}`, 'Access-Control-Allow-Credentials: true']));
  });
});
