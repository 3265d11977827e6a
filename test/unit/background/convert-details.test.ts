import { describe, expect, it } from 'vitest';
import { convertDetails, convertHeaders, pageEvent, tabRemovedEvent } from '../../../src/background/convert-details';
import type { WebRequestDetailsLike, WebRequestEventName } from '../../../src/background/convert-details';

/** Details as Chromium 156 sends them with extraHeaders (trimmed to what matters). */
const DETAILS = {
  requestId: '8', url: 'http://127.0.0.1:40123/s/x', method: 'PUT', type: 'xmlhttprequest', tabId: 7, frameId: 0,
  parentFrameId: -1, documentId: 'F147', initiator: 'http://localhost:43293', timeStamp: 1795298677722.196,
  frameType: 'outermost_frame', documentLifecycle: 'active',
};
const BASE = {
  requestId: '8', url: 'http://127.0.0.1:40123/s/x', method: 'PUT', resourceType: 'xmlhttprequest', tabId: 7, frameId: 0,
  parentFrameId: -1, documentId: 'F147', initiator: 'http://localhost:43293', at: 1795298677722.196,
};
const RESPONSE = { statusCode: 204, statusLine: 'HTTP/1.1 204 No Content', responseHeaders: [{ name: 'Vary', value: 'Origin' }], ip: '127.0.0.1', fromCache: false };
const CONVERTED_RESPONSE = { status: 204, statusLine: 'HTTP/1.1 204 No Content', responseHeaders: [{ name: 'Vary', value: 'Origin' }], ip: '127.0.0.1', fromCache: false };

describe('convertDetails: each listener', () => {
  it.each([
    ['onBeforeRequest → before-request', 'onBeforeRequest', {}, { kind: 'before-request' }],
    ['onBeforeSendHeaders → before-send-headers', 'onBeforeSendHeaders', { requestHeaders: [{ name: 'Accept', value: '*/*' }] },
      { kind: 'before-send-headers', requestHeaders: [{ name: 'Accept', value: '*/*' }] }],
    ['onSendHeaders → send-headers with Origin and Cookie as sent', 'onSendHeaders',
      { requestHeaders: [{ name: 'Origin', value: 'http://localhost:43293' }, { name: 'Cookie', value: 'a=1' }] },
      { kind: 'send-headers', requestHeaders: [{ name: 'Origin', value: 'http://localhost:43293' }, { name: 'Cookie', value: 'a=1' }] }],
    ['onHeadersReceived → headers-received', 'onHeadersReceived', RESPONSE, { kind: 'headers-received', ...CONVERTED_RESPONSE }],
    ['onBeforeRedirect → redirect with its target', 'onBeforeRedirect', { ...RESPONSE, statusCode: 307, redirectUrl: 'http://b.test/next' },
      { kind: 'redirect', ...CONVERTED_RESPONSE, status: 307, redirectUrl: 'http://b.test/next' }],
    ['onResponseStarted → response-started', 'onResponseStarted', RESPONSE, { kind: 'response-started', ...CONVERTED_RESPONSE }],
    ['onCompleted → completed', 'onCompleted', { ...RESPONSE, fromCache: true }, { kind: 'completed', ...CONVERTED_RESPONSE, fromCache: true }],
    ['onErrorOccurred → error', 'onErrorOccurred', { error: 'net::ERR_FAILED', fromCache: false },
      { kind: 'error', error: 'net::ERR_FAILED', fromCache: false, ip: null }],
  ] as const)('%s', (_name, eventName, extra, expected) => {
    expect(convertDetails(eventName, { ...DETAILS, ...extra })).toEqual({ ...BASE, ...expected });
  });

  it('a main_frame onBeforeRequest is the tab\'s navigation signal', () => {
    expect(convertDetails('onBeforeRequest', { ...DETAILS, type: 'main_frame', initiator: undefined })).toMatchObject({
      kind: 'navigation', tabId: 7, url: DETAILS.url, initiator: null,
    });
  });

  it('other events of a main_frame request stay ordinary events', () => {
    expect(convertDetails('onCompleted', { ...DETAILS, ...RESPONSE, type: 'main_frame' })?.kind).toBe('completed');
  });

  it('tabs.onRemoved becomes tab-removed', () => {
    expect(tabRemovedEvent(3, 10)).toEqual({ kind: 'tab-removed', tabId: 3, at: 10 });
  });

  it('a tab\'s new URL (tabs.onUpdated) becomes a page event; no tab or no URL gives none', () => {
    expect(pageEvent(3, 'https://app.example/inbox', 10)).toEqual({ kind: 'page', tabId: 3, url: 'https://app.example/inbox', at: 10 });
    expect([pageEvent(3, undefined, 1), pageEvent(-1, 'https://a.example/', 1), pageEvent(1.5, 'https://a.example/', 1), pageEvent('3', 'x', 1)]).toEqual([null, null, null, null]);
  });
});

