/**
 * Changes share a request's frozen `[id]` list as their `upserted` (one list per request instead of
 * one per event): adding or removing ids must copy it, never change the list other changes hold.
 */
import { describe, expect, it } from 'vitest';
import { emptyChange, markRemoved, markUpserted, markUpsertedAlone } from '../../../../src/core/model/change';

describe('a shared upserted list', () => {
  it('is the change’s list when nothing else was upserted', () => {
    const alone = Object.freeze(['r1']);
    const change = emptyChange();
    markUpsertedAlone(change, alone);
    markUpsertedAlone(change, alone);
    expect(change.upserted).toBe(alone);
  });

  it('is copied, not changed, when another id is upserted', () => {
    const alone = Object.freeze(['r1']);
    const change = emptyChange();
    markUpsertedAlone(change, alone);
    markUpserted(change, 'r2');
    markUpsertedAlone(change, Object.freeze(['r3']));
    expect(change.upserted).toEqual(['r1', 'r2', 'r3']);
    expect(alone).toEqual(['r1']);
  });

  it('is copied, not changed, when its id is removed', () => {
    const alone = Object.freeze(['r1']);
    const change = emptyChange();
    markUpsertedAlone(change, alone);
    markRemoved(change, 'r1');
    expect(change.upserted).toEqual([]);
    expect(change.removed).toEqual(['r1']);
    expect(alone).toEqual(['r1']);
  });

  it('joins a list the change already has', () => {
    const change = emptyChange();
    markUpserted(change, 'r2');
    markUpsertedAlone(change, Object.freeze(['r1']));
    markUpsertedAlone(change, Object.freeze(['r2']));
    expect(change.upserted).toEqual(['r2', 'r1']);
  });
});
