/**
 * Builders for realistic Transaction records, judged by the real engine (evaluate + toObserved), so
 * UI tests see the verdicts the extension would show. Describe what went over the wire; the builder
 * adds what Chromium adds (Origin, Sec-Fetch-Mode, the preflight's ACRM/ACRH) and computes the verdict.
 */
import { evaluate } from '../../../src/core';
import type { Header, ResourceType } from '../../../src/core';
import { toObserved, type CoveredBy, type Transaction, type TransactionPreflight } from '../../../src/core/model';
import { accessControlRequestHeaders } from '../../../src/core/request';

export const PAGE = 'http://127.0.0.1:4100';
export const API = 'http://127.0.0.1:4200';

export const h = (name: string, value: string): Header => ({ name, value });

export interface WireAnswer {
  readonly status: number;
  readonly headers?: readonly Header[];
}

export interface TxSpec {
  readonly id?: string;
  /** The page's origin (initiator). */
  readonly page?: string;
  readonly url?: string;
  readonly method?: string;
  /** Headers the page set (Content-Type, Authorization, X-…). */
  readonly headers?: readonly Header[];
  /** `include` adds a Cookie header, as a credentialed request carries one. */
  readonly cookie?: string;
  /** The preflight's answer; omit for a simple request. `cached` = covered by Chromium's preflight cache. */
  readonly preflight?: (WireAnswer & { readonly redirectedTo?: string }) | { readonly cached: CoveredBy } | null;
  /** The final answer; null when none came (failed preflight, network error). */
  readonly response?: WireAnswer | null;
  /** Each hop's 3xx; `preflight` answers the new preflight sent to its location (same Origin: a same-origin hop). */
  readonly redirects?: readonly (WireAnswer & { readonly location: string; readonly preflight?: WireAnswer })[];
  /** Chromium's net error; defaults to net::ERR_FAILED when the engine blocks, else null. */
  readonly netError?: string | null;
  readonly startedAt?: number;
  readonly durationMs?: number;
  readonly pending?: boolean;
  readonly resourceType?: ResourceType;
}

let counter = 0;

function preflightRecord(
  spec: TxSpec, url: string, method: string, pageHeaders: readonly Header[], startedAt: number, p = spec.preflight,
): TransactionPreflight | null {
  if (p === undefined || p === null) return null;
  const acrh = accessControlRequestHeaders(pageHeaders);
  const requestHeaders = [
    h('Accept', '*/*'), h('Access-Control-Request-Method', method),
    ...(acrh === '' ? [] : [h('Access-Control-Request-Headers', acrh)]),
    h('Origin', spec.page ?? PAGE), h('Sec-Fetch-Mode', 'cors'),
  ];
  if ('cached' in p) {
    return {
      requestId: `p${counter}`, url, status: null, requestHeaders: [], responseHeaders: [], startedAt, endedAt: null,
      fromCache: true, redirectedTo: null, netError: null, coveredBy: p.cached,
    };
  }
  return {
    requestId: `p${counter}`, url, status: p.status, requestHeaders, responseHeaders: [...(p.headers ?? [])],
    startedAt, endedAt: startedAt + 12, fromCache: false, redirectedTo: p.redirectedTo ?? null, netError: null, coveredBy: null,
  };
}

