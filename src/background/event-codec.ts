/**
 * Logged events as stored. Every webRequest event is written once to the log, so its size and the
 * work of writing it are paid on every event of every request: an event is one JSON array, its
 * fields by position (no field names), its kind a number, header lines packed (header-lines.ts).
 *
 * WARNING: persisted layout. Format 2 is the JSON string of
 *   [2, kind, requestId, tabId, frameId, parentFrameId, documentId, url, method, resourceType, initiator, at, …]
 * with, after `at`, by kind (KINDS):
 *   before-request, navigation                      nothing
 *   before-send-headers, send-headers               requestHeaders (packed lines or null)
 *   headers-received, response-started, completed   status, statusLine, responseHeaders, fromCache (0|1), ip
 *   redirect                                        the same, then redirectUrl
 *   error                                           error, fromCache (0|1), ip
 * a tab-removed event is [2, kind, tabId, at] and a page event [2, kind, tabId, at, url]. KIND_CODES never change (new kinds take new codes); a kind's fields
 * only by appending (a decoder takes a missing trailing field as absent). Records of the layout
 * before it (a JSON object, with `packed: 1` when its header lines are packed, or an object stored
 * as it is) are still read. Decoders return null for anything they cannot read.
 */
import type { CaptureEvent, RequestEventBase, ResponseEventPart } from '../core/model';
import type { Header, ResourceType } from '../core/types';
import { LineUnpacker, packLines } from './header-lines';
import { readStored, storedJson } from './stored-json';

const FORMAT = 2;
type Kind = CaptureEvent['kind'];
/** Every kind's code: a kind missing here fails to compile. Codes never change; new kinds take new ones. */
const KIND_CODES: { readonly [K in Kind]: number } = {
  'before-request': 0, 'before-send-headers': 1, 'send-headers': 2, 'headers-received': 3, 'redirect': 4,
  'response-started': 5, 'completed': 6, 'error': 7, 'navigation': 8, 'tab-removed': 9,
  'page': 10,
};
const KINDS: readonly Kind[] = (Object.keys(KIND_CODES) as Kind[]).sort((a, b) => KIND_CODES[a] - KIND_CODES[b]);

/** Position of the first kind-specific field. */
const REST = 12;

const lines = (headers: readonly Header[] | null): unknown[] | null => (headers === null ? null : packLines(headers));

function responsePart(out: unknown[], e: ResponseEventPart): void {
  out.push(e.status, e.statusLine, lines(e.responseHeaders), e.fromCache ? 1 : 0, e.ip);
}

