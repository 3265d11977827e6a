import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/index';
import type { ObservedRedirect } from '../../../src/core/index';
import { API, API_ORIGIN, OTHER_ORIGIN, PAGE, ok, preflight, redirect, response, tx } from './cors/tx-builder';

const ACAO = 'Access-Control-Allow-Origin';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';
const allowPage = [[ACAO, PAGE]] as const;

describe('redirect taint (reference §1): which Origin the final check compares against', () => {
  it.each([
    { name: 'O/x → A: Origin stays the page', first: `${PAGE}/x`, to: `${API_ORIGIN}/b`, acao: PAGE, outcome: 'allowed', tainted: false },
    { name: 'A → A/y: Origin stays the page', first: API, to: `${API_ORIGIN}/y`, acao: PAGE, outcome: 'allowed', tainted: false },
    { name: 'A → B: the page origin no longer matches', first: API, to: `${OTHER_ORIGIN}/b`, acao: PAGE, outcome: 'blocked', tainted: true },
    { name: 'A → B: ACAO null matches', first: API, to: `${OTHER_ORIGIN}/b`, acao: 'null', outcome: 'allowed', tainted: true },
    { name: 'A → B: ACAO * matches', first: API, to: `${OTHER_ORIGIN}/b`, acao: '*', outcome: 'allowed', tainted: true },
    { name: 'A → O: back on the page origin, still needs null', first: API, to: `${PAGE}/back`, acao: PAGE, outcome: 'blocked', tainted: true },
    { name: 'A → O: ACAO null matches', first: API, to: `${PAGE}/back`, acao: 'null', outcome: 'allowed', tainted: true },
  ])('$name', ({ first, to, acao, outcome, tainted }) => {
    const v = evaluate(tx({ url: first, redirects: [redirect(first, to, 302, allowPage)], response: ok(acao) }));
    expect(v.outcome).toBe(outcome);
    expect(v.origins?.originSent).toBe(tainted ? 'null' : PAGE);
    expect(v.findings.some((f) => f.code === 'tainted-origin-null')).toBe(tainted);
    if (outcome === 'blocked') {
      expect(v.corsError).toBe('AllowOriginMismatch');
      expect(v.expected).toBe('null');
      expect(v.summary).toContain("the Origin 'null' sent after a cross-origin redirect");
    }
  });

  it('A → O with no ACAO at all is still a CORS failure (tainting stays cors)', () => {
    const v = evaluate(tx({ redirects: [redirect(API, `${PAGE}/back`, 302, allowPage)], response: response(200, []) }));
    expect(v.corsError).toBe('MissingAllowOriginHeader');
  });

  it('tainted with credentials: ACAO null plus ACAC true passes', () => {
    const v = evaluate(tx({ credentials: 'include', redirects: [redirect(API, `${OTHER_ORIGIN}/b`, 302, [[ACAO, PAGE], ['Access-Control-Allow-Credentials', 'true']])], response: ok('null', [['Access-Control-Allow-Credentials', 'true']]) }));
    expect(v.outcome).toBe('allowed');
  });
});

