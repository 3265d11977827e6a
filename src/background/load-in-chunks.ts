/**
 * Reads everything stored without blocking the worker for long.
 *
 * One `get(null)` of a busy session (hundreds of transactions, ~1 MB) costs the worker tens of
 * milliseconds of deserialisation on its only thread; webRequest events queued behind it are lost
 * if Chrome stops the worker meanwhile (measured: a stop discards events queued inside a busy
 * worker). So the keys are listed first, the small records read first, the transactions in
 * chunks, and the worker yields between chunks so arriving events are logged at once.
 */
import type { StorageAreaLike } from './session-cache';

export const LOAD_CHUNK = 64;

/** Lets queued tasks (webRequest events) run before the next chunk of work. */
export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The longest stretch of start-up work between two yields. Events that arrive during a stretch wait
 * for its end, and a stop discards whatever waits, so what a stop costs grows with the stretch.
 */
export const SLICE_MS = 4;

/** Tells a loop when its current stretch of work has lasted SLICE_MS; `pause` yields and starts the next. */
export function createSlicer(now: () => number = () => performance.now(), budgetMs = SLICE_MS) {
  let started = now();
  return {
    due: (): boolean => now() - started >= budgetMs,
    async pause(): Promise<void> {
      await yieldToEvents();
      started = now();
    },
  };
}

export async function loadInChunks(area: StorageAreaLike, isBulky: (key: string) => boolean, chunk = LOAD_CHUNK): Promise<Record<string, unknown>> {
  if (!area.getKeys) return area.get(null);
  const keys = await area.getKeys();
  const bulky = keys.filter(isBulky);
  const items = await area.get(keys.filter((key) => !isBulky(key)));
  for (let at = 0; at < bulky.length; at += chunk) {
    await yieldToEvents();
    Object.assign(items, await area.get(bulky.slice(at, at + chunk)));
  }
  return items;
}
