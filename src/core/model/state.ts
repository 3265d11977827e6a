/**
 * The model's state: per tab, the stored transactions (newest last, capped), the requests still in
 * flight and the preflights not yet paired; plus a model of Chromium's preflight cache. Plain JSON
 * (Records and arrays, null never undefined) so the background can keep it in storage.session and
 * resume after a service-worker restart with nothing lost mid-request; except each tab's `inflight`
 * and `preflights`, which are Maps: their keys come and go with every request, and a plain object
 * whose keys churn falls into V8's slow dictionary mode (~400 ns per key added or deleted, measured).
 * They are stored as Records (modelStateToJson; restoreModelState turns them back into Maps).
 *
 * WARNING: persisted. Bump MODEL_SCHEMA when a field changes meaning; restoreModelState drops
 * state of another schema rather than misreading it.
 */
import type { UnreadTransactions } from './listed';
import { listedRecord, listedTransaction } from './listed';
import type { Transaction, TransactionPreflight } from './transaction';

export const MODEL_SCHEMA = 'cors-lens/model@1';
export const DEFAULT_CAPACITY = 5000;
/** Chromium's preflight cache holds at most this many entries (reference §4.7). */
export const PREFLIGHT_CACHE_CAPACITY = 1024;

/** Badge-relevant and "not stored but counted" numbers of one tab. */
export interface TabCounts {
  /** Stored transactions whose verdict is blocked. */
  blocked: number;
  /** Stored transactions allowed with at least one warning finding. */
  warnings: number;
  /** Requests that stayed same-origin from start to end (counted, not stored). */
  sameOrigin: number;
  /** Requests to something else than http(s): data:, blob:, ws:, chrome-extension:… (counted, not stored). */
  nonHttp: number;
  /** Requests without an initiator (typed in the omnibox, browser-internal): not CORS. */
  browserInitiated: number;
  /** Stored transactions dropped because the tab passed its capacity. */
  evicted: number;
}

/** Bookkeeping of one request in flight. */
export interface InflightRequest {
  requestId: string;
  txId: string;
  /**
   * The transaction while it is not listed (same-origin so far, or an OPTIONS that may be a
   * preflight); null once listed in the tab's `transactions`. Keeps `transactions` exactly the
   * listed records, so the background can write them one by one.
   */
  hidden: Transaction | null;
  /** Order of the current hop's onBeforeRequest within the model (FIFO pairing). */
  hopSeq: number;
  /** When the current hop started (its onBeforeRequest); a cache entry expired by then covered nothing. */
  hopStartedAt: number;
  /** The current hop's URL and method (a 303 turns POST into GET). */
  hopUrl: string;
  hopMethod: string;
  /** The request's headers for the current hop went out (it resumed after any preflight). */
  resumed: boolean;
  /** requestId of the preflight paired with the current hop, or null. */
  preflightId: string | null;
  /** An OPTIONS request not yet known to be a page's own request or a preflight (decided at onSendHeaders). */
  maybePreflight: boolean;
  /** The last redirect is waiting for its onBeforeRequest to the new URL. */
  awaitingHop: boolean;
  /**
   * The listed record once `hidden` is null: every event of the request reads it, and a lookup among
   * a busy tab's thousands cost more than the rest of the event (measured). Transient: never stored
   * (storedInflight); a restored request looks its record up on its first event (tab-log.ts txOf).
   */
  listed?: Transaction | undefined;
  /** `[txId]`, frozen: the upserted ids of most of its events' changes, one list for all (change.ts). Transient too. */
  upsertedAlone?: readonly string[] | undefined;
}

/** A request in flight as stored: without the transient `listed` (the record is stored on its own) and `upsertedAlone`. */
export function storedInflight(request: InflightRequest): Omit<InflightRequest, 'listed' | 'upsertedAlone'> {
  const { listed: _transient, upsertedAlone: _alsoTransient, ...stored } = request;
  return stored;
}

/** A preflight the model follows. Its data is in its owner's transaction when paired, else here. */
export interface PreflightTracking {
  requestId: string;
  url: string;
  frameId: number;
  documentId: string | null;
  initiator: string | null;
  /** Access-Control-Request-Method as sent. */
  requestMethod: string;
  /** Lowercased names from Access-Control-Request-Headers. */
  requestHeaderNames: string[];
  owner: { requestId: string; hop: number } | null;
  /** The data while unpaired (null while paired). */
  record: TransactionPreflight | null;
  done: boolean;
}

export interface TabState {
  tabId: number;
  preserveLog: boolean;
  /**
   * Listed (cross-origin) transactions, pending or done, by transaction id: a Map, stored as a
   * Record (listed.ts). Read them through listedTransaction: a restored tab may hold some unread.
   */
  transactions: Map<string, Transaction>;
  /** Listed transactions restored from storage, not unpacked yet (listed.ts). Transient: never stored. */
  unread?: UnreadTransactions | undefined;
  /** Ids of stored transactions, oldest first. */
  order: string[];
  /** By requestId. */
  inflight: Map<string, InflightRequest>;
  /** By requestId. */
  preflights: Map<string, PreflightTracking>;
  counts: TabCounts;
  /**
   * The main frame's document the log belongs to (from its requests' documentId); null until one is
   * seen after a navigation. Optional: state stored before it existed reads as unknown.
   */
  mainDocumentId?: string | null;
  /**
   * requestIds the model let go of while they were in flight (log cleared, evicted), newest last,
   * bounded: their last events are not mistaken for requests whose start was lost (late-start.ts).
   * Optional: state stored before it existed reads as none.
   */
  forgotten?: string[];
  /**
   * The origin of the page the tab shows (its last main-frame navigation or tabs.onUpdated URL), and
   * when it was seen: requests a worker of that origin makes are listed in this tab
   * (worker-home.ts). Optional: state stored before it existed reads as unknown.
   */
  pageOrigin?: string | null;
  pageAt?: number;
}