describe('checks on the redirect response (reference §5, OnReceiveRedirect order)', () => {
  it('a cross-origin redirect response needs ACAO itself', () => {
    const v = evaluate(tx({ redirects: [redirect(API, `${API_ORIGIN}/b`)] }));
    expect(v.corsError).toBe('MissingAllowOriginHeader');
    expect(v.stage).toEqual({ kind: 'redirect', hop: 0 });
    expect(v.reachedServer).toBe(true);
  });

  it('a same-origin redirect response is not CORS-checked', () => {
    const v = evaluate(tx({ url: `${PAGE}/x`, redirects: [redirect(`${PAGE}/x`, API)] }));
    expect(v.outcome).toBe('allowed');
  });

  it('the failing redirect is named by its hop', () => {
    const v = evaluate(tx({ redirects: [redirect(API, `${API_ORIGIN}/b`, 302, allowPage), redirect(`${API_ORIGIN}/b`, `${API_ORIGIN}/c`)] }));
    expect(v.stage).toEqual({ kind: 'redirect', hop: 1 });
  });

  it('a redirect response with credentials needs ACAC', () => {
    const v = evaluate(tx({ credentials: 'include', redirects: [redirect(API, `${API_ORIGIN}/b`, 302, allowPage)] }));
    expect(v.corsError).toBe('InvalidAllowCredentials');
    expect(v.stage).toEqual({ kind: 'redirect', hop: 0 });
  });

  it.each([
    { name: 'cross-origin hop to a URL with credentials', first: API, to: 'http://user:pass@127.0.0.1:4102/b' },
    { name: 'same-origin hop to a cross-origin URL with credentials', first: `${PAGE}/x`, to: 'http://user:pass@127.0.0.1:4101/b' },
    { name: 'a user name alone is enough', first: API, to: 'http://user@127.0.0.1:4101/b' },
  ])('RedirectContainsCredentials: $name', ({ first, to }) => {
    const v = evaluate(tx({ url: first, redirects: [redirect(first, to, 302, allowPage)] }));
    expect(v.corsError).toBe('RedirectContainsCredentials');
    expect(v.failedParameter).toBe('');
    expect(v.actual).toBe(to);
  });

  it('a redirect Chromium refused to follow shows as a 3xx final response: judged as a redirect', () => {
    const v = evaluate(tx({
      response: response(302, [['Location', 'http://user:pass@127.0.0.1:4102/next'], [ACAO, PAGE]]),
      netError: 'net::ERR_FAILED', completed: true,
    }));
    expect(v.corsError).toBe('RedirectContainsCredentials');
    expect(v.stage).toEqual({ kind: 'redirect', hop: 0 });
  });

  it('a 3xx the browser delivered (redirect: manual) stays a response', () => {
    const v = evaluate(tx({ response: response(302, [['Location', `${OTHER_ORIGIN}/x`], [ACAO, PAGE]]), completed: true }));
    expect(v.outcome).toBe('allowed');
    expect(v.origins?.target.serialized).toBe(API_ORIGIN);
    expect(v.findings.map((f) => f.code)).not.toContain('verdict-reconciled');
  });

  it('a same-origin hop to a same-origin URL with credentials is fine (and not CORS)', () => {
    const v = evaluate(tx({ url: `${PAGE}/x`, redirects: [redirect(`${PAGE}/x`, 'http://u:p@127.0.0.1:4100/y')] }));
    expect(v.outcome).toBe('not-cors');
  });

  function chain(count: number, withAcao: boolean): ObservedRedirect[] {
    return Array.from({ length: count }, (_, i) => redirect(`${API_ORIGIN}/${i}`, `${API_ORIGIN}/${i + 1}`, 302, withAcao ? allowPage : []));
  }

  it('20 redirects are fine', () => {
    expect(evaluate(tx({ url: `${API_ORIGIN}/0`, redirects: chain(20, true) })).outcome).toBe('allowed');
  });

  it('the 21st redirect is a network error without a CORS code', () => {
    const v = evaluate(tx({ url: `${API_ORIGIN}/0`, redirects: chain(21, true), response: null }));
    expect(v.outcome).toBe('network-error');
    expect(v.corsError).toBeNull();
    expect(v.rootCause).toEqual({ kind: 'too-many-redirects' });
  });

  it('the CORS check on the 21st redirect comes before the count', () => {
    const redirects = [...chain(20, true), redirect(`${API_ORIGIN}/20`, `${API_ORIGIN}/21`)];
    const v = evaluate(tx({ url: `${API_ORIGIN}/0`, redirects, response: null }));
    expect(v.corsError).toBe('MissingAllowOriginHeader');
    expect(v.stage).toEqual({ kind: 'redirect', hop: 20 });
  });

  it.each([
    { name: 'an unparsable Location', location: 'http://[' },
    { name: 'a data: Location', location: 'data:text/plain,hi' },
    { name: 'a file: Location', location: 'file:///etc/passwd' },
  ])('$name is a network error', ({ location }) => {
    const v = evaluate(tx({ redirects: [redirect(API, location, 302, allowPage)], response: null }));
    expect(v.outcome).toBe('network-error');
    expect(v.rootCause).toEqual({ kind: 'invalid-redirect', location });
  });

  it('a relative Location resolves against the hop URL', () => {
    const v = evaluate(tx({ redirects: [redirect(API, '/other', 302, allowPage)] }));
    expect(v.outcome).toBe('allowed');
    expect(v.origins?.target.serialized).toBe(API_ORIGIN);
    expect(v.origins?.originSent).toBe(PAGE);
  });

  it('an observed Origin header at a later hop is ground truth', () => {
    const v = evaluate(tx({ redirects: [redirect(API, `${API_ORIGIN}/b`, 302, allowPage, { nextRequestHeaders: [{ name: 'Origin', value: 'null' }] })], response: ok('null') }));
    expect(v.outcome).toBe('allowed');
    expect(v.origins?.originSent).toBe('null');
  });
});

