/**
 * A storage.session written by main's worker (commit 46e8f1f: log records as JSON objects, each
 * tab's `order` inside its `tab:` record) restores: a worker of this version stopped there and
 * started again lists exactly what one that never stopped lists, and goes on from there.
 * The fixture is the first 300 lab events, checkpointed after 210, the rest only logged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCaptureService } from '../../../src/background/capture-service';
import { evaluate } from '../../../src/core';
import type { CaptureEvent } from '../../../src/core/model';
import { FakeStorageArea } from '../fakes/fake-storage-area';
import { labTimeline, loadFixtures } from '../fakes/recorded-fixtures';

const FIXTURE = fileURLToPath(new URL('../../fixtures/stored/main-46e8f1f.json', import.meta.url));
const stored = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { events: number; storage: Record<string, unknown> };
const allEvents: CaptureEvent[] = labTimeline(loadFixtures()).filter((e) => e.kind !== 'navigation' && !(e.kind === 'before-request' && e.resourceType === 'main_frame'));
const tabId = allEvents.find((e) => e.kind === 'before-request')?.tabId ?? 0;
const CAPACITY = 40;

function service(storage: FakeStorageArea, now: number) {
  return createCaptureService({
    storage, evaluate, badge: { apply: async () => undefined, forget: () => undefined }, now: () => now, startHoldMs: 0, capacity: CAPACITY,
  });
}

async function uninterrupted(count: number) {
  const worker = service(new FakeStorageArea(), 1_800_000_000_000);
  await worker.ready;
  for (const event of allEvents.slice(0, count)) worker.handle(event);
  await worker.flush();
  return { report: await worker.exportReport(tabId, true), summary: worker.summary(tabId) };
}

describe('a state stored by main (46e8f1f)', () => {
  it('holds both a checkpoint and log records after it', () => {
    const keys = Object.keys(stored.storage);
    expect(keys.filter((key) => key.startsWith('log:')).length).toBeGreaterThan(50);
    expect(keys.filter((key) => key.startsWith('tx:')).length).toBeGreaterThan(20);
    expect(keys.some((key) => key.startsWith('pfc:'))).toBe(true);
  });

  it('restores, replays its log once and goes on as if never stopped', async () => {
    const storage = new FakeStorageArea();
    for (const [key, value] of Object.entries(stored.storage)) storage.data.set(key, value);
    const restarted = service(storage, 1_800_000_000_005);
    await restarted.ready;
    const before = await uninterrupted(stored.events);
    expect((await restarted.exportReport(tabId, true)).transactions).toEqual(before.report.transactions);
    expect(restarted.summary(tabId)).toEqual(before.summary);
    // Past the capacity, so the oldest go: the restored order is evicted from, as it was stored.
    const more = stored.events + 400;
    for (const event of allEvents.slice(stored.events, more)) restarted.handle(event);
    await restarted.flush();
    const again = service(storage, 1_800_000_000_006);
    await again.ready;
    const after = await uninterrupted(more);
    expect((await again.exportReport(tabId, true)).transactions).toEqual(after.report.transactions);
    expect(again.summary(tabId)).toEqual(after.summary);
    expect(after.summary.evicted).toBeGreaterThan(0);
    expect([...storage.data.keys()].filter((key) => key.startsWith('log:'))).toEqual([]);
  });
});
