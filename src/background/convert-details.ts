/**
 * webRequest `details` → CaptureEvent. The only module that knows webRequest's shapes: a pure
 * function, no chrome calls, so it is tested against recorded JSON. Tolerant by design: a field of
 * the wrong type counts as missing, and it never throws (null when nothing usable is left).
 *
 * Fields are typed `unknown` on purpose: Chrome's own details types are assignable to these
 * interfaces, and nothing here trusts them.
 */
import type { Header, ResourceType } from '../core/types';
import type { CaptureEvent, RequestEventBase, ResponseEventPart } from '../core/model/events';
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

function response(details: WebRequestDetailsLike): ResponseEventPart {
  return {
    status: finiteNumber(details.statusCode, 0),
    statusLine: text(details.statusLine) ?? '',
    responseHeaders: convertHeaders(details.responseHeaders),
    fromCache: details.fromCache === true,
    ip: text(details.ip),
  };
}

/** One webRequest event as a CaptureEvent; a main_frame onBeforeRequest is the tab's navigation signal. */
export function convertDetails(eventName: WebRequestEventName, details: WebRequestDetailsLike | null | undefined): CaptureEvent | null {
  if (typeof details !== 'object' || details === null) return null;
  const common = base(details);
  if (common === null) return null;
  switch (eventName) {
    case 'onBeforeRequest':
      return { ...common, kind: common.resourceType === 'main_frame' ? 'navigation' : 'before-request' };
    case 'onBeforeSendHeaders':
      return { ...common, kind: 'before-send-headers', requestHeaders: convertHeaders(details.requestHeaders) };
    case 'onSendHeaders':
      return { ...common, kind: 'send-headers', requestHeaders: convertHeaders(details.requestHeaders) };
    case 'onHeadersReceived':
      return { ...common, ...response(details), kind: 'headers-received' };
    case 'onBeforeRedirect':
      return { ...common, ...response(details), kind: 'redirect', redirectUrl: text(details.redirectUrl) };
    case 'onResponseStarted':
      return { ...common, ...response(details), kind: 'response-started' };
    case 'onCompleted':
      return { ...common, ...response(details), kind: 'completed' };
    case 'onErrorOccurred':
      return {
        ...common, kind: 'error', error: text(details.error) ?? 'unknown', fromCache: details.fromCache === true, ip: text(details.ip),
      };
    default:
      return null;
  }
}

/** tabs.onRemoved as a CaptureEvent (the background supplies the time). */
export function tabRemovedEvent(tabId: number, at: number): CaptureEvent {
  return { kind: 'tab-removed', tabId, at };
}
