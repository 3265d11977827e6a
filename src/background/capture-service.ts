/**
 * The service worker's state and behaviour, with every browser API injected (storage area, engine,
 * badge, tab lookup, clock), so it is tested without `chrome`.
 *
 * The worker may be stopped at any moment: every event is first logged to storage.session (one
 * small record, event-log.ts), then applied to the in-memory model, which is checkpointed now and
 * then (checkpointer.ts). A new worker loads the checkpoint, replays what was logged after it, then
 * the events that arrived while it loaded: a restart neither loses nor duplicates anything.
 */
import { applyEvent, createModelState, listTransactions, setPreserveLog, type CaptureEvent, type Change, type Evaluate, type ModelState, type Transaction } from '../core/model';
import { emptyChange } from '../core/model/change';
import { clearTab } from '../core/model/tab-log';
import { getOrCreateTab } from '../core/model/state';
import { buildReport, type ReportV1 } from '../core/report';
import type { PersistenceStatus, TabSnapshot, TabSummary } from '../messaging/protocol';
import { badgeFor, type BadgeState } from './badge';
import { createSessionCache, type StorageAreaLike } from './session-cache';
import { restoreModel, SETTINGS_KEY } from './persisted-model';
import { CACHE_PREFIX } from './stored-preflight-cache';
import { packEvent } from './event-codec';
import { recompute } from './transaction-codec';
import { CHECKPOINT_KEY, createEventLog, leftovers, readMarks } from './event-log';
import { createCheckpointer } from './checkpointer';
import { LOAD_CHUNK, yieldToEvents } from './load-in-chunks';

export interface CaptureDeps {
  readonly storage: StorageAreaLike;
  readonly evaluate: Evaluate;
  readonly badge: { apply(tabId: number, state: BadgeState): Promise<void>; forget(tabId: number): void };
  readonly now: () => number;
  readonly capacity?: number;
  readonly flushDelayMs?: number;
  /** How long the model may stay unwritten (the event log covers it meanwhile). */
  readonly checkpointDelayMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
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
  const queue: { event: CaptureEvent; n: number; key: string }[] = [];
  const log = createEventLog(deps.now());
  const ctx = { evaluate: deps.evaluate, capacity: deps.capacity };
  const cache = createSessionCache(deps.storage, {
    delayMs: deps.flushDelayMs ?? 0,
    setTimer: deps.setTimer,
    onStatusChange: (status) => deps.onStatus?.(paused, status),
  });
  const checkpoints = createCheckpointer({ cache, state: () => state, delayMs: deps.checkpointDelayMs, setTimer: deps.setTimer });

  function summary(tabId: number): TabSummary {
    const tab = state.tabs[String(tabId)];
    const counts = tab?.counts ?? { blocked: 0, warnings: 0, sameOrigin: 0, nonHttp: 0, browserInitiated: 0, evicted: 0 };
    return { ...counts, tabId, total: tab?.order.length ?? 0, preserveLog: tab?.preserveLog ?? false };
  }

  function showBadge(tabId: number): void {
    void deps.badge.apply(tabId, badgeFor(summary(tabId), paused));
  }

  function afterChange(change: Change, navigated: boolean): void {
    if (change.tabId === null) return;
    checkpoints.changed(change);
    if (change.tabRemoved) deps.badge.forget(change.tabId);
    else {
      // Chrome resets a tab's badge when it navigates: forget what we showed so it is set again.
      if (navigated) deps.badge.forget(change.tabId);
      showBadge(change.tabId);
    }
    deps.onChange?.(change);
  }

  function apply(event: CaptureEvent): void {
    // Paused: capture nothing, but a closed tab must still free its state.
    if (paused && event.kind !== 'tab-removed') return;
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
  let drainScheduled = false;

  function takeSorted(count: number): typeof queue {
    queue.sort((a, b) => a.event.at - b.event.at || a.n - b.n);
    return queue.splice(0, count);
  }

  function applyQueued(items: typeof queue): void {
    for (const { event, n, key } of items) {
      apply(event);
      if (n > 0) checkpoints.applied(log.boot, n, key);
    }
  }

  /** Start-up: applies the backlog in sorted slices, yielding between them, until it stays empty. */
  async function drainBacklog(): Promise<void> {
    while (queue.length > 0) {
      applyQueued(takeSorted(LOAD_CHUNK));
      if (queue.length > 0) await yieldToEvents();
    }
  }

  function drainNow(): void {
    drainScheduled = false;
    if (loaded) applyQueued(takeSorted(queue.length));
  }

  function scheduleDrain(): void {
    if (drainScheduled) return;
    drainScheduled = true;
    (deps.setTimer ?? setTimeout)(drainNow, REORDER_MS);
  }

  const ready = (async () => {
    checkpoints.hold();
    let left: ReturnType<typeof leftovers> = { events: [], marks: {}, keys: [] };
    try {
      const items = await cache.load((key) => key.startsWith('tx:') || key.startsWith(CACHE_PREFIX));
      // Verdicts left out of storage are recomputed in slices, yielding between them: one long
      // stretch of work here is what makes a stop lose the events queued behind it (measured).
      const toRecompute: Transaction[] = [];
      const restored = restoreModel(items, toRecompute);
      for (let at = 0; at < toRecompute.length; at += LOAD_CHUNK) {
        for (const tx of toRecompute.slice(at, at + LOAD_CHUNK)) recompute(tx, deps.evaluate);
        await yieldToEvents();
      }
      if (restored.state) state = restored.state;
      checkpoints.setWrittenCache(restored.writtenCache);
      for (const key of restored.orphanKeys) cache.delete(key);
      const settings = items[SETTINGS_KEY] as { paused?: unknown } | undefined;
      paused = settings?.paused === true;
      left = leftovers(items, readMarks(items[CHECKPOINT_KEY]));
      // Earlier workers' unapplied events join this worker's backlog, sorted by time with it (n = 0:
      // no mark of this boot).
      for (const event of left.events) queue.push({ event, n: 0, key: '' });
    } catch {
      // Storage unreadable: start empty rather than not at all; the status tells the UI.
    }
    await drainBacklog();
    loaded = true;
    // Only now may a checkpoint say the earlier workers' records are applied (and let them go);
    // marks of boots whose log is gone drop out.
    checkpoints.setMarks(left.marks);
    checkpoints.cover(left.keys);
    checkpoints.release();
    for (const tabId of Object.keys(state.tabs)) showBadge(Number(tabId));
  })();

  /** Loaded, and nothing waiting in the reorder window: answers are never stale. */
  async function whenReady<T>(fn: () => T): Promise<T> {
    await ready;
    drainNow();
    return fn();
  }

  return {
    ready,
    handle(event) {
      const { key, n } = log.next();
      cache.put(key, packEvent(event));
      queue.push({ event, n, key });
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
      for (const tabId of Object.keys(state.tabs)) showBadge(Number(tabId));
      deps.onStatus?.(paused, cache.status());
      return paused;
    },
    isPaused: () => paused,
    tabIds: () => Object.values(state.tabs).map((tab) => tab.tabId),
    transactionsOf(tabId, ids) {
      const tab = state.tabs[String(tabId)];
      return ids.flatMap((id) => (tab?.transactions[id] ? [tab.transactions[id]] : []));
    },
    persistence: () => cache.status(),
    async flush() {
      await ready;
      drainNow();
      checkpoints.now();
      await cache.flush();
    },
  };
}
