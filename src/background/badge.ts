/**
 * The toolbar badge: per-tab count of blocked requests (red, with the red lens icon), a distinct
 * amber "!" when a tab has only warnings, and "off" on every tab while capture is paused.
 * `badgeFor` decides; `createBadgeApplier` talks to chrome.action and skips calls that would
 * change nothing (a busy page updates counts hundreds of times a second).
 */

export interface BadgeCounts {
  readonly blocked: number;
  readonly warnings: number;
}

export interface BadgeState {
  readonly text: string;
  readonly color: string;
  readonly title: string;
  readonly icon: 'normal' | 'blocked';
}

export const BADGE_COLORS = { blocked: '#d93025', warning: '#f29900', paused: '#5f6368' } as const;

export function badgeFor(counts: BadgeCounts, paused: boolean): BadgeState {
  if (paused) return { text: 'off', color: BADGE_COLORS.paused, title: 'CORS Lens: capture paused', icon: 'normal' };
  if (counts.blocked > 0) {
    const text = counts.blocked > 999 ? '999+' : String(counts.blocked);
    const noun = counts.blocked === 1 ? 'request' : 'requests';
    return { text, color: BADGE_COLORS.blocked, title: `CORS Lens: ${counts.blocked} cross-origin ${noun} blocked on this tab`, icon: 'blocked' };
  }
  if (counts.warnings > 0) {
    const noun = counts.warnings === 1 ? 'warning' : 'warnings';
    return { text: '!', color: BADGE_COLORS.warning, title: `CORS Lens: no request blocked, ${counts.warnings} ${noun}`, icon: 'normal' };
  }
  return { text: '', color: BADGE_COLORS.blocked, title: 'CORS Lens: no cross-origin request blocked on this tab', icon: 'normal' };
}

/** The subset of chrome.action we use; structural so tests pass a recorder. */
export interface ActionLike {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void>;
}

const ICON_PATHS = {
  normal: { '16': 'icons/icon-16.png', '32': 'icons/icon-32.png' },
  blocked: { '16': 'icons/icon-blocked-16.png', '32': 'icons/icon-blocked-32.png' },
} as const;

/**
 * Where the badge a tab shows is remembered across worker restarts: Chrome keeps a tab's badge and
 * icon when the worker stops, so a new worker that knows what is shown sets only what differs
 * (setIcon with a path makes the worker fetch and decode the images, each time).
 * WARNING: persisted layout: `badge:<tabId>` → a BadgeState.
 */
export const BADGE_PREFIX = 'badge:';
export const badgeKey = (tabId: number): string => `${BADGE_PREFIX}${tabId}`;

export function isBadgeState(value: unknown): value is BadgeState {
  const state = value as Partial<BadgeState> | null;
  return typeof state === 'object' && state !== null && typeof state.text === 'string' && typeof state.color === 'string'
    && typeof state.title === 'string' && (state.icon === 'normal' || state.icon === 'blocked');
}

export const sameBadge = (a: BadgeState | undefined, b: BadgeState): boolean =>
  a !== undefined && a.text === b.text && a.color === b.color && a.title === b.title && a.icon === b.icon;

export function createBadgeApplier(action: ActionLike) {
  const shown = new Map<number, BadgeState>();
  return {
    /** What an earlier worker showed on `tabId` (Chrome still shows it). */
    seed(tabId: number, state: BadgeState): void {
      shown.set(tabId, state);
    },
    /** Shows `state` on `tabId`; a closed tab makes Chrome reject, which is fine: there is nothing to show. */
    async apply(tabId: number, state: BadgeState): Promise<void> {
      if (tabId < 0) return;
      const before = shown.get(tabId);
      shown.set(tabId, state);
      const calls: Promise<void>[] = [];
      if (before?.text !== state.text) calls.push(action.setBadgeText({ tabId, text: state.text }));
      if (before?.color !== state.color) calls.push(action.setBadgeBackgroundColor({ tabId, color: state.color }));
      if (before?.title !== state.title) calls.push(action.setTitle({ tabId, title: state.title }));
      if (before?.icon !== state.icon) calls.push(action.setIcon({ tabId, path: { ...ICON_PATHS[state.icon] } }));
      const results = await Promise.allSettled(calls);
      if (results.some((r) => r.status === 'rejected')) shown.delete(tabId);
    },
    forget(tabId: number): void {
      shown.delete(tabId);
    },
  };
}

/**
 * Coalesces badge updates per tab: a page firing hundreds of requests a second changes its blocked
 * count as often, and each change would cost chrome.action calls on the worker's only thread (the
 * busier the worker, the more events a forced stop discards). A tab's badge is brought up to date at
 * most every `delayMs`; `flush` does it at once (answers to the UI, start-up, pause). A stop before
 * the timer fires loses nothing: the next worker shows every tab's badge when it starts.
 */
export function createBadgeThrottle(show: (tabId: number) => void, options: { delayMs?: number; setTimer?: (fn: () => void, ms: number) => unknown } = {}) {
  const delayMs = options.delayMs ?? 200;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const dirty = new Set<number>();
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const tabs = [...dirty];
    dirty.clear();
    for (const tabId of tabs) show(tabId);
  }

  return {
    request(tabId: number): void {
      dirty.add(tabId);
      if (scheduled) return;
      scheduled = true;
      setTimer(() => {
        if (scheduled) flush();
      }, delayMs);
    },
    /** The tab is gone: nothing to show. */
    drop(tabId: number): void {
      dirty.delete(tabId);
    },
    flush,
  };
}
