/**
 * The CORS panel: toolbar, banners, the virtualized request list and the detail of the selected
 * request, side by side like DevTools' Network panel. Talks to the extension only through the
 * CorsLensClient it is given (tests pass a FakeClient), so it has no `chrome` in it.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { StackId } from '../core/advice';
import type { CorsLensClient } from '../ui/client';
import { downloadText, exportFileName } from '../ui/download';
import { loadStackPreference, saveStackPreference, type KeyValueStore } from '../ui/stack-preference';
import { Banners } from './banners';
import { loadListShare, saveListShare } from './list-share';
import { Splitter } from './splitter';
import { DetailView } from './detail/detail-view';
import { EmptyState } from './list/empty-state';
import { countByFilter, filterTransactions, type ListFilter } from './list/filters';
import { RequestList } from './list/request-list';
import { nextSort, sortTransactions, type ListSort, type SortColumn } from './list/sort';
import { Toolbar } from './list/toolbar';
import { usePanelStore } from './store/use-panel-store';
import { usePanelKeys } from './use-panel-keys';

export interface PanelAppProps {
  readonly client: CorsLensClient;
  readonly tabId: number;
  /** Where the picked server stack is remembered (localStorage in the extension). */
  readonly storage?: KeyValueStore | null;
  /** The extension version, for the HAR's creator field. */
  readonly version?: string;
  readonly now?: () => number;
  readonly copy?: (text: string) => Promise<boolean>;
  readonly download?: (filename: string, text: string, mimeType: string) => void;
}

export function PanelApp({ client, tabId, storage = null, version = 'dev', now = Date.now, copy, download }: PanelAppProps) {
  const [state, dispatch] = usePanelStore(client, tabId);
  const [filter, setFilter] = useState<ListFilter>('all');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ListSort | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const [stack, setStack] = useState<StackId | null>(() => loadStackPreference(storage));
  const [notice, setNotice] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const splitRef = useRef<HTMLDivElement>(null);
  const [listShare, setListShare] = useState(() => loadListShare(storage));

  const filtered = useMemo(() => filterTransactions(state.transactions, filter, query), [state.transactions, filter, query]);
  const shown = useMemo(() => sortTransactions(filtered, sort), [filtered, sort]);
  const sortBy = useCallback((column: SortColumn) => setSort((current) => nextSort(current, column)), []);
  const counts = useMemo(() => countByFilter(state.transactions), [state.transactions]);
  const selectedAt = selectedId === null ? undefined : state.positions.get(selectedId);
  const selected = selectedAt === undefined ? null : (state.transactions[selectedAt] ?? null);

  const open = useCallback((id: string) => {
    setSelectedId(id);
    setDetailOpen(true);
  }, []);
  const close = useCallback(() => {
    setDetailOpen(false);
    listRef.current?.focus();
  }, []);
  const show = useCallback((id: string) => {
    if (!shown.some((tx) => tx.id === id)) {
      setFilter('all');
      setQuery('');
    }
    open(id);
  }, [shown, open]);

  usePanelKeys(document, {
    focusSearch: () => searchRef.current?.focus(),
    searchEl: () => searchRef.current,
    onEscape: (fromSearch) => {
      if (fromSearch && query !== '') setQuery('');
      else if (detailOpen) close();
    },
    // The selected request if the search kept it, else the first match; then on to the list's keys.
    onSearchEnter: () => {
      const target = shown.find((tx) => tx.id === selectedId) ?? shown[0];
      if (!target) return;
      open(target.id);
      listRef.current?.focus();
    },
  });

  const save = download ?? ((name: string, text: string, type: string) => downloadText(document, name, text, type));
  const exportJson = async (): Promise<void> => {
    try {
      const report = await client.exportReport(tabId, { redact: true });
      save(exportFileName(tabId, now(), 'json'), `${JSON.stringify(report, null, 2)}\n`, 'application/json');
      setNotice('Exported the JSON report (secrets redacted).');
    } catch (error) {
      setNotice(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const exportHar = async (): Promise<void> => {
    // Loaded on first use: most panel openings never export a HAR.
    const { buildHar } = await import('../ui/har');
    const har = buildHar(state.transactions, { version });
    save(exportFileName(tabId, now(), 'har'), `${JSON.stringify(har, null, 2)}\n`, 'application/json');
    setNotice('Exported HAR 1.2 (secrets redacted).');
  };
  const clear = async (): Promise<void> => {
    const summary = await client.clear(tabId);
    dispatch({ type: 'cleared', summary });
    setDetailOpen(false);
    setSelectedId(null);
  };
  const preserve = async (value: boolean): Promise<void> => {
    dispatch({ type: 'summary', summary: await client.setPreserveLog(tabId, value) });
  };
  const pickStack = (id: StackId): void => {
    setStack(id);
    saveStackPreference(storage, id);
  };
  const resize = (share: number): void => {
    setListShare(share);
    saveListShare(storage, share);
  };
  const isListed = useCallback((id: string) => state.positions.has(id), [state.positions]);

  const showDetail = detailOpen && selected !== null;
  return (
    <div class="cl-panel" data-detail={showDetail ? 'open' : 'closed'}>
      <h1 class="cl-visually-hidden">CORS Lens: cross-origin requests of this tab</h1>
      <Toolbar
        filter={filter} onFilter={setFilter} query={query} onQuery={setQuery} counts={counts} shown={shown.length}
        preserveLog={state.summary?.preserveLog ?? false} onPreserveLog={(v) => void preserve(v)} onClear={() => void clear()}
        onExportJson={() => void exportJson()} onExportHar={() => void exportHar()} searchRef={searchRef}
      />
      <Banners
        connected={state.connected} persistence={state.persistence} evicted={state.summary?.evicted ?? 0} paused={state.paused}
        onResume={() => void client.setPaused(false)}
      />
      <p class="cl-visually-hidden" role="status">{notice}</p>
      <div class="cl-split" ref={splitRef} style={{ '--cl-list-share': `${listShare}%` }}>
        <div class="cl-split-list">
          {shown.length === 0 ? (
            <EmptyState loaded={state.loaded} total={state.transactions.length} onShowAll={() => { setFilter('all'); setQuery(''); }} />
          ) : (
            <RequestList transactions={shown} selectedId={selectedId} onSelect={setSelectedId} onOpen={open} onClose={close} listRef={listRef}
              sort={sort} onSort={sortBy} />
          )}
        </div>
        {showDetail ? <Splitter share={listShare} onShare={resize} containerRef={splitRef} /> : null}
        {showDetail ? (
          <div class="cl-split-detail">
            <DetailView
              tx={selected} stack={stack} onPickStack={pickStack} isListed={isListed} onShow={show} onClose={close} now={now()}
              {...(copy ? { copy } : {})}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
