/**
 * A write-behind cache over a storage area (chrome.storage.session in production, a fake in tests).
 *
 * The service worker may be stopped at any time, so in-memory state is only a cache: every change is
 * written back, batched (one `set` and one `remove` per flush) to stay cheap on busy pages. When a
 * write fails (quota: storage.session holds 10 MB), the cache keeps working in memory, remembers the
 * failure so the UI can say so, and retries on the next flush; nothing already in memory is dropped.
 */
import type { PersistenceStatus } from '../messaging/protocol';

/** The subset of StorageArea we use; structural so tests pass a fake. */
export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type { PersistenceStatus };

export interface SessionCache {
  /** Everything stored, read once at start-up. */
  load(): Promise<Record<string, unknown>>;
  put(key: string, value: unknown): void;
  delete(key: string): void;
  /** Write pending changes now (also called by the timer). */
  flush(): Promise<void>;
  status(): PersistenceStatus;
}

export interface SessionCacheOptions {
  /** Milliseconds to gather changes before writing; 0 writes on the next macrotask. */
  readonly delayMs?: number;
  readonly onStatusChange?: (status: PersistenceStatus) => void;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
}

export function createSessionCache(area: StorageAreaLike, options: SessionCacheOptions = {}): SessionCache {
  const delayMs = options.delayMs ?? 200;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const pendingSet = new Map<string, unknown>();
  const pendingRemove = new Set<string>();
  let scheduled = false;
  let writing: Promise<void> | null = null;
  let status: PersistenceStatus = { degraded: false, message: null, failedWrites: 0 };

  function setStatus(next: PersistenceStatus): void {
    const changed = next.degraded !== status.degraded || next.message !== status.message;
    status = next;
    if (changed) options.onStatusChange?.(status);
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setTimer(() => {
      scheduled = false;
      void flush();
    }, delayMs);
  }

  async function writeBatch(): Promise<void> {
    if (pendingSet.size === 0 && pendingRemove.size === 0) return;
    const sets = Object.fromEntries(pendingSet);
    const removes = [...pendingRemove];
    pendingSet.clear();
    pendingRemove.clear();
    try {
      if (removes.length > 0) await area.remove(removes);
      if (Object.keys(sets).length > 0) await area.set(sets);
      if (status.degraded) setStatus({ degraded: false, message: null, failedWrites: status.failedWrites });
    } catch (error) {
      // Put the batch back unless a newer change superseded it, then keep going in memory.
      for (const [key, value] of Object.entries(sets)) if (!pendingSet.has(key) && !pendingRemove.has(key)) pendingSet.set(key, value);
      for (const key of removes) if (!pendingSet.has(key)) pendingRemove.add(key);
      const reason = error instanceof Error ? error.message : String(error);
      setStatus({ degraded: true, message: `Session storage refused a write (${reason}); capture continues in memory.`, failedWrites: status.failedWrites + 1 });
    }
  }

  async function flush(): Promise<void> {
    while (writing) await writing;
    writing = writeBatch();
    try {
      await writing;
    } finally {
      writing = null;
    }
  }

  return {
    load: () => area.get(null),
    put(key, value) {
      pendingRemove.delete(key);
      pendingSet.set(key, value);
      schedule();
    },
    delete(key) {
      pendingSet.delete(key);
      pendingRemove.add(key);
      schedule();
    },
    flush,
    status: () => status,
  };
}
