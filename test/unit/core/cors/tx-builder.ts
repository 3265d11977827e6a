/**
 * Small builders for engine fixtures. Defaults describe the common case: a page on
 * http://127.0.0.1:4100 calling fetch() on http://127.0.0.1:4101/api with GET, answered 200 with
 * Access-Control-Allow-Origin echoing the page. Each test overrides only what it is about.
 */
import type {
  HeaderList, ObservedPreflight, ObservedRedirect, ObservedResponse, ObservedTransaction, ResourceType,
} from '../../../../src/core/types';

export const PAGE = 'http://127.0.0.1:4100';
export const API_ORIGIN = 'http://127.0.0.1:4101';
export const API = `${API_ORIGIN}/api`;
export const OTHER_ORIGIN = 'http://127.0.0.1:4102';

export type HeaderPairs = readonly (readonly [string, string])[];

export function headers(pairs: HeaderPairs = []): HeaderList {
  return pairs.map(([name, value]) => ({ name, value }));
}

export function response(status: number, pairs: HeaderPairs = [], extra: Partial<ObservedResponse> = {}): ObservedResponse {
  return { status, headers: headers(pairs), ...extra };
}

/** A 200 whose only CORS header is ACAO (pass undefined for none). */
export function ok(allowOrigin: string | undefined = PAGE, more: HeaderPairs = []): ObservedResponse {
  return response(200, [...(allowOrigin === undefined ? [] : [['Access-Control-Allow-Origin', allowOrigin] as const]), ...more]);
}

export interface PreflightSpec {
  readonly status?: number;
  /** Response headers of the preflight. */
  readonly headers?: HeaderPairs;
  /** Access-Control-Request-Method / -Headers the preflight carried. */
  readonly method?: string;
  readonly requestHeaders?: string;
  readonly origin?: string;
  readonly url?: string;
  readonly redirectedTo?: string;
  readonly netError?: string;
  readonly fromCache?: boolean;
  readonly completedAt?: number;
  readonly noResponse?: boolean;
}

export function preflight(spec: PreflightSpec = {}): ObservedPreflight {
  const requestPairs: [string, string][] = [
    ['Origin', spec.origin ?? PAGE],
    ['Access-Control-Request-Method', spec.method ?? 'PUT'],
  ];
  if (spec.requestHeaders !== undefined) requestPairs.push(['Access-Control-Request-Headers', spec.requestHeaders]);
  const noResponse = spec.noResponse === true || spec.netError !== undefined || spec.redirectedTo !== undefined;
  return {
    request: { method: 'OPTIONS', url: spec.url ?? API, headers: headers(requestPairs) },
    response: noResponse ? null : response(spec.status ?? 204, spec.headers ?? [['Access-Control-Allow-Origin', PAGE]]),
    redirectedTo: spec.redirectedTo ?? null,
    netError: spec.netError ?? null,
    fromCache: spec.fromCache ?? false,
    completedAt: spec.completedAt ?? null,
  };
}

export function redirect(url: string, location: string, status = 302, pairs: HeaderPairs = [], extra: Partial<ObservedRedirect> = {}): ObservedRedirect {
  return { url, status, headers: headers([...pairs, ['Location', location]]), location, ...extra };
}

export interface TxSpec extends Omit<Partial<ObservedTransaction>, 'request'> {
  readonly method?: string;
  readonly url?: string;
  /** Request headers as sent; Origin is added for cross-origin cors requests unless `noOrigin`. */
  readonly requestHeaders?: HeaderPairs;
  readonly noOrigin?: boolean;
  readonly resourceType?: ResourceType;
}

export function tx(spec: TxSpec = {}): ObservedTransaction {
  const { method = 'GET', url = API, requestHeaders = [], noOrigin = false, ...rest } = spec;
  const initiator = spec.initiator === undefined ? PAGE : spec.initiator;
  const sendsOrigin = !noOrigin && initiator !== null && !requestHeaders.some(([n]) => n.toLowerCase() === 'origin');
  return {
    resourceType: 'xmlhttprequest',
    response: ok(),
    ...rest,
    initiator,
    request: { method, url, headers: headers([...(sendsOrigin ? [['Origin', initiator] as const] : []), ...requestHeaders]) },
  };
}
