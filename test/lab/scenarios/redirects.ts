/**
 * Redirects of the actual request (reference §1 redirect-taint, §5). Every 3xx carries ACAO for the
 * page origin unless the scenario is about its absence, because the redirect response is checked too.
 * A hop to another origin taints the request: from then on Origin is `null`.
 */
import type { Fire, Scenario } from '../scenario-types';
import { acam, acao, answer, ok, PAGE, preflightAllowing, redirectTo } from './builders';

const PUT: Fire = { api: 'fetch', method: 'PUT', body: 'x' };
const REDIRECT_OK = [acao(PAGE)];

export const REDIRECT_SCENARIOS: readonly Scenario[] = [
  {
    id: 'redir-same-origin', group: 'redirected', title: 'Redirect within the API origin',
    demonstrates: 'A same-origin hop keeps the page origin in Origin.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: redirectTo('redir-same-origin', '{A}', 302, REDIRECT_OK, { response: ok(acao(PAGE)) }),
    expect: { corsError: null, status: 200, hits: { GET: 2 } },
  },
  {
    id: 'redir-cross-origin-null', group: 'redirected', title: 'Cross-origin hop, target allows "null"',
    demonstrates: 'After A→B the Origin is "null"; ACAO "null" matches it.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: redirectTo('redir-cross-origin-null', '{B}', 302, REDIRECT_OK, { response: ok(acao('null')) }),
    expect: { corsError: null, status: 200 },
  },
  {
    id: 'redir-cross-origin-wildcard', group: 'redirected', title: 'Cross-origin hop, target allows *',
    demonstrates: 'The wildcard works for a tainted origin too.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: redirectTo('redir-cross-origin-wildcard', '{B}', 302, REDIRECT_OK, { response: ok(acao('*')) }),
    expect: { corsError: null, status: 200 },
  },
  {
    id: 'redir-cross-origin-page-origin', group: 'redirected', title: 'Cross-origin hop, target echoes the page',
    demonstrates: 'The server echoes the page origin, but the browser sent "null": mismatch.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: redirectTo('redir-cross-origin-page-origin', '{B}', 302, REDIRECT_OK, { response: ok(acao(PAGE)) }),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: '{PAGE}' },
  },
  {
    id: 'redir-back-to-page', group: 'redirected', title: 'API redirects back to the page origin',
    demonstrates: 'Even the page\'s own origin is cross-origin after a detour: it needs ACAO "null" or *.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: redirectTo('redir-back-to-page', '{PAGE}', 302, REDIRECT_OK, { response: ok() }),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
  },
  {
    id: 'redir-userinfo', group: 'redirected', title: 'Redirect to a URL with user:pass@',
    demonstrates: 'A cross-origin redirect may not carry credentials in the URL.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: redirectTo('redir-userinfo', 'http://user:pass@127.0.0.1:{B_PORT}', 302, REDIRECT_OK, { response: ok(acao('*')) }),
    expect: { corsError: 'RedirectContainsCredentials', failedParameter: '', hits: { GET: 1 } },
  },
  {
    id: 'redir-without-acao', group: 'redirected', title: 'The 302 itself has no ACAO',
    demonstrates: 'The redirect response must pass the CORS check before it is followed.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: redirectTo('redir-without-acao', '{A}', 302, [], { response: ok(acao(PAGE)) }),
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '', hits: { GET: 1 } },
  },
  {
    id: 'redir-303-post-to-get', group: 'redirected', title: '303 turns POST into GET',
    demonstrates: 'After a 303 the browser follows with GET and drops the body.',
    target: 'apiA', fire: { api: 'fetch', method: 'POST', body: 'hello', headers: { 'Content-Type': 'text/plain' } },
    routes: redirectTo('redir-303-post-to-get', '{A}', 303, REDIRECT_OK, { response: ok(acao(PAGE)) }),
    expect: { corsError: null, status: 200, hits: { POST: 1, GET: 1 } },
  },
  {
    id: 'redir-preflighted-ok', group: 'redirected', title: 'Preflighted PUT redirected to another origin',
    demonstrates: 'The new URL gets its own preflight, sent with Origin "null".',
    target: 'apiA', fire: PUT,
    routes: redirectTo('redir-preflighted-ok', '{B}', 307, REDIRECT_OK,
      { preflight: answer(204, acao('*'), acam('PUT')), response: ok(acao('*')) },
      { preflight: preflightAllowing('PUT') }),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 2, PUT: 2 } },
  },
  {
    id: 'redir-preflighted-fails', group: 'redirected', title: 'Redirected PUT, second preflight lacks ACAO',
    demonstrates: 'The second origin must answer its preflight too.',
    target: 'apiA', fire: PUT,
    routes: redirectTo('redir-preflighted-fails', '{B}', 307, REDIRECT_OK,
      { preflight: answer(204, acam('PUT')), response: ok(acao('*')) },
      { preflight: preflightAllowing('PUT') }),
    expect: { corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '', hits: { OPTIONS: 2, PUT: 1 } },
  },
];
