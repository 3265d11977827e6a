/** What one list row shows, computed only for the rows on screen. Pure. */
import type { Transaction } from '../../core/model';
import { isFromWorker } from '../../core/model/transaction';
import { formatDuration, shortNetError, splitUrl } from '../../ui/format';
import { ROW_STATE_LABEL, rowState, type RowState } from '../../ui/row-state';

export interface RowModel {
  readonly state: RowState;
  readonly method: string;
  /** "+ preflight", "+ preflight (cached)" or "". */
  readonly preflightMarker: string;
  readonly origin: string;
  readonly path: string;
  /** CorsError, or the net error for a network failure. */
  readonly error: string;
  readonly status: string;
  readonly time: string;
  /** Sent by a worker of the page's site (its service worker), not by the tab (core/model/worker-home.ts). */
  readonly fromWorker: boolean;
  /** Everything above in one line (tooltips, tests); the row's accessible name comes from its cells. */
  readonly label: string;
}

function preflightMarker(tx: Transaction): string {
  const preflights = [tx.preflight, ...tx.redirects.map((r) => r.nextPreflight)].filter((p) => p !== null);
  if (preflights.length === 0) return tx.verdict?.preflight.required === true && !tx.verdict.preflight.observed ? '+ preflight (not seen)' : '';
  return preflights.every((p) => p.fromCache) ? '+ preflight (cached)' : '+ preflight';
}

function statusText(tx: Transaction): string {
  if (tx.response !== null) return String(tx.response.status);
  // As DevTools' Status column says for a request CORS stopped before any response.
  if (tx.verdict?.outcome === 'blocked') return 'CORS error';
  if (tx.netError) return shortNetError(tx.netError);
  return tx.state === 'pending' ? 'Pending' : '';
}

function errorText(tx: Transaction): string {
  const v = tx.verdict;
  if (v?.corsError) return v.corsError;
  if (v?.outcome === 'network-error' && tx.netError) return shortNetError(tx.netError);
  if (tx.evaluationError !== null) return 'Evaluation failed';
  return '';
}

export function rowModel(tx: Transaction): RowModel {
  const state = rowState(tx);
  const { origin, path } = splitUrl(tx.url);
  const marker = preflightMarker(tx);
  const error = errorText(tx);
  const status = statusText(tx);
  // A request whose start was missed began before its first event arrived: it took at least this long.
  const time = tx.endedAt === null ? '' : `${tx.missedStart ? '≥ ' : ''}${formatDuration(tx.endedAt - tx.startedAt)}`;
  const fromWorker = isFromWorker(tx);
  const label = [
    `${ROW_STATE_LABEL[state]}:`,
    marker === '' ? tx.method : `${tx.method} with preflight`,
    tx.url,
    error,
    status === '' ? '' : `status ${status}`,
    time,
    tx.missedStart ? '(partly captured: its start never reached CORS Lens)' : '',
    fromWorker ? `(sent by a service worker of ${tx.initiator ?? 'this site'})` : '',
  ].filter((s) => s !== '').join(' ');
  return { state, method: tx.method, preflightMarker: marker, origin, path, error, status, time, fromWorker, label };
}
