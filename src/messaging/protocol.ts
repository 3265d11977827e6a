/**
 * Every message between the extension's pages and its service worker, declared once.
 *
 * WARNING: `cors-lens/export` is a public contract (README, "Export contract"): other tools send
 * `{type: 'cors-lens/export', tabId}` and read a `cors-lens/report@1`. Add messages and fields;
 * never rename or remove one.
 */
import type { Transaction, TabCounts } from '../core/model';
import type { ReportV1 } from '../core/report';

export const PROTOCOL_VERSION = 1;
export const LIVE_PORT_NAME = 'cors-lens/live';

/** Whether the worker's state is safely in storage.session (see background/session-cache.ts). */
export interface PersistenceStatus {
  /** Last write failed; data is only in memory until a write succeeds. */
  readonly degraded: boolean;
  /** The storage error in words, for the UI. */
  readonly message: string | null;
  readonly failedWrites: number;
}

export interface TabSummary extends TabCounts {
  readonly tabId: number;
  /** Listed cross-origin transactions (after eviction). */
  readonly total: number;
  readonly preserveLog: boolean;
}

export interface TabSnapshot {
  readonly tabId: number;
  readonly summary: TabSummary;
  /** Oldest first. */
  readonly transactions: readonly Transaction[];
  readonly paused: boolean;
  readonly persistence: PersistenceStatus;
}

/** What CORS Lens can see of a tab, for the popup's "cannot see this page" state. */
export interface TabInfo {
  readonly tabId: number;
  readonly url: string | null;
  readonly title: string | null;
  /** false for chrome://, the Web Store, other extensions' pages: no webRequest events there. */
  readonly capturable: boolean;
  readonly exists: boolean;
}

/** Request → response messages (runtime.sendMessage). Each is `{type, ...request}`. */
export interface Requests {
  'cors-lens/export': { request: { tabId: number; redact?: boolean }; response: ReportV1 };
  'cors-lens/snapshot': { request: { tabId: number }; response: TabSnapshot };
  'cors-lens/clear': { request: { tabId: number }; response: TabSummary };
  'cors-lens/set-preserve-log': { request: { tabId: number; preserve: boolean }; response: TabSummary };
  'cors-lens/set-paused': { request: { paused: boolean }; response: { paused: boolean } };
  'cors-lens/tab-info': { request: { tabId: number }; response: TabInfo };
}

export const REQUEST_NAMES = [
  'cors-lens/export',
  'cors-lens/snapshot',
  'cors-lens/clear',
  'cors-lens/set-preserve-log',
  'cors-lens/set-paused',
  'cors-lens/tab-info',
] as const satisfies readonly (keyof Requests)[];

/** UI → worker over the live port. */
export type LiveRequest = { readonly type: 'subscribe'; readonly tabId: number; readonly version: number };

/** Worker → UI over the live port: a full snapshot first, then increments. */
export type LiveUpdate =
  | { readonly type: 'snapshot'; readonly snapshot: TabSnapshot }
  | { readonly type: 'upsert'; readonly tabId: number; readonly transactions: readonly Transaction[]; readonly summary: TabSummary }
  | { readonly type: 'remove'; readonly tabId: number; readonly ids: readonly string[]; readonly summary: TabSummary }
  | { readonly type: 'status'; readonly paused: boolean; readonly persistence: PersistenceStatus };
