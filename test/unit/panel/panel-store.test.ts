import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../../src/core/model';
import type { LiveUpdate, TabSnapshot, TabSummary } from '../../../src/messaging/protocol';
import { initialPanelState, panelReducer, type PanelState } from '../../../src/panel/store/panel-store';
import { buildTx } from '../fakes/transactions';

const summary = (total: number, evicted = 0): TabSummary => ({
  tabId: 1, total, preserveLog: false, blocked: 0, warnings: 0, sameOrigin: 0, nonHttp: 0, browserInitiated: 0, evicted,
});
const snapshot = (transactions: Transaction[], tabId = 1): TabSnapshot => ({
  tabId, summary: summary(transactions.length), transactions, paused: false,
  persistence: { degraded: false, message: null, failedWrites: 0 },
});
const live = (state: PanelState, update: LiveUpdate): PanelState => panelReducer(state, { type: 'live', update });
const ids = (state: PanelState): string[] => state.transactions.map((t) => t.id);

describe('panelReducer', () => {
  const a = buildTx({ id: 'ra' });
  const b = buildTx({ id: 'rb' });
  const c = buildTx({ id: 'rc' });
  const loaded = live(initialPanelState(1), { type: 'snapshot', snapshot: snapshot([a, b]) });

  it('a snapshot replaces everything and marks the panel loaded and connected', () => {
    const disconnected = panelReducer(loaded, { type: 'connection', connected: false });
    const next = live(disconnected, { type: 'snapshot', snapshot: snapshot([c]) });
    expect(ids(next)).toEqual(['rc']);
    expect(next.loaded).toBe(true);
    expect(next.connected).toBe(true);
  });

  it('upsert replaces a known id in place and appends a new one (oldest first)', () => {
    const changedA = { ...a, netError: 'net::ERR_FAILED' };
    const next = live(loaded, { type: 'upsert', tabId: 1, transactions: [c, changedA], summary: summary(3) });
    expect(ids(next)).toEqual(['ra', 'rb', 'rc']);
    expect(next.transactions[0]).toBe(changedA);
    expect(next.positions.get('rc')).toBe(2);
    expect(next.summary?.total).toBe(3);
  });

  it('remove drops ids and re-indexes', () => {
    const next = live(loaded, { type: 'remove', tabId: 1, ids: ['ra'], summary: summary(1, 1) });
    expect(ids(next)).toEqual(['rb']);
    expect(next.positions.get('rb')).toBe(0);
    expect(next.summary?.evicted).toBe(1);
  });

  it.each([
    ['snapshot', { type: 'snapshot', snapshot: snapshot([c], 2) }],
    ['upsert', { type: 'upsert', tabId: 2, transactions: [c], summary: summary(1) }],
    ['remove', { type: 'remove', tabId: 2, ids: ['ra'], summary: summary(0) }],
  ] as const)('ignores a %s for another tab', (_name, update) => {
    expect(live(loaded, update)).toBe(loaded);
  });

  it('status updates paused and persistence', () => {
    const persistence = { degraded: true, message: 'QUOTA_BYTES quota exceeded', failedWrites: 2 };
    const next = live(loaded, { type: 'status', paused: true, persistence });
    expect(next.paused).toBe(true);
    expect(next.persistence).toEqual(persistence);
  });

  it('cleared empties the list; connection flips only when it changes', () => {
    expect(panelReducer(loaded, { type: 'cleared', summary: summary(0) }).transactions).toEqual([]);
    expect(panelReducer(loaded, { type: 'connection', connected: true })).toBe(loaded);
    expect(panelReducer(loaded, { type: 'connection', connected: false }).connected).toBe(false);
  });
});
