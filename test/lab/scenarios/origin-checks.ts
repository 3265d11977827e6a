/**
 * The CORS check on a simple (non-preflighted) response: every way Access-Control-Allow-Origin can
 * fail (reference §3) and the passing twins. The page is `http://localhost:<port>`, the API
 * `http://127.0.0.1:<port>`, so "wrong host", "wrong port" and "wrong scheme" are all one edit away.
 */
import type { Scenario } from '../scenario-types';
import { acao, answer, ok, PAGE, single } from './builders';

const GET = { api: 'fetch' } as const;

export const ORIGIN_CHECK_SCENARIOS: readonly Scenario[] = [
  {
    id: 'acao-missing', group: 'blocked', title: 'No Access-Control-Allow-Origin',
    demonstrates: 'The server answered 200 but sent no ACAO: the browser hides the response.',
    target: 'apiA', fire: GET, routes: single(ok()),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
  },
  {
    id: 'acao-trailing-slash', group: 'blocked', title: 'ACAO with a trailing slash',
    demonstrates: 'An origin never ends with "/": the byte comparison fails.',
    target: 'apiA', fire: GET, routes: single(ok(acao('{PAGE}/'))),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: '{PAGE}/' },
  },
  {
    id: 'acao-port-mismatch', group: 'blocked', title: 'ACAO names another port',
    demonstrates: 'Same host, different port: a different origin (here the API\'s own port).',
    target: 'apiA', fire: GET, routes: single(ok(acao('http://localhost:{A_PORT}'))),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: 'http://localhost:{A_PORT}' },
  },
  {
    id: 'acao-https-scheme', group: 'blocked', title: 'ACAO says https, page is http',
    demonstrates: 'The scheme is part of the origin.',
    target: 'apiA', fire: GET, routes: single(ok(acao('https://localhost:{PAGE_PORT}'))),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: 'https://localhost:{PAGE_PORT}' },
  },
  {
    id: 'acao-uppercase-host', group: 'blocked', title: 'ACAO with an uppercase host',
    demonstrates: 'The comparison is byte-exact: LOCALHOST is not localhost.',
    target: 'apiA', fire: GET, routes: single(ok(acao('http://LOCALHOST:{PAGE_PORT}'))),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: 'http://LOCALHOST:{PAGE_PORT}' },
  },
  {
    id: 'acao-null', group: 'blocked', title: 'ACAO is "null" for a real origin',
    demonstrates: '"null" only matches an opaque origin (sandboxed frame, tainted redirect).',
    target: 'apiA', fire: GET, routes: single(ok(acao('null'))),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: 'null' },
  },
  {
    id: 'acao-two-lines', group: 'blocked', title: 'Two identical ACAO lines',
    demonstrates: 'Two layers (proxy + app) both add ACAO: the lines combine into "a, a" and fail.',
    target: 'apiA', fire: GET, routes: single(ok(acao(PAGE), acao(PAGE))),
    expect: { corsError: 'MultipleAllowOriginValues', failedParameter: '{PAGE}, {PAGE}' },
  },
  {
    id: 'acao-comma-list', group: 'blocked', title: 'ACAO lists two origins',
    demonstrates: 'ACAO holds exactly one origin; a list is never valid.',
    target: 'apiA', fire: GET, routes: single(ok(acao('{PAGE}, {B}'))),
    expect: { corsError: 'MultipleAllowOriginValues', failedParameter: '{PAGE}, {B}' },
  },
  {
    id: 'acao-empty', group: 'blocked', title: 'ACAO present but empty',
    demonstrates: 'An empty value is not an origin.',
    target: 'apiA', fire: GET, routes: single(ok(acao(''))),
    expect: { corsError: 'InvalidAllowOriginValue', failedParameter: '' },
  },
  {
    id: 'acao-bare-host', group: 'blocked', title: 'ACAO without scheme or port',
    demonstrates: 'A host name alone does not parse as an origin.',
    target: 'apiA', fire: GET, routes: single(ok(acao('localhost'))),
    expect: { corsError: 'InvalidAllowOriginValue', failedParameter: 'localhost' },
  },
  {
    id: 'acao-no-scheme', group: 'blocked', title: 'ACAO is host:port without scheme',
    demonstrates: '"localhost:port" parses as a URL with scheme "localhost", so it is a mismatch, not invalid.',
    target: 'apiA', fire: GET, routes: single(ok(acao('localhost:{PAGE_PORT}'))),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: 'localhost:{PAGE_PORT}' },
  },
  {
    id: 'xhr-acao-missing', group: 'blocked', title: 'XHR GET without ACAO',
    demonstrates: 'XMLHttpRequest is checked exactly like fetch().',
    target: 'apiA', fire: { api: 'xhr' }, routes: single(ok()),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
  },
  {
    id: 'simple-post-blocked', group: 'blocked', title: 'Simple POST blocked (but it ran)',
    demonstrates: 'A text/plain POST is not preflighted: the server ran it, then the browser hid the answer.',
    target: 'apiA', fire: { api: 'fetch', method: 'POST', body: 'hello', headers: { 'Content-Type': 'text/plain' } },
    routes: single(ok()),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '', hits: { POST: 1 } },
  },
  {
    id: 'acao-wildcard', group: 'allowed', title: 'ACAO *',
    demonstrates: 'The wildcard allows any origin for requests without credentials.',
    target: 'apiA', fire: GET, routes: single(ok(acao('*'))),
    expect: { corsError: null, status: 200 },
  },
  {
    id: 'acao-exact', group: 'allowed', title: 'ACAO echoes the page origin',
    demonstrates: 'The exact serialized origin passes.',
    target: 'apiA', fire: GET, routes: single(ok(acao(PAGE))),
    expect: { corsError: null, status: 200 },
  },
  {
    id: 'acao-on-500', group: 'allowed', title: 'A 500 with ACAO is readable',
    demonstrates: 'The status of the actual response does not matter to CORS; script sees the 500.',
    target: 'apiA', fire: GET, routes: single(answer(500, acao('*'))),
    expect: { corsError: null, status: 500 },
  },
  {
    id: 'xhr-acao-exact', group: 'allowed', title: 'XHR GET with exact ACAO',
    demonstrates: 'XMLHttpRequest passes with the exact origin.',
    target: 'apiA', fire: { api: 'xhr' }, routes: single(ok(acao(PAGE))),
    expect: { corsError: null, status: 200 },
  },
  {
    id: 'simple-post-allowed', group: 'allowed', title: 'Simple POST with ACAO',
    demonstrates: 'The passing twin of the blocked simple POST.',
    target: 'apiA', fire: { api: 'fetch', method: 'POST', body: 'hello', headers: { 'Content-Type': 'text/plain' } },
    routes: single(ok(acao(PAGE))),
    expect: { corsError: null, status: 200, hits: { POST: 1 } },
  },
];
