/**
 * Where the panel runs decides which tab it shows and which theme it uses: inside DevTools, the
 * inspected tab and DevTools' theme; as a normal extension page (`src/panel/index.html?tabId=N`,
 * the full-window view and what tests open), the query string and prefers-color-scheme. Pure.
 */

/** A positive integer tab id from `?tabId=N`, else DevTools' inspected tab, else null. */
export function resolveTabId(search: string, devtoolsTabId: number | null | undefined): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw !== null && /^\d+$/.test(raw)) {
    const id = Number(raw);
    if (Number.isSafeInteger(id) && id >= 0) return id;
  }
  return typeof devtoolsTabId === 'number' && Number.isInteger(devtoolsTabId) && devtoolsTabId >= 0 ? devtoolsTabId : null;
}
