import { describe, expect, it } from 'vitest';
import { createCaptureService, type CaptureDeps } from '../../../src/background/capture-service';
import { evaluate } from '../../../src/core';
import { NO_TAB, type CaptureEvent } from '../../../src/core/model';
import { createWire } from '../core/model/wire';
import type { BadgeState } from '../../../src/background/badge';
import { EXTRA_INFO } from '../../../src/background/webrequest-listeners';
import { FakeStorageArea } from '../fakes/fake-storage-area';
import { labTimeline, loadFixtures } from '../fakes/recorded-fixtures';

const fixtures = loadFixtures();
/** Every recorded scenario, one after another, as if one tab ran the whole lab. */
const pageRequests = (e: CaptureEvent): boolean => e.kind !== 'navigation' && !(e.kind === 'before-request' && e.resourceType === 'main_frame');
const allEvents: CaptureEvent[] = labTimeline(fixtures).filter(pageRequests);
const tabId = allEvents.find((e) => e.kind === 'before-request')?.tabId ?? 0;

function service(storage: FakeStorageArea, badges: Map<number, BadgeState> = new Map(), extra: Partial<CaptureDeps> = {}) {
  return createCaptureService({
    storage,
    evaluate,
    badge: { apply: async (id, state) => void badges.set(id, state), forget: (id) => void badges.delete(id) },
    now: () => 1_800_000_000_000,
    startHoldMs: 0,
    ...extra,
  });
}

async function run(events: readonly CaptureEvent[], restartAt: number | null, extra: Partial<CaptureDeps> = {}) {
  const storage = new FakeStorageArea();
  let current = service(storage, new Map(), extra);
  await current.ready;
  for (const [index, event] of events.entries()) {
    if (index === restartAt) {
      await current.flush();
      current = service(storage, new Map(), extra); // the worker was stopped: a new one starts from storage
    }
    current.handle(event);
  }
  await current.flush();
  return { storage, report: await current.exportReport(tabId, true), summary: current.summary(tabId) };
}

