/**
 * How the model state is laid out in storage.session: small records, so a change rewrites only what
 * it touched (a busy tab must not rewrite 5,000 transactions per batch).
 *   `model`        schema, sequence counter, preflight-cache size
 *   `pfc:<key>`    one entry of the preflight-cache model (stored-preflight-cache.ts)
 *   `tab:<tabId>`  one tab's bookkeeping (requests in flight, unpaired preflights, counts, its order's pages)
 *   `ord:<tabId>:<page>` a page of the tab's order (stored-order.ts)
 *   `tx:<id>`      one listed transaction, packed (transaction-codec.ts)
 *   `settings`     user settings (paused)
 *   `badge:<tabId>` what the tab's toolbar badge shows (badge.ts)
 *   `checkpoint`   per worker boot, the last logged event the records above include
 *   `log:<boot>:<n>` events logged since (see event-log.ts)
 * WARNING: persisted layout. `restoreModel` drops what it cannot read rather than guess.
 */
import { listedTransaction, mapOf, recordOf, storedInflight, restoreModelState, type Change, type Evaluate, type InflightRequest, type ModelState, type PreflightCacheEntry, type PreflightTracking, type TabState, type Transaction } from '../core/model';
import { CHECKPOINT_KEY } from './event-log';
import { packPreflight, packTransaction, unpackPreflight, unpackTransaction } from './transaction-codec';
import { CACHE_PREFIX, createWrittenCache, restoreCache, writeCacheChanges, type WrittenCache } from './stored-preflight-cache';
import { readStored, storedJson } from './stored-json';
import { unreadTransactions } from './lazy-transaction';
import { ORDER_PREFIX, createWrittenOrder, deleteOrder, restoreOrder, writeOrderChanges, type OrderRef, type WrittenOrder } from './stored-order';

export const MODEL_KEY = 'model';
export const SETTINGS_KEY = 'settings';
export const tabKey = (tabId: number): string => `tab:${tabId}`;
export const txKey = (id: string): string => `tx:${id}`;

type TabBookkeeping = Omit<TabState, 'transactions' | 'unread'>;
type ModelMeta = Omit<ModelState, 'tabs'>;

/** Stored bookkeeping: hidden transactions and unpaired preflight records packed (transaction-codec.ts). */
type StoredInflight = Omit<InflightRequest, 'hidden' | 'listed'> & { hidden: unknown };
type StoredTracking = Omit<PreflightTracking, 'record'> & { record: unknown };
/** The tab record: its order in pages (stored-order.ts), or, in the layout before them, as `order`. */
type StoredBookkeeping = Omit<TabBookkeeping, 'inflight' | 'preflights' | 'order'> & Partial<OrderRef> & {
  order?: unknown;
  inflight: Record<string, StoredInflight>;
  preflights: Record<string, StoredTracking>;
};
/** The `model` record; `preflightCache` only in the layout before `pfc:` records. */
type StoredMeta = Omit<ModelMeta, 'preflightCache'> & { preflightCache?: Record<string, Omit<PreflightCacheEntry, 'preflight'> & { preflight: unknown }> };

