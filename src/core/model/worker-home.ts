/**
 * Requests of a page's service worker (or shared worker) reach webRequest with no tab (tabId -1):
 * a worker is not part of any tab. A page whose fetches go through its service worker would show
 * nothing in its own tab, yet those fetches are its API calls, and their CORS failures are what
 * the page sees as "Failed to fetch". DevTools lists them in the page's Network panel; CORS Lens
 * lists them in the tab showing a page of their initiator's origin (the one that loaded it last,
 * when several do). The transaction keeps tabId -1, which is how the UI marks it.
 *
 * A request stays where it started: its later events follow it even if the tab has moved on.
 */
import type { RequestEvent } from './events';
import { NO_TAB } from './events';
import { isHttpUrl, originOf } from './origin';
import type { ModelState, TabState } from './state';
import { getOrCreateTab } from './state';

/**
 * Remember which site the tab shows: at a main-frame navigation (`loaded`: a reload makes the tab
 * the site's latest too), or from tabs.onUpdated for a page the network never saw load (then only
 * a new site counts: the same URL event comes for every pushState). Returns the tab when its stored
 * state changed, else null.
 */
export function notePage(state: ModelState, tabId: number, url: string, at: number, loaded: boolean): TabState | null {
  if (tabId === NO_TAB) return null;
  const origin = isHttpUrl(url) ? originOf(url) : null;
  const tab = state.tabs[tabId];
  // A tab never seen on an http(s) page needs no state: no worker request can belong to it.
  if (!tab && origin === null) return null;
  const known = tab ?? getOrCreateTab(state, tabId);
  if (!loaded && known.pageOrigin === origin && known.pageAt !== undefined) return null;
  known.pageOrigin = origin;
  known.pageAt = at;
  return known;
}

/** The tab a worker of `initiator` belongs to: the one that loaded a page of that origin last. */
function homeOf(state: ModelState, initiator: string): TabState | null {
  let home: TabState | null = null;
  for (const key in state.tabs) {
    const tab = state.tabs[key];
    if (tab !== undefined && tab.tabId !== NO_TAB && tab.pageOrigin === initiator && (home === null || (tab.pageAt ?? 0) > (home.pageAt ?? 0))) home = tab;
  }
  return home;
}

/** The tab a request starts in: its own, or for a request with no tab, its worker's home, else NO_TAB's. */
export function startTab(state: ModelState, event: RequestEvent): TabState {
  if (event.tabId !== NO_TAB || event.initiator === null) return getOrCreateTab(state, event.tabId);
  return homeOf(state, event.initiator) ?? getOrCreateTab(state, NO_TAB);
}

/**
 * Where a later event of a request goes: the tab it is in flight in, wherever it started (its home
 * tab may show another site by now); unseen, where it would start now (late-start.ts).
 */
export function laterTab(state: ModelState, event: RequestEvent): TabState | undefined {
  const own = state.tabs[event.tabId]; // a number key is the same key as String(tabId), without building it
  if (event.tabId !== NO_TAB || event.initiator === null) return own;
  const { requestId } = event;
  for (const key in state.tabs) {
    const tab = state.tabs[key];
    if (tab !== undefined && (tab.inflight.has(requestId) || tab.preflights.has(requestId))) return tab;
  }
  return homeOf(state, event.initiator) ?? own;
}