describe('capture service', () => {
  it('lists the recorded lab traffic with verdicts', async () => {
    const { report, summary } = await run(allEvents, null);
    expect(report.transactions.length).toBeGreaterThan(40);
    expect(report.transactions.every((t) => t.verdict !== null)).toBe(true);
    expect(summary.blocked).toBe(report.transactions.filter((t) => t.verdict?.outcome === 'blocked').length);
    expect(summary.blocked).toBeGreaterThan(10);
  });

  it.each([0.25, 0.5, 0.9])('a worker restart at %s of the traffic loses and duplicates nothing', async (fraction) => {
    const uninterrupted = await run(allEvents, null);
    const restarted = await run(allEvents, Math.floor(allEvents.length * fraction));
    expect(restarted.report.transactions).toEqual(uninterrupted.report.transactions);
    expect(restarted.summary).toEqual(uninterrupted.summary);
  });

  it.each([0.5, 0.9])('a worker restarted at %s of the traffic evicts and counts exactly as one that ran throughout', async (fraction) => {
    const capacity = { capacity: 12 };
    const uninterrupted = await run(allEvents, null, capacity);
    const restarted = await run(allEvents, Math.floor(allEvents.length * fraction), capacity);
    expect(uninterrupted.summary.evicted).toBeGreaterThan(10);
    expect(restarted.report.transactions).toEqual(uninterrupted.report.transactions);
    expect(restarted.summary).toEqual(uninterrupted.summary);
  });

  it('a restarted worker judges no listed request again until one is read', async () => {
    const storage = new FakeStorageArea();
    const first = service(storage);
    for (const event of allEvents) first.handle(event);
    await first.flush();
    let judged = 0;
    const counting: CaptureDeps['evaluate'] = (tx) => {
      judged++;
      return evaluate(tx);
    };
    const second = service(storage, new Map(), { evaluate: counting });
    await second.ready;
    expect(judged).toBe(0);
    const report = await second.exportReport(tabId, true);
    expect(judged).toBeGreaterThan(20);
    expect(report.transactions).toEqual((await first.exportReport(tabId, true)).transactions);
  });

  it('queues events that arrive while the stored state is loading and applies them in order', async () => {
    const storage = new FakeStorageArea();
    const first = service(storage);
    await first.ready;
    const half = Math.floor(allEvents.length / 2);
    for (const event of allEvents.slice(0, half)) first.handle(event);
    await first.flush();
    const second = service(storage);
    for (const event of allEvents.slice(half)) second.handle(event); // before `ready` resolves
    await second.flush();
    const uninterrupted = await run(allEvents, null);
    expect((await second.exportReport(tabId, true)).transactions).toEqual(uninterrupted.report.transactions);
  });

  it('shows the blocked count on the badge and keeps it after a restart', async () => {
    const storage = new FakeStorageArea();
    const badges = new Map<number, BadgeState>();
    const first = service(storage, badges);
    for (const event of allEvents) first.handle(event);
    await first.flush();
    const blocked = first.summary(tabId).blocked;
    expect(badges.get(tabId)?.text).toBe(String(blocked));
    const after = new Map<number, BadgeState>();
    const second = service(storage, after);
    await second.ready;
    expect(after.get(tabId)?.text).toBe(String(blocked));
  });

  it('tells a restarted worker what the badge shows, so it sets only what changes', async () => {
    const storage = new FakeStorageArea();
    const first = service(storage);
    for (const event of allEvents) first.handle(event);
    await first.flush();
    const seeded = new Map<number, BadgeState>();
    const second = createCaptureService({
      storage, evaluate, now: () => 1_800_000_000_001,
      badge: { apply: async () => undefined, forget: () => undefined, seed: (id, state) => void seeded.set(id, state) },
    });
    await second.ready;
    expect(seeded.get(tabId)?.text).toBe(String(first.summary(tabId).blocked));
  });

  it('captures nothing while paused, remembers pausing across a restart, and clears on request', async () => {
    const storage = new FakeStorageArea();
    const first = service(storage);
    await first.setPaused(true);
    for (const event of allEvents) first.handle(event);
    await first.flush();
    expect(first.summary(tabId).total).toBe(0);
    const second = service(storage);
    await second.ready;
    expect(second.isPaused()).toBe(true);
    await second.setPaused(false);
    for (const event of allEvents) second.handle(event);
    await second.flush();
    expect(second.summary(tabId).total).toBeGreaterThan(0);
    const cleared = await second.clear(tabId);
    expect(cleared.total).toBe(0);
    expect(cleared.blocked).toBe(0);
  });

  it('keeps knowing which site a tab shows while paused: its service worker\'s requests land in it after resuming', async () => {
    const current = service(new FakeStorageArea());
    await current.ready;
    await current.setPaused(true);
    current.handle({ kind: 'page', tabId: 9, url: 'https://app.example/inbox', at: 1_700_000_000_000 });
    await current.flush();
    await current.setPaused(false);
    const wire = createWire(1_700_000_000_100);
    const spec = { id: '900', url: 'https://api.example/x', tabId: NO_TAB, frameId: -1, documentId: null, initiator: 'https://app.example' };
    for (const event of [wire.beforeRequest(spec), ...wire.exchange(spec, [['Origin', 'https://app.example']], 200, [], true)]) current.handle(event);
    await current.flush();
    expect([current.summary(9).total, current.summary(9).blocked, current.summary(NO_TAB).total]).toEqual([1, 1, 0]);
  });

  it('keeps capturing in memory when storage is full, and says so', async () => {
    const storage = new FakeStorageArea(20_000);
    const current = service(storage);
    for (const event of allEvents) current.handle(event);
    await current.flush();
    expect(current.persistence().degraded).toBe(true);
    expect(current.persistence().message).toMatch(/in memory/);
    expect((await current.snapshot(tabId)).transactions.length).toBeGreaterThan(40);
  });

  it('redacts secrets in the export unless asked not to', async () => {
    const current = service(new FakeStorageArea());
    for (const event of allEvents) current.handle(event);
    const cookies = (r: Awaited<ReturnType<typeof current.exportReport>>) =>
      r.transactions.flatMap((t) => t.requestHeaders ?? []).filter((h) => /^(cookie|authorization)$/i.test(h.name)).map((h) => h.value);
    const redacted = cookies(await current.exportReport(tabId, true));
    expect(redacted.length).toBeGreaterThan(0);
    expect(redacted.every((v) => v === '<redacted>')).toBe(true);
    expect(cookies(await current.exportReport(tabId, false)).some((v) => v !== '<redacted>')).toBe(true);
  });

  it('keeps the events of a worker stopped while it was still loading (event log)', async () => {
    const storage = new FakeStorageArea();
    const third = Math.floor(allEvents.length / 3);
    const first = service(storage);
    for (const event of allEvents.slice(0, third)) first.handle(event);
    await first.flush();
    // The second worker never finishes loading: Chrome stops it mid-start-up.
    storage.hangGets = true;
    const dying = service(storage, new Map(), { now: () => 1_800_000_000_001 });
    for (const event of allEvents.slice(third, 2 * third)) dying.handle(event);
    await Promise.resolve();
    await Promise.resolve();
    storage.hangGets = false;
    const last = service(storage, new Map(), { now: () => 1_800_000_000_002 });
    for (const event of allEvents.slice(2 * third)) last.handle(event);
    await last.flush();
    await last.ready;
    const uninterrupted = await run(allEvents, null);
    expect((await last.exportReport(tabId, true)).transactions).toEqual(uninterrupted.report.transactions);
    await last.flush(); // log records go once the checkpoint that includes them is stored
    expect([...storage.data.keys()].filter((key) => key.startsWith('log:'))).toEqual([]);
  });

  it('applies a replayed log only once, even when the next worker restarts again', async () => {
    const storage = new FakeStorageArea();
    storage.hangGets = true;
    const dying = service(storage, new Map(), { now: () => 1 });
    for (const event of allEvents) dying.handle(event);
    await Promise.resolve();
    storage.hangGets = false;
    const second = service(storage, new Map(), { now: () => 2 });
    await second.ready;
    await second.flush();
    const third = service(storage, new Map(), { now: () => 3 });
    await third.ready;
    const uninterrupted = await run(allEvents, null);
    expect((await third.exportReport(tabId, true)).transactions).toEqual(uninterrupted.report.transactions);
  });
});

