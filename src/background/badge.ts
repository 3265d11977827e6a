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

export function createBadgeApplier(action: ActionLike) {
  const shown = new Map<number, BadgeState>();
  return {
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
