/**
 * What the popup knows about its tab, and how each live update changes it. Pure, so the order of
 * updates (snapshot first, then increments; a new snapshot after every reconnection) is testable.
 */
import type { Transaction } from '../core/model';
import type { LiveUpdate, PersistenceStatus, TabSnapshot, TabSummary } from '../messaging/protocol';
import { upsertTransactions } from '../ui/upsert-transactions';

export interface PopupData {
  readonly summary: TabSummary;
  /** Oldest first, as in TabSnapshot. */
  readonly transactions: readonly Transaction[];
  readonly paused: boolean;
  readonly persistence: PersistenceStatus;
}

export function fromSnapshot(snapshot: TabSnapshot): PopupData {
  return { summary: snapshot.summary, transactions: snapshot.transactions, paused: snapshot.paused, persistence: snapshot.persistence };
}

/**
 * `null` means "no snapshot yet": increments before the first snapshot are dropped, since the
 * snapshot that follows includes them. Updates for other tabs are ignored.
 */
export function applyLiveUpdate(data: PopupData | null, update: LiveUpdate, tabId: number): PopupData | null {
  switch (update.type) {
    case 'snapshot':
      return update.snapshot.tabId === tabId ? fromSnapshot(update.snapshot) : data;
    case 'upsert':
      if (!data || update.tabId !== tabId) return data;
      return { ...data, summary: update.summary, transactions: upsert(data.transactions, update.transactions) };
    case 'remove': {
      if (!data || update.tabId !== tabId) return data;
      const gone = new Set(update.ids);
      return { ...data, summary: update.summary, transactions: data.transactions.filter((tx) => !gone.has(tx.id)) };
    }
    case 'status':
      return data && { ...data, paused: update.paused, persistence: update.persistence };
  }
}

/**
 * After "Clear this tab" answered: drop what was listed when the user clicked, keep what arrived
 * since (the live feed may already have delivered a newer request).
 */
export function applyCleared(data: PopupData | null, clearedIds: ReadonlySet<string>, summary: TabSummary): PopupData | null {
  return data && { ...data, summary, transactions: data.transactions.filter((tx) => !clearedIds.has(tx.id)) };
}

export function applyPaused(data: PopupData | null, paused: boolean): PopupData | null {
  return data && { ...data, paused };
}

/** Changed transactions keep their place; new ones go last (newest). */
function upsert(current: readonly Transaction[], changed: readonly Transaction[]): Transaction[] {
  return upsertTransactions(current, changed).list;
}