describe('event log and checkpoints', () => {
  it('a worker stopped between checkpoints loses nothing: its logged events are replayed once', async () => {
    const storage = new FakeStorageArea();
    const first = service(storage, new Map(), { checkpointDelayMs: 1_000_000 });
    await first.ready;
    for (const event of allEvents) first.handle(event); // logged, applied in memory, checkpointed every 400 events
    await Promise.resolve();
    const logged = [...storage.data.keys()].filter((key) => key.startsWith('log:')).length;
    expect(logged).toBeGreaterThan(0); // the tail since the last checkpoint lives only in the log
    const second = service(storage, new Map(), { now: () => 1_800_000_000_009 });
    await second.ready;
    const uninterrupted = await run(allEvents, null);
    expect((await second.exportReport(tabId, true)).transactions).toEqual(uninterrupted.report.transactions);
  });

  it('replays nothing twice when the removal of covered log records was lost', async () => {
    const storage = new FakeStorageArea();
    const first = service(storage);
    for (const event of allEvents) first.handle(event);
    await first.flush();
    const logged = [...storage.data.entries()];
    const second = service(storage, new Map(), { now: () => 1_800_000_000_009 });
    await second.ready;
    await second.flush();
    for (const [key, value] of logged) if (key.startsWith('log:')) storage.data.set(key, value); // removal lost
    const third = service(storage, new Map(), { now: () => 1_800_000_000_010 });
    await third.ready;
    const uninterrupted = await run(allEvents, null);
    expect((await third.exportReport(tabId, true)).transactions).toEqual(uninterrupted.report.transactions);
    expect(third.summary(tabId)).toEqual(uninterrupted.summary);
  });
});

