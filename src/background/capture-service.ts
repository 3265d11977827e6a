/**
 * The service worker's state and behaviour, with every browser API injected (storage area, engine,
 * badge, tab lookup, clock), so it is tested without `chrome`.
 *
 * The worker may be stopped at any moment: every event is first logged to storage.session (one
 * small record, event-log.ts), then applied to the in-memory model, which is checkpointed now and
 * then (checkpointer.ts). A new worker loads the checkpoint, replays what was logged after it, then
 * the events that arrived while it loaded: a restart neither loses nor duplicates anything.
 */
import { applyEvent, createModelState, listTransactions, setPreserveLog, type CaptureEvent, type Change, type Evaluate, type ModelState } from '../core/model';
import { emptyChange } from '../core/model/change';
import { clearTab } from '../core/model/tab-log';
import { getOrCreateTab } from '../core/model/state';
import { buildReport, type ReportV1 } from '../core/report';
import type { PersistenceStatus, TabSnapshot, TabSummary } from '../messaging/protocol';
import { badgeFor, type BadgeState } from './badge';
import { createSessionCache, type StorageAreaLike } from './session-cache';
import { restoreModel, SETTINGS_KEY } from './persisted-model';
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

  /** Applies queued events in slices, yielding between them, until the queue stays empty. */
  async function drainQueue(): Promise<void> {
    while (queue.length > 0) {
      for (const { event, n, key } of queue.splice(0, LOAD_CHUNK)) {
        apply(event);
        checkpoints.applied(log.boot, n, key);
      }
      if (queue.length > 0) await yieldToEvents();
    }
  }

  const ready = (async () => {
    try {
      const items = await cache.load((key) => key.startsWith('tx:'));
      const restored = restoreModel(items);
      if (restored.state) state = restored.state;
      for (const key of restored.orphanKeys) cache.delete(key);
      const settings = items[SETTINGS_KEY] as { paused?: unknown } | undefined;
      paused = settings?.paused === true;
      const left = leftovers(items, readMarks(items[CHECKPOINT_KEY]));
      // Earlier workers' events first (they happened first); marks of boots whose log is gone drop out.
      for (let at = 0; at < left.events.length; at += LOAD_CHUNK) {
        for (const event of left.events.slice(at, at + LOAD_CHUNK)) apply(event);
        await yieldToEvents();
      }
      checkpoints.setMarks(left.marks);
      checkpoints.cover(left.keys);
    } catch {
      // Storage unreadable: start empty rather than not at all; the status tells the UI.
    }
    await drainQueue();
    loaded = true;
    checkpoints.now();
    for (const tabId of Object.keys(state.tabs)) showBadge(Number(tabId));
  })();

  async function whenReady<T>(fn: () => T): Promise<T> {
    await ready;
    return fn();
  }

  return {
    ready,
    handle(event) {
      const { key, n } = log.next();
      cache.put(key, event);
      if (!loaded) queue.push({ event, n, key });
      else {
        apply(event);
        checkpoints.applied(log.boot, n, key);
      }
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
      checkpoints.now();
      await cache.flush();
    },
  };
}
