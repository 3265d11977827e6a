/**
 * Sorting the list by a column, like DevTools' Network panel: a header click sorts ascending, a
 * second descending, a third gives capture order back. Sorting is stable, so rows that tie keep
 * their capture order. Keys are computed once per transaction record and cached by identity (records
 * are replaced, never mutated, when they change), as the search text is (filters.ts).
 */
import type { Transaction } from '../../core/model';
import type { RowState } from '../../ui/row-state';
import { rowModel } from './row-model';

export type SortColumn = 'state' | 'method' | 'name' | 'error' | 'status' | 'time';
export type SortDirection = 'ascending' | 'descending';

export interface ListSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export const SORT_COLUMN_LABEL: Readonly<Record<SortColumn, string>> = {
  state: 'Outcome', method: 'Method', name: 'Name', error: 'CORS error', status: 'Status', time: 'Time',
};

/** The next sort after a click on `column`: ascending, then descending, then none (capture order). */
export function nextSort(current: ListSort | null, column: SortColumn): ListSort | null {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null;
}

/** Worst first when ascending: what a developer sorting by outcome is looking for. */
const STATE_RANK: Readonly<Record<RowState, number>> = {
  blocked: 0, 'network-error': 1, warning: 2, pending: 3, allowed: 4, 'not-cors': 5,
};

/** A key per column (one type per column); null for "nothing to show", which sorts last both ways. */
type SortKey = number | string | null;
type SortKeys = Readonly<Record<SortColumn, SortKey>>;

const KEYS = new WeakMap<Transaction, SortKeys>();

function keysOf(tx: Transaction): SortKeys {
  let keys = KEYS.get(tx);
  if (keys === undefined) {
    const row = rowModel(tx);
    keys = {
      state: STATE_RANK[row.state],
      method: tx.method,
      name: tx.url,
      error: row.error === '' ? null : row.error,
      // Status codes, then what stands in for one ("CORS error", a net error, "Pending") after them.
      status: tx.response !== null ? tx.response.status : row.status === '' ? null : 1000,
      time: tx.endedAt === null ? null : tx.endedAt - tx.startedAt,
    };
    KEYS.set(tx, keys);
  }
  return keys;
}

function compareKeys(a: SortKey, b: SortKey, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -sign : sign;
}

/** The list in the given order; the same array when there is no sort. */
export function sortTransactions(list: readonly Transaction[], sort: ListSort | null): readonly Transaction[] {
  if (sort === null) return list;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const { column } = sort;
  return [...list].sort((a, b) => compareKeys(keysOf(a)[column], keysOf(b)[column], sign));
}
