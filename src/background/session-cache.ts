/**
 * A write-behind cache over a storage area (chrome.storage.session in production, a fake in tests).
 *
 * The service worker may be stopped at any moment, even abruptly (DevTools, ServiceWorker.stopAll-
 * Workers, a crash): a pending timer dies with it. So when no write is on its way, changes are
 * handed to storage before the task that made them ends: the batch is written from a microtask,
 * which coalesces everything one webRequest event changed into one `set` (plus one `remove`). Once
 * the IPC is sent, the browser completes it even if the worker is gone.
 *
 * While a write is on its way, new changes wait for its answer and then go out together, in one
 * write (as Nagle's algorithm does for small TCP segments). Each `set` call costs the worker about
 * as much to issue as ten records in one call (measured, Chromium 156: ~35 µs per call, ~3-6 µs per
 * record in a batch, plus the answer each call brings back), and the worker's busy time is what a
 * forced stop turns into lost events. The price: a change made while a write is on its way is not
 * in storage until that write answers (about a millisecond idle; under a burst, until the answer's
 * turn in the worker's queue). A forced stop in that window loses those changes, as it loses the
 * events Chrome had queued for the worker anyway; an idle stop (30 s without events) never does.
 *
 * When a write fails (quota: storage.session holds 10 MB), the cache keeps working in memory,
 * remembers the failure so the UI can say so, and retries with the next change; a failed key is only
 * retried if no later write has carried a newer value for it.
 */
import type { PersistenceStatus } from '../messaging/protocol';
import { loadInChunks } from './load-in-chunks';

export type { PersistenceStatus };

/** The subset of StorageArea we use; structural so tests pass a fake. */
export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  /** Chrome 130+: the keys alone (startup reads them first, see load-in-chunks.ts). */
  getKeys?(): Promise<string[]>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface SessionCache {
  /** Everything stored, read once at start-up, in chunks (load-in-chunks.ts). */
  load(isBulky: (key: string) => boolean): Promise<Record<string, unknown>>;
  put(key: string, value: unknown): void;
  delete(key: string): void;
  /** Write pending changes now and wait until every write so far has been answered. */
  flush(): Promise<void>;
  status(): PersistenceStatus;
  /** Writes whose outcome the cache still keeps track of (bounded by the writes on their way; for tests). */
  tracked(): number;
}

export interface SessionCacheOptions {
  /** Milliseconds to gather changes before writing; 0 (default) writes at the end of the current task. */
  readonly delayMs?: number;
  readonly onStatusChange?: (status: PersistenceStatus) => void;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
}

/** One `set` (plus one `remove`) handed to the area. */
interface Batch {
  readonly sets: Record<string, unknown>;
  readonly removes: readonly string[];
  /** Answered (stored or refused). */
  settled: boolean;
  /** Resolves once answered; never rejects. */
  done: Promise<void>;
}

/**
 * A record of keys without a prototype: V8 keeps such an object in dictionary mode from the start,
 * so adding the ever-new log keys costs no hidden-class transition each (and no inherited name such
 * as `constructor` can pass for a pending key).
 */
const emptyRecord = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

export function createSessionCache(area: StorageAreaLike, options: SessionCacheOptions = {}): SessionCache {
  const delayMs = options.delayMs ?? 0;
  const schedule = delayMs === 0 && !options.setTimer ? queueMicrotask : (fn: () => void) => (options.setTimer ?? setTimeout)(fn, delayMs);
  let pendingSet = emptyRecord();
  let pendingSets = 0;
  const pendingRemove = new Set<string>();
  /**
   * The batches on their way, oldest first, and the answered ones written after a batch still on its
   * way: a refused batch must know whether a later one carried a key (see retryRefused). Nothing is
   * kept per key, and an answered batch goes as soon as no earlier one waits, so this stays as short
   * as the writes on their way (one, except during a flush), however many keys a flood writes.
   */
  const recent: Batch[] = [];
  let onTheirWay = 0;
  let scheduled = false;
  /** A change came while a write was on its way: write it when the answer comes. */
  let waiting = false;
  let status: PersistenceStatus = { degraded: false, message: null, failedWrites: 0 };

  function setStatus(next: PersistenceStatus): void {
    const changed = next.degraded !== status.degraded || next.message !== status.message;
    status = next;
    if (changed) options.onStatusChange?.(status);
  }

  function requestWrite(): void {
    if (scheduled) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      if (onTheirWay > 0) waiting = true;
      else writeBatch();
    });
  }

  /** Whether a batch written after `batch` carried `key`. */
  function carriedLater(batch: Batch, key: string): boolean {
    for (let at = recent.indexOf(batch) + 1; at < recent.length; at++) {
      const later = recent[at] as Batch;
      if (key in later.sets || later.removes.includes(key)) return true;
    }
    return false;
  }

  /** A refused batch's changes wait for the next write, unless a later change or batch replaced them. */
  function retryRefused(batch: Batch): void {
    const isLatest = (key: string): boolean => !(key in pendingSet) && !pendingRemove.has(key) && !carriedLater(batch, key);
    for (const key in batch.sets) {
      if (!isLatest(key)) continue;
      pendingSet[key] = batch.sets[key];
      pendingSets++;
    }
    for (const key of batch.removes) if (isLatest(key)) pendingRemove.add(key);
  }

  function settle(batch: Batch): void {
    batch.settled = true;
    onTheirWay--;
    while (recent.length > 0 && (recent[0] as Batch).settled) recent.shift();
    if (waiting && onTheirWay === 0) {
      waiting = false;
      writeBatch();
    }
  }

  function writeBatch(): void {
    if (pendingSets === 0 && pendingRemove.size === 0) return;
    const sets = pendingSet;
    const hasSets = pendingSets > 0;
    const removes = pendingRemove.size > 0 ? [...pendingRemove] : [];
    pendingSet = emptyRecord();
    pendingSets = 0;
    pendingRemove.clear();
    // Both calls go out now, together: the sets and the removes are disjoint by construction.
    let call: Promise<unknown>;
    if (removes.length === 0) call = area.set(sets);
    else if (!hasSets) call = area.remove(removes);
    else call = Promise.all([area.remove(removes), area.set(sets)]);
    const batch: Batch = { sets, removes, settled: false, done: Promise.resolve() };
    recent.push(batch);
    onTheirWay++;
    batch.done = call.then(
      () => {
        if (status.degraded) setStatus({ degraded: false, message: null, failedWrites: status.failedWrites });
        settle(batch);
      },
      (error: unknown) => {
        retryRefused(batch);
        const reason = error instanceof Error ? error.message : String(error);
        setStatus({ degraded: true, message: `Session storage refused a write (${reason}); capture continues in memory.`, failedWrites: status.failedWrites + 1 });
        settle(batch);
      },
    );
  }

  return {
    load: (isBulky) => loadInChunks(area, isBulky),
    put(key, value) {
      if (pendingRemove.size > 0) pendingRemove.delete(key);
      if (!(key in pendingSet)) pendingSets++;
      pendingSet[key] = value;
      requestWrite();
    },
    delete(key) {
      if (key in pendingSet) {
        Reflect.deleteProperty(pendingSet, key);
        pendingSets--;
      }
      pendingRemove.add(key);
      requestWrite();
    },
    async flush() {
      writeBatch();
      await Promise.all(recent.map((batch) => batch.done));
    },
    status: () => status,
    tracked: () => recent.length,
  };
}
