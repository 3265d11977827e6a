/**
 * CaptureEvent: our own vocabulary for what the browser reported about one request. Only
 * src/background/convert-details.ts knows webRequest's `details` shapes; everything after it reads
 * these events. Every field is always present (null when the browser did not say), numbers are
 * finite numbers, and header values are strings (binary values decoded byte-per-char, latin1).
 *
 * WARNING: events are persisted nowhere, but recorded fixtures and tests build them: add kinds and
 * fields freely, never rename one.
 */
import type { Header, ResourceType } from '../types';

/**
 * `tabId` of requests that belong to no tab (service workers, shared workers, extensions): kept under
 * this key, unless a tab shows a page of their initiator's origin (model/worker-home.ts).
 */
export const NO_TAB = -1;

/** What every request event carries (webRequest details common to all listeners). */
export interface RequestEventBase {
  /** webRequest's requestId: stable across redirects of one request, distinct for its preflight. */
  readonly requestId: string;
  readonly tabId: number;
  /** 0 = the tab's main frame; -1 when unknown. */
  readonly frameId: number;
  readonly parentFrameId: number;
  readonly documentId: string | null;
  /** The URL of this hop (after a redirect, the redirect target). */
  readonly url: string;
  readonly method: string;
  readonly resourceType: ResourceType;
  /** Serialized initiator origin; the string `null` for an opaque one; null when browser-initiated. */
  readonly initiator: string | null;
  /** webRequest timeStamp, ms since epoch. The only clock the model uses. */
  readonly at: number;
}

/** What events carrying a response add (status 0 and null headers when not given). */
export interface ResponseEventPart {
  readonly status: number;
  readonly statusLine: string;
  /** All lines in order, duplicates kept; null when the listener was registered without them. */
  readonly responseHeaders: Header[] | null;
  readonly fromCache: boolean;
  readonly ip: string | null;
}

export interface BeforeRequestEvent extends RequestEventBase {
  readonly kind: 'before-request';
}

/** onBeforeSendHeaders: only used as the "request resumed" signal (headers may still change). */
export interface BeforeSendHeadersEvent extends RequestEventBase {
  readonly kind: 'before-send-headers';
  readonly requestHeaders: Header[] | null;
}

/** onSendHeaders with extraHeaders: the headers as sent, including Origin and Cookie. */
export interface SendHeadersEvent extends RequestEventBase {
  readonly kind: 'send-headers';
  readonly requestHeaders: Header[] | null;
}

export interface HeadersReceivedEvent extends RequestEventBase, ResponseEventPart {
  readonly kind: 'headers-received';
}

export interface RedirectEvent extends RequestEventBase, ResponseEventPart {
  readonly kind: 'redirect';
  /** Where the browser goes next; null when the browser did not say. */
  readonly redirectUrl: string | null;
}

export interface ResponseStartedEvent extends RequestEventBase, ResponseEventPart {
  readonly kind: 'response-started';
}

export interface CompletedEvent extends RequestEventBase, ResponseEventPart {
  readonly kind: 'completed';
}

/** onErrorOccurred: every CORS failure ends here with net::ERR_FAILED (reference §7). */
export interface ErrorEvent extends RequestEventBase {
  readonly kind: 'error';
  readonly error: string;
  readonly fromCache: boolean;
  readonly ip: string | null;
}

/** The tab's main frame starts loading a new page (main_frame onBeforeRequest). */
export interface NavigationEvent extends RequestEventBase {
  readonly kind: 'navigation';
}

/**
 * The tab shows a page at `url` (tabs.onUpdated). Says which site the tab is on when the network
 * never saw its navigation: a page a service worker served from its cache sends no main_frame request.
 */
export interface PageEvent {
  readonly kind: 'page';
  readonly tabId: number;
  readonly url: string;
  readonly at: number;
}

/** The tab was closed (tabs.onRemoved). */
export interface TabRemovedEvent {
  readonly kind: 'tab-removed';
  readonly tabId: number;
  readonly at: number;
}

export type RequestEvent =
  | BeforeRequestEvent | BeforeSendHeadersEvent | SendHeadersEvent | HeadersReceivedEvent
  | RedirectEvent | ResponseStartedEvent | CompletedEvent | ErrorEvent;

export type CaptureEvent = RequestEvent | NavigationEvent | PageEvent | TabRemovedEvent;

export type CaptureEventKind = CaptureEvent['kind'];
