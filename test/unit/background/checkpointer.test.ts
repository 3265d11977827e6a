import { describe, expect, it } from 'vitest';
import { createCheckpointer } from '../../../src/background/checkpointer';
import { CHECKPOINT_KEY } from '../../../src/background/event-log';
import type { SessionCache } from '../../../src/background/session-cache';
import { createModelState } from '../../../src/core/model';

/** A cache that only counts checkpoints (one CHECKPOINT_KEY put each). */
function countingCache() {
  const counts = { checkpoints: 0 };
  const cache: SessionCache = {
    load: async () => ({}),
    put: (key) => {
      if (key === CHECKPOINT_KEY) counts.checkpoints++;
    },
    delete: () => undefined,
    flush: async () => undefined,
    status: () => ({ degraded: false, message: null, failedWrites: 0 }),
    tracked: () => 0,
  };
  return { cache, counts };
}

function manualTimer() {
  const waiting: { fn: () => void; ms: number }[] = [];
  return {
    setTimer: (fn: () => void, ms: number) => void waiting.push({ fn, ms }),
    /** Lets the next timer run out; returns how long it was set for. */
    elapse(): number {
      const next = waiting.shift();
      if (!next) throw new Error('no timer waiting');
      next.fn();
      return next.ms;
    },
    pending: () => waiting.length,
  };
}

function setup(options: { quietMs?: number; delayMs?: number; maxEvents?: number; maxLogBytes?: number } = {}) {
  const { cache, counts } = countingCache();
  const timer = manualTimer();
  const state = createModelState();
  const checkpoints = createCheckpointer({ cache, state: () => state, setTimer: timer.setTimer, ...options });
  let n = 0;
  const logEvent = (bytes = 100) => checkpoints.applied('boot', ++n, `log:boot:${n}`, bytes);
  return { counts, timer, logEvent };
}

describe('checkpoint cadence', () => {
  it('writes once the events pause for quietMs', () => {
    const { counts, timer, logEvent } = setup({ quietMs: 250, delayMs: 3000 });
    logEvent();
    expect(timer.elapse()).toBe(250);
    expect(counts.checkpoints).toBe(1);
    expect(timer.pending()).toBe(0);
  });

  it('waits for the end of a burst, but no longer than delayMs', () => {
    const { counts, timer, logEvent } = setup({ quietMs: 250, delayMs: 1000 });
    logEvent();
    let waited = 0;
    while (counts.checkpoints === 0) {
      logEvent(); // the burst goes on during every wait
      waited += timer.elapse();
    }
    expect(waited).toBe(1000);
  });

  it('a burst that ends early is written after its first pause', () => {
    const { counts, timer, logEvent } = setup({ quietMs: 250, delayMs: 3000 });
    logEvent();
    logEvent();
    timer.elapse();
    expect(counts.checkpoints).toBe(0);
    timer.elapse(); // nothing came during this wait
    expect(counts.checkpoints).toBe(1);
  });

  it('writes right after the current task once maxEvents are logged, whatever the timers', async () => {
    const { counts, logEvent } = setup({ maxEvents: 3 });
    logEvent();
    logEvent();
    logEvent();
    expect(counts.checkpoints).toBe(0);
    await Promise.resolve();
    expect(counts.checkpoints).toBe(1);
  });

  it('writes right after the current task once the log since the last one holds maxLogBytes', async () => {
    const { counts, logEvent } = setup({ maxLogBytes: 20_000 });
    logEvent(9_000);
    logEvent(9_000);
    await Promise.resolve();
    expect(counts.checkpoints).toBe(0);
    logEvent(9_000);
    await Promise.resolve();
    expect(counts.checkpoints).toBe(1);
  });
});