export interface StorageWriter {
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

function bookkeeping(tab: TabState, order: OrderRef): StoredBookkeeping {
  const { transactions: _listed, unread: _stored, order: _inPages, inflight, preflights, ...rest } = tab;
  return {
    ...rest,
    ...order,
    // The Maps are stored as Records: the layout stays what it was when they were Records.
    inflight: recordOf(inflight, (r) => ({ ...storedInflight(r), hidden: r.hidden === null ? null : packTransaction(r.hidden, true) })),
    preflights: recordOf(preflights, (t) => ({ ...t, record: t.record === null ? null : packPreflight(t.record) })),
  };
}

function meta(state: ModelState): StoredMeta {
  const { tabs: _tabs, preflightCache: _written, ...rest } = state;
  return rest;
}

/**
 * Whether the record's verdict is what evaluate() gives for it now, so storage may leave it out.
 * A transaction's record changes after its verdict only through a preflight still running when the
 * request ended (its late events); the verdict is recomputed when that preflight ends.
 */
function verdictIsCurrent(tab: TabState, tx: Transaction): boolean {
  if (tx.state !== 'done' || tx.verdict === null) return false;
  for (let hop = 0; hop <= tx.redirects.length; hop++) {
    const preflight = hop === 0 ? tx.preflight : (tx.redirects[hop - 1]?.nextPreflight ?? null);
    if (preflight === null || preflight.fromCache) continue;
    const tracking = tab.preflights.get(preflight.requestId);
    if (tracking !== undefined && !tracking.done) return false;
  }
  return true;
}

/** What changed since the last checkpoint, so a checkpoint writes only that. */
export interface Dirty {
  /** Listed transactions written or changed: id → tab id. */
  readonly tx: Map<string, number>;
  readonly removedTx: Set<string>;
  readonly tabs: Set<number>;
  /** The preflight-cache entries storage holds (diffed at each checkpoint, not marked dirty). */
  cache: WrittenCache;
  /** The pages of each tab's order storage holds (diffed when the tab is written). */
  order: WrittenOrder;
}

export function createDirty(): Dirty {
  return { tx: new Map(), removedTx: new Set(), tabs: new Set(), cache: createWrittenCache(), order: createWrittenOrder() };
}

export function isClean(dirty: Dirty): boolean {
  return dirty.tx.size === 0 && dirty.removedTx.size === 0 && dirty.tabs.size === 0;
}

export function noteChange(dirty: Dirty, change: Change): void {
  if (change.tabId === null) return;
  dirty.tabs.add(change.tabId);
  for (const id of change.removed) {
    dirty.tx.delete(id);
    dirty.removedTx.add(id);
  }
  for (const id of change.upserted) {
    dirty.removedTx.delete(id);
    dirty.tx.set(id, change.tabId);
  }
}

/**
 * Writes the model as of now: what changed since the last checkpoint, plus the meta record and the
 * log marks, all in one batch (one atomic `set`), then forgets the dirt.
 */
export function writeCheckpoint(state: ModelState, dirty: Dirty, marks: Record<string, number>, out: StorageWriter): void {
  out.put(MODEL_KEY, storedJson(meta(state)));
  writeCacheChanges(state.preflightCache, dirty.cache, out);
  for (const tabId of dirty.tabs) {
    const tab = state.tabs[String(tabId)];
    if (tab) out.put(tabKey(tabId), storedJson(bookkeeping(tab, writeOrderChanges(tabId, tab.order, dirty.order, out))));
    else {
      out.delete(tabKey(tabId));
      deleteOrder(tabId, dirty.order, out);
    }
  }
  for (const [id, tabId] of dirty.tx) {
    const tab = state.tabs[String(tabId)];
    const tx = tab ? listedTransaction(tab, id) : undefined;
    if (tab && tx) out.put(txKey(id), storedJson(packTransaction(tx, !verdictIsCurrent(tab, tx))));
  }
  for (const id of dirty.removedTx) out.delete(txKey(id));
  out.put(CHECKPOINT_KEY, { applied: { ...marks } });
  dirty.tx.clear();
  dirty.removedTx.clear();
  dirty.tabs.clear();
}

export interface RestoredModel {
  readonly state: ModelState | null;
  /** Stored transactions no tab lists any more (a crash between two writes): delete them. */
  readonly orphanKeys: readonly string[];
  /** The preflight-cache records storage holds, for the checkpointer to diff against. */
  readonly writtenCache: WrittenCache;
  /** The order pages storage holds, likewise. */
  readonly writtenOrder: WrittenOrder;
}

function unpackBookkeeping(stored: StoredBookkeeping, order: string[], evaluate: Evaluate | Transaction[] | null): TabBookkeeping {
  const { order: _before, orderPages: _pages, orderSkip: _skip, ...book } = stored;
  return {
    ...book,
    order,
    inflight: mapOf(book.inflight, (r: StoredInflight) => ({ ...r, hidden: r.hidden === null ? null : unpackTransaction(r.hidden, evaluate) })),
    preflights: mapOf(book.preflights, (t: StoredTracking) => ({ ...t, record: t.record === null ? null : unpackPreflight(t.record) })),
  };
}

/** The meta record with the preflight cache: from `pfc:` records, or from inside it (the layout before them). */
function unpackMeta(stored: StoredMeta, restored: RestoredCacheLike): ModelMeta {
  if (stored.preflightCache === undefined) return { ...stored, preflightCache: mapOf(restored.cache), preflightCacheSize: restored.size };
  const cache = new Map<string, PreflightCacheEntry>();
  for (const key in stored.preflightCache) {
    const entry = stored.preflightCache[key];
    const preflight = entry ? unpackPreflight(entry.preflight) : null;
    if (entry && preflight) cache.set(key, { ...entry, preflight });
  }
  return { ...stored, preflightCache: cache };
}

type RestoredCacheLike = ReturnType<typeof restoreCache>;

/**
 * Reassembles the state from everything stored; null state when nothing usable is there. `evaluate`
 * recomputes the verdicts storage left out (see verdictIsCurrent); without it those records are dropped.
 * With `lazy`, listed transactions are unpacked only when first read (lazy-transaction.ts), and
 * their left-out verdicts computed with it when first read.
 */
export function restoreModel(items: Record<string, unknown>, evaluate: Evaluate | Transaction[] | null = null, lazy: Evaluate | null = null): RestoredModel {
  const tabs: Record<string, TabState> = {};
  const byTab = new Map<number, Record<string, Transaction>>();
  const orphanKeys: string[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith('tx:') || lazy) continue;
    const tx = unpackTransaction(readStored(value), evaluate);
    if (tx === null) {
      orphanKeys.push(key);
      continue;
    }
    const list = byTab.get(tx.tabId) ?? {};
    list[tx.id] = tx;
    byTab.set(tx.tabId, list);
  }
  const listedKeys = new Set<string>();
  const writtenOrder = createWrittenOrder();
  const usedPages = new Set<string>();
  for (const [key, raw] of Object.entries(items)) {
    const value = key.startsWith('tab:') ? readStored(raw) : null;
    if (typeof value !== 'object' || value === null) continue;
    const packed = value as StoredBookkeeping;
    if (typeof packed.tabId !== 'number') continue;
    const order = restoreOrder(packed.tabId, packed, items, writtenOrder, usedPages);
    if (order === null) continue;
    const book = unpackBookkeeping(packed, order, evaluate);
    const stored = byTab.get(book.tabId) ?? {};
    const transactions = new Map<string, Transaction>();
    const unread = lazy ? unreadTransactions(lazy) : undefined;
    for (const id of book.order) {
      if (unread) {
        const raw = items[txKey(id)];
        if (raw === undefined) continue;
        listedKeys.add(txKey(id));
        unread.stored.set(id, raw);
        continue;
      }
      const tx = stored[id];
      if (tx) transactions.set(id, tx);
    }
    const listed = unread ? unread.stored : transactions;
    const kept = book.order.filter((id) => listed.has(id));
    tabs[String(book.tabId)] = unread ? { ...book, order: kept, transactions, unread } : { ...book, order: kept, transactions };
  }
  if (lazy) for (const key of Object.keys(items)) if (key.startsWith('tx:') && !listedKeys.has(key)) orphanKeys.push(key);
  for (const [tabId, stored] of byTab) {
    const listed = tabs[String(tabId)]?.transactions;
    for (const id of Object.keys(stored)) if (!listed?.has(id)) orphanKeys.push(txKey(id));
  }
  for (const key of Object.keys(items)) if (key.startsWith(ORDER_PREFIX) && !usedPages.has(key)) orphanKeys.push(key);
  const base = readStored(items[MODEL_KEY]);
  const cache = restoreCache(items);
  orphanKeys.push(...cache.unreadable);
  const state = typeof base === 'object' && base !== null ? restoreModelState({ ...unpackMeta(base as StoredMeta, cache), tabs }) : null;
  if (state === null) {
    // Nothing usable to attach them to: the cache records go too.
    for (const key of Object.keys(items)) if (key.startsWith(CACHE_PREFIX) && !orphanKeys.includes(key)) orphanKeys.push(key);
    return { state, orphanKeys, writtenCache: createWrittenCache(), writtenOrder: createWrittenOrder() };
  }
  return { state, orphanKeys, writtenCache: cache.written, writtenOrder };
}
