/**
 * A write-behind cache over a storage area (chrome.storage.session in production, a fake in tests).
 *
 * The service worker may be stopped at any moment, even abruptly (DevTools, ServiceWorker.stopAll-
 * Workers, a crash): a pending timer dies with it. So when no write is on its way (nor started in
 * the last `spacingMs`), changes are handed to storage before the task that made them ends: the
 * batch is written from a microtask, which coalesces everything one webRequest event changed into
 * one `set` (plus one `remove`). Once the IPC is sent, the browser completes it even if the worker
 * is gone.
 *
 * While a write is on its way, new changes wait for its answer and then go out together, in one
 * write (as Nagle's algorithm does for small TCP segments); and in the worker (`spacingMs`, 16 ms)
 * a write also starts no sooner than 16 ms after the previous one. What a burst of requests costs
 * the browser is mostly the number of `set` calls, not their bytes: on a page firing 1,000 fetches,
 * waiting for the answer alone made 1,800 calls (about 4 records each), and the browser's processes
 * spent as much CPU as with no event log at all once writes were 16 ms apart (bench pageLoad.cpu,
 * 8 alternating runs: 5,700 ms against 5,790 without the log, 6,670 before, 5,720 for empty
 * listeners). Each call also costs the worker about as much to issue as ten records in one call
 * (~35 µs per call, ~3-6 µs per record in a batch, plus the answer it brings back).
 *
 * The price: a change is not in storage until its write goes out, at most 16 ms plus the previous
 * write's answer. A forced stop (DevTools, a crash) in that window loses those changes, as it loses
 * the events Chrome had queued for the worker anyway; an idle stop (30 s without events) never does,
 * and a pending timer that dies with its worker only held changes that a forced stop would take.
 * Overall a forced stop now loses less, not more: fewer writes leave the worker less busy, and a
 * busy worker is what a stop takes events from (test/e2e/hardening-worker-death.test.ts).
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
  /**
   * A write starts at least this long after the previous one started (0, the default: as soon as it
   * was answered). Changes made meanwhile go out together when the time is up.
   */
  readonly spacingMs?: number;
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
  /** A change came while a write was on its way or too recent: write it when both are over. */
  let waiting = false;
  const spacingMs = options.spacingMs ?? 0;
  /** The last write started less than `spacingMs` ago. */
  let spacing = false;
  const mayWrite = (): boolean => onTheirWay === 0 && !spacing;

  function writeWaiting(): void {
    if (!waiting || !mayWrite()) return;
    waiting = false;
    writeBatch();
  }
  let status: PersistenceStatus = { degraded: false, message: null, failedWrites: 0 };

  function setStatus(next: PersistenceStatus): void {
    const changed = next.degraded !== status.degraded || next.message !== status.message;
    status = next;
    if (changed) options.onStatusChange?.(status);
  }

  function requestWrite(): void {
    // Waiting: the write already due takes this change along (no task scheduled per event of a burst).
    if (scheduled || waiting) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      if (mayWrite()) writeBatch();
      else waiting = true;
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
    writeWaiting();
  }

  function startSpacing(): void {
    if (spacingMs === 0) return;
    spacing = true;
    (options.setTimer ?? setTimeout)(() => {
      spacing = false;
      writeWaiting();
    }, spacingMs);
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
    startSpacing();
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
