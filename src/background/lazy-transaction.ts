/**
 * A listed transaction restored from storage but unpacked only when something first reads it.
 *
 * A restarted worker needs its tabs' bookkeeping to pair new events, not the thousands of requests
 * a busy tab already lists: those are read when the panel or the export asks, when the model evicts
 * the oldest, or when a late preflight event re-judges its request. Unpacking them all at each start
 * is what a worker Chrome stops every few hundred milliseconds would spend its short life on (and a
 * stop discards the events queued behind that work). So the tab's record gets, per stored id, an
 * accessor that unpacks the stored record on first read and then becomes a plain property: every
 * way of reading it (the model's lookups, `for…in`, Object.entries, JSON) sees the transaction.
 * A record that turns out unreadable reads as absent, as a missing record always could.
 */
import type { Evaluate, Transaction } from '../core/model';
import { deferVerdict, unpackTransaction } from './transaction-codec';
import { readStored } from './stored-json';

export function defineLazyTransaction(record: Record<string, Transaction>, id: string, stored: unknown, evaluate: Evaluate): void {
  const settle = (tx: Transaction | undefined): void => {
    if (tx === undefined) Reflect.deleteProperty(record, id);
    else Object.defineProperty(record, id, { value: tx, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(record, id, {
    enumerable: true,
    configurable: true,
    get(): Transaction | undefined {
      const recompute: Transaction[] = [];
      const tx = unpackTransaction(readStored(stored), recompute) ?? undefined;
      for (const left of recompute) deferVerdict(left, evaluate);
      settle(tx);
      return tx;
    },
    set(tx: Transaction) {
      settle(tx);
    },
  });
}
