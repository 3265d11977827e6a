/**
 * A tab's `order` (the ids of its listed transactions, oldest first, up to 5,000) in storage: in
 * pages of ORDER_PAGE ids, `ord:<tabId>:<page number>`, which the tab's record lists. The list only
 * grows at its end and loses its oldest at its start (eviction), so a checkpoint rewrites the last
 * page and drops the pages evicted whole, instead of rewriting all 5,000 ids (~60 KB) each time.
 *
 * Each checkpoint compares the order with the pages storage holds (WrittenOrder): the pages that
 * still hold the same ids stay, the first page that differs and everything after it are rewritten.
 * That is right whatever changed (a request dropped in the middle, a cleared tab); only the usual
 * changes are cheap.
 *
 * WARNING: persisted layout. The tab record carries `orderPages` (page numbers, in order) and
 * `orderSkip` (ids of the first page already evicted); each page is the JSON of an array of ids.
 * A tab record with an `order` array (the layout before pages) is read as it is.
 */
import { readStored, storedJson } from './stored-json';

export const ORDER_PREFIX = 'ord:';
/** ~2.5 KB of JSON: what a checkpoint of a busy tab rewrites at most, besides new pages. */
export const ORDER_PAGE = 256;

export const orderPageKey = (tabId: number, page: number): string => `${ORDER_PREFIX}${tabId}:${page}`;

interface StoredPage {
  readonly page: number;
  /** The ids as written (a copy: the model's array keeps changing). */
  readonly ids: readonly string[];
}

interface TabPages {
  pages: StoredPage[];
  /** The next unused page number. */
  next: number;
}

/** What storage holds of each tab's order, for the next checkpoint to compare with. */
export type WrittenOrder = Map<number, TabPages>;

/** How the tab record refers to its pages. */
export interface OrderRef {
  readonly orderPages: number[];
  readonly orderSkip: number;
}

export interface OrderWriter {
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

export function createWrittenOrder(): WrittenOrder {
  return new Map();
}

/** Whether `ids` from `offset` on are `order` from `at` on. */
function holds(ids: readonly string[], offset: number, order: readonly string[], at: number): boolean {
  if (ids.length <= offset || at + ids.length - offset > order.length) return false;
  for (let i = offset; i < ids.length; i++) if (ids[i] !== order[at + i - offset]) return false;
  return true;
}

/** Writes the pages of `order` that storage does not hold yet, deletes those it no longer needs. */
export function writeOrderChanges(tabId: number, order: readonly string[], written: WrittenOrder, out: OrderWriter, pageSize = ORDER_PAGE): OrderRef {
  const tab = written.get(tabId) ?? { pages: [], next: 0 };
  written.set(tabId, tab);
  const { pages } = tab;
  // Pages evicted whole go; the first one left may have lost some of its first ids.
  let first = 0;
  let skip = 0;
  if (order.length > 0) {
    for (; first < pages.length; first++) {
      skip = (pages[first] as StoredPage).ids.indexOf(order[0] as string);
      if (skip >= 0) break;
    }
  } else first = pages.length;
  // Pages that still hold the same ids stay; a partial one stays only while nothing follows it.
  let kept = first;
  let at = 0;
  while (kept < pages.length) {
    const page = pages[kept] as StoredPage;
    const offset = kept === first ? skip : 0;
    if (!holds(page.ids, offset, order, at)) break;
    const next = at + page.ids.length - offset;
    if (page.ids.length < pageSize && next < order.length) break;
    at = next;
    kept++;
  }
  if (kept === first) skip = 0;
  // The rest is rewritten, reusing the numbers of the pages it replaces.
  const reusable = pages.slice(kept).map((page) => page.page);
  const result: StoredPage[] = pages.slice(first, kept);
  for (let from = at; from < order.length; from += pageSize) {
    const page = reusable.shift() ?? tab.next++;
    const ids = order.slice(from, from + pageSize);
    out.put(orderPageKey(tabId, page), storedJson(ids));
    result.push({ page, ids });
  }
  for (const page of [...pages.slice(0, first).map((p) => p.page), ...reusable]) out.delete(orderPageKey(tabId, page));
  tab.pages = result;
  return { orderPages: result.map((page) => page.page), orderSkip: skip };
}

/** The tab is gone: its pages go too. */
export function deleteOrder(tabId: number, written: WrittenOrder, out: OrderWriter): void {
  for (const page of written.get(tabId)?.pages ?? []) out.delete(orderPageKey(tabId, page.page));
  written.delete(tabId);
}

function pageIds(value: unknown): string[] | null {
  const ids = readStored(value);
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? (ids as string[]) : null;
}

/**
 * A stored tab record's order: from its pages, or its `order` array (the layout before pages); null
 * when it has neither. Registers the pages read in `written` and their keys in `used`. A page that
 * is missing or unreadable reads as empty (its ids are lost, and the next checkpoint rewrites it).
 */
export function restoreOrder(tabId: number, record: Partial<OrderRef> & { order?: unknown }, items: Record<string, unknown>, written: WrittenOrder, used: Set<string>): string[] | null {
  if (Array.isArray(record.order)) return record.order.filter((id): id is string => typeof id === 'string');
  if (!Array.isArray(record.orderPages)) return null;
  const skip = typeof record.orderSkip === 'number' ? record.orderSkip : 0;
  const tab: TabPages = { pages: [], next: 0 };
  const order: string[] = [];
  for (const [index, page] of record.orderPages.entries()) {
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 0) continue;
    const key = orderPageKey(tabId, page);
    used.add(key);
    const ids = pageIds(items[key]) ?? [];
    tab.pages.push({ page, ids });
    tab.next = Math.max(tab.next, page + 1);
    for (let i = index === 0 ? skip : 0; i < ids.length; i++) order.push(ids[i] as string);
  }
  written.set(tabId, tab);
  return order;
}
