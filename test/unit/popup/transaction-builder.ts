/**
 * Small builders for the popup's fixtures: a Transaction as the background would list it, with a
 * verdict saying what the engine concluded (the popup never runs the engine).
 */
import type { Transaction } from '../../../src/core/model';
import type { CorsErrorName, Finding, FindingCode, Header, Verdict } from '../../../src/core/types';

export const PAGE = 'http://127.0.0.1:4100';
export const API = 'http://127.0.0.1:4200';

const h = (name: string, value: string): Header => ({ name, value });

export function verdict(overrides: Partial<Verdict> = {}): Verdict {
  return {
    outcome: 'allowed', corsError: null, failedParameter: null, firefoxReason: null, stage: null, header: null,
    expected: null, actual: null, reachedServer: true, mode: 'cors', credentials: 'same-origin',
    preflight: { required: false, reasons: [], observed: false, fromCache: false, requestHeaders: '' },
    origins: null, rootCause: null, findings: [], summary: '',
    ...overrides,
  };
}

export function blockedVerdict(corsError: CorsErrorName, overrides: Partial<Verdict> = {}): Verdict {
  return verdict({ outcome: 'blocked', corsError, failedParameter: '', stage: { kind: 'response' }, summary: `Blocked: ${corsError}`, ...overrides });
}

export function warning(code: FindingCode, message = `Warning ${code}`): Finding {
  return { code, severity: 'warning', message };
}

let sequence = 0;

/** A finished GET from PAGE; `url` defaults to a fresh endpoint on API. */
export function transaction(overrides: Partial<Transaction> = {}): Transaction {
  sequence += 1;
  const id = overrides.id ?? `r${sequence}`;
  const url = overrides.url ?? `${API}/items`;
  return {
    id, tabId: 1, frameId: 0, parentFrameId: -1, documentId: null, requestId: id.slice(1),
    url, method: 'GET', resourceType: 'xmlhttprequest', initiator: PAGE, crossOrigin: true,
    startedAt: 1_700_000_000_000 + sequence, endedAt: 1_700_000_000_050 + sequence,
    requestHeaders: [h('Origin', PAGE), h('Accept', '*/*')],
    preflight: null, redirects: [],
    response: { status: 200, statusLine: 'HTTP/1.1 200 OK', responseHeaders: [h('Content-Type', 'application/json')], fromCache: false, ip: '127.0.0.1' },
    netError: null, state: 'done', verdict: verdict(), evaluationError: null,
    ...overrides,
  };
}

export function blocked(corsError: CorsErrorName, url = `${API}/items`, overrides: Partial<Transaction> = {}): Transaction {
  return transaction({ url, netError: 'net::ERR_FAILED', verdict: blockedVerdict(corsError), ...overrides });
}

export function allowedWith(codes: readonly FindingCode[], url = `${API}/items`): Transaction {
  return transaction({ url, verdict: verdict({ findings: codes.map((code) => warning(code)) }) });
}
