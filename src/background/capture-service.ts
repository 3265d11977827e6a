/**
 * The service worker's state and behaviour, with every browser API injected (storage area, engine,
 * badge, tab lookup, clock), so it is tested without `chrome`.
 *
 * The worker may be stopped at any moment: every event is first logged to storage.session (one
 * small record, event-log.ts, written together with those that arrive while a write is on its way,
 * session-cache.ts), then applied to the in-memory model, which is checkpointed now and then
 * (checkpointer.ts). A new worker loads the checkpoint (restore-on-start.ts), replays what was
 * logged after it, then the events that arrived while it loaded: a restart neither loses nor
 * duplicates anything it had written. What a stop costs grows with the worker's busy time (a stop
 * discards the events queued behind its work), so start-up does as little as it can and per-event
 * side work (badge, storage writes) is coalesced.
 */
import { applyEvent, createModelState, listTransactions, listedTransaction, setPreserveLog, type CaptureEvent, type Change, type Evaluate, type ModelState } from '../core/model';
import { emptyChange } from '../core/model/change';
import { clearTab } from '../core/model/tab-log';
import { getOrCreateTab } from '../core/model/state';
import { buildReport, type ReportV1 } from '../core/report';
import type { PersistenceStatus, TabSnapshot, TabSummary } from '../messaging/protocol';
import { badgeFor, badgeKey, createBadgeThrottle, sameBadge, type BadgeState } from './badge';
import { createSessionCache, type StorageAreaLike } from './session-cache';
import { SETTINGS_KEY } from './persisted-model';
import { packEvent } from './event-codec';
import { createEventLog, type Leftovers } from './event-log';
import { createCheckpointer } from './checkpointer';
import { createSlicer } from './load-in-chunks';
import { restoreOnStart } from './restore-on-start';

export interface CaptureDeps {
  readonly storage: StorageAreaLike;
  readonly evaluate: Evaluate;
  readonly badge: { apply(tabId: number, state: BadgeState): Promise<void>; forget(tabId: number): void; seed?(tabId: number, state: BadgeState): void };
  readonly now: () => number;
  readonly capacity?: number;
  readonly flushDelayMs?: number;
  /** Least time between two storage writes (session-cache.ts spacingMs); 0 in tests by default. */
  readonly writeSpacingMs?: number;
  /** How long the model may stay unwritten (the event log covers it meanwhile). */
  readonly checkpointDelayMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  /** How long a tab's badge may lag behind its counts (see badge.ts createBadgeThrottle). */
  readonly badgeDelayMs?: number;
  /**
   * How long after its start a worker waits before applying its backlog (see START_HOLD_MS), timed
   * with `now` and `setTimer`: a test that injects a timer it fires by hand must fire it (or pass 0).
   */
  readonly startHoldMs?: number;
  /** Called with the tab and what changed, for live UI updates. */
  readonly onChange?: (change: Change) => void;
  readonly onStatus?: (paused: boolean, persistence: PersistenceStatus) => void;
}

export interface CaptureService {
  /** Resolves once the stored state is loaded; events before that are queued. */
  readonly ready: Promise<void>;
  handle(event: CaptureEvent): void;
  snapshot(tabId: number): Promise<TabSnapshot>;
  summary(tabId: number): TabSummary;
  exportReport(tabId: number, redact: boolean): Promise<ReportV1>;
  clear(tabId: number): Promise<TabSummary>;
  setPreserveLog(tabId: number, preserve: boolean): Promise<TabSummary>;
  setPaused(paused: boolean): Promise<boolean>;
  isPaused(): boolean;
  /** Tab ids with state (for re-applying every badge). */
  tabIds(): number[];
  transactionsOf(tabId: number, ids: readonly string[]): ReturnType<typeof listTransactions>;
  persistence(): PersistenceStatus;
  flush(): Promise<void>;
}

