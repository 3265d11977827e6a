/**
 * webRequest `details` → CaptureEvent. The only module that knows webRequest's shapes: a pure
 * function, no chrome calls, so it is tested against recorded JSON. Tolerant by design: a field of
 * the wrong type counts as missing, and it never throws (null when nothing usable is left).
 *
 * Fields are typed `unknown` on purpose: Chrome's own details types are assignable to these
 * interfaces, and nothing here trusts them.
 */
import type { Header, ResourceType } from '../core/types';
import type {
  BeforeRequestEvent, BeforeSendHeadersEvent, CaptureEvent, CompletedEvent, ErrorEvent, HeadersReceivedEvent, NavigationEvent,
  RedirectEvent, RequestEventBase, ResponseStartedEvent, SendHeadersEvent,
} from '../core/model/events';
import { NO_TAB } from '../core/model/events';

/** One header line as webRequest gives it: `value` if UTF-8, else `binaryValue` as bytes (0..255). */
export interface WebRequestHeaderLike {
  readonly name?: unknown;
  readonly value?: unknown;
  readonly binaryValue?: unknown;
}

/** The union of the webRequest details fields we read (all listeners). */
export interface WebRequestDetailsLike {
  readonly requestId?: unknown;
  readonly url?: unknown;
  readonly method?: unknown;
  readonly type?: unknown;
  readonly tabId?: unknown;
  readonly frameId?: unknown;
  readonly parentFrameId?: unknown;
  readonly documentId?: unknown;
  readonly initiator?: unknown;
  readonly timeStamp?: unknown;
  readonly statusCode?: unknown;
  readonly statusLine?: unknown;
  readonly responseHeaders?: unknown;
  readonly requestHeaders?: unknown;
  readonly redirectUrl?: unknown;
  readonly fromCache?: unknown;
  readonly ip?: unknown;
  readonly error?: unknown;
}

export type WebRequestEventName =
  | 'onBeforeRequest' | 'onBeforeSendHeaders' | 'onSendHeaders' | 'onHeadersReceived' | 'onBeforeRedirect'
  | 'onResponseStarted' | 'onCompleted' | 'onErrorOccurred';

const RESOURCE_TYPES: ReadonlySet<string> = new Set<ResourceType>([
  'main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping',
  'csp_report', 'media', 'websocket', 'webbundle', 'webtransport', 'other',
]);

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function finiteNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Bytes → string, one char per byte (latin1): header bytes survive exactly, whatever their encoding. */
function decodeBytes(value: unknown): string | null {
  let bytes: ArrayLike<unknown> | null = null;
  if (Array.isArray(value)) bytes = value;
  else if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
  else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (bytes === null) return null;
  let decoded = '';
  for (let i = 0; i < bytes.length; i++) decoded += String.fromCharCode(Number(bytes[i]) & 0xff);
  return decoded;
}

/** Header lines in order, duplicates kept; lines without a string name are skipped. */
export function convertHeaders(value: unknown): Header[] | null {
  if (!Array.isArray(value)) return null;
  const headers: Header[] = [];
  for (const line of value as unknown[]) {
    if (typeof line !== 'object' || line === null) continue;
    const { name, value: lineValue, binaryValue } = line as WebRequestHeaderLike;
    if (typeof name !== 'string') continue;
    headers.push({ name, value: text(lineValue) ?? decodeBytes(binaryValue) ?? '' });
  }
  return headers;
}

