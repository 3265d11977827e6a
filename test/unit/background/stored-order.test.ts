/**
 * A tab's order in pages: a checkpoint rewrites only the pages that changed, and what it wrote
 * always reads back as the order, whatever happened to it in between (checked against random edits).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_PAGE, createWrittenOrder, deleteOrder, restoreOrder, writeOrderChanges, type WrittenOrder } from '../../../src/background/stored-order';

const TAB = 7;
const ids = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `r${from + i}`);

/** A storage area as a Map, counting what each write puts. */
function store() {
  const items = new Map<string, unknown>();
  let put = 0;
  return {
    items,
    out: { put: (key: string, value: unknown) => void (put++, items.set(key, value)), delete: (key: string) => void items.delete(key) },
    takePuts: () => [put, (put = 0)][0],
  };
}

function roundTrip(order: readonly string[], written: WrittenOrder, s: ReturnType<typeof store>): string[] | null {
  const ref = writeOrderChanges(TAB, order, written, s.out);
  return restoreOrder(TAB, ref, Object.fromEntries(s.items), createWrittenOrder(), new Set());
}

describe('stored order', () => {
  it('appending rewrites the last page only; evicting drops whole pages and skips into the first', () => {
    const s = store();
    const written = createWrittenOrder();
    expect(roundTrip(ids(0, 5000), written, s)).toEqual(ids(0, 5000));
    expect(s.takePuts()).toBe(Math.ceil(5000 / ORDER_PAGE));
    expect(roundTrip(ids(3, 5003), written, s)).toEqual(ids(3, 5003));
    expect(s.takePuts()).toBe(1);
    expect(roundTrip(ids(ORDER_PAGE + 10, 5000 + ORDER_PAGE + 10), written, s)).toEqual(ids(ORDER_PAGE + 10, 5000 + ORDER_PAGE + 10));
    expect(s.takePuts()).toBeLessThanOrEqual(3);
    expect(s.items.size).toBe(Math.ceil((5000 + 10) / ORDER_PAGE));
  });

  it('a cleared tab keeps no pages, a removed one none either', () => {
    const s = store();
    const written = createWrittenOrder();
    roundTrip(ids(0, 600), written, s);
    expect(roundTrip([], written, s)).toEqual([]);
    expect(s.items.size).toBe(0);
    roundTrip(ids(0, 600), written, s);
    deleteOrder(TAB, written, s.out);
    expect(s.items.size).toBe(0);
  });

  it('reads the layout before pages', () => {
    expect(restoreOrder(TAB, { order: ['r1', 'r2'] }, {}, createWrittenOrder(), new Set())).toEqual(['r1', 'r2']);
    expect(restoreOrder(TAB, {}, {}, createWrittenOrder(), new Set())).toBeNull();
  });

  it('reads a missing page as empty, and the next write mends it', () => {
    const s = store();
    const written = createWrittenOrder();
    const ref = writeOrderChanges(TAB, ids(0, 600), written, s.out);
    s.items.delete(`ord:${TAB}:1`);
    const restored = createWrittenOrder();
    const order = restoreOrder(TAB, ref, Object.fromEntries(s.items), restored, new Set());
    expect(order).toEqual([...ids(0, ORDER_PAGE), ...ids(2 * ORDER_PAGE, 600)]);
    expect(roundTrip(ids(0, 600), restored, s)).toEqual(ids(0, 600));
  });

  it('whatever the edits between checkpoints, storage reads back the order, and a restarted writer goes on from it', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), n: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 700 })) }),
      fc.record({ kind: fc.constant('evict' as const), n: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 700 })) }),
      fc.record({ kind: fc.constant('drop' as const), n: fc.nat() }),
      fc.record({ kind: fc.constant('clear' as const), n: fc.constant(0) }),
      fc.record({ kind: fc.constant('restart' as const), n: fc.constant(0) }),
    );
    // Small pages put page boundaries everywhere the edits reach.
    fc.assert(fc.property(fc.constantFrom(1, 2, 3, 8, ORDER_PAGE), fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 12 }), (pageSize, checkpoints) => {
      const s = store();
      let written = createWrittenOrder();
      let order: string[] = [];
      let next = 0;
      let ref = writeOrderChanges(TAB, order, written, s.out, pageSize);
      for (const edits of checkpoints) {
        for (const { kind, n } of edits) {
          if (kind === 'append') order.push(...ids(next, (next += n)));
          else if (kind === 'evict') order.splice(0, n);
          else if (kind === 'drop' && order.length > 0) order.splice(n % order.length, 1);
          else if (kind === 'clear') order = [];
          else if (kind === 'restart') {
            written = createWrittenOrder();
            order = restoreOrder(TAB, ref, Object.fromEntries(s.items), written, new Set()) ?? [];
          }
        }
        ref = writeOrderChanges(TAB, order, written, s.out, pageSize);
        const used = new Set<string>();
        expect(restoreOrder(TAB, ref, Object.fromEntries(s.items), createWrittenOrder(), used)).toEqual(order);
        expect([...s.items.keys()].sort()).toEqual([...used].sort()); // no page left behind
      }
    }), { numRuns: 300 });
  });
});
