/**
 * The transaction record: one cross-origin request as the UI and the export read it, with the
 * preflight guarding each hop, the redirect chain and how it ended.
 *
 * WARNING: persisted in storage.session (restored after a service-worker restart) and read by the
 * UI and the export: add fields freely, never rename or remove one. Plain JSON only: no undefined,
 * Map, Set or class instances (fields the browser did not report are null).
 */
import type { Header, ResourceType, Verdict } from '../types';
import { NO_TAB } from './events';

/** A preflight-cache entry that let a request go out without a preflight (reference §4.7). */
export interface CoveredBy {
  /** The transaction whose preflight created the entry (it may have been evicted or cleared since). */
  readonly transactionId: string | null;
  /** When Chromium's entry expires (ms since epoch): preflight end + Access-Control-Max-Age. */
  readonly expiresAt: number;
}

export interface TransactionPreflight {
  /** The OPTIONS request's own requestId (not linked to the request's by the browser). */
  requestId: string;
  url: string;
  /** null until the response arrived (or when it never did). */
  status: number | null;
  requestHeaders: Header[];
  responseHeaders: Header[];
  startedAt: number;
  endedAt: number | null;
  /** Not sent for this request: an earlier preflight's cache entry covered it (see coveredBy). */
  fromCache: boolean;
  /** The preflight answered with a redirect to this URL (a failure, reference §4.8). */
  redirectedTo: string | null;
  /** Network error of the preflight itself (connection refused…); its own events never show CORS failures. */
  netError: string | null;
  coveredBy: CoveredBy | null;
}

export interface TransactionRedirect {
  /** The hop's URL and the redirect response it got. */
  url: string;
  status: number;
  responseHeaders: Header[];
  /** Where the browser went next (Location resolved by the browser). */
  location: string;
  /** Headers sent to `location` (Origin becomes `null` after a cross-origin hop, reference §1). */
  nextRequestHeaders: Header[] | null;
  /** The preflight sent for the request to `location` (a new one per hop, reference §5). */
  nextPreflight: TransactionPreflight | null;
}

export interface TransactionResponse {
  status: number;
  statusLine: string;
  responseHeaders: Header[];
  fromCache: boolean;
  ip: string | null;
}

export type TransactionState = 'pending' | 'done';

/** Where CORS Lens first saw a request whose first events never reached it (late-start.ts). */
export interface MissedStart {
  /** The first event that did arrive (CaptureEvent kind): 'send-headers', 'headers-received', 'completed', 'error'… */
  readonly firstEvent: string;
}

export interface Transaction {
  /** `r` + the request's requestId: deterministic, unique within a browser session. */
  id: string;
  tabId: number;
  frameId: number;
  parentFrameId: number;
  documentId: string | null;
  requestId: string;
  /** The first URL (redirect targets are in `redirects`). */
  url: string;
  method: string;
  resourceType: ResourceType;
  initiator: string | null;
  /** Some hop's origin differs from the initiator (a same-origin request redirected away becomes one). */
  crossOrigin: boolean;
  startedAt: number;
  endedAt: number | null;
  /** Headers as sent to the first URL; null until onSendHeaders (never, after a failed preflight). */
  requestHeaders: Header[] | null;
  preflight: TransactionPreflight | null;
  redirects: TransactionRedirect[];
  /** The final hop's response; present even when CORS blocked it (onHeadersReceived fires first). */
  response: TransactionResponse | null;
  netError: string | null;
  state: TransactionState;
  /** The engine's verdict, computed when the transaction ends. */
  verdict: Verdict | null;
  /** The engine threw on this transaction (a bug to report); the verdict stays null. */
  evaluationError: string | null;
  /**
   * Present only when the request's start never reached CORS Lens (a service worker Chrome stopped
   * discards the events queued in it): what came before `firstEvent` is unknown, and `startedAt` is
   * that event's time. Absent (not null) otherwise, so the records of whole requests stay as small.
   */
  missedStart?: MissedStart;
}

/**
 * Whether a worker of the request's site sent it, not a tab: a listed transaction that kept tabId -1
 * (model/worker-home.ts).
 */
export function isFromWorker(tx: Pick<Transaction, 'tabId'>): boolean {
  return tx.tabId === NO_TAB;
}
