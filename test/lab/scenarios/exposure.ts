/**
 * Requests that pass but whose response headers script cannot read (reference §6): only safelisted
 * names and those in Access-Control-Expose-Headers are visible to `headers.get()`.
 */
import type { Fire, HeaderLine, Scenario } from '../scenario-types';
import { acac, acao, aceh, ok, PAGE, single } from './builders';

const REQUEST_ID: HeaderLine = ['X-Request-Id', 'lab-42'];
const READ_ID: Fire = { api: 'fetch', readHeader: 'X-Request-Id' };

export const EXPOSURE_SCENARIOS: readonly Scenario[] = [
  {
    id: 'expose-missing', group: 'exposure', title: 'Custom header not exposed',
    demonstrates: 'The request passes, but headers.get("X-Request-Id") returns null.',
    target: 'apiA', fire: READ_ID, routes: single(ok(acao('*'), REQUEST_ID)),
    expect: { corsError: null, status: 200, readHeader: null },
  },
  {
    id: 'expose-listed', group: 'exposure', title: 'Custom header listed in ACEH',
    demonstrates: 'Access-Control-Expose-Headers makes it readable.',
    target: 'apiA', fire: READ_ID, routes: single(ok(acao('*'), REQUEST_ID, aceh('X-Request-Id'))),
    expect: { corsError: null, status: 200, readHeader: 'lab-42' },
  },
  {
    id: 'expose-wildcard', group: 'exposure', title: 'ACEH * without credentials',
    demonstrates: 'The wildcard exposes every header when no credentials are involved.',
    target: 'apiA', fire: READ_ID, routes: single(ok(acao('*'), REQUEST_ID, aceh('*'))),
    expect: { corsError: null, status: 200, readHeader: 'lab-42' },
  },
  {
    id: 'expose-wildcard-credentials', group: 'exposure', title: 'ACEH * with credentials',
    demonstrates: 'With credentials "*" exposes only a header literally named "*".',
    target: 'apiA', fire: { ...READ_ID, credentials: 'include' },
    routes: single(ok(acao(PAGE), acac(), REQUEST_ID, aceh('*'))),
    expect: { corsError: null, status: 200, readHeader: null },
  },
  {
    id: 'expose-safelisted', group: 'exposure', title: 'Content-Language needs no ACEH',
    demonstrates: 'Safelisted response headers are always readable.',
    target: 'apiA', fire: { api: 'fetch', readHeader: 'Content-Language' },
    routes: single(ok(acao('*'), ['Content-Language', 'en'])),
    expect: { corsError: null, status: 200, readHeader: 'en' },
  },
];
