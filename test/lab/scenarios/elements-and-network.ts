/**
 * Requests that are not plain fetch/XHR: CORS-mode elements (a `crossorigin` image, a web font,
 * never preflighted, reference §2.6), no-cors requests that CORS does not apply to, and failures
 * that are not CORS at all (a refused connection, a hang-up) or only look like it (a bare 502, §10).
 */
import type { Scenario } from '../scenario-types';
import { acam, acao, answer, ok, PAGE, preflighted, single } from './builders';

export const ELEMENT_AND_NETWORK_SCENARIOS: readonly Scenario[] = [
  {
    id: 'img-crossorigin-no-acao', group: 'blocked', title: 'crossorigin image without ACAO',
    demonstrates: 'An <img crossorigin> is a CORS request: without ACAO it does not load.',
    target: 'apiA', fire: { api: 'img', crossOrigin: 'anonymous' }, routes: single({ status: 200, body: 'png' }),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
  },
  {
    id: 'img-crossorigin-acao', group: 'allowed', title: 'crossorigin image with ACAO *',
    demonstrates: 'The passing twin: the image loads and a canvas may read it.',
    target: 'apiA', fire: { api: 'img', crossOrigin: 'anonymous' },
    routes: single({ status: 200, headers: [acao('*')], body: 'png' }),
    expect: { corsError: null },
  },
  {
    id: 'font-no-acao', group: 'blocked', title: 'Cross-origin web font without ACAO',
    demonstrates: 'Fonts from @font-face are always fetched in CORS mode.',
    target: 'apiA', fire: { api: 'font' }, routes: single({ status: 200, body: 'font' }),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
  },
  {
    id: 'font-acao', group: 'allowed', title: 'Cross-origin web font with ACAO *',
    demonstrates: 'The passing twin: the font loads.',
    target: 'apiA', fire: { api: 'font' }, routes: single({ status: 200, headers: [acao('*')], body: 'font' }),
    expect: { corsError: null },
  },
  {
    id: 'net-refused', group: 'network', title: 'Nothing listens on the port',
    demonstrates: 'A refused connection is not a CORS error, though fetch() fails the same way.',
    target: 'dead', fire: { api: 'fetch' }, routes: single(ok()),
    expect: { corsError: null, netError: 'net::ERR_CONNECTION_REFUSED' },
  },
  {
    id: 'net-refused-preflighted', group: 'network', title: 'Preflighted PUT to a dead port',
    demonstrates: 'The preflight cannot connect: the request fails without a CORS verdict.',
    target: 'dead', fire: { api: 'fetch', method: 'PUT', body: 'x' }, routes: single(ok()),
    expect: { corsError: null, netError: 'net::ERR_CONNECTION_REFUSED' },
  },
  {
    id: 'net-hang-up', group: 'network', title: 'Server closes the connection',
    demonstrates: 'An empty response is a network error, not CORS.',
    target: 'apiA', fire: { api: 'fetch' }, routes: single({ status: 200, hangUp: true }),
    expect: { corsError: null, netError: 'net::ERR_EMPTY_RESPONSE' },
  },
  {
    id: 'net-preflight-hang-up', group: 'network', title: 'Server closes the connection on OPTIONS',
    demonstrates: 'A preflight that fails at the network level.',
    target: 'apiA', fire: { api: 'fetch', method: 'PUT', body: 'x' },
    routes: preflighted({ status: 204, hangUp: true }, ok(acao(PAGE))),
    expect: { corsError: null, netError: 'net::ERR_EMPTY_RESPONSE', hits: { OPTIONS: 1, PUT: 0 } },
  },
  {
    id: 'net-502-no-cors', group: 'network', title: '502 from a proxy without CORS headers',
    demonstrates: 'The real failure is the 502; the browser reports the missing ACAO.',
    target: 'apiA', fire: { api: 'fetch' }, routes: single(answer(502)),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '', hits: { GET: 1 } },
  },
  {
    id: 'nocors-fetch', group: 'not-cors', title: 'fetch with mode: no-cors',
    demonstrates: 'No CORS check: the response is opaque (status 0, no body, no headers).',
    target: 'apiA', fire: { api: 'fetch', mode: 'no-cors' }, routes: single(ok()),
    expect: { corsError: null, status: 0 },
  },
  {
    id: 'nocors-img', group: 'not-cors', title: 'Plain <img> without crossorigin',
    demonstrates: 'A no-cors image loads without ACAO (but taints a canvas).',
    target: 'apiA', fire: { api: 'img' }, routes: single({ status: 200, body: 'png' }),
    expect: { corsError: null },
  },
  {
    id: 'same-origin-fetch', group: 'not-cors', title: 'fetch to the page\'s own origin',
    demonstrates: 'Same-origin requests are never checked.',
    target: 'page', fire: { api: 'fetch', method: 'PUT', body: 'x' }, routes: single(ok()),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 0, PUT: 1 } },
  },
  {
    id: 'beacon-text', group: 'not-cors', title: 'sendBeacon with a text body',
    demonstrates: 'A beacon with a safelisted body is sent in no-cors mode; the page never sees the answer.',
    target: 'apiA', fire: { api: 'beacon', body: 'ping' }, routes: single(ok()),
    expect: { corsError: null, hits: { POST: 1 } },
  },
  {
    id: 'pf-preflight-only-acam', group: 'preflighted', title: 'Preflight allows the method only',
    demonstrates: 'ACAM alone is not enough: the preflight also needs ACAO.',
    target: 'apiA', fire: { api: 'fetch', method: 'DELETE' }, routes: preflighted(answer(200, acam('DELETE'))),
    expect: { corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '', hits: { OPTIONS: 1, DELETE: 0 } },
  },
];
