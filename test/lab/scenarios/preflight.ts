/**
 * Preflighted requests: the OPTIONS answer fails each check of Chromium's order (reference §4.2),
 * plus the wildcard and Authorization rules (§4.4) and method case (§4.5). Hits show whether the
 * actual request ever reached the server (after a failed preflight it does not).
 */
import type { Fire, Scenario } from '../scenario-types';
import { acac, acah, acam, acao, answer, location, ok, PAGE, preflightAllowing, preflighted } from './builders';

const PUT: Fire = { api: 'fetch', method: 'PUT', body: 'x' };
const PUT_WITH_CREDENTIALS: Fire = { ...PUT, credentials: 'include' };
const CUSTOM_HEADER: Fire = { api: 'fetch', headers: { 'X-Custom': '1' } };
const CUSTOM_HEADER_WITH_CREDENTIALS: Fire = { ...CUSTOM_HEADER, credentials: 'include' };
const JSON_POST: Fire = { api: 'fetch', method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } };
const BLOCKED_BEFORE_SENDING = { OPTIONS: 1, PUT: 0 };

export const PREFLIGHT_SCENARIOS: readonly Scenario[] = [
  {
    id: 'pf-ok', group: 'preflighted', title: 'PUT with a good preflight',
    demonstrates: 'OPTIONS allows PUT from the page origin; the PUT follows.',
    target: 'apiA', fire: PUT, routes: preflighted(preflightAllowing('PUT')),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 1, PUT: 1 } },
  },
  ...[401, 403, 500].map((status): Scenario => ({
    id: `pf-status-${status}`, group: 'preflighted', title: `Preflight answered ${status}`,
    demonstrates: 'The preflight must answer 2xx (auth or routing rejected OPTIONS); the PUT is never sent.',
    target: 'apiA', fire: PUT, routes: preflighted(answer(status, acao(PAGE), acam('PUT'))),
    expect: { corsError: 'PreflightInvalidStatus', failedParameter: '', hits: BLOCKED_BEFORE_SENDING },
  })),
  {
    id: 'pf-status-405-no-acao', group: 'preflighted', title: 'Preflight 405 without CORS headers',
    demonstrates: 'Chromium checks ACAO before the status, so a bare 405 reports the missing header.',
    target: 'apiA', fire: PUT, routes: preflighted(answer(405)),
    expect: { corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-redirect', group: 'preflighted', title: 'Preflight answered with a redirect',
    demonstrates: 'Preflights never follow redirects (a trailing-slash or https redirect breaks them).',
    target: 'apiA', fire: PUT,
    routes: preflighted(answer(302, location('{A}/s/pf-redirect/next{QUERY}'), acao(PAGE), acam('PUT'))),
    expect: { corsError: 'PreflightDisallowedRedirect', failedParameter: '', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-missing-acao', group: 'preflighted', title: 'Preflight 204 without ACAO',
    demonstrates: 'The preflight response needs ACAO too.',
    target: 'apiA', fire: PUT, routes: preflighted(answer(204, acam('PUT'))),
    expect: { corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-acao-mismatch', group: 'preflighted', title: 'Preflight ACAO with a trailing slash',
    demonstrates: 'The origin check on the preflight has its own error names.',
    target: 'apiA', fire: PUT, routes: preflighted(answer(204, acao('{PAGE}/'), acam('PUT'))),
    expect: { corsError: 'PreflightAllowOriginMismatch', failedParameter: '{PAGE}/', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-acao-two-lines', group: 'preflighted', title: 'Preflight with two ACAO lines',
    demonstrates: 'A proxy and the app both answer OPTIONS with ACAO: the lines combine into "a, a" and fail.',
    target: 'apiA', fire: PUT, routes: preflighted(answer(204, acao(PAGE), acao(PAGE), acam('PUT'))),
    expect: { corsError: 'PreflightMultipleAllowOriginValues', failedParameter: '{PAGE}, {PAGE}', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-acao-bare-host', group: 'preflighted', title: 'Preflight ACAO without scheme or port',
    demonstrates: 'A host name alone does not parse as an origin, on the preflight too.',
    target: 'apiA', fire: PUT, routes: preflighted(answer(204, acao('localhost'), acam('PUT'))),
    expect: { corsError: 'PreflightInvalidAllowOriginValue', failedParameter: 'localhost', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-wildcard-credentials', group: 'preflighted', title: 'Credentialed preflight with ACAO *',
    demonstrates: 'The preflight is checked with the actual request\'s credentials mode.',
    target: 'apiA', fire: PUT_WITH_CREDENTIALS, routes: preflighted(answer(204, acao('*'), acac(), acam('PUT'))),
    expect: { corsError: 'PreflightWildcardOriginNotAllowed', failedParameter: '', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-no-acac-credentials', group: 'preflighted', title: 'Credentialed preflight without ACAC',
    demonstrates: 'ACAC: true is needed on the preflight as well as on the response.',
    target: 'apiA', fire: PUT_WITH_CREDENTIALS, routes: preflighted(preflightAllowing('PUT')),
    expect: { corsError: 'PreflightInvalidAllowCredentials', failedParameter: '', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-method-not-listed', group: 'preflighted', title: 'ACAM does not list PUT',
    demonstrates: 'The method must be in Access-Control-Allow-Methods.',
    target: 'apiA', fire: PUT, routes: preflighted(preflightAllowing('GET, POST')),
    expect: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-method-lowercase', group: 'preflighted', title: 'ACAM "put" for PUT',
    demonstrates: 'Methods compare case-sensitively.',
    target: 'apiA', fire: PUT, routes: preflighted(preflightAllowing('put')),
    expect: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-method-patch-lowercase', group: 'preflighted', title: 'fetch method "patch", ACAM PATCH',
    demonstrates: 'Only DELETE GET HEAD OPTIONS POST PUT are uppercased; "patch" is sent as written.',
    target: 'apiA', fire: { api: 'fetch', method: 'patch', body: 'x' }, routes: preflighted(preflightAllowing('PATCH')),
    expect: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'patch', hits: { OPTIONS: 1, patch: 0 } },
  },
  {
    id: 'pf-method-invalid-token', group: 'preflighted', title: 'ACAM with an invalid token',
    demonstrates: 'One element with a space inside spoils the whole header.',
    target: 'apiA', fire: PUT, routes: preflighted(preflightAllowing('PUT, DELETE PATCH')),
    expect: { corsError: 'InvalidAllowMethodsPreflightResponse', failedParameter: '', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-header-not-listed', group: 'preflighted', title: 'ACAH does not list X-Custom',
    demonstrates: 'Every non-safelisted request header must be allowed by name.',
    target: 'apiA', fire: CUSTOM_HEADER, routes: preflighted(preflightAllowing('GET', acah('X-Other'))),
    expect: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-custom', hits: { OPTIONS: 1, GET: 0 } },
  },
  {
    id: 'pf-header-invalid-token', group: 'preflighted', title: 'ACAH with an invalid token',
    demonstrates: 'A space inside an element makes the header unparsable.',
    target: 'apiA', fire: CUSTOM_HEADER, routes: preflighted(preflightAllowing('GET', acah('X-Custom, X Other'))),
    expect: { corsError: 'InvalidAllowHeadersPreflightResponse', failedParameter: '', hits: { OPTIONS: 1, GET: 0 } },
  },
  {
    id: 'pf-json-content-type', group: 'preflighted', title: 'JSON POST, Content-Type allowed',
    demonstrates: 'application/json makes a POST non-simple; ACAH must list content-type.',
    target: 'apiA', fire: JSON_POST, routes: preflighted(preflightAllowing('POST', acah('Content-Type'))),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 1, POST: 1 } },
  },
  {
    id: 'pf-json-content-type-missing', group: 'preflighted', title: 'JSON POST, Content-Type not allowed',
    demonstrates: 'The classic: the server allows POST but forgets the Content-Type header.',
    target: 'apiA', fire: JSON_POST, routes: preflighted(preflightAllowing('POST')),
    expect: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'content-type', hits: { OPTIONS: 1, POST: 0 } },
  },
  {
    id: 'pf-method-wildcard', group: 'preflighted', title: 'ACAM * without credentials',
    demonstrates: 'The wildcard allows any method when no credentials are involved.',
    target: 'apiA', fire: PUT, routes: preflighted(preflightAllowing('*')),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 1, PUT: 1 } },
  },
  {
    id: 'pf-method-wildcard-credentials', group: 'preflighted', title: 'ACAM * with credentials',
    demonstrates: 'With credentials "*" is only a method literally named "*".',
    target: 'apiA', fire: PUT_WITH_CREDENTIALS, routes: preflighted(preflightAllowing('*', acac())),
    expect: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-header-wildcard', group: 'preflighted', title: 'ACAH * without credentials',
    demonstrates: 'The wildcard allows any request header when no credentials are involved.',
    target: 'apiA', fire: CUSTOM_HEADER, routes: preflighted(preflightAllowing('GET', acah('*'))),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 1, GET: 1 } },
  },
  {
    id: 'pf-header-wildcard-credentials', group: 'preflighted', title: 'ACAH * with credentials',
    demonstrates: 'With credentials "*" is only a header literally named "*".',
    target: 'apiA', fire: CUSTOM_HEADER_WITH_CREDENTIALS,
    routes: preflighted(preflightAllowing('GET', acah('*'), acac()), ok(acao(PAGE), acac())),
    expect: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-custom', hits: { OPTIONS: 1, GET: 0 } },
  },
  {
    id: 'pf-authorization-wildcard', group: 'preflighted', title: 'Authorization covered by ACAH *',
    demonstrates: 'Chromium still lets * cover Authorization (the spec does not): passes with a deprecation warning.',
    target: 'apiA', fire: { api: 'fetch', headers: { Authorization: 'Bearer lab' } },
    routes: preflighted(preflightAllowing('GET', acah('*'))),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 1, GET: 1 } },
  },
  {
    id: 'pf-actual-missing-acao', group: 'preflighted', title: 'Preflight passes, response lacks ACAO',
    demonstrates: 'The actual response is checked again: the PUT ran on the server, then was hidden.',
    target: 'apiA', fire: PUT, routes: preflighted(preflightAllowing('PUT'), ok()),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '', hits: { OPTIONS: 1, PUT: 1 } },
  },
  {
    id: 'pf-xhr-put', group: 'preflighted', title: 'XHR PUT with a good preflight',
    demonstrates: 'XMLHttpRequest is preflighted the same way as fetch().',
    target: 'apiA', fire: { api: 'xhr', method: 'PUT', body: 'x' }, routes: preflighted(preflightAllowing('PUT')),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 1, PUT: 1 } },
  },
  {
    id: 'pf-xhr-method-not-listed', group: 'preflighted', title: 'XHR PUT, ACAM lacks PUT',
    demonstrates: 'The XHR twin of the method check.',
    target: 'apiA', fire: { api: 'xhr', method: 'PUT', body: 'x' }, routes: preflighted(preflightAllowing('GET')),
    expect: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT', hits: BLOCKED_BEFORE_SENDING },
  },
  {
    id: 'pf-slow-response-no-acao', group: 'preflighted', title: 'Slow response after a good preflight',
    demonstrates: 'The preflight passes at once; the response takes 1.5 s and lacks ACAO. A service-worker restart in between must not lose the pairing.',
    target: 'apiA', fire: { api: 'fetch', method: 'PUT', body: 'x' },
    routes: preflighted(answer(204, acao(PAGE), acam('PUT')), { status: 200, delayMs: 1500 }),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
  },
];
