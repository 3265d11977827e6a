/**
 * The popup's three actions and the pointer to DevTools. Pause is a toggle (aria-pressed) whose name
 * stays "Pause capture", as ARIA asks of toggle buttons; the pressed look and the note say it is on.
 */
interface ActionsProps {
  /** false while loading, on a page CORS Lens cannot see, or with nothing to clear. */
  readonly canClear: boolean;
  readonly canOpenPanel: boolean;
  /** null until the first snapshot says whether capture is paused. */
  readonly paused: boolean | null;
  /** An action is in flight: no second click until it answers. */
  readonly busy: boolean;
  readonly onClear: () => void;
  readonly onOpenPanel: () => void;
  readonly onTogglePause: () => void;
}

export function ActionsBar(props: ActionsProps) {
  const { canClear, canOpenPanel, paused, busy } = props;
  return (
    <footer class="actions">
      <div class="actions__row">
        <button
          type="button"
          class="button button--toggle"
          aria-pressed={paused === true}
          disabled={paused === null || busy}
          title={paused ? 'Capture is paused on every tab; press to resume' : 'Stop recording requests on every tab'}
          onClick={props.onTogglePause}
        >
          Pause capture
        </button>
        <button type="button" class="button" disabled={!canClear || busy} onClick={props.onClear}>
          Clear this tab
        </button>
        <button type="button" class="button button--primary" disabled={!canOpenPanel} onClick={props.onOpenPanel}>
          Open full panel
        </button>
      </div>
      <p class="hint">DevTools → CORS has the full detail: headers, preflight, and the fix for your server.</p>
    </footer>
  );
}
