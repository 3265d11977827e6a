/**
 * Credentialed requests (fetch `credentials: 'include'`, XHR `withCredentials`, `crossorigin=use-credentials`):
 * the wildcard stops working and Access-Control-Allow-Credentials must be exactly `true` (reference §3 steps 3, 6).
 */
import type { Scenario } from '../scenario-types';
import { acac, acao, ok, PAGE, single } from './builders';

const INCLUDE = { api: 'fetch', credentials: 'include' } as const;

export const CREDENTIAL_SCENARIOS: readonly Scenario[] = [
  {
    id: 'cred-wildcard', group: 'credentialed', title: 'Credentials with ACAO *',
    demonstrates: 'With credentials the wildcard is refused; the server must echo the origin.',
    target: 'apiA', fire: INCLUDE, routes: single(ok(acao('*'), acac())),
    expect: { corsError: 'WildcardOriginNotAllowed', failedParameter: '' },
  },
  {
    id: 'cred-no-acac', group: 'credentialed', title: 'Credentials, exact ACAO, no ACAC',
    demonstrates: 'The origin matches but Access-Control-Allow-Credentials: true is missing.',
    target: 'apiA', fire: INCLUDE, routes: single(ok(acao(PAGE))),
    expect: { corsError: 'InvalidAllowCredentials', failedParameter: '' },
  },
  {
    id: 'cred-acac-capital-true', group: 'credentialed', title: 'ACAC "True"',
    demonstrates: 'ACAC is case-sensitive: only lowercase "true" counts.',
    target: 'apiA', fire: INCLUDE, routes: single(ok(acao(PAGE), acac('True'))),
    expect: { corsError: 'InvalidAllowCredentials', failedParameter: 'True' },
  },
  {
    id: 'cred-acac-one', group: 'credentialed', title: 'ACAC "1"',
    demonstrates: '"1" is not "true".',
    target: 'apiA', fire: INCLUDE, routes: single(ok(acao(PAGE), acac('1'))),
    expect: { corsError: 'InvalidAllowCredentials', failedParameter: '1' },
  },
  {
    id: 'cred-ok', group: 'credentialed', title: 'Credentials with exact ACAO and ACAC true',
    demonstrates: 'The passing credentialed response.',
    target: 'apiA', fire: INCLUDE, routes: single(ok(acao(PAGE), acac())),
    expect: { corsError: null, status: 200 },
  },
  {
    id: 'cred-acac-ignored', group: 'credentialed', title: 'Bad ACAC without credentials',
    demonstrates: 'ACAC is only checked when the request includes credentials.',
    target: 'apiA', fire: { api: 'fetch', credentials: 'omit' }, routes: single(ok(acao(PAGE), acac('True'))),
    expect: { corsError: null, status: 200 },
  },
  {
    id: 'cred-xhr-no-acac', group: 'credentialed', title: 'XHR withCredentials without ACAC',
    demonstrates: 'withCredentials is XHR\'s credentials: include.',
    target: 'apiA', fire: { api: 'xhr', withCredentials: true }, routes: single(ok(acao(PAGE))),
    expect: { corsError: 'InvalidAllowCredentials', failedParameter: '' },
  },
  {
    id: 'cred-xhr-ok', group: 'credentialed', title: 'XHR withCredentials, exact ACAO, ACAC true',
    demonstrates: 'The passing twin for XHR.',
    target: 'apiA', fire: { api: 'xhr', withCredentials: true }, routes: single(ok(acao(PAGE), acac())),
    expect: { corsError: null, status: 200 },
  },
  {
    id: 'cred-img-wildcard', group: 'credentialed', title: 'crossorigin=use-credentials image with ACAO *',
    demonstrates: 'Elements can ask for credentials too, and then the wildcard fails.',
    target: 'apiA', fire: { api: 'img', crossOrigin: 'use-credentials' },
    routes: single({ status: 200, headers: [acao('*')], body: 'png' }),
    expect: { corsError: 'WildcardOriginNotAllowed', failedParameter: '' },
  },
];
