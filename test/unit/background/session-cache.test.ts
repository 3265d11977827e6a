import { describe, expect, it } from 'vitest';
import { createSessionCache } from '../../../src/background/session-cache';
import { FakeStorageArea } from '../fakes/fake-storage-area';

/** A timer we fire by hand, so batching is observable without sleeping. */
function manualTimer() {
  const queue: (() => void)[] = [];
  return { setTimer: (fn: () => void) => void queue.push(fn), fire: () => queue.splice(0).forEach((fn) => fn()), pending: () => queue.length };
}

describe('session cache', () => {
  it('batches many changes into one write', async () => {
    const area = new FakeStorageArea();
    const timer = manualTimer();
    const cache = createSessionCache(area, { setTimer: timer.setTimer });
    for (let i = 0; i < 50; i++) cache.put(`tx:${i}`, { i });
    expect(timer.pending()).toBe(1);
    await cache.flush();
    expect(area.writes).toBe(1);
    expect(area.data.size).toBe(50);
  });

  it('last write wins between put and delete of the same key', async () => {
    const area = new FakeStorageArea();
    const cache = createSessionCache(area, { setTimer: manualTimer().setTimer });
    cache.put('a', 1);
    cache.delete('a');
    cache.put('b', 1);
    await cache.flush();
    cache.delete('b');
    cache.put('b', 2);
    await cache.flush();
    expect(Object.fromEntries(area.data)).toEqual({ b: 2 });
  });

  it('loads what an earlier worker stored', async () => {
    const area = new FakeStorageArea();
    const first = createSessionCache(area, { setTimer: manualTimer().setTimer });
    first.put('tab:7', { blocked: 2 });
    await first.flush();
    const second = createSessionCache(area, { setTimer: manualTimer().setTimer });
    expect(await second.load(() => false)).toEqual({ 'tab:7': { blocked: 2 } });
  });

  it('keeps working in memory and says so when the quota refuses a write, then recovers', async () => {
    const area = new FakeStorageArea(200);
    const statuses: boolean[] = [];
    const cache = createSessionCache(area, { setTimer: manualTimer().setTimer, onStatusChange: (s) => statuses.push(s.degraded) });
    cache.put('big', 'x'.repeat(500));
    await cache.flush();
    expect(cache.status().degraded).toBe(true);
    expect(cache.status().message).toMatch(/quota/i);
    expect(area.data.has('big')).toBe(false);
    area.quotaBytes = 10_000;
    cache.put('small', 1);
    await cache.flush();
    expect(area.data.has('big')).toBe(true);
    expect(cache.status().degraded).toBe(false);
    expect(statuses).toEqual([true, false]);
  });

  it('a failed batch never overwrites a newer value written meanwhile', async () => {
    const area = new FakeStorageArea(100);
    const cache = createSessionCache(area, { setTimer: manualTimer().setTimer });
    cache.put('k', 'old'.repeat(50));
    const failing = cache.flush();
    cache.put('k', 'new');
    await failing;
    area.quotaBytes = 10_000;
    await cache.flush();
    expect(area.data.get('k')).toBe('new');
  });

  it('hands each change to storage before the task ends, with no timer to die with the worker', async () => {
    const area = new FakeStorageArea();
    const cache = createSessionCache(area);
    cache.put('tx:1', { a: 1 });
    cache.put('tx:2', { a: 2 });
    await Promise.resolve();
    expect(area.writes).toBe(1);
    expect(area.data.size).toBe(2);
  });

  it('an older failed batch is not retried over a newer batch that succeeded', async () => {
    let fail = true;
    const area = new FakeStorageArea();
    const realSet = area.set.bind(area);
    area.set = async (items) => {
      if (fail) {
        fail = false;
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('quota');
      }
      return realSet(items);
    };
    const cache = createSessionCache(area);
    cache.put('k', 'old');
    await Promise.resolve();
    cache.put('k', 'new');
    await cache.flush();
    expect(area.data.get('k')).toBe('new');
    cache.put('other', 1);
    await cache.flush();
    expect(area.data.get('k')).toBe('new');
  });

  it('while a write is on its way, gathers later changes and writes them together when it answers', async () => {
    const area = new FakeStorageArea();
    const answers: (() => void)[] = [];
    const realSet = area.set.bind(area);
    area.set = (items) => realSet(items).then(() => new Promise<void>((resolve) => answers.push(resolve)));
    const cache = createSessionCache(area);
    cache.put('log:1', 'a');
    await Promise.resolve();
    expect(area.writes).toBe(1);
    for (let n = 2; n <= 20; n++) {
      cache.put(`log:${n}`, 'b');
      await Promise.resolve(); // each event is its own task; the first write has not answered yet
    }
    expect(area.writes).toBe(1);
    answers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(area.writes).toBe(2);
    expect(area.data.size).toBe(20);
    answers.shift()?.();
    await cache.flush();
    expect(area.writes).toBe(2);
  });

  it('does not retry a refused write on its own: the next change carries it', async () => {
    const area = new FakeStorageArea(100);
    let calls = 0;
    const realSet = area.set.bind(area);
    area.set = (items) => {
      calls++;
      return realSet(items);
    };
    const cache = createSessionCache(area);
    cache.put('big', 'x'.repeat(200));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(cache.status().degraded).toBe(true);
    expect(calls).toBe(1);
    area.quotaBytes = 10_000;
    cache.put('small', 1);
    await cache.flush();
    expect(calls).toBe(2);
    expect(area.data.has('big')).toBe(true);
  });

  it('keeps no bookkeeping per key written: a flood of ever-new log keys leaves nothing behind', async () => {
    const area = new FakeStorageArea();
    const cache = createSessionCache(area);
    for (let n = 1; n <= 5_000; n++) {
      cache.put(`log:b:${n}`, 'e');
      if (n > 10) cache.delete(`log:b:${n - 10}`);
      await Promise.resolve();
      expect(cache.tracked()).toBeLessThanOrEqual(1);
    }
    await cache.flush();
    expect(cache.tracked()).toBe(0);
    expect(area.data.size).toBe(10);
  });

  it('a refused batch retries the keys no later batch carried, and only those', async () => {
    const area = new FakeStorageArea();
    const realSet = area.set.bind(area);
    const answers: (() => void)[] = [];
    let refuseFirst = true;
    area.set = (items) => {
      if (!refuseFirst) return realSet(items);
      refuseFirst = false;
      // The first batch answers (refused) only once a later batch has been written.
      return new Promise<void>((_resolve, reject) => answers.push(() => reject(new Error('quota'))));
    };
    const cache = createSessionCache(area, { setTimer: manualTimer().setTimer });
    cache.put('a', 'old a');
    cache.put('b', 'old b');
    cache.put('c', 'old c');
    const refused = cache.flush();
    cache.put('a', 'new a');
    cache.delete('b');
    const later = cache.flush(); // answers at once, but waits for the first one too
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(area.data.get('a')).toBe('new a');
    expect(cache.tracked()).toBe(2);
    answers.shift()?.();
    await Promise.all([refused, later]);
    expect(cache.tracked()).toBe(0);
    await cache.flush();
    expect(Object.fromEntries(area.data)).toEqual({ a: 'new a', c: 'old c' });
  });

  describe('spacing writes (spacingMs)', () => {
    /** Timers fired by their delay, so the write schedule (0 ms) and the spacing (16 ms) are told apart. */
    function timersByDelay() {
      const waiting: { fn: () => void; ms: number }[] = [];
      return {
        setTimer: (fn: () => void, ms: number) => void waiting.push({ fn, ms }),
        fire(ms: number): void {
          const due = waiting.filter((timer) => timer.ms === ms);
          waiting.splice(0, waiting.length, ...waiting.filter((timer) => timer.ms !== ms));
          for (const timer of due) timer.fn();
        },
      };
    }
    const answered = async (): Promise<void> => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };

    it('holds changes made within spacingMs of the last write, then writes them together', async () => {
      const area = new FakeStorageArea();
      const timers = timersByDelay();
      const cache = createSessionCache(area, { setTimer: timers.setTimer, spacingMs: 16 });
      cache.put('log:1', 1);
      timers.fire(0);
      await answered();
      expect(area.writes).toBe(1);
      cache.put('log:2', 2);
      timers.fire(0);
      cache.put('log:3', 3);
      timers.fire(0);
      await answered();
      expect(area.writes).toBe(1); // answered, but too recent
      timers.fire(16);
      await answered();
      expect(area.writes).toBe(2);
      expect(Object.fromEntries(area.data)).toEqual({ 'log:1': 1, 'log:2': 2, 'log:3': 3 });
    });

    it('without spacing, writes again as soon as the last write is answered', async () => {
      const area = new FakeStorageArea();
      const timers = timersByDelay();
      const cache = createSessionCache(area, { setTimer: timers.setTimer });
      cache.put('log:1', 1);
      timers.fire(0);
      await answered();
      cache.put('log:2', 2);
      timers.fire(0);
      await answered();
      expect(area.writes).toBe(2);
    });
  });
});