describe('convertDetails: missing and odd fields', () => {
  it.each([
    ['no details', 'onBeforeRequest', null],
    ['details not an object', 'onBeforeRequest', 'x'],
    ['no requestId', 'onBeforeRequest', { ...DETAILS, requestId: undefined }],
    ['an empty requestId', 'onBeforeRequest', { ...DETAILS, requestId: '' }],
    ['no url', 'onCompleted', { ...DETAILS, url: 42 }],
    ['a listener we do not read', 'onAuthRequired', DETAILS],
  ])('returns null for %s', (_name, eventName, details) => {
    expect(convertDetails(eventName as WebRequestEventName, details as WebRequestDetailsLike)).toBeNull();
  });

  it.each([
    ['no tabId → the no-tab bucket -1', { tabId: undefined }, { tabId: -1 }],
    ['a tabId of the wrong type → -1', { tabId: '7' }, { tabId: -1 }],
    ['no frame ids → -1', { frameId: undefined, parentFrameId: null }, { frameId: -1, parentFrameId: -1 }],
    ['no documentId → null', { documentId: undefined }, { documentId: null }],
    ['no initiator (browser-initiated) → null', { initiator: undefined }, { initiator: null }],
    ['an opaque initiator stays the string "null"', { initiator: 'null' }, { initiator: 'null' }],
    ['a numeric requestId → string', { requestId: 12 }, { requestId: '12' }],
    ['no method → GET', { method: undefined }, { method: 'GET' }],
    ['an unknown resource type → other', { type: 'speculative' }, { resourceType: 'other' }],
    ['a NaN timeStamp → 0', { timeStamp: Number.NaN }, { at: 0 }],
    ['a string timeStamp → 0', { timeStamp: '12' }, { at: 0 }],
  ] as const)('%s', (_name, override, expected) => {
    expect(convertDetails('onBeforeRequest', { ...DETAILS, ...override })).toMatchObject(expected);
  });

  it('a response event without status or headers has status 0, empty statusLine and null headers', () => {
    expect(convertDetails('onHeadersReceived', DETAILS)).toMatchObject({ status: 0, statusLine: '', responseHeaders: null, fromCache: false, ip: null });
  });

  it('send-headers without requestHeaders has null headers', () => {
    expect(convertDetails('onSendHeaders', DETAILS)).toMatchObject({ requestHeaders: null });
  });

  it('a redirect without redirectUrl has a null target', () => {
    expect(convertDetails('onBeforeRedirect', DETAILS)).toMatchObject({ redirectUrl: null });
  });

  it('an error without error text says unknown', () => {
    expect(convertDetails('onErrorOccurred', DETAILS)).toMatchObject({ error: 'unknown' });
  });

  it('fromCache is true only when it is exactly true', () => {
    expect(convertDetails('onCompleted', { ...DETAILS, fromCache: 'yes' })).toMatchObject({ fromCache: false });
  });
});

describe('convertHeaders', () => {
  it.each([
    ['keeps order and duplicates', [{ name: 'A', value: '1' }, { name: 'A', value: '2' }], [{ name: 'A', value: '1' }, { name: 'A', value: '2' }]],
    ['decodes binaryValue byte per char (latin1)', [{ name: 'X-Bin', binaryValue: [0x63, 0x61, 0x66, 0xe9] }], [{ name: 'X-Bin', value: 'caf\u00e9' }]],
    ['decodes a binaryValue given as an ArrayBuffer', [{ name: 'X-Buf', binaryValue: new Uint8Array([0x41, 0xff]).buffer }], [{ name: 'X-Buf', value: 'A\u00ff' }]],
    ['decodes a binaryValue given as a typed array', [{ name: 'X-View', binaryValue: new Uint8Array([0x42]) }], [{ name: 'X-View', value: 'B' }]],
    ['masks out-of-range bytes', [{ name: 'X', binaryValue: [256 + 0x41, 'x'] }], [{ name: 'X', value: 'A\u0000' }]],
    ['prefers value over binaryValue', [{ name: 'X', value: 'v', binaryValue: [0x41] }], [{ name: 'X', value: 'v' }]],
    ['a line with neither value → empty value', [{ name: 'X' }], [{ name: 'X', value: '' }]],
    ['an empty value stays empty', [{ name: 'X', value: '' }], [{ name: 'X', value: '' }]],
    ['skips lines without a string name', [null, 7, { value: 'x' }, { name: 3, value: 'x' }, { name: 'Ok', value: 'y' }], [{ name: 'Ok', value: 'y' }]],
  ])('%s', (_name, raw, expected) => {
    expect(convertHeaders(raw)).toEqual(expected);
  });

  it('returns null when there is no list', () => {
    expect(convertHeaders(undefined)).toBeNull();
    expect(convertHeaders({ name: 'A' })).toBeNull();
  });
});
