/**
 * Short notes above the groups: capture paused, the live connection lost, storage degraded, old
 * requests evicted, an action that failed. Each is one sentence in plain words.
 */
import type { PopupData } from '../popup-state';
import { plural } from './count-tiles';

interface NotesProps {
  readonly data: PopupData;
  readonly connected: boolean;
  readonly actionError: string | null;
}

export function Notes({ data, connected, actionError }: NotesProps) {
  const { paused, persistence, summary } = data;
  return (
    <>
      {paused && (
        <p class="note note--paused" role="status">
          Capture is paused on every tab: new requests are not recorded. Press “Resume capture” to record again.
        </p>
      )}
      {!connected && <p class="note" role="status">Reconnecting to CORS Lens… the numbers may be out of date.</p>}
      {actionError && <p class="note note--error" role="alert">{actionError}</p>}
      {persistence.degraded && (
        <p class="note note--warning">
          CORS Lens could not save this log, so it is only in memory and would be lost if Chrome stops its background worker.
          {persistence.message && <span class="note__detail"> ({persistence.message})</span>}
        </p>
      )}
      {summary.evicted > 0 && (
        <p class="note">
          {plural(summary.evicted, 'older request was', 'older requests were')} dropped to keep the log small; the
          counts cover the {plural(summary.total, 'request', 'requests')} kept.
        </p>
      )}
    </>
  );
}