/** One transaction with a real verdict. */
export function buildTx(spec: TxSpec = {}): Transaction {
  counter++;
  const page = spec.page ?? PAGE;
  const url = spec.url ?? `${API}/api/items`;
  const method = spec.method ?? 'GET';
  const startedAt = spec.startedAt ?? 1_700_000_000_000 + counter * 100;
  const pageHeaders = [...(spec.headers ?? [])];
  const preflight = preflightRecord(spec, url, method, pageHeaders, startedAt);
  const response = spec.response === undefined ? { status: 200, headers: [] } : spec.response;
  // After a failed preflight the request never leaves the browser: no headers, no response.
  const sent = !(preflight !== null && !preflight.fromCache && response === null);
  const requestHeaders = [
    h('Accept', '*/*'), ...pageHeaders, h('Origin', page), h('Sec-Fetch-Mode', 'cors'), h('Sec-Fetch-Site', 'same-site'),
    ...(spec.cookie === undefined ? [] : [h('Cookie', spec.cookie)]),
  ];
  const id = spec.id ?? `r${counter}`;
  const base: Transaction = {
    id, tabId: 1, frameId: 0, parentFrameId: -1, documentId: null, requestId: id.slice(1),
    url, method, resourceType: spec.resourceType ?? 'xmlhttprequest', initiator: page, crossOrigin: true,
    startedAt, endedAt: spec.pending ? null : startedAt + (spec.durationMs ?? 34),
    requestHeaders: sent ? requestHeaders : null,
    preflight,
    redirects: (spec.redirects ?? []).map((r, i, all) => ({
      url: i === 0 ? url : (all[i - 1]?.location ?? url), status: r.status, responseHeaders: [...(r.headers ?? [])],
      location: r.location, nextRequestHeaders: null,
      nextPreflight: preflightRecord(spec, r.location, method, pageHeaders, startedAt + 20 * (i + 1), r.preflight),
    })),
    response: response === null ? null : {
      status: response.status, statusLine: `HTTP/1.1 ${response.status}`, responseHeaders: [...(response.headers ?? [])], fromCache: false, ip: '127.0.0.1',
    },
    netError: spec.netError ?? null,
    state: spec.pending ? 'pending' : 'done',
    verdict: null,
    evaluationError: null,
  };
  if (spec.pending) return base;
  // Chromium ends a CORS failure with net::ERR_FAILED: judge once on the rules, then record that ending.
  const rulesVerdict = evaluate(toObserved({ ...base, state: 'pending' }));
  const netError = spec.netError !== undefined ? spec.netError : rulesVerdict.outcome === 'blocked' ? 'net::ERR_FAILED' : null;
  const done = { ...base, netError };
  return { ...done, verdict: evaluate(toObserved(done)) };
}

const ACAO = 'Access-Control-Allow-Origin';

/** Named scenarios the panel tests reuse (see the lab for their real-browser twins). */
export const scenarios = {
  allowed: () => buildTx({ response: { status: 200, headers: [h(ACAO, PAGE), h('Vary', 'Origin'), h('Content-Type', 'application/json')] } }),
  missingAllowOrigin: () => buildTx({ response: { status: 200, headers: [h('Content-Type', 'application/json')] } }),
  trailingSlash: () => buildTx({ response: { status: 200, headers: [h(ACAO, `${PAGE}/`)] } }),
  portMismatch: () => buildTx({ response: { status: 200, headers: [h(ACAO, 'http://127.0.0.1:4300')] } }),
  wildcardWithCredentials: () => buildTx({ cookie: 'sid=s3cr3t', response: { status: 200, headers: [h(ACAO, '*')] } }),
  gateway502: () => buildTx({ response: { status: 502, headers: [h('Server', 'nginx/1.25.3')] } }),
  simplePostBlocked: () => buildTx({ method: 'POST', headers: [h('Content-Type', 'text/plain')], response: { status: 201, headers: [] } }),
  headerNotAllowed: () => buildTx({
    method: 'PUT', headers: [h('Content-Type', 'application/json'), h('X-Api-Key', 'k-123')],
    preflight: { status: 204, headers: [h(ACAO, PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'content-type')] },
    response: null,
  }),
  preflight401: () => buildTx({
    method: 'DELETE', headers: [h('Authorization', 'Bearer top-secret-token')],
    preflight: { status: 401, headers: [h('WWW-Authenticate', 'Bearer')] }, response: null,
  }),
  authorizationWildcard: () => buildTx({
    method: 'GET', headers: [h('Authorization', 'Bearer top-secret-token')],
    preflight: { status: 204, headers: [h(ACAO, '*'), h('Access-Control-Allow-Headers', '*')] },
    response: { status: 200, headers: [h(ACAO, '*')] },
  }),
  connectionRefused: () => buildTx({ url: 'http://127.0.0.1:9/api', response: null, netError: 'net::ERR_CONNECTION_REFUSED' }),
};
