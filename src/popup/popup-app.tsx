/**
 * The toolbar popup for one tab: how many cross-origin requests were blocked and why, at a glance,
 * with the three actions that make sense from the toolbar. Talks to the extension only through
 * CorsLensClient (tests pass a FakeClient). The layout has a fixed size: the skeleton, the content
 * and the "cannot see" state fill the same box, so the popup never jumps while data arrives.
 */
import { useState } from 'preact/hooks';
import type { CorsLensClient } from '../ui/client';
import { ActionsBar } from './components/actions-bar';
import { CountTiles } from './components/count-tiles';
import { BlockedGroups, WarningGroups } from './components/group-lists';
import { Notes } from './components/notes';
import { CannotSeeState, EmptyState, GroupsSkeleton } from './components/states';
import { hasWarning, isBlocked } from './group-blocked';
import { applyCleared, applyPaused, type PopupData } from './popup-state';
import { useTabFeed } from './use-tab-feed';

export interface PopupAppProps {
  readonly client: CorsLensClient;
  readonly tabId: number;
}

/** The full-window panel page for a tab (same UI as the DevTools panel). */
export function panelPath(tabId: number): string {
  return `src/panel/index.html?tabId=${tabId}`;
}

export function PopupApp({ client, tabId }: PopupAppProps) {
  const { data, setData, tab, connected } = useTabFeed(client, tabId);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const cannotSee = tab.info !== null && (!tab.info.capturable || !tab.info.exists);
  const loading = !tab.settled || (data === null && !cannotSee);

  async function run(what: string, action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const onClear = () => {
    const listed = new Set(data?.transactions.map((tx) => tx.id));
    void run('clear this tab', async () => {
      const summary = await client.clear(tabId);
      setData((current) => applyCleared(current, listed, summary));
    });
  };
  const onTogglePause = () => {
    const next = !(data?.paused ?? false);
    void run(next ? 'pause capture' : 'resume capture', async () => {
      const answer = await client.setPaused(next);
      setData((current) => applyPaused(current, answer.paused));
    });
  };
  const onOpenPanel = () => void run('open the panel', () => client.openPage(panelPath(tabId)));

  const paused = data?.paused ?? null;
  return (
    <div class="popup">
      <header class="popup__header">
        <h1 class="popup__title">CORS Lens</h1>
        {paused && <span class="pill">Capture paused</span>}
      </header>
      <main class="popup__body">
        {loading ? (
          <>
            <CountTiles summary={null} />
            <div class="scroll"><GroupsSkeleton /></div>
          </>
        ) : cannotSee || data === null ? (
          <>
            <CannotSeeState info={tab.info} />
            {actionError && <p class="note note--error" role="alert">{actionError}</p>}
          </>
        ) : (
          <>
            <CountTiles summary={data.summary} />
            {/* Focusable so the list scrolls from the keyboard too (a popup has no other scroll owner). */}
            <div class="scroll" tabIndex={0} role="region" aria-label="Blocked requests and warnings of this tab">
              <Notes data={data} connected={connected} actionError={actionError} />
              <TabGroups data={data} />
            </div>
          </>
        )}
      </main>
      <ActionsBar
        canClear={!loading && !cannotSee && data !== null && (data.summary.total > 0 || data.summary.evicted > 0)}
        canOpenPanel={!cannotSee}
        paused={paused}
        busy={busy}
        onClear={onClear}
        onOpenPanel={onOpenPanel}
        onTogglePause={onTogglePause}
      />
    </div>
  );
}

function TabGroups({ data }: { readonly data: PopupData }) {
  const worthShowing = data.transactions.some((tx) => isBlocked(tx) || hasWarning(tx));
  if (!worthShowing) return <EmptyState seen={data.summary.total} />;
  return (
    <>
      <BlockedGroups transactions={data.transactions} />
      <WarningGroups transactions={data.transactions} />
    </>
  );
}
