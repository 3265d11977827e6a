/**
 * The virtualized request list: a listbox whose options are the rows in view. Focus stays on the
 * listbox; the selected row is its aria-activedescendant (always rendered: selection scrolls it in).
 * Keys: ArrowUp/ArrowDown/Home/End/PageUp/PageDown move, Enter opens the detail, Escape closes it.
 */
import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { Ref } from 'preact';
import type { Transaction } from '../../core/model';
import { useVirtualRows } from '../../ui/use-virtual-rows';
import { RequestRow } from './request-row';
import { SORT_COLUMN_LABEL, type ListSort, type SortColumn } from './sort';

export const ROW_HEIGHT = 21;

export interface RequestListProps {
  readonly transactions: readonly Transaction[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
  readonly onClose: () => void;
  readonly listRef?: Ref<HTMLDivElement>;
  readonly sort: ListSort | null;
  readonly onSort: (column: SortColumn) => void;
}

const HEADER_COLUMNS: readonly SortColumn[] = ['state', 'method', 'name', 'error', 'status', 'time'];

/** The column headers, each a button that sorts by it (the outcome column's name is for screen readers). */
function ListHeader({ sort, onSort }: Pick<RequestListProps, 'sort' | 'onSort'>) {
  return (
    <div class="cl-list-header" role="group" aria-label="Sort by column">
      {HEADER_COLUMNS.map((column) => {
        const active = sort?.column === column ? sort.direction : null;
        return (
          <button key={column} type="button" class={`cl-cell cl-cell-${column} cl-sort`} data-sort={active ?? undefined}
            title={`Sort by ${SORT_COLUMN_LABEL[column]}`} onClick={() => onSort(column)}>
            <span class={column === 'state' ? 'cl-visually-hidden' : undefined}>{SORT_COLUMN_LABEL[column]}</span>
            {active === null ? null : <span class="cl-visually-hidden">, sorted {active}</span>}
            {active === null ? null : <span class="cl-sort-arrow" aria-hidden="true">{active === 'ascending' ? '▲' : '▼'}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** A DOM id from a transaction id (which is data: keep only safe characters, stay unique). */
export function rowDomId(id: string): string {
  return `cl-row-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}`;
}

export function RequestList({ transactions, selectedId, onSelect, onOpen, onClose, listRef, sort, onSort }: RequestListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useVirtualRows({ count: transactions.length, rowHeight: ROW_HEIGHT, scrollRef });
  const selectedIndex = selectedId === null ? -1 : transactions.findIndex((tx) => tx.id === selectedId);

  // Keep the selection on screen when it moves (keyboard, or a filter moved it). Not on every
  // update: new requests streaming in must not yank the user's scroll position.
  const { scrollToIndex } = rows;
  useEffect(() => {
    if (selectedIndex >= 0) scrollToIndex(selectedIndex);
  }, [selectedIndex]);

  const pick = useCallback((id: string) => {
    onSelect(id);
    onOpen(id);
  }, [onSelect, onOpen]);

  const move = (to: number): void => {
    if (transactions.length === 0) return;
    const index = Math.max(0, Math.min(transactions.length - 1, to));
    const tx = transactions[index];
    if (tx) onSelect(tx.id);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const from = selectedIndex;
    const handled: Record<string, () => void> = {
      ArrowDown: () => move(from < 0 ? 0 : from + 1),
      ArrowUp: () => move(from < 0 ? transactions.length - 1 : from - 1),
      Home: () => move(0),
      End: () => move(transactions.length - 1),
      PageDown: () => move(from + page),
      PageUp: () => move(from - page),
      Enter: () => {
        if (selectedId !== null) onOpen(selectedId);
      },
      Escape: onClose,
    };
    const action = handled[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const selectedTx = selectedIndex >= 0 ? transactions[selectedIndex] : undefined;
  return (
    <div class="cl-list">
      <ListHeader sort={sort} onSort={onSort} />
      <div
        ref={(el) => {
          scrollRef.current = el;
          if (typeof listRef === 'function') listRef(el);
          else if (listRef) listRef.current = el;
        }}
        class="cl-list-scroll"
        role="listbox"
        aria-label="Cross-origin requests"
        tabIndex={0}
        aria-activedescendant={selectedTx ? rowDomId(selectedTx.id) : undefined}
        onKeyDown={onKeyDown}
      >
        <div class="cl-list-sizer" style={{ height: `${rows.totalSize}px` }}>
          {rows.items.map((item) => {
            const tx = transactions[item.index];
            if (!tx) return null;
            return (
              <RequestRow
                key={tx.id}
                tx={tx}
                index={item.index}
                setSize={transactions.length}
                top={item.start}
                selected={tx.id === selectedId}
                domId={rowDomId(tx.id)}
                onPick={pick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
