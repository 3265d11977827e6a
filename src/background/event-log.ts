/**
 * The event log: what makes capture survive a service worker that Chrome stops at any moment.
 *
 * Measured (Chromium 156, stops every 200 ms during a burst of requests): Chrome delivers every
 * webRequest event to a restarted worker, but a stop discards the events already queued inside a
 * busy worker. So handling one event must be cheap: it writes the converted event as one small
 * record, `log:<boot>:<n>` (records that arrive while a write is on its way go out together with
 * the next one, session-cache.ts), and applies it to the in-memory model; the model itself is written
 * now and then as a checkpoint (see checkpoint.ts) that records, per boot, the last logged event
 * it includes. A new worker loads the checkpoint and replays the records logged after it, exactly
 * once. Log records a checkpoint covers are removed afterwards; if that removal is lost, the marks
 * still keep them from being applied twice.
 */
import type { CaptureEvent } from '../core/model';
import { unpackEvent } from './event-codec';

export const LOG_PREFIX = 'log:';
export const CHECKPOINT_KEY = 'checkpoint';

/** Per boot, the number of the last logged event the stored model includes. */
export type AppliedMarks = Record<string, number>;

export interface EventLog {
  /** This boot's id: boot time first, so ids sort in boot order. */
  readonly boot: string;
  /** Key for this boot's next event, and its number. */
  next(): { key: string; n: number };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function createEventLog(now: number, random: () => number = Math.random): EventLog {
  const boot = `${pad(now, 15)}-${random().toString(36).slice(2, 8)}`;
  let n = 0;
  return {
    boot,
    next() {
      n++;
      return { key: `${LOG_PREFIX}${boot}:${pad(n, 9)}`, n };
    },
  };
}

export function parseLogKey(key: string): { boot: string; n: number } | null {
  if (!key.startsWith(LOG_PREFIX)) return null;
  const at = key.lastIndexOf(':');
  const n = Number(key.slice(at + 1));
  return at > LOG_PREFIX.length && Number.isInteger(n) ? { boot: key.slice(LOG_PREFIX.length, at), n } : null;
}

export interface Leftovers {
  /** Events logged by earlier boots after the checkpoint, in boot order then log order. */
  readonly events: readonly CaptureEvent[];
  /** The marks to record once they are applied. */
  readonly marks: AppliedMarks;
  /** Every stored log key (applied or not): remove them once a checkpoint covers them. */
  readonly keys: readonly string[];
}

/** What earlier workers logged and the stored checkpoint does not include yet. */
export function leftovers(items: Record<string, unknown>, applied: AppliedMarks): Leftovers {
  const entries: { key: string; boot: string; n: number }[] = [];
  for (const key of Object.keys(items)) {
    const parsed = parseLogKey(key);
    if (parsed) entries.push({ key, ...parsed });
  }
  entries.sort((a, b) => (a.boot === b.boot ? a.n - b.n : a.boot < b.boot ? -1 : 1));
  const events: CaptureEvent[] = [];
  const marks: AppliedMarks = {};
  for (const entry of entries) {
    marks[entry.boot] = Math.max(marks[entry.boot] ?? 0, entry.n);
    if (entry.n <= (applied[entry.boot] ?? 0)) continue;
    const event = unpackEvent(items[entry.key]);
    if (event !== null) events.push(event);
  }
  return { events, marks, keys: entries.map((e) => e.key) };
}

export function readMarks(value: unknown): AppliedMarks {
  const marks: AppliedMarks = {};
  const applied = (value as { applied?: unknown } | null | undefined)?.applied;
  if (typeof applied === 'object' && applied !== null) {
    for (const [boot, n] of Object.entries(applied)) if (typeof n === 'number') marks[boot] = n;
  }
  return marks;
}
