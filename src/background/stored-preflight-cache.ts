/**
 * The preflight-cache model in storage: one record per entry, `pfc:<cache key>`, written when the
 * entry is new or replaced and deleted when it leaves the cache. The model holds up to 1,024
 * entries and a busy page keeps changing a few of them; writing them all with every checkpoint
 * (several times a second) would cost the worker ~1 MB of serialisation each time.
 *
 * The model's eviction needs the entries' age order, which storage keys do not keep, so each
 * record carries a stamp: entries are written in the cache's own order (oldest first) and a new
 * or replaced entry is always the youngest, so increasing stamps reproduce that order on restore.
 *
 * WARNING: persisted layout: the JSON of [stamp, key, transactionId, expiresAt, packed preflight].
 */
import type { PreflightCacheEntry } from '../core/model';
import { packPreflight, unpackPreflight } from './transaction-codec';
import { readStored, storedJson } from './stored-json';

export const CACHE_PREFIX = 'pfc:';

export interface WrittenCache {
  /** What storage holds, by cache key: the entry object written and its stamp. */
  readonly entries: Map<string, { readonly entry: PreflightCacheEntry; readonly stamp: number }>;
  /** The last stamp given. */
  stamp: number;
}

export interface CacheWriter {
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

export function createWrittenCache(): WrittenCache {
  return { entries: new Map(), stamp: 0 };
}

/** Writes the entries new or replaced since the last call, deletes the ones gone from the cache. */
export function writeCacheChanges(cache: ReadonlyMap<string, PreflightCacheEntry>, written: WrittenCache, out: CacheWriter): void {
  for (const key of written.entries.keys()) {
    if (cache.has(key)) continue;
    out.delete(CACHE_PREFIX + key);
    written.entries.delete(key);
  }
  for (const [key, entry] of cache) {
    if (written.entries.get(key)?.entry === entry) continue;
    const stamp = ++written.stamp;
    out.put(CACHE_PREFIX + key, storedJson([stamp, entry.key, entry.transactionId, entry.expiresAt, packPreflight(entry.preflight)]));
    written.entries.set(key, { entry, stamp });
  }
}

export interface RestoredCache {
  /** Entries oldest first, as the model keeps them. */
  readonly cache: Record<string, PreflightCacheEntry>;
  readonly size: number;
  /** What storage holds, for the next checkpoint to diff against. */
  readonly written: WrittenCache;
  /** Stored records that cannot be read (delete them). */
  readonly unreadable: readonly string[];
}

export function restoreCache(items: Record<string, unknown>): RestoredCache {
  const found: { key: string; stamp: number; entry: PreflightCacheEntry }[] = [];
  const unreadable: string[] = [];
  for (const [storageKey, stored] of Object.entries(items)) {
    if (!storageKey.startsWith(CACHE_PREFIX)) continue;
    const value = readStored(stored);
    const [stamp, key, transactionId, expiresAt, packed] = Array.isArray(value) ? (value as unknown[]) : [];
    const preflight = unpackPreflight(packed);
    if (typeof stamp !== 'number' || typeof key !== 'string' || storageKey !== CACHE_PREFIX + key || typeof expiresAt !== 'number' || preflight === null) {
      unreadable.push(storageKey);
      continue;
    }
    found.push({ key, stamp, entry: { key, transactionId: typeof transactionId === 'string' ? transactionId : null, expiresAt, preflight } });
  }
  found.sort((a, b) => a.stamp - b.stamp);
  const cache: Record<string, PreflightCacheEntry> = {};
  const written = createWrittenCache();
  for (const { key, stamp, entry } of found) {
    cache[key] = entry;
    written.entries.set(key, { entry, stamp });
    written.stamp = Math.max(written.stamp, stamp);
  }
  return { cache, size: found.length, written, unreadable };
}
