/**
 * Icon + text for a transaction state. The icon shape differs per state (not only its colour) and
 * the text is always present: visible, or visually hidden when `compact` (so it still reads as part
 * of a row's text, e.g. "Blocked PUT + preflight …").
 */
import type { RowState } from '../row-state';
import { ROW_STATE_LABEL } from '../row-state';

const PATHS: Readonly<Record<RowState, string>> = {
  // A circle with a bar: blocked.
  blocked: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM4 7h8v2H4z',
  // A triangle with a bang: warning.
  warning: 'M8 1.5 15 14H1zM7.2 6h1.6v4H7.2zm0 5h1.6v1.6H7.2z',
  // A cross: network error.
  'network-error': 'M3.2 4.6 4.6 3.2 8 6.6l3.4-3.4 1.4 1.4L9.4 8l3.4 3.4-1.4 1.4L8 9.4l-3.4 3.4-1.4-1.4L6.6 8z',
  // A check mark: allowed.
  allowed: 'M6.4 10.6 3.2 7.4 1.8 8.8l4.6 4.6 7.8-7.8-1.4-1.4z',
  // A hollow circle: not subject to CORS.
  'not-cors': 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zm0 1.5a4 4 0 1 1 0 8 4 4 0 0 1 0-8z',
  // Three dots: still in flight.
  pending: 'M2.5 7h2v2h-2zm4.5 0h2v2H7zm4.5 0h2v2h-2z',
};

export interface StateIconProps {
  readonly state: RowState;
  /** Icon only on screen; the label stays in the text for assistive technology. */
  readonly compact?: boolean;
}

export function StateIcon({ state, compact = false }: StateIconProps) {
  const label = ROW_STATE_LABEL[state];
  return (
    <span class={`cl-state-icon cl-state-${state}`} data-state={state} title={compact ? label : undefined}>
      <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="currentColor" fill-rule="evenodd" d={PATHS[state]} />
      </svg>
      <span class={compact ? 'cl-visually-hidden' : undefined}>{label}</span>
    </span>
  );
}