export function createCaptureService(deps: CaptureDeps): CaptureService {
  let state: ModelState = createModelState();
  let paused = false;
  let loaded = false;
  /** Events logged and not applied yet; `bytes`: the size of the log record. */
  const queue: { event: CaptureEvent; n: number; key: string; bytes: number }[] = [];
  type QueueItem = (typeof queue)[number];
  const log = createEventLog(deps.now());
  const ctx = { evaluate: deps.evaluate, capacity: deps.capacity };
  const cache = createSessionCache(deps.storage, {
    delayMs: deps.flushDelayMs ?? 0,
    spacingMs: deps.writeSpacingMs ?? 0,
    setTimer: deps.setTimer,
    onStatusChange: (status) => deps.onStatus?.(paused, status),
  });
  const checkpoints = createCheckpointer({ cache, state: () => state, delayMs: deps.checkpointDelayMs, setTimer: deps.setTimer });

  function summary(tabId: number): TabSummary {
    const tab = state.tabs[String(tabId)];
    const counts = tab?.counts ?? { blocked: 0, warnings: 0, sameOrigin: 0, nonHttp: 0, browserInitiated: 0, evicted: 0 };
    return { ...counts, tabId, total: tab?.order.length ?? 0, preserveLog: tab?.preserveLog ?? false };
  }

  /** What each tab's badge shows, as stored for the next worker (badge.ts BADGE_PREFIX). */
  const shownBadges = new Map<number, BadgeState>();

  function showBadge(tabId: number): void {
    const badge = badgeFor(summary(tabId), paused);
    void deps.badge.apply(tabId, badge);
    if (sameBadge(shownBadges.get(tabId), badge)) return;
    shownBadges.set(tabId, badge);
    cache.put(badgeKey(tabId), badge);
  }

  function forgetBadge(tabId: number): void {
    deps.badge.forget(tabId);
    if (shownBadges.delete(tabId)) cache.delete(badgeKey(tabId));
  }
  const badges = createBadgeThrottle(showBadge, { delayMs: deps.badgeDelayMs, setTimer: deps.setTimer });

  function showAllBadges(): void {
    for (const tabId of Object.keys(state.tabs)) badges.request(Number(tabId));
    badges.flush();
  }

  function afterChange(change: Change, navigated: boolean): void {
    if (change.tabId === null) return;
    checkpoints.changed(change);
    if (change.tabRemoved) {
      badges.drop(change.tabId);
      forgetBadge(change.tabId);
    } else {
      // Chrome resets a tab's badge when it navigates: forget what we showed so it is set again.
      if (navigated) forgetBadge(change.tabId);
      badges.request(change.tabId);
    }
    deps.onChange?.(change);
  }

  function apply(event: CaptureEvent): void {
    // Paused: capture nothing, but a closed tab must still free its state, and which site a tab
    // shows must stay known for the requests of its service worker once capture resumes.
    if (paused && event.kind !== 'tab-removed' && event.kind !== 'page') return;
    const change = applyEvent(state, event, ctx);
    afterChange(change, event.kind === 'navigation' || (event.kind === 'before-request' && event.resourceType === 'main_frame'));
  }

  /**
   * Events wait here and are applied in webRequest time order. A (re)started worker gets the
   * backlog of requests in flight out of order across event kinds (measured: a response before its
   * request's start), and the model cannot pair what comes in the wrong order. They are already
   * logged, so waiting costs no safety: at start-up the whole backlog is sorted; afterwards events
   * are applied in batches every REORDER_MS, sorted within the batch.
   */
  const REORDER_MS = 30;
  /**
   * A (re)started worker gets the events Chrome held while it was stopped or starting, and Chrome
   * delivers that backlog out of order over tens of milliseconds (measured, Chromium 156, worker
   * stopped every 300 ms: a request's onBeforeRequest 60 ms after its onSendHeaders, onHeadersReceived
   * and onErrorOccurred). The model ignores events of a request it has not seen start, so the backlog
   * is applied only once the worker has run START_HOLD_MS; everything is logged meanwhile.
   */
  const START_HOLD_MS = deps.startHoldMs ?? 200;
  const startedAt = deps.now();
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number): unknown => setTimeout(fn, ms));
  let drainScheduled = false;

  function takeSorted(count: number): typeof queue {
    queue.sort((a, b) => a.event.at - b.event.at || a.n - b.n);
    return queue.splice(0, count);
  }

  function applyQueued(item: QueueItem): void {
    apply(item.event);
    if (item.n > 0) checkpoints.applied(log.boot, item.n, item.key, item.bytes);
  }

  /**
   * Applies `sorted` from `at`, a few milliseconds at a time (load-in-chunks.ts), and returns where
   * it stopped.
   */
  function applySlice(sorted: readonly QueueItem[], at: number, slicer: ReturnType<typeof createSlicer>): number {
    let next = at;
    do applyQueued(sorted[next++] as QueueItem);
    while (next < sorted.length && !slicer.due());
    return next;
  }

  /** Earlier workers' unapplied events, in time order, yielding between slices. */
  async function applyLeftovers(events: readonly CaptureEvent[]): Promise<void> {
    // n = 0: no mark of this boot. Array sort is stable: log order among events of the same time.
    const sorted = events.map((event) => ({ event, n: 0, key: '', bytes: 0 })).sort((a, b) => a.event.at - b.event.at);
    const slicer = createSlicer();
    for (let at = 0; at < sorted.length; ) {
      at = applySlice(sorted, at, slicer);
      if (at < sorted.length) await slicer.pause();
    }
  }

  /**
   * Start-up: applies this worker's backlog in time order, a slice at a time; what arrives meanwhile
   * joins the backlog and is sorted with it.
   */
  async function drainBacklog(): Promise<void> {
    const slicer = createSlicer();
    while (queue.length > 0) {
      const sorted = takeSorted(queue.length);
      for (let at = applySlice(sorted, 0, slicer); at < sorted.length; at++) queue.push(sorted[at] as QueueItem);
      if (queue.length > 0) await slicer.pause();
    }
  }

  function drainNow(): void {
    drainScheduled = false;
    if (loaded) for (const item of takeSorted(queue.length)) applyQueued(item);
  }

  function scheduleDrain(): void {
    if (drainScheduled) return;
    drainScheduled = true;
    setTimer(drainNow, REORDER_MS);
  }

  const ready = (async () => {
    checkpoints.hold();
    let left: Leftovers = { events: [], marks: {}, keys: [] };
    try {
      const start = await restoreOnStart(cache, deps.evaluate);
      if (start.state) state = start.state;
      checkpoints.setWrittenCache(start.writtenCache);
      checkpoints.setWrittenOrder(start.writtenOrder);
      for (const key of start.orphanKeys) cache.delete(key);
      paused = start.paused;
      left = start.left;
      for (const [tabId, badge] of start.badges) {
        if (state.tabs[String(tabId)] === undefined) {
          cache.delete(badgeKey(tabId));
          continue;
        }
        shownBadges.set(tabId, badge);
        deps.badge.seed?.(tabId, badge);
      }
    } catch {
      // Storage unreadable: start empty rather than not at all; the status tells the UI.
    }
    // Earlier workers' events were all logged before this worker started, so before anything in its
    // backlog: applied and checkpointed first, at once, so that a worker stopped again soon does not
    // leave them to the next one (which would apply them again).
    await applyLeftovers(left.events);
    // Only now may a checkpoint say the earlier workers' records are applied (and let them go);
    // marks of boots whose log is gone drop out.
    checkpoints.setMarks(left.marks);
    checkpoints.cover(left.keys);
    checkpoints.release();
    // On the service's own clock and timer, like the rest of it. Never longer than START_HOLD_MS, even
    // if the clock went back; a frozen clock (tests) waits the whole hold once, on the injected timer.
    const hold = Math.min(START_HOLD_MS, START_HOLD_MS - (deps.now() - startedAt));
    if (hold > 0) await new Promise<void>((resolve) => void setTimer(resolve, hold));
    // No checkpoint between slices: this boot's events are applied in time order, not log order, and
    // a checkpoint marks everything up to the highest applied number as applied.
    checkpoints.hold();
    await drainBacklog();
    loaded = true;
    checkpoints.release();
    showAllBadges();
  })();

  /** Loaded, and nothing waiting in the reorder window: answers are never stale. */
  async function whenReady<T>(fn: () => T): Promise<T> {
    await ready;
    drainNow();
    badges.flush();
    return fn();
  }

  return {
    ready,
    handle(event) {
      const { key, n } = log.next();
      const record = packEvent(event);
      cache.put(key, record);
      queue.push({ event, n, key, bytes: record.length });
      if (loaded) scheduleDrain();
    },
    snapshot: (tabId) =>
      whenReady(() => ({ tabId, summary: summary(tabId), transactions: listTransactions(state, tabId), paused, persistence: cache.status() })),
    summary,
    exportReport: (tabId, redact) => whenReady(() => buildReport(tabId, listTransactions(state, tabId), deps.now(), { redact })),
    clear: (tabId) =>
      whenReady(() => {
        const change = emptyChange();
        const tab = getOrCreateTab(state, tabId);
        clearTab({ state, tab, ctx, change });
        change.tabId = tabId;
        change.counts = { ...tab.counts };
        afterChange(change, false);
        return summary(tabId);
      }),
    setPreserveLog: (tabId, preserve) =>
      whenReady(() => {
        setPreserveLog(state, tabId, preserve);
        checkpoints.tabTouched(tabId);
        return summary(tabId);
      }),
    async setPaused(next) {
      await ready;
      paused = next;
      cache.put(SETTINGS_KEY, { paused });
      showAllBadges();
      deps.onStatus?.(paused, cache.status());
      return paused;
    },
    isPaused: () => paused,
    tabIds: () => Object.values(state.tabs).map((tab) => tab.tabId),
    transactionsOf(tabId, ids) {
      const tab = state.tabs[String(tabId)];
      return ids.flatMap((id) => {
        const tx = tab ? listedTransaction(tab, id) : undefined;
        return tx ? [tx] : [];
      });
    },
    persistence: () => cache.status(),
    async flush() {
      await ready;
      drainNow();
      badges.flush();
      checkpoints.now();
      await cache.flush();
    },
  };
}
