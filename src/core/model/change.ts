/**
 * What applyEvent needs from its caller (the engine, the capacity) and what it reports back: the
 * listed transactions it wrote or dropped, so the background writes only dirty records and pushes
 * live updates, plus the tab's badge numbers.
 */
import type { ObservedTransaction, Verdict } from '../types';
import type { ModelState, TabCounts, TabState } from './state';

export type Evaluate = (tx: ObservedTransaction) => Verdict;

export interface ModelContext {
  /** The engine, injected so the model does not depend on it (and tests can pass a fake). */
  readonly evaluate: Evaluate;
  /** Listed transactions kept per tab before the oldest is evicted (default DEFAULT_CAPACITY). */
  readonly capacity?: number;
}

/**
 * The effect of one event. The tab's bookkeeping (order, inflight, preflights, counts) and the
 * global preflight cache may change on any event: persist them with every non-empty change.
 */
export interface Change {
  /** The tab the event touched; null when it touched nothing (unknown request, no such tab). */
  readonly tabId: number | null;
  /** Listed transactions created or modified (ids in the tab's `transactions`). */
  readonly upserted: readonly string[];
  /** Listed transactions dropped (evicted, cleared by navigation, tab closed). */
  readonly removed: readonly string[];
  /** A navigation cleared the tab's log. */
  readonly tabCleared: boolean;
  /** The tab was closed; its state is gone. */
  readonly tabRemoved: boolean;
  /** A copy of the tab's counts when this event changed them (badge update), else null. */
  readonly counts: Readonly<TabCounts> | null;
}

export interface MutableChange {
  tabId: number | null;
  upserted: string[];
  removed: string[];
  tabCleared: boolean;
  tabRemoved: boolean;
  counts: TabCounts | null;
  /** Set by whoever changes the tab's counts; the copy is made once, at the end of the event. */
  countsTouched: boolean;
}

/** Everything a reducer step works on, passed as one object. */
export interface Step {
  readonly state: ModelState;
  readonly tab: TabState;
  readonly ctx: ModelContext;
  readonly change: MutableChange;
}

/**
 * Most events change nothing listed: their change shares this empty list instead of allocating two
 * (the reducer runs ~1M events/s). Frozen, so a push on it fails loudly instead of leaking ids.
 */
const NONE: string[] = Object.freeze([]) as unknown as string[];

export function emptyChange(): MutableChange {
  return { tabId: null, upserted: NONE, removed: NONE, tabCleared: false, tabRemoved: false, counts: null, countsTouched: false };
}

export function markUpserted(change: MutableChange, id: string): void {
  if (change.upserted === NONE) change.upserted = [id];
  else if (change.upserted.includes(id)) return;
  else if (Object.isFrozen(change.upserted)) change.upserted = [...change.upserted, id]; // shared: see markUpsertedAlone
  else change.upserted.push(id);
}

/**
 * The change upserts `alone` (`[id]`, frozen): most events upsert just their own request's record,
 * and its changes share one list instead of allocating one each. Anything more copies it first.
 */
export function markUpsertedAlone(change: MutableChange, alone: readonly string[]): void {
  if (change.upserted === NONE) change.upserted = alone as string[];
  else markUpserted(change, alone[0] as string);
}

export function markRemoved(change: MutableChange, id: string): void {
  const at = change.upserted.indexOf(id);
  if (at >= 0 && Object.isFrozen(change.upserted)) change.upserted = change.upserted.filter((upserted) => upserted !== id);
  else if (at >= 0) change.upserted.splice(at, 1);
  if (change.removed === NONE) change.removed = [id];
  else if (!change.removed.includes(id)) change.removed.push(id);
}

/** Everything listed goes (navigation, tab closed): nothing is upserted any more. */
export function markAllRemoved(change: MutableChange, ids: readonly string[]): void {
  change.upserted = NONE;
  change.removed = change.removed.concat(ids);
}
