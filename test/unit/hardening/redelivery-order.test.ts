/**
 * What a restarted worker receives after a forced stop (measured in hardening-worker-death: the
 * event log of the new worker, Chromium 156): the events of requests that were in flight arrive
 * out of order. Seen: a request's onHeadersReceived and onErrorOccurred (or onCompleted) came
 * first, its onBeforeRequest and onSendHeaders ~80 events later. Each event's webRequest timeStamp
 * still tells the true order. CORS Lens must end such a request with Chromium's verdict, not leave
 * it pending (terminal event dropped as "unknown request") or judge it without its response.
 */
import { describe, expect, it } from 'vitest';
import { createCaptureService } from '../../../src/background/capture-service';
import { convertDetails, type WebRequestEventName } from '../../../src/background/convert-details';
import { evaluate } from '../../../src/core';
import { FakeStorageArea } from '../fakes/fake-storage-area';

const PAGE = 'http://localhost:40000';
const URL_BLOCKED = 'http://127.0.0.1:40001/s/acao-missing?n=wd30';
const URL_ALLOWED = 'http://127.0.0.1:40001/s/acao-wildcard?n=wd31';
const T0 = 1_800_000_000_000;

/** One request's webRequest events in Chromium's true order, each with its timeStamp. */
function requestEvents(requestId: string, url: string, acao: string | null, ended: 'onCompleted' | 'onErrorOccurred') {
  const base = (offset: number) => ({
    requestId, url, method: 'GET', type: 'xmlhttprequest', tabId: 7, frameId: 0, parentFrameId: -1, documentId: 'D', initiator: PAGE, timeStamp: T0 + offset,
  });
  const sent = [{ name: 'Origin', value: PAGE }, { name: 'Sec-Fetch-Mode', value: 'cors' }];
  const received = acao === null ? [] : [{ name: 'Access-Control-Allow-Origin', value: acao }];
  return {
    beforeRequest: ['onBeforeRequest', base(0)] as const,
    beforeSend: ['onBeforeSendHeaders', { ...base(1), requestHeaders: sent }] as const,
    send: ['onSendHeaders', { ...base(2), requestHeaders: sent }] as const,
    headers: ['onHeadersReceived', { ...base(10), statusCode: 200, responseHeaders: received }] as const,
    end: ended === 'onCompleted'
      ? ['onCompleted', { ...base(11), statusCode: 200, responseHeaders: received }] as const
      : ['onErrorOccurred', { ...base(11), error: 'net::ERR_FAILED' }] as const,
  };
}

async function capture(sequence: readonly (readonly [WebRequestEventName, Record<string, unknown>])[]) {
  const service = createCaptureService({
    storage: new FakeStorageArea(), evaluate, now: () => T0 + 1000,
    badge: { apply: async () => undefined, forget: () => undefined },
  });
  await service.ready;
  for (const [name, details] of sequence) {
    const event = convertDetails(name, details);
    if (event) service.handle(event);
  }
  return service.exportReport(7, true);
}

describe('events redelivered out of order to a restarted worker', () => {
  it('in order (the control): each request gets its verdict', async () => {
    const b = requestEvents('30', URL_BLOCKED, null, 'onErrorOccurred');
    const a = requestEvents('31', URL_ALLOWED, '*', 'onCompleted');
    const report = await capture([b.beforeRequest, b.beforeSend, b.send, b.headers, b.end, a.beforeRequest, a.beforeSend, a.send, a.headers, a.end]);
    expect(report.transactions.map((t) => [t.url, t.verdict?.outcome, t.verdict?.corsError])).toEqual([
      [URL_BLOCKED, 'blocked', 'MissingAllowOriginHeader'], [URL_ALLOWED, 'allowed', null],
    ]);
  });

  it('response and end first, start and headers later (as measured): still Chromium’s verdict, with the response', async () => {
    const b = requestEvents('30', URL_BLOCKED, null, 'onErrorOccurred');
    const a = requestEvents('31', URL_ALLOWED, '*', 'onCompleted');
    const report = await capture([b.headers, a.headers, b.end, a.end, b.beforeRequest, a.beforeRequest, b.beforeSend, b.send, a.beforeSend, a.send]);
    expect(report.transactions.map((t) => [t.url, t.verdict?.outcome, t.verdict?.corsError, t.response?.status])).toEqual([
      [URL_BLOCKED, 'blocked', 'MissingAllowOriginHeader', 200], [URL_ALLOWED, 'allowed', null, 200],
    ]);
  });
});
