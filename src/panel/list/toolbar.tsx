/** The list toolbar, DevTools-style: filters, search, clear, preserve log, export. */
import type { Ref } from 'preact';
import { formatCount } from '../../ui/format';
import { LIST_FILTERS, type FilterCounts, type ListFilter } from './filters';

export interface ToolbarProps {
  readonly filter: ListFilter;
  readonly onFilter: (filter: ListFilter) => void;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly counts: FilterCounts;
  readonly shown: number;
  readonly preserveLog: boolean;
  readonly onPreserveLog: (preserve: boolean) => void;
  readonly onClear: () => void;
  readonly onExportJson: () => void;
  readonly onExportHar: () => void;
  readonly searchRef: Ref<HTMLInputElement>;
}

export function Toolbar(props: ToolbarProps) {
  const { filter, counts } = props;
  return (
    <div class="cl-toolbar" role="toolbar" aria-label="Request list tools">
      <button type="button" class="cl-button" onClick={props.onClear} title="Clear the list for this tab">
        Clear
      </button>
      <label class="cl-checkbox" title="Keep requests when the page navigates">
        <input type="checkbox" checked={props.preserveLog} onChange={(e) => props.onPreserveLog((e.currentTarget as HTMLInputElement).checked)} />
        {' '}Preserve log
      </label>
      <span class="cl-toolbar-sep" aria-hidden="true" />
      <input
        ref={props.searchRef}
        type="search"
        class="cl-search"
        placeholder="Filter by URL, method or error ( / )"
        aria-label="Filter requests by URL, method or error"
        aria-keyshortcuts="/"
        value={props.query}
        onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="cl-filter-group" role="group" aria-label="Show">
        {LIST_FILTERS.map((f) => (
          <button key={f.id} type="button" class="cl-button cl-filter" aria-pressed={filter === f.id} onClick={() => props.onFilter(f.id)}>
            {f.label} <span class="cl-count">{formatCount(counts[f.id])}</span>
          </button>
        ))}
      </div>
      <span class="cl-toolbar-spacer" />
      <span class="cl-muted" role="status">
        {props.shown === counts.all ? `${formatCount(counts.all)} requests` : `${formatCount(props.shown)} of ${formatCount(counts.all)} requests`}
      </span>
      <button type="button" class="cl-button" onClick={props.onExportJson} title="Download the tab's cors-lens/report@1 JSON (secrets redacted)">
        Export JSON
      </button>
      <button type="button" class="cl-button" onClick={props.onExportHar} title="Download the tab's requests as HAR 1.2 (secrets redacted)">
        Export HAR
      </button>
    </div>
  );
}
