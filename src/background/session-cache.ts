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
}

export interface SessionCacheOptions {
  /** Milliseconds to gather changes before writing; 0 (default) writes at the end of the current task. */
  readonly delayMs?: number;
  readonly onStatusChange?: (status: PersistenceStatus) => void;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
}

export function createSessionCache(area: StorageAreaLike, options: SessionCacheOptions = {}): SessionCache {
  const delayMs = options.delayMs ?? 0;
  const schedule = delayMs === 0 && !options.setTimer ? queueMicrotask : (fn: () => void) => (options.setTimer ?? setTimeout)(fn, delayMs);
  const pendingSet = new Map<string, unknown>();
  const pendingRemove = new Set<string>();
  /** Number of the latest batch that carried each key, so a failed older batch never clobbers it. */
  const lastBatchOf = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let batchNumber = 0;
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
      if (inFlight.size > 0) waiting = true;
      else writeBatch();
    });
  }

  function writeBatch(): void {
    if (pendingSet.size === 0 && pendingRemove.size === 0) return;
    const batch = ++batchNumber;
    const sets = Object.fromEntries(pendingSet);
    const removes = [...pendingRemove];
    pendingSet.clear();
    pendingRemove.clear();
    for (const key of [...Object.keys(sets), ...removes]) lastBatchOf.set(key, batch);
    // Both calls go out now, together: the sets and the removes are disjoint by construction.
    const calls: Promise<void>[] = [];
    if (removes.length > 0) calls.push(area.remove(removes));
    if (Object.keys(sets).length > 0) calls.push(area.set(sets));
    const write = Promise.all(calls).then(
      () => {
        if (status.degraded) setStatus({ degraded: false, message: null, failedWrites: status.failedWrites });
      },
      (error: unknown) => {
        const isLatest = (key: string) => lastBatchOf.get(key) === batch && !pendingSet.has(key) && !pendingRemove.has(key);
        for (const [key, value] of Object.entries(sets)) if (isLatest(key)) pendingSet.set(key, value);
        for (const key of removes) if (isLatest(key)) pendingRemove.add(key);
        const reason = error instanceof Error ? error.message : String(error);
        setStatus({ degraded: true, message: `Session storage refused a write (${reason}); capture continues in memory.`, failedWrites: status.failedWrites + 1 });
      },
    );
    inFlight.add(write);
    void write.finally(() => {
      inFlight.delete(write);
      if (waiting && inFlight.size === 0) {
        waiting = false;
        writeBatch();
      }
    });
  }

  return {
    load: (isBulky) => loadInChunks(area, isBulky),
    put(key, value) {
      pendingRemove.delete(key);
      pendingSet.set(key, value);
      requestWrite();
    },
    delete(key) {
      pendingSet.delete(key);
      pendingRemove.add(key);
      requestWrite();
    },
    async flush() {
      writeBatch();
      await Promise.all([...inFlight]);
    },
    status: () => status,
  };
}