describe('the events CORS Lens listens to', () => {
  it('loses nothing by leaving out onBeforeSendHeaders and onResponseStarted (every recorded lab request)', async () => {
    const heardEvents = labTimeline(fixtures, (name) => name in EXTRA_INFO).filter(pageRequests);
    expect(allEvents.length - heardEvents.length).toBeGreaterThan(50);
    const all = await run(allEvents, null);
    const heard = await run(heardEvents, null);
    expect(heard.report.transactions.length).toBeGreaterThan(50);
    expect(heard.report.transactions).toEqual(all.report.transactions);
    expect(heard.summary).toEqual(all.summary);
  });
});

describe('log size', () => {
  it('checkpoints early when the log grows past 2 MB, before the quiet timer (large records)', async () => {
    const storage = new FakeStorageArea();
    const worker = service(storage);
    await worker.ready;
    const start = allEvents.find((e) => e.kind === 'before-request');
    if (!start) throw new Error('no before-request in the fixtures');
    // 25 requests of ~100 KB URLs: 2.5 MB of log, which alone must not wait for a pause.
    for (let i = 0; i < 25; i++) worker.handle({ ...start, requestId: `big-${i}`, url: `${start.url}?pad=${'x'.repeat(100_000)}&i=${i}` });
    await new Promise((resolve) => setTimeout(resolve, 120)); // past the reorder window (30 ms), before the quiet timer (30 + 250 ms)
    expect(storage.data.has('checkpoint')).toBe(true);
    expect([...storage.data.keys()].filter((key) => key.startsWith('log:')).length).toBeLessThan(25);
  });
});

describe('events in the wrong order', () => {
  it('applies a restarted worker\'s backlog in webRequest time order (a response may arrive before its start)', async () => {
    const storage = new FakeStorageArea();
    const shuffled = service(storage);
    // What Chrome hands a restarted worker: the backlog grouped by event kind, not in time order.
    const kinds = ['error', 'completed', 'headers-received', 'response-started', 'redirect', 'send-headers', 'before-send-headers', 'before-request'];
    const rank = (e: CaptureEvent) => kinds.indexOf(e.kind);
    for (const event of [...allEvents].sort((a, b) => rank(a) - rank(b))) shuffled.handle(event);
    await shuffled.flush();
    const uninterrupted = await run(allEvents, null);
    expect((await shuffled.exportReport(tabId, true)).transactions).toEqual(uninterrupted.report.transactions);
  });

  it('waits a moment after starting before applying: Chrome hands a restarted worker its backlog out of order, over tens of ms', async () => {
    const storage = new FakeStorageArea();
    const restarted = service(storage, new Map(), { startHoldMs: undefined });
    const late = new Set(['before-request', 'navigation']);
    for (const event of allEvents) if (!late.has(event.kind)) restarted.handle(event);
    await new Promise((resolve) => setTimeout(resolve, 60)); // measured: onBeforeRequest 60 ms after the request's later events
    for (const event of allEvents) if (late.has(event.kind)) restarted.handle(event);
    await restarted.flush();
    const uninterrupted = await run(allEvents, null);
    expect((await restarted.exportReport(tabId, true)).transactions).toEqual(uninterrupted.report.transactions);
  });

  it('times its start-up hold on the injected clock and timer', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    let clock = 1_800_000_000_000;
    const deps = { startHoldMs: 200, now: () => clock, setTimer: (fn: () => void, ms: number) => void timers.push({ fn, ms }) };
    const slow = service(new FakeStorageArea(), new Map(), deps);
    clock += 150; // loading took 150 ms of the hold
    let ready = false;
    void slow.ready.then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const holds = timers.filter((timer) => timer.ms === 50);
    expect(holds).toHaveLength(1);
    expect(ready).toBe(false);
    holds[0]?.fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ready).toBe(true);
    // Loading outlasted the hold: no wait, no timer to fire.
    const late = service(new FakeStorageArea(), new Map(), { ...deps, now: () => (clock += 300) });
    await late.ready;
    // A clock that went back never makes the hold longer than it is.
    timers.length = 0;
    const back = service(new FakeStorageArea(), new Map(), { ...deps, now: () => (clock -= 1_000) });
    void back.ready;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers.filter((timer) => timer.ms > 0).map((timer) => timer.ms)).toContain(200);
    expect(Math.max(...timers.map((timer) => timer.ms))).toBeLessThanOrEqual(250);
  });
});
