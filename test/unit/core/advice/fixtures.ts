/**
 * Builders for Verdict and ObservedTransaction fixtures. The advice layer only depends on the types, so
 * tests describe what the engine would have concluded instead of running it.
 */
import type {
  CorsErrorName, Header, HeaderList, ObservedPreflight, ObservedTransaction, PreflightInfo, Verdict,
} from '../../../../src/core/types';

export const PAGE = 'https://app.example';
export const API = 'https://api.example/items';

export const h = (name: string, value: string): Header => ({ name, value });

/** A simple GET from the page to the API, no preflight, response 200 without CORS headers. */
export function makeTx(overrides: Partial<ObservedTransaction> = {}): ObservedTransaction {
  return {
    initiator: PAGE,
    resourceType: 'xmlhttprequest',
    request: { method: 'GET', url: API, headers: [h('Origin', PAGE), h('Accept', '*/*')] },
    response: { status: 200, headers: [h('Content-Type', 'application/json')] },
    netError: null,
    completed: true,
    ...overrides,
  };
}

export function preflight(requestHeaders: HeaderList, status: number, responseHeaders: HeaderList): ObservedPreflight {
  return {
    request: { method: 'OPTIONS', url: API, headers: [h('Origin', PAGE), ...requestHeaders] },
    response: { status, headers: responseHeaders },
  };
}

const NO_PREFLIGHT: PreflightInfo = { required: false, reasons: [], observed: false, fromCache: false, requestHeaders: '' };

/** A PUT with JSON and an API key, credentialed: the preflight case used across tests. */
export const PUT_PREFLIGHT: PreflightInfo = {
  required: true,
  observed: true,
  fromCache: false,
  requestHeaders: 'content-type,x-api-key',
  reasons: [
    { kind: 'method', name: 'PUT', text: 'PUT is not GET, HEAD or POST.' },
    { kind: 'header-value', name: 'content-type', value: 'application/json', text: 'Content-Type application/json is not one of the three types a simple request may use.' },
    { kind: 'header', name: 'x-api-key', text: 'x-api-key is not a safelisted header.' },
  ],
};

export function putTx(preflightStatus: number, preflightResponse: HeaderList, overrides: Partial<ObservedTransaction> = {}): ObservedTransaction {
  return makeTx({
    request: { method: 'PUT', url: API, headers: [h('Origin', PAGE), h('Content-Type', 'application/json'), h('X-Api-Key', 'k')] },
    preflight: preflight(
      [h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'content-type,x-api-key')],
      preflightStatus,
      preflightResponse,
    ),
    response: null,
    ...overrides,
  });
}

export function makeVerdict(overrides: Partial<Verdict> = {}): Verdict {
  return {
    outcome: 'allowed',
    corsError: null,
    failedParameter: null,
    firefoxReason: null,
    stage: null,
    header: null,
    expected: null,
    actual: null,
    reachedServer: true,
    mode: 'cors',
    credentials: 'same-origin',
    preflight: NO_PREFLIGHT,
    origins: null,
    rootCause: null,
    findings: [],
    summary: '',
    ...overrides,
  };
}

/** A blocked verdict at the final response. */
export function blocked(corsError: CorsErrorName, overrides: Partial<Verdict> = {}): Verdict {
  return makeVerdict({ outcome: 'blocked', corsError, stage: { kind: 'response' }, expected: PAGE, ...overrides });
}

/** A blocked verdict at the first preflight, for the PUT case. */
export function blockedPreflight(corsError: CorsErrorName, overrides: Partial<Verdict> = {}): Verdict {
  return blocked(corsError, {
    stage: { kind: 'preflight', hop: 0 },
    reachedServer: false,
    credentials: 'include',
    preflight: PUT_PREFLIGHT,
    ...overrides,
  });
}
