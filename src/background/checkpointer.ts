/**
 * Decides when the model is written back (a checkpoint) and what the checkpoint covers: the dirty
 * records since the last one, and the marks of the logged events it includes. Between checkpoints
 * the event log alone keeps the data safe, so checkpoints can be rare and cheap for the hot path:
 * once the events pause for `quietMs`, but no later than `delayMs` while they keep coming, and
 * sooner after `maxEvents` events or `maxLogBytes` of log.
 *
 * Rare matters: each checkpoint rewrites the bookkeeping of every tab that changed (all its
 * requests in flight) and every transaction that changed since the last one. On a page firing
 * 1,000 fetches at once (bench pageLoad, storage.session bytes per 1,000 fetches):
 * - every 250 ms or 400 events: 8.5 MB, 3 MB of it the same in-flight bookkeeping again and again;
 * - every 1 s or 2,000 events: 5.6 MB (the browser's processes spent ~0.5 s less CPU);
 * - after a 250 ms pause, within 3 s or 4,000 events: 4.4-4.7 MB. A burst is written about once,
 *   when it ends and nothing is in flight any more; a page that never pauses is written every 3 s.
 * The price is a longer log to replay after a stop: at most 4,000 records or 2 MB (within the
 * 10 MB quota beside the 5 MB a full checkpoint takes), some 700 requests: ~10 ms of model and
 * engine work at bench model.requestsPerSecWithEngine, plus reading them.
 */
import type { Change, ModelState } from '../core/model';
import type { AppliedMarks } from './event-log';
import { createDirty, isClean, noteChange, writeCheckpoint } from './persisted-model';
import type { SessionCache } from './session-cache';
import type { WrittenCache } from './stored-preflight-cache';
import type { WrittenOrder } from './stored-order';

export interface CheckpointerOptions {
  readonly cache: SessionCache;
  readonly state: () => ModelState;
  /** The longest the model stays unwritten while events keep coming. */
  readonly delayMs?: number;
  /** A checkpoint waits for this long a pause in the events (up to `delayMs`). */
  readonly quietMs?: number;
  readonly maxEvents?: number;
  /** Log bytes (JSON) since the last checkpoint that bring the next one forward, like `maxEvents`. */
  readonly maxLogBytes?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
}

export function createCheckpointer(options: CheckpointerOptions) {
  const { cache } = options;
  const delayMs = options.delayMs ?? 3000;
  const quietMs = Math.min(options.quietMs ?? 250, delayMs);
  /** Quiet periods waited for before giving up on a pause (counted, so no clock is needed). */
  const maxWaits = Math.max(1, Math.floor(delayMs / quietMs));
  const maxEvents = options.maxEvents ?? 4000;
  // Requests with large headers (cookies, tokens) make large records: 4,000 of 8 KB would be 32 MB
  // of log against storage.session's 10 MB, with the checkpoint beside it.
  const maxLogBytes = options.maxLogBytes ?? 2_000_000;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const dirty = createDirty();
  let marks: AppliedMarks = {};
  let covered: string[] = [];
  let coveredBytes = 0;
  let scheduled = false;
  /** Events came during the current wait for a pause (then it waits once more, up to `maxWaits`). */
  let busy = false;
  let waits = 0;
  /** Start-up: no checkpoint may claim the backlog before all of it is applied. */
  let held = false;

  function checkpoint(): void {
    if (held || (isClean(dirty) && covered.length === 0)) return;
    writeCheckpoint(options.state(), dirty, marks, cache);
    const done = covered;
    covered = [];
    coveredBytes = 0;
    // Log records go only once the checkpoint that includes them is stored (if not, they stay and
    // are replayed; the marks keep the ones it did include from being applied twice).
    void cache.flush().then(() => {
      if (!cache.status().degraded) for (const key of done) cache.delete(key);
    });
  }

  let soon = false;

  function schedule(): void {
    if (held) return;
    if (covered.length >= maxEvents || coveredBytes >= maxLogBytes) {
      // After the current task, not in the middle of a drain: events are applied in time order, not
      // log order, and the marks say everything up to the highest applied number is in the model.
      if (!soon) {
        soon = true;
        queueMicrotask(() => {
          soon = false;
          checkpoint();
        });
      }
      return;
    }
    if (scheduled) {
      busy = true;
      return;
    }
    scheduled = true;
    busy = false;
    waits = 0;
    setTimer(afterWait, quietMs);
  }

  function afterWait(): void {
    if (busy && ++waits < maxWaits) {
      busy = false;
      setTimer(afterWait, quietMs);
      return;
    }
    scheduled = false;
    checkpoint();
  }

  return {
    /** The preflight-cache records found in storage at start-up (checkpoints write only what differs). */
    setWrittenCache(written: WrittenCache): void {
      dirty.cache = written;
    },
    /** The order pages found in storage at start-up (checkpoints write only the pages that differ). */
    setWrittenOrder(written: WrittenOrder): void {
      dirty.order = written;
    },
    /** Marks restored from the stored checkpoint (and from replayed logs). */
    setMarks(next: AppliedMarks): void {
      // Merged: marks of this boot's events applied so far stay.
      marks = { ...next, ...marks };
    },
    /** Holds every checkpoint (start-up, until the backlog is applied); `release` then writes one. */
    hold(): void {
      held = true;
    },
    release(): void {
      held = false;
      checkpoint();
    },
    /** A logged event was applied to the model: the next checkpoint includes it. */
    applied(boot: string, n: number, key: string, bytes: number): void {
      coveredBytes += bytes;
      marks[boot] = Math.max(marks[boot] ?? 0, n);
      covered.push(key);
      schedule();
    },
    /** Leftover log records of earlier workers that the next checkpoint covers. */
    cover(keys: readonly string[]): void {
      covered.push(...keys);
      schedule();
    },
    changed(change: Change): void {
      noteChange(dirty, change);
      schedule();
    },
    tabTouched(tabId: number): void {
      dirty.tabs.add(tabId);
      schedule();
    },
    /** Write now (start-up after a replay, tests, explicit flush). */
    now: checkpoint,
  };
}
