import { describe, expect, it } from 'vitest';
import type { Transaction, TransactionPreflight } from '../../../../src/core/model';
import { REPORT_SCHEMA_V1, buildReport } from '../../../../src/core/report';
import { fakeVerdict } from '../model/wire';

const SECRET = 'TOP-SECRET';

function preflight(overrides: Partial<TransactionPreflight> = {}): TransactionPreflight {
  return {
    requestId: '2', url: 'https://api.example/p', status: 204,
    requestHeaders: [{ name: 'Access-Control-Request-Method', value: 'PUT' }, { name: 'Authorization', value: SECRET }],
    responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: 'https://app.example' }, { name: 'Set-Cookie', value: SECRET }],
    startedAt: 1, endedAt: 2, fromCache: false, redirectedTo: null, netError: null, coveredBy: null, ...overrides,
  };
}

function transaction(): Transaction {
  return {
    id: 'r1', tabId: 4, frameId: 0, parentFrameId: -1, documentId: 'D', requestId: '1', url: 'https://api.example/p',
    method: 'PUT', resourceType: 'xmlhttprequest', initiator: 'https://app.example', crossOrigin: true, startedAt: 1000.5,
    endedAt: 1010, requestHeaders: [{ name: 'Cookie', value: SECRET }, { name: 'X-Token', value: '1' }],
    preflight: preflight(),
    redirects: [{
      url: 'https://api.example/p', status: 307, responseHeaders: [{ name: 'Set-Cookie', value: SECRET }, { name: 'Location', value: '/q' }],
      location: 'https://api.example/q', nextRequestHeaders: [{ name: 'Proxy-Authorization', value: SECRET }],
      nextPreflight: preflight({ requestId: '3', fromCache: true, coveredBy: { transactionId: 'r0', expiresAt: 5000 } }),
    }],
    response: { status: 200, statusLine: 'HTTP/1.1 200 OK', responseHeaders: [{ name: 'set-cookie', value: SECRET }], fromCache: false, ip: '1.2.3.4' },
    netError: null, state: 'done',
    verdict: fakeVerdict('allowed', [{ code: 'cookies-stored-despite-block', severity: 'warning', message: `Set-Cookie ${SECRET}` }]),
    evaluationError: null,
  };
}

describe('buildReport', () => {
  const report = buildReport(4, [transaction()], Date.UTC(2026, 10, 21, 12, 0, 0));

  it('has the cors-lens/report@1 envelope', () => {
    expect(report).toMatchObject({ schema: REPORT_SCHEMA_V1, tabId: 4, generatedAt: '2026-11-21T12:00:00.000Z', redacted: true });
    expect(REPORT_SCHEMA_V1).toBe('cors-lens/report@1');
  });

  it('has exactly the contract\'s fields per transaction', () => {
    const tx = report.transactions[0];
    expect(Object.keys(tx ?? {}).sort()).toEqual([
      'crossOrigin', 'endedAt', 'fromWorker', 'id', 'initiator', 'method', 'missedStart', 'netError', 'preflight', 'redirects',
      'requestHeaders', 'resourceType', 'response', 'startedAt', 'url', 'verdict',
    ]);
    expect(tx?.missedStart).toBeNull();
    expect(tx?.fromWorker).toBe(false);
    expect(Object.keys(tx?.preflight ?? {}).sort()).toEqual(['coveredBy', 'fromCache', 'netError', 'requestHeaders', 'responseHeaders', 'status', 'url']);
    expect(Object.keys(tx?.redirects[0] ?? {}).sort()).toEqual(['location', 'nextPreflight', 'nextRequestHeaders', 'responseHeaders', 'status', 'url']);
    expect(Object.keys(tx?.response ?? {}).sort()).toEqual(['responseHeaders', 'status']);
    expect(tx?.verdict).toEqual({
      outcome: 'allowed', corsError: null, failedParameter: null, summary: 'fake allowed', firefoxReason: null, stage: null,
      findings: ['cookies-stored-despite-block'],
    });
    expect(tx).toMatchObject({ id: 'r1', url: 'https://api.example/p', method: 'PUT', startedAt: 1000.5, crossOrigin: true });
    expect(tx?.redirects[0]?.nextPreflight?.coveredBy).toEqual({ transactionId: 'r0', expiresAt: 5000 });
  });

  it('redacts secrets in every header list by default, and never leaks them elsewhere', () => {
    const text = JSON.stringify(report);
    expect(text).not.toContain(SECRET);
    expect(text.match(/<redacted>/g)).toHaveLength(8);
    expect(report.transactions[0]?.requestHeaders).toContainEqual({ name: 'X-Token', value: '1' });
  });

  it('keeps values with redact: false', () => {
    const plain = buildReport(4, [transaction()], 0, { redact: false });
    expect(plain.redacted).toBe(false);
    expect(JSON.stringify(plain).match(new RegExp(SECRET, 'g'))).toHaveLength(8);
  });

  it('a transaction still in flight has a null verdict; a failed preflight leaves nulls, not gaps', () => {
    const pending: Transaction = { ...transaction(), state: 'pending', verdict: null, requestHeaders: null, response: null, redirects: [], endedAt: null };
    const tx = buildReport(4, [pending], 0).transactions[0];
    expect(tx).toMatchObject({ verdict: null, requestHeaders: null, response: null, redirects: [], endedAt: null });
  });

  it('says where a request whose start was missed was first seen', () => {
    const late: Transaction = { ...transaction(), missedStart: { firstEvent: 'headers-received' } };
    expect(buildReport(4, [late], 0).transactions[0]?.missedStart).toEqual({ firstEvent: 'headers-received' });
  });

  it('says a request no tab sent (tabId -1: a worker of its initiator) came from a worker', () => {
    const fromWorker: Transaction = { ...transaction(), tabId: -1 };
    expect(buildReport(4, [fromWorker], 0).transactions[0]?.fromWorker).toBe(true);
  });

  it('an out-of-range clock does not throw', () => {
    expect(buildReport(1, [], Number.NaN).generatedAt).toBe('1970-01-01T00:00:00.000Z');
  });
});