/** The event as stored: one JSON string (see stored-json.ts). */
export function packEvent(event: CaptureEvent): string {
  if (event.kind === 'tab-removed') return storedJson([FORMAT, KIND_CODES['tab-removed'], event.tabId, event.at]);
  if (event.kind === 'page') return storedJson([FORMAT, KIND_CODES.page, event.tabId, event.at, event.url]);
  const out: unknown[] = [
    FORMAT, KIND_CODES[event.kind], event.requestId, event.tabId, event.frameId, event.parentFrameId, event.documentId,
    event.url, event.method, event.resourceType, event.initiator, event.at,
  ];
  switch (event.kind) {
    case 'before-request':
    case 'navigation':
      break;
    case 'before-send-headers':
    case 'send-headers':
      out.push(lines(event.requestHeaders));
      break;
    case 'headers-received':
    case 'response-started':
    case 'completed':
      responsePart(out, event);
      break;
    case 'redirect':
      responsePart(out, event);
      out.push(event.redirectUrl);
      break;
    case 'error':
      out.push(event.error, event.fromCache ? 1 : 0, event.ip);
      break;
    default: {
      const unknownKind: never = event;
      return unknownKind;
    }
  }
  return storedJson(out);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const isNumber = (v: unknown): v is number => typeof v === 'number';

/** Unpacked header lines: null when stored as null, undefined when unreadable. */
function headersAt(value: unknown): Header[] | null | undefined {
  if (value === null || value === undefined) return null;
  return new LineUnpacker().unpack(value) ?? undefined;
}

function baseOf(v: readonly unknown[]): RequestEventBase | null {
  const [, , requestId, tabId, frameId, parentFrameId, documentId, url, method, resourceType, initiator, at] = v;
  if (typeof requestId !== 'string' || !isNumber(tabId) || !isNumber(frameId) || !isNumber(parentFrameId) || typeof url !== 'string') return null;
  if (typeof method !== 'string' || typeof resourceType !== 'string' || !isNumber(at)) return null;
  return {
    requestId, tabId, frameId, parentFrameId, documentId: str(documentId), url, method, resourceType: resourceType as ResourceType,
    initiator: str(initiator), at,
  };
}

function responseOf(v: readonly unknown[]): ResponseEventPart | null {
  const [status, statusLine, packed, fromCache, ip] = v.slice(REST);
  const responseHeaders = headersAt(packed);
  if (!isNumber(status) || typeof statusLine !== 'string' || responseHeaders === undefined) return null;
  return { status, statusLine, responseHeaders, fromCache: fromCache === 1, ip: str(ip) };
}

/** A format-2 record back as the event; fields in the order convert-details.ts builds them. */
function unpackPositional(v: readonly unknown[]): CaptureEvent | null {
  const kind: Kind | undefined = isNumber(v[1]) ? KINDS[v[1]] : undefined;
  if (kind === undefined) return null;
  if (kind === 'tab-removed') return isNumber(v[2]) && isNumber(v[3]) ? { kind, tabId: v[2], at: v[3] } : null;
  if (kind === 'page') return isNumber(v[2]) && isNumber(v[3]) && typeof v[4] === 'string' ? { kind, tabId: v[2], at: v[3], url: v[4] } : null;
  const b = baseOf(v);
  if (b === null) return null;
  const base = {
    requestId: b.requestId, tabId: b.tabId, frameId: b.frameId, parentFrameId: b.parentFrameId, documentId: b.documentId,
    url: b.url, method: b.method, resourceType: b.resourceType, initiator: b.initiator, at: b.at,
  };
  switch (kind) {
    case 'before-request':
    case 'navigation':
      return { kind, ...base };
    case 'before-send-headers':
    case 'send-headers': {
      const requestHeaders = headersAt(v[REST]);
      return requestHeaders === undefined ? null : { kind, ...base, requestHeaders };
    }
    case 'headers-received':
    case 'response-started':
    case 'completed': {
      const r = responseOf(v);
      return r === null ? null : { kind, ...base, ...r };
    }
    case 'redirect': {
      const r = responseOf(v);
      return r === null ? null : { kind, ...base, ...r, redirectUrl: str(v[REST + 5]) };
    }
    case 'error': {
      const [error, fromCache, ip] = v.slice(REST);
      return typeof error === 'string' ? { kind, ...base, error, fromCache: fromCache === 1, ip: str(ip) } : null;
    }
  }
}

type Loose = Record<string, unknown>;

/** A record of the layout before format 2: an object, header lines packed when `packed: 1`. */
function unpackObject(stored: Loose): CaptureEvent | null {
  if (typeof stored.kind !== 'string') return null;
  if (stored.packed !== 1) return stored as unknown as CaptureEvent;
  const { packed: _flag, ...event } = stored;
  const unpacker = new LineUnpacker(); // requestHeaders first, as that layout packed them
  for (const key of ['requestHeaders', 'responseHeaders'] as const) {
    if (!Array.isArray(event[key])) continue;
    const headers = unpacker.unpack(event[key]);
    if (headers === null) return null;
    event[key] = headers;
  }
  return event as unknown as CaptureEvent;
}

/** A stored event back as the CaptureEvent it was; null when it is not one. */
export function unpackEvent(raw: unknown): CaptureEvent | null {
  const value = readStored(raw);
  if (Array.isArray(value)) return value[0] === FORMAT ? unpackPositional(value) : null;
  return typeof value === 'object' && value !== null ? unpackObject(value as Loose) : null;
}
