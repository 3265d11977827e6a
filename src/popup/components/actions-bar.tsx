/**
 * The popup's three actions and the pointer to DevTools. The pause button names the action it will
 * take ("Pause capture" / "Resume capture"): a developer glancing at it must not have to decode a
 * pressed state. (Not aria-pressed: a toggle's name must not change; an action button's may.)
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
          class={paused ? 'button button--toggle button--active' : 'button button--toggle'}
          disabled={paused === null || busy}
          title={paused ? 'Capture is paused on every tab; press to resume' : 'Stop recording requests on every tab'}
          onClick={props.onTogglePause}
        >
          {paused ? 'Resume capture' : 'Pause capture'}
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
