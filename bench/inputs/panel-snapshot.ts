/**
 * What the panel is handed when it opens on a busy tab: a snapshot of `count` transactions shaped
 * like the lab's (the recorded sequences reduced by the real model and engine, copied with fresh
 * ids and nonces), exactly the TabSnapshot the live port delivers.
 */
import { evaluate } from '../../src/core';
import { applyEvent, createModelState, listTransactions } from '../../src/core/model';
import type { TabSnapshot } from '../../src/messaging/protocol';
import { captureEventStream } from './event-stream';

export function panelSnapshot(count: number, tabId: number): TabSnapshot {
  // Some recorded requests stay same-origin (not listed): generate a margin and keep the newest.
  const stream = captureEventStream(Math.ceil(count * 1.1) + 20);
  const state = createModelState();
  const ctx = { evaluate, capacity: count };
  for (const event of stream.events) applyEvent(state, event, ctx);
  const recordedTab = Object.values(state.tabs)[0];
  const listed = recordedTab ? listTransactions(state, recordedTab.tabId).slice(-count) : [];
  const transactions = listed.map((tx) => ({ ...tx, tabId }));
  if (transactions.length !== count) throw new Error(`panel snapshot: ${transactions.length} transactions, wanted ${count}`);
  const counts = recordedTab?.counts ?? { blocked: 0, warnings: 0, sameOrigin: 0, nonHttp: 0, browserInitiated: 0, evicted: 0 };
  return {
    tabId,
    summary: { ...counts, tabId, total: transactions.length, preserveLog: false },
    transactions,
    paused: false,
    persistence: { degraded: false, message: null, failedWrites: 0 },
  };
}
