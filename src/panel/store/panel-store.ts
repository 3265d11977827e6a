/**
 * The panel's state: the tab's transactions (oldest first, keyed by id) and the feed's health, fed
 * by the client's LiveUpdates. A snapshot replaces everything (it also arrives after every
 * reconnection); upsert and remove are incremental. Pure reducer: tested without a DOM.
 */
import type { Transaction } from '../../core/model';
import type { LiveUpdate, PersistenceStatus, TabSummary } from '../../messaging/protocol';
import { positionsOf, upsertTransactions } from '../../ui/upsert-transactions';

export interface PanelState {
  readonly tabId: number;
  /** The first snapshot arrived. */
  readonly loaded: boolean;
  /** The live port is up (false while the extension reconnects after a service-worker restart). */
  readonly connected: boolean;
  /** Oldest first. A new array whenever anything in it changes (memoization keys on identity). */
  readonly transactions: readonly Transaction[];
  /** id → index in `transactions`. */
  readonly positions: ReadonlyMap<string, number>;
  readonly summary: TabSummary | null;
  readonly paused: boolean;
  readonly persistence: PersistenceStatus;
}

export type PanelAction =
  | { readonly type: 'live'; readonly update: LiveUpdate }
  | { readonly type: 'connection'; readonly connected: boolean }
  /** The user cleared the tab; the summary is the worker's answer. */
  | { readonly type: 'cleared'; readonly summary: TabSummary }
  | { readonly type: 'summary'; readonly summary: TabSummary };

export function initialPanelState(tabId: number): PanelState {
  return {
    tabId, loaded: false, connected: true, transactions: [], positions: new Map(), summary: null, paused: false,
    persistence: { degraded: false, message: null, failedWrites: 0 },
  };
}

function upsert(state: PanelState, incoming: readonly Transaction[], summary: TabSummary): PanelState {
  const { list, positions } = upsertTransactions(state.transactions, incoming, state.positions);
  return { ...state, transactions: list, positions, summary };
}

function remove(state: PanelState, ids: readonly string[], summary: TabSummary): PanelState {
  const gone = new Set(ids);
  const list = state.transactions.filter((tx) => !gone.has(tx.id));
  return { ...state, transactions: list, positions: positionsOf(list), summary };
}

function applyLive(state: PanelState, update: LiveUpdate): PanelState {
  switch (update.type) {
    case 'snapshot': {
      const s = update.snapshot;
      if (s.tabId !== state.tabId) return state;
      return {
        ...state, loaded: true, connected: true, transactions: s.transactions, positions: positionsOf(s.transactions),
        summary: s.summary, paused: s.paused, persistence: s.persistence,
      };
    }
    case 'upsert':
      return update.tabId === state.tabId ? upsert(state, update.transactions, update.summary) : state;
    case 'remove':
      return update.tabId === state.tabId ? remove(state, update.ids, update.summary) : state;
    case 'status':
      return { ...state, paused: update.paused, persistence: update.persistence };
  }
}

export function panelReducer(state: PanelState, action: PanelAction): PanelState {
  switch (action.type) {
    case 'live':
      return applyLive(state, action.update);
    case 'connection':
      return action.connected === state.connected ? state : { ...state, connected: action.connected };
    case 'cleared':
      return { ...state, transactions: [], positions: new Map(), summary: action.summary };
    case 'summary':
      return { ...state, summary: action.summary };
  }
}
