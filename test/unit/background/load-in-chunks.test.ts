import { describe, expect, it } from 'vitest';
import { createSlicer, loadInChunks } from '../../../src/background/load-in-chunks';
import { FakeStorageArea } from '../fakes/fake-storage-area';

describe('loading stored state in chunks', () => {
  function filled(): FakeStorageArea {
    const area = new FakeStorageArea();
    area.data.set('model', { seq: 1 });
    area.data.set('tab:1', { order: [] });
    for (let i = 0; i < 150; i++) area.data.set(`tx:r${i}`, { i });
    return area;
  }

  it('reads every record, small ones in one go and bulky ones 64 at a time', async () => {
    const area = filled();
    const requested: (string[] | null)[] = [];
    const get = area.get.bind(area);
    area.get = (keys) => {
      requested.push(keys == null ? null : typeof keys === 'string' ? [keys] : keys);
      return get(keys);
    };
    const items = await loadInChunks(area, (key) => key.startsWith('tx:'));
    expect(Object.keys(items)).toHaveLength(152);
    expect(requested.map((keys) => keys?.length)).toEqual([2, 64, 64, 22]);
    expect(requested[0]).toEqual(['model', 'tab:1']);
  });

  it('lets other tasks run between chunks', async () => {
    const area = filled();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await loadInChunks(area, (key) => key.startsWith('tx:'), 10);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('falls back to one read where the browser cannot list keys', async () => {
    const area = filled();
    const withoutKeys = { get: area.get.bind(area), set: area.set.bind(area), remove: area.remove.bind(area) };
    expect(Object.keys(await loadInChunks(withoutKeys, () => true))).toHaveLength(152);
  });

  it('cuts work into stretches of a few milliseconds, the clock starting again after each pause', async () => {
    let now = 0;
    const slicer = createSlicer(() => now, 4);
    now = 3;
    expect(slicer.due()).toBe(false);
    now = 4;
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(slicer.due()).toBe(false);
  });
});
