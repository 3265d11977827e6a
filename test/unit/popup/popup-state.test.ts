import { describe, expect, it } from 'vitest';
import type { LiveUpdate, PersistenceStatus, TabSnapshot, TabSummary } from '../../../src/messaging/protocol';
import { applyCleared, applyLiveUpdate, applyPaused, fromSnapshot } from '../../../src/popup/popup-state';
import { blocked, transaction } from './transaction-builder';

const OK: PersistenceStatus = { degraded: false, message: null, failedWrites: 0 };

function summary(tabId: number, blockedCount: number, total = blockedCount): TabSummary {
  return { tabId, total, preserveLog: false, blocked: blockedCount, warnings: 0, sameOrigin: 0, nonHttp: 0, browserInitiated: 0, evicted: 0 };
}

function snapshot(tabId: number, transactions = [blocked('MissingAllowOriginHeader')]): TabSnapshot {
  return { tabId, summary: summary(tabId, transactions.length), transactions, paused: false, persistence: OK };
}

describe('applyLiveUpdate', () => {
  it('drops increments until the first snapshot (the snapshot includes them)', () => {
    const upsert: LiveUpdate = { type: 'upsert', tabId: 1, transactions: [transaction()], summary: summary(1, 0, 1) };
    expect(applyLiveUpdate(null, upsert, 1)).toBeNull();
    expect(applyLiveUpdate(null, { type: 'status', paused: true, persistence: OK }, 1)).toBeNull();
  });

  it('ignores snapshots and increments of other tabs', () => {
    const mine = fromSnapshot(snapshot(1));
    expect(applyLiveUpdate(mine, { type: 'snapshot', snapshot: snapshot(2) }, 1)).toBe(mine);
    expect(applyLiveUpdate(mine, { type: 'remove', tabId: 2, ids: [mine.transactions[0]?.id ?? ''], summary: summary(2, 0) }, 1)).toBe(mine);
  });

  it('upserts: a changed transaction keeps its place, a new one goes last', () => {
    const a = transaction({ state: 'pending', verdict: null });
    const b = transaction();
    const data = fromSnapshot(snapshot(1, [a, b]));
    const aDone = { ...a, state: 'done' as const, verdict: blocked('AllowOriginMismatch').verdict };
    const c = transaction();
    const next = applyLiveUpdate(data, { type: 'upsert', tabId: 1, transactions: [c, aDone], summary: summary(1, 1, 3) }, 1);
    expect(next?.transactions.map((tx) => tx.id)).toEqual([a.id, b.id, c.id]);
    expect(next?.transactions[0]?.verdict?.outcome).toBe('blocked');
    expect(next?.summary.blocked).toBe(1);
  });

  it('removes by id and takes the new summary', () => {
    const a = blocked('MissingAllowOriginHeader');
    const b = blocked('MissingAllowOriginHeader');
    const next = applyLiveUpdate(fromSnapshot(snapshot(1, [a, b])), { type: 'remove', tabId: 1, ids: [a.id], summary: summary(1, 1) }, 1);
    expect(next?.transactions.map((tx) => tx.id)).toEqual([b.id]);
    expect(next?.summary.blocked).toBe(1);
  });

  it('a status update changes paused and persistence, not the list', () => {
    const data = fromSnapshot(snapshot(1));
    const degraded = { degraded: true, message: 'QUOTA_BYTES quota exceeded', failedWrites: 2 };
    const next = applyLiveUpdate(data, { type: 'status', paused: true, persistence: degraded }, 1);
    expect(next).toMatchObject({ paused: true, persistence: degraded, transactions: data.transactions });
  });
});

describe('after an action answered', () => {
  it('clear drops what was listed at the click and keeps what arrived since', () => {
    const old = blocked('MissingAllowOriginHeader');
    const arrived = blocked('AllowOriginMismatch');
    const data = fromSnapshot(snapshot(1, [old, arrived]));
    const next = applyCleared(data, new Set([old.id]), summary(1, 1));
    expect(next?.transactions.map((tx) => tx.id)).toEqual([arrived.id]);
  });

  it('pause sets the flag the worker answered with', () => {
    expect(applyPaused(fromSnapshot(snapshot(1)), true)?.paused).toBe(true);
    expect(applyPaused(null, true)).toBeNull();
  });
});