/** Chromium's cache result for one key (a new preflight replaces the whole entry, reference §4.7). */
export interface PreflightCacheEntry {
  key: string;
  transactionId: string | null;
  expiresAt: number;
  preflight: TransactionPreflight;
}

export interface ModelState {
  schema: typeof MODEL_SCHEMA;
  /** Monotonic counter stamped on each hop's onBeforeRequest. */
  seq: number;
  /** By String(tabId); requests without a tab live under NO_TAB (-1). */
  tabs: Record<string, TabState>;
  /**
   * Global, not per tab: Chromium's cache outlives navigations and is shared by tabs of one site.
   * Keyed by initiator + URL; insertion order is age (oldest first). A Map like `inflight`: an
   * entry comes and goes with every cached preflight; stored as a Record (modelStateToJson).
   */
  preflightCache: Map<string, PreflightCacheEntry>;
  preflightCacheSize: number;
}

export function createModelState(): ModelState {
  return { schema: MODEL_SCHEMA, seq: 0, tabs: {}, preflightCache: new Map(), preflightCacheSize: 0 };
}

export function emptyCounts(): TabCounts {
  return { blocked: 0, warnings: 0, sameOrigin: 0, nonHttp: 0, browserInitiated: 0, evicted: 0 };
}

export function createTabState(tabId: number, preserveLog = false): TabState {
  return { tabId, preserveLog, transactions: new Map(), order: [], inflight: new Map(), preflights: new Map(), counts: emptyCounts() };
}

export function getOrCreateTab(state: ModelState, tabId: number): TabState {
  // Indexed by the number itself: the same key as String(tabId) (how JavaScript names it), without building the string.
  let tab = state.tabs[tabId];
  if (!tab) {
    tab = createTabState(tabId);
    state.tabs[tabId] = tab;
  }
  return tab;
}

/** Keep this tab's log across navigations (DevTools' "Preserve log"). */
export function setPreserveLog(state: ModelState, tabId: number, preserveLog: boolean): void {
  getOrCreateTab(state, tabId).preserveLog = preserveLog;
}

/** The tab's stored transactions, oldest first (what the panel lists and the export takes). */
export function listTransactions(state: ModelState, tabId: number): Transaction[] {
  const tab = state.tabs[tabId];
  if (!tab) return [];
  const list: Transaction[] = [];
  for (const id of tab.order) {
    const tx = listedTransaction(tab, id);
    if (tx) list.push(tx);
  }
  return list;
}

/** A Map's entries as a Record (how `inflight` and `preflights` are stored). */
export function recordOf<T, U = T>(map: ReadonlyMap<string, T>, convert?: (value: T) => U): Record<string, U> {
  const record: Record<string, U> = {};
  for (const [key, value] of map) record[key] = convert ? convert(value) : (value as unknown as U);
  return record;
}

/**
 * A stored Record back as a Map, in the Record's key order. A Map passes through unconverted (already restored);
 * anything else (a layout without the field) is empty.
 */
export function mapOf<T, U = T>(stored: unknown, convert?: (value: T) => U): Map<string, U> {
  if (stored instanceof Map) return stored as Map<string, U>;
  const map = new Map<string, U>();
  if (typeof stored !== 'object' || stored === null) return map;
  const record = stored as Record<string, T>;
  for (const key in record) map.set(key, convert ? convert(record[key] as T) : (record[key] as unknown as U));
  return map;
}

/** The state as JSON-ready data: the Maps as Records, the layout they had when they were Records. Unread transactions are unpacked. */
export function modelStateToJson(state: ModelState): unknown {
  const tabs: Record<string, unknown> = {};
  for (const key in state.tabs) {
    const { unread: _transient, ...tab } = state.tabs[key] as TabState;
    tabs[key] = { ...tab, transactions: listedRecord(state.tabs[key] as TabState), inflight: recordOf(tab.inflight, storedInflight), preflights: recordOf(tab.preflights) };
  }
  return { ...state, tabs, preflightCache: recordOf(state.preflightCache) };
}

/**
 * State read back from storage (or anything else), e.g. modelStateToJson's output after a JSON
 * round-trip. Returns null when it is not a model state of this schema, so the caller starts fresh
 * instead of misreading an older layout.
 */
export function restoreModelState(value: unknown): ModelState | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<ModelState>;
  if (candidate.schema !== MODEL_SCHEMA) return null;
  if (typeof candidate.seq !== 'number' || typeof candidate.tabs !== 'object' || candidate.tabs === null) return null;
  if (typeof candidate.preflightCache !== 'object' || candidate.preflightCache === null) return null;
  if (typeof candidate.preflightCacheSize !== 'number') return null;
  const tabs: Record<string, TabState> = {};
  for (const key in candidate.tabs) {
    const tab = candidate.tabs[key] as TabState;
    // A Map passes through mapOf as it is: the background restores `transactions` (and `unread`) itself.
    tabs[key] = { ...tab, transactions: mapOf(tab.transactions), inflight: mapOf(tab.inflight), preflights: mapOf(tab.preflights) };
  }
  return { ...(candidate as ModelState), tabs, preflightCache: mapOf(candidate.preflightCache) };
}
