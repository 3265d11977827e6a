/**
 * How the model state is laid out in storage.session: small records, so a change rewrites only what
 * it touched (a busy tab must not rewrite 5,000 transactions per batch).
 *   `model`        schema, sequence counter and the preflight-cache model
 *   `tab:<tabId>`  one tab's bookkeeping (order, requests in flight, unpaired preflights, counts)
 *   `tx:<id>`      one listed transaction
 *   `settings`     user settings (paused)
 *   `checkpoint`   per worker boot, the last logged event the records above include
 *   `log:<boot>:<n>` events logged since (see event-log.ts)
 * WARNING: persisted layout. `restoreModel` drops what it cannot read rather than guess.
 */
import { restoreModelState, type ModelState, type TabState, type Transaction, type Change } from '../core/model';
import { CHECKPOINT_KEY } from './event-log';

export const MODEL_KEY = 'model';
export const SETTINGS_KEY = 'settings';
export const tabKey = (tabId: number): string => `tab:${tabId}`;
export const txKey = (id: string): string => `tx:${id}`;

type TabBookkeeping = Omit<TabState, 'transactions'>;
type ModelMeta = Omit<ModelState, 'tabs'>;

export interface StorageWriter {
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

function bookkeeping(tab: TabState): TabBookkeeping {
  const { transactions: _listed, ...rest } = tab;
  return rest;
}

function meta(state: ModelState): ModelMeta {
  const { tabs: _tabs, ...rest } = state;
  return rest;
}

/** What changed since the last checkpoint, so a checkpoint writes only that. */
export interface Dirty {
  /** Listed transactions written or changed: id → tab id. */
  readonly tx: Map<string, number>;
  readonly removedTx: Set<string>;
  readonly tabs: Set<number>;
}

export function createDirty(): Dirty {
  return { tx: new Map(), removedTx: new Set(), tabs: new Set() };
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
  out.put(MODEL_KEY, meta(state));
  for (const tabId of dirty.tabs) {
    const tab = state.tabs[String(tabId)];
    if (tab) out.put(tabKey(tabId), bookkeeping(tab));
    else out.delete(tabKey(tabId));
  }
  for (const [id, tabId] of dirty.tx) {
    const tx = state.tabs[String(tabId)]?.transactions[id];
    if (tx) out.put(txKey(id), tx);
  }
  for (const id of dirty.removedTx) out.delete(txKey(id));
  out.put(CHECKPOINT_KEY, { applied: { ...marks } });
  dirty.tx.clear();
  dirty.removedTx.clear();
  dirty.tabs.clear();
}

function isTransaction(value: unknown): value is Transaction {
  return typeof value === 'object' && value !== null && typeof (value as Transaction).id === 'string' && typeof (value as Transaction).tabId === 'number';
}

export interface RestoredModel {
  readonly state: ModelState | null;
  /** Stored transactions no tab lists any more (a crash between two writes): delete them. */
  readonly orphanKeys: readonly string[];
}

/** Reassembles the state from everything stored; null state when nothing usable is there. */
export function restoreModel(items: Record<string, unknown>): RestoredModel {
  const tabs: Record<string, TabState> = {};
  const byTab = new Map<number, Record<string, Transaction>>();
  const orphanKeys: string[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith('tx:')) continue;
    if (!isTransaction(value)) {
      orphanKeys.push(key);
      continue;
    }
    const list = byTab.get(value.tabId) ?? {};
    list[value.id] = value;
    byTab.set(value.tabId, list);
  }
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith('tab:') || typeof value !== 'object' || value === null) continue;
    const book = value as TabBookkeeping;
    if (typeof book.tabId !== 'number' || !Array.isArray(book.order)) continue;
    const stored = byTab.get(book.tabId) ?? {};
    const transactions: Record<string, Transaction> = {};
    for (const id of book.order) {
      const tx = stored[id];
      if (tx) transactions[id] = tx;
    }
    tabs[String(book.tabId)] = { ...book, order: book.order.filter((id) => id in transactions), transactions };
  }
  for (const [tabId, stored] of byTab) {
    const listed = tabs[String(tabId)]?.transactions ?? {};
    for (const id of Object.keys(stored)) if (!(id in listed)) orphanKeys.push(txKey(id));
  }
  const base = items[MODEL_KEY];
  const state = typeof base === 'object' && base !== null ? restoreModelState({ ...base, tabs }) : null;
  return { state, orphanKeys };
}
