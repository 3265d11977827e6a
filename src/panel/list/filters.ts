/**
 * The list's filters and text search. Runs over up to 5,000 (tested with 10,000) transactions on
 * every keystroke, so the per-transaction search text is computed once and cached by object
 * identity (records are replaced, never mutated, when they change).
 */
import type { Transaction } from '../../core/model';
import { hasWarning, rowState, wasPreflighted } from '../../ui/row-state';

export type ListFilter = 'all' | 'blocked' | 'preflighted' | 'warnings';

export const LIST_FILTERS: readonly { readonly id: ListFilter; readonly label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'blocked', label: 'Blocked' },
  { id: 'preflighted', label: 'Preflighted' },
  { id: 'warnings', label: 'Warnings' },
];

const SEARCH_TEXT = new WeakMap<Transaction, string>();

/** Lowercased "METHOD url CorsError failedParameter netError", what the search box matches. */
export function searchText(tx: Transaction): string {
  let text = SEARCH_TEXT.get(tx);
  if (text === undefined) {
    const v = tx.verdict;
    text = [tx.method, tx.url, ...tx.redirects.map((r) => r.location), v?.corsError ?? '', v?.failedParameter ?? '', tx.netError ?? '', v?.summary ?? '']
      .join(' ')
      .toLowerCase();
    SEARCH_TEXT.set(tx, text);
  }
  return text;
}

export function matchesFilter(tx: Transaction, filter: ListFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'blocked':
      return rowState(tx) === 'blocked';
    case 'preflighted':
      return wasPreflighted(tx);
    case 'warnings':
      return hasWarning(tx);
  }
}

/** Every whitespace-separated term must appear (case-insensitive). */
export function filterTransactions(list: readonly Transaction[], filter: ListFilter, query: string): readonly Transaction[] {
  const terms = query.toLowerCase().split(/\s+/).filter((t) => t !== '');
  if (filter === 'all' && terms.length === 0) return list;
  return list.filter((tx) => matchesFilter(tx, filter) && terms.every((t) => searchText(tx).includes(t)));
}

export type FilterCounts = Readonly<Record<ListFilter, number>>;

export function countByFilter(list: readonly Transaction[]): FilterCounts {
  const counts = { all: list.length, blocked: 0, preflighted: 0, warnings: 0 };
  for (const tx of list) {
    if (matchesFilter(tx, 'blocked')) counts.blocked++;
    if (matchesFilter(tx, 'preflighted')) counts.preflighted++;
    if (matchesFilter(tx, 'warnings')) counts.warnings++;
  }
  return counts;
}
