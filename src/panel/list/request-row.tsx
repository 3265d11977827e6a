/** One row of the request list: state, method (+ preflight), origin and path, CorsError, status, time. */
import { memo } from 'preact/compat';
import type { Transaction } from '../../core/model';
import { StateIcon } from '../../ui/components/state-icon';
import { rowModel } from './row-model';

export interface RequestRowProps {
  readonly tx: Transaction;
  readonly index: number;
  readonly setSize: number;
  readonly top: number;
  readonly selected: boolean;
  readonly domId: string;
  readonly onPick: (id: string) => void;
}

function RequestRowImpl({ tx, index, setSize, top, selected, domId, onPick }: RequestRowProps) {
  const row = rowModel(tx);
  return (
    <div
      id={domId}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      class={`cl-row cl-row-${row.state}`}
      title={row.label}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onPick(tx.id)}
      data-id={tx.id}
    >
      <span class="cl-cell cl-cell-state"><StateIcon state={row.state} compact /></span>
      <span class="cl-cell cl-cell-method">
        {row.method}
        {row.preflightMarker === '' ? null : <span class="cl-preflight-marker"> {row.preflightMarker}</span>}
      </span>
      <span class="cl-cell cl-cell-name">
        {/* DevTools' gear for a service worker's request; the row's title says it in words. */}
        {row.fromWorker ? <span class="cl-worker-marker" aria-hidden="true">⚙ </span> : null}
        <span class="cl-origin">{row.origin}</span>
        <span class="cl-path">{row.path}</span>
      </span>
      <span class="cl-cell cl-cell-error">{row.error}</span>
      <span class="cl-cell cl-cell-status">{row.status}</span>
      <span class="cl-cell cl-cell-time">{row.time}</span>
    </div>
  );
}

export const RequestRow = memo(RequestRowImpl);
