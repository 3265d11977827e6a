/**
 * What a checkpoint stores and what a new worker reads back. Verdicts are left out of storage and
 * recomputed on restore, except while a request's own preflight is still running after the request
 * ended: its late events may still change the record, so the stored verdict is the one to keep.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core';
import { applyEvent, createModelState, type CaptureEvent, type ModelState } from '../../../src/core/model';
import { createDirty, noteChange, restoreModel, writeCheckpoint } from '../../../src/background/persisted-model';
import { ALLOW_ALL, API, PAGE, createWire } from '../core/model/wire';

const wire = createWire();
const request = { id: '10', url: `${API}/items`, method: 'PUT' };
const ended: CaptureEvent[] = [
  wire.beforeRequest(request),
  ...wire.preflightStart(request, '11', 'PUT', null),
  wire.headersReceived({ ...request, id: '11', method: 'OPTIONS' }, 204, ALLOW_ALL),
  ...wire.exchange(request, [['Origin', PAGE], ['Content-Type', 'text/plain']], 200, [['Access-Control-Allow-Origin', PAGE]]),
];
const preflightDone = wire.completed({ ...request, id: '11', method: 'OPTIONS' }, 204, ALLOW_ALL);

function checkpointAfter(events: readonly CaptureEvent[]): { state: ModelState; items: Record<string, unknown> } {
  const state = createModelState();
  const dirty = createDirty();
  for (const event of events) noteChange(dirty, applyEvent(state, event, { evaluate }));
  const stored = new Map<string, unknown>();
  writeCheckpoint(state, dirty, {}, { put: (key, value) => void stored.set(key, JSON.parse(JSON.stringify(value))), delete: (key) => void stored.delete(key) });
  return { state, items: Object.fromEntries(stored) };
}

const verdictSlot = (items: Record<string, unknown>): unknown => (JSON.parse(items['tx:r10'] as string) as unknown[])[20];

describe('persisted model', () => {
  it('keeps the verdict of a request whose preflight is still running', () => {
    const { items } = checkpointAfter(ended);
    expect(verdictSlot(items)).toMatchObject({ outcome: 'allowed' });
  });

  it('leaves the verdict out once nothing can change the record any more', () => {
    const { items } = checkpointAfter([...ended, preflightDone]);
    expect(verdictSlot(items)).toBe(0);
  });

  it.each([
    ['with the preflight still running', ended],
    ['after the preflight ended', [...ended, preflightDone]],
  ])('restores the model exactly %s', (_name, events) => {
    const { state, items } = checkpointAfter(events);
    const restored = restoreModel(items, evaluate);
    expect(restored.orphanKeys).toEqual([]);
    expect(restored.state).toEqual(JSON.parse(JSON.stringify(state)));
  });

  it('stores far less than the records themselves', () => {
    const { state, items } = checkpointAfter([...ended, preflightDone]);
    expect(JSON.stringify(items).length).toBeLessThan(JSON.stringify(state).length * 0.6);
  });

  describe('lazily (a restarted worker)', () => {
    const counting = () => {
      let calls = 0;
      const counted: typeof evaluate = (tx) => {
        calls++;
        return evaluate(tx);
      };
      return { evaluate: counted, calls: () => calls };
    };

    it('unpacks and judges nothing until a transaction is read, then restores it exactly', () => {
      const { state, items } = checkpointAfter([...ended, preflightDone]);
      const engine = counting();
      const restored = restoreModel(items, [], engine.evaluate);
      const tab = restored.state?.tabs[Object.keys(state.tabs)[0] ?? ''];
      expect(tab?.order).toEqual(['r10']);
      expect(engine.calls()).toBe(0);
      expect(tab?.transactions.r10?.verdict).toMatchObject({ outcome: 'allowed' });
      expect(engine.calls()).toBe(1);
      expect(restored.state).toEqual(JSON.parse(JSON.stringify(state)));
      expect(engine.calls()).toBe(1);
    });

    it('keeps the fields of a transaction in their order (exports list them the same way)', () => {
      const { state, items } = checkpointAfter([...ended, preflightDone]);
      const restored = restoreModel(items, [], evaluate);
      const key = Object.keys(state.tabs)[0] ?? '';
      expect(JSON.stringify(restored.state?.tabs[key]?.transactions)).toBe(JSON.stringify(state.tabs[key]?.transactions));
    });

    it('lists stored transactions no tab refers to as orphans, and reads an unreadable one as absent', () => {
      const { state, items } = checkpointAfter([...ended, preflightDone]);
      const restored = restoreModel({ ...items, 'tx:r99': '[1]', 'tx:r10': '"garbage"' }, [], evaluate);
      expect(restored.orphanKeys).toEqual(['tx:r99']);
      const key = Object.keys(state.tabs)[0] ?? '';
      expect(restored.state?.tabs[key]?.transactions.r10).toBeUndefined();
      expect('r10' in (restored.state?.tabs[key]?.transactions ?? {})).toBe(false);
    });
  });
});