describe('mode and method across redirects', () => {
  it('same-origin mode redirected cross-origin: DisallowedByMode at the new hop', () => {
    const v = evaluate(tx({ url: `${PAGE}/x`, requestHeaders: [['Sec-Fetch-Mode', 'same-origin']], noOrigin: true, redirects: [redirect(`${PAGE}/x`, API)] }));
    expect(v.corsError).toBe('DisallowedByMode');
    expect(v.stage).toEqual({ kind: 'request', hop: 1 });
    expect(v.firefoxReason).toBeNull();
  });

  it('same-origin mode to a cross-origin URL fails at once', () => {
    const v = evaluate(tx({ mode: 'same-origin', response: null }));
    expect(v.corsError).toBe('DisallowedByMode');
    expect(v.stage).toEqual({ kind: 'request', hop: 0 });
    expect(v.reachedServer).toBe(false);
  });

  it('same-origin mode staying same-origin is not CORS', () => {
    expect(evaluate(tx({ mode: 'same-origin', url: `${PAGE}/x` })).outcome).toBe('not-cors');
  });

  it.each([
    { name: '301 turns POST into GET and drops Content-Type: no preflight after it', status: 301, method: 'POST', required: false },
    { name: '302 does the same', status: 302, method: 'POST', required: false },
    { name: '303 turns PUT into GET', status: 303, method: 'PUT', required: false },
    { name: '307 keeps the method and body: a preflight is needed', status: 307, method: 'POST', required: true },
    { name: '308 keeps PUT', status: 308, method: 'PUT', required: true },
  ])('$name', ({ status, method, required }) => {
    const v = evaluate(tx({
      url: `${PAGE}/form`, method, requestHeaders: [['Content-Type', 'application/json']],
      redirects: [redirect(`${PAGE}/form`, API, status)],
    }));
    expect(v.preflight.required).toBe(required);
  });

  it('a preflight at a later hop that fails: stage preflight of that hop', () => {
    const v = evaluate(tx({
      method: 'PUT', preflight: preflight({ headers: [[ACAO, PAGE], [ACAM, 'PUT']] }),
      redirects: [redirect(API, `${API_ORIGIN}/b`, 307, allowPage, { nextPreflight: preflight({ url: `${API_ORIGIN}/b`, headers: [[ACAO, PAGE]] }) })],
      response: null,
    }));
    expect(v.corsError).toBe('MethodDisallowedByPreflightResponse');
    expect(v.stage).toEqual({ kind: 'preflight', hop: 1 });
    expect(v.reachedServer).toBe(true);
  });

  it('after a tainting hop the new preflight is checked against null', () => {
    const v = evaluate(tx({
      method: 'PUT', preflight: preflight({ headers: [[ACAO, PAGE], [ACAM, 'PUT']] }),
      redirects: [redirect(API, `${OTHER_ORIGIN}/b`, 307, allowPage, { nextPreflight: preflight({ origin: 'null', url: `${OTHER_ORIGIN}/b`, headers: [[ACAO, PAGE], [ACAM, 'PUT']] }) })],
      response: null,
    }));
    expect(v.corsError).toBe('PreflightAllowOriginMismatch');
    expect(v.failedParameter).toBe(PAGE);
    expect(v.expected).toBe('null');
  });

  it('Authorization is dropped on a cross-origin hop, so the next hop needs no preflight', () => {
    const v = evaluate(tx({
      requestHeaders: [['Authorization', 'Bearer t']],
      preflight: preflight({ method: 'GET', requestHeaders: 'authorization', headers: [[ACAO, PAGE], [ACAH, 'authorization']] }),
      redirects: [redirect(API, `${OTHER_ORIGIN}/b`, 302, allowPage)],
      response: ok('*'),
    }));
    expect(v.outcome).toBe('allowed');
    expect(v.findings.map((f) => f.code)).not.toContain('served-from-preflight-cache');
  });

  it('no-cors requests are not judged even across redirects', () => {
    const v = evaluate(tx({ resourceType: 'image', noOrigin: true, redirects: [redirect(API, `${OTHER_ORIGIN}/b`)], response: response(200, []) }));
    expect(v.outcome).toBe('not-cors');
  });
});
