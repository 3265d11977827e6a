/**
 * A tab's listed transactions by id. A Map, like `inflight`: a key comes with every listed request
 * and goes with every eviction, and a plain object whose keys churn that much costs a string-table
 * insertion per new key and falls into dictionary mode (the largest single cost of the reducer once
 * `inflight` was a Map, measured). Stored as a Record in listing order (state.ts, the background).
 *
 * A restarted worker restores a busy tab's records without unpacking them (thousands of them would
 * take its short life): they wait in `unread` and are unpacked when first read, through here.
 */
import type { TabState } from './state';
import type { Transaction } from './transaction';

/**
 * Listed transactions restored from storage and not unpacked yet. Transient: storage already holds
 * them (the background writes a transaction when it changes, and every change reads it first).
 */
export interface UnreadTransactions {
  /** Stored form by transaction id; an id leaves when it is unpacked or dropped. */
  readonly stored: Map<string, unknown>;
  /** The stored form unpacked; null when it cannot be read (it then reads as absent, as a lost record would). */
  readonly unpack: (stored: unknown) => Transaction | null;
}

/** The listed transaction `id` of the tab, unpacked first if it was restored unread. */
export function listedTransaction(tab: TabState, id: string): Transaction | undefined {
  const tx = tab.transactions.get(id);
  if (tx !== undefined || tab.unread === undefined) return tx;
  return readUnread(tab, tab.unread, id);
}

function readUnread(tab: TabState, unread: UnreadTransactions, id: string): Transaction | undefined {
  const stored = unread.stored.get(id);
  if (stored === undefined) return undefined;
  unread.stored.delete(id);
  if (unread.stored.size === 0) tab.unread = undefined; // all read: the tab is as the model builds it
  const tx = unread.unpack(stored);
  if (tx === null) return undefined;
  tab.transactions.set(id, tx);
  return tx;
}

/** Drop `id` from the listed ones, unpacked or not. */
export function forgetListed(tab: TabState, id: string): void {
  tab.transactions.delete(id);
  tab.unread?.stored.delete(id);
}

/**
 * The listed transactions as the stored Record: listing order (the order the Record had when it was
 * the model's own), unread ones unpacked, unreadable ones left out.
 */
export function listedRecord(tab: TabState): Record<string, Transaction> {
  const record: Record<string, Transaction> = {};
  for (const id of tab.order) {
    const tx = listedTransaction(tab, id);
    if (tx !== undefined) record[id] = tx;
  }
  for (const [id, tx] of tab.transactions) if (!(id in record)) record[id] = tx;
  return record;
}
