/**
 * What a (re)started worker reads back from storage.session before it applies events: the model,
 * the settings, the badges shown, and the events earlier workers logged after their last checkpoint.
 *
 * Chrome may stop the worker every few hundred milliseconds (memory pressure, DevTools), and every
 * start pays for this, so it is kept short: records are read in chunks with the worker yielding in
 * between (load-in-chunks.ts; events that arrive meanwhile are logged at once), listed transactions
 * are unpacked only when first read (lazy-transaction.ts) and the verdicts storage left out computed
 * only when first read (transaction-codec.ts deferVerdict): most workers never need them.
 */
import type { Evaluate, ModelState, Transaction } from '../core/model';
import type { SessionCache } from './session-cache';
import { restoreModel, SETTINGS_KEY } from './persisted-model';
import { CACHE_PREFIX, type WrittenCache } from './stored-preflight-cache';
import type { WrittenOrder } from './stored-order';
import { deferVerdict } from './transaction-codec';
import { CHECKPOINT_KEY, leftovers, readMarks, type Leftovers } from './event-log';
import { BADGE_PREFIX, isBadgeState, type BadgeState } from './badge';

export interface StartState {
  readonly state: ModelState | null;
  readonly writtenCache: WrittenCache;
  readonly writtenOrder: WrittenOrder;
  /** Records nothing refers to any more: delete them. */
  readonly orphanKeys: readonly string[];
  readonly paused: boolean;
  readonly left: Leftovers;
  /** What each tab's badge showed when the last worker stopped (Chrome keeps it). */
  readonly badges: ReadonlyMap<number, BadgeState>;
}

const isBulky = (key: string): boolean => key.startsWith('tx:') || key.startsWith(CACHE_PREFIX);

export async function restoreOnStart(cache: SessionCache, evaluate: Evaluate): Promise<StartState> {
  const items = await cache.load(isBulky);
  // Requests in flight (kept in the tabs' bookkeeping) are unpacked now; listed ones when first read.
  const deferred: Transaction[] = [];
  const restored = restoreModel(items, deferred, evaluate);
  for (const tx of deferred) deferVerdict(tx, evaluate);
  const settings = items[SETTINGS_KEY] as { paused?: unknown } | undefined;
  const badges = new Map<number, BadgeState>();
  for (const key in items) {
    const value = items[key];
    if (key.startsWith(BADGE_PREFIX) && isBadgeState(value)) badges.set(Number(key.slice(BADGE_PREFIX.length)), value);
  }
  return {
    state: restored.state,
    writtenCache: restored.writtenCache,
    writtenOrder: restored.writtenOrder,
    orphanKeys: restored.orphanKeys,
    paused: settings?.paused === true,
    left: leftovers(items, readMarks(items[CHECKPOINT_KEY])),
    badges,
  };
}
