/**
 * Which tab the popup is about: `?tabId=N` when the popup page is opened as a normal page (tests,
 * screenshots), else the active tab of the current window. tabs.query needs no "tabs" permission
 * to return the id (only url and title are withheld), and the id is all the popup needs.
 */

/** `?tabId=12` → 12; anything else (missing, negative, not an integer) → null. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export interface TabQuery {
  query(filter: { active: true; currentWindow: true }): Promise<readonly { id?: number }[]>;
}

export async function resolveTabId(search: string, tabs: TabQuery): Promise<number | null> {
  const fromUrl = tabIdFromSearch(search);
  if (fromUrl !== null) return fromUrl;
  const [active] = await tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}