function requestId(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function base(details: WebRequestDetailsLike): RequestEventBase | null {
  const id = requestId(details.requestId);
  const url = text(details.url);
  if (id === null || url === null) return null;
  const type = text(details.type);
  return {
    requestId: id,
    tabId: finiteNumber(details.tabId, NO_TAB),
    frameId: finiteNumber(details.frameId, -1),
    parentFrameId: finiteNumber(details.parentFrameId, -1),
    documentId: text(details.documentId),
    url,
    method: text(details.method) ?? 'GET',
    resourceType: type !== null && RESOURCE_TYPES.has(type) ? (type as ResourceType) : 'other',
    // Absent for browser-initiated requests; the string 'null' (opaque origin) is kept as is.
    initiator: text(details.initiator),
    at: finiteNumber(details.timeStamp, 0),
  };
}

// The builders below write each event as one object literal, fields in a fixed order, instead of
// spreading: spreads of several objects are several times slower, and this runs for every request
// the browser makes. One shape per kind keeps the reducer's property reads fast too.

function plainEvent(kind: 'before-request' | 'navigation', b: RequestEventBase): BeforeRequestEvent | NavigationEvent {
  return {
    kind, requestId: b.requestId, tabId: b.tabId, frameId: b.frameId, parentFrameId: b.parentFrameId, documentId: b.documentId,
    url: b.url, method: b.method, resourceType: b.resourceType, initiator: b.initiator, at: b.at,
  };
}

function headersEvent(kind: 'before-send-headers' | 'send-headers', b: RequestEventBase, d: WebRequestDetailsLike): BeforeSendHeadersEvent | SendHeadersEvent {
  return {
    kind, requestId: b.requestId, tabId: b.tabId, frameId: b.frameId, parentFrameId: b.parentFrameId, documentId: b.documentId,
    url: b.url, method: b.method, resourceType: b.resourceType, initiator: b.initiator, at: b.at,
    requestHeaders: convertHeaders(d.requestHeaders),
  };
}

type ResponseKind = 'headers-received' | 'response-started' | 'completed';

function responseEvent(kind: ResponseKind, b: RequestEventBase, d: WebRequestDetailsLike): HeadersReceivedEvent | ResponseStartedEvent | CompletedEvent {
  return {
    kind, requestId: b.requestId, tabId: b.tabId, frameId: b.frameId, parentFrameId: b.parentFrameId, documentId: b.documentId,
    url: b.url, method: b.method, resourceType: b.resourceType, initiator: b.initiator, at: b.at,
    status: finiteNumber(d.statusCode, 0), statusLine: text(d.statusLine) ?? '', responseHeaders: convertHeaders(d.responseHeaders),
    fromCache: d.fromCache === true, ip: text(d.ip),
  };
}

function redirectEvent(b: RequestEventBase, d: WebRequestDetailsLike): RedirectEvent {
  return {
    kind: 'redirect', requestId: b.requestId, tabId: b.tabId, frameId: b.frameId, parentFrameId: b.parentFrameId,
    documentId: b.documentId, url: b.url, method: b.method, resourceType: b.resourceType, initiator: b.initiator, at: b.at,
    status: finiteNumber(d.statusCode, 0), statusLine: text(d.statusLine) ?? '', responseHeaders: convertHeaders(d.responseHeaders),
    fromCache: d.fromCache === true, ip: text(d.ip), redirectUrl: text(d.redirectUrl),
  };
}

function errorEvent(b: RequestEventBase, d: WebRequestDetailsLike): ErrorEvent {
  return {
    kind: 'error', requestId: b.requestId, tabId: b.tabId, frameId: b.frameId, parentFrameId: b.parentFrameId, documentId: b.documentId,
    url: b.url, method: b.method, resourceType: b.resourceType, initiator: b.initiator, at: b.at,
    error: text(d.error) ?? 'unknown', fromCache: d.fromCache === true, ip: text(d.ip),
  };
}

/** One webRequest event as a CaptureEvent; a main_frame onBeforeRequest is the tab's navigation signal. */
export function convertDetails(eventName: WebRequestEventName, details: WebRequestDetailsLike | null | undefined): CaptureEvent | null {
  if (typeof details !== 'object' || details === null) return null;
  const b = base(details);
  if (b === null) return null;
  switch (eventName) {
    case 'onBeforeRequest': return plainEvent(b.resourceType === 'main_frame' ? 'navigation' : 'before-request', b);
    case 'onBeforeSendHeaders': return headersEvent('before-send-headers', b, details);
    case 'onSendHeaders': return headersEvent('send-headers', b, details);
    case 'onHeadersReceived': return responseEvent('headers-received', b, details);
    case 'onBeforeRedirect': return redirectEvent(b, details);
    case 'onResponseStarted': return responseEvent('response-started', b, details);
    case 'onCompleted': return responseEvent('completed', b, details);
    case 'onErrorOccurred': return errorEvent(b, details);
    default: return null;
  }
}

/** tabs.onRemoved as a CaptureEvent (the background supplies the time). */
export function tabRemovedEvent(tabId: number, at: number): CaptureEvent {
  return { kind: 'tab-removed', tabId, at };
}

/**
 * tabs.onUpdated's new URL as a CaptureEvent: which site the tab shows, when no main_frame request
 * said so (a page its service worker served). null for anything that is not a usable tab and URL.
 */
export function pageEvent(tabId: unknown, url: unknown, at: number): CaptureEvent | null {
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0 || typeof url !== 'string') return null;
  return { kind: 'page', tabId, url, at };
}
