/**
 * Listed transactions restored from storage but unpacked only when something first reads them.
 *
 * A restarted worker needs its tabs' bookkeeping to pair new events, not the thousands of requests
 * a busy tab already lists: those are read when the panel or the export asks, when the model evicts
 * the oldest, or when a late preflight event re-judges its request. Unpacking them all at each start
 * is what a worker Chrome stops every few hundred milliseconds would spend its short life on (and a
 * stop discards the events queued behind that work). So the tab gets them as `unread` (the model's
 * listed.ts): stored records it unpacks with this on first read. A record that turns out unreadable
 * reads as absent, as a missing record always could.
 */
import type { Evaluate, Transaction, UnreadTransactions } from '../core/model';
import { deferVerdict, unpackTransaction } from './transaction-codec';
import { readStored } from './stored-json';

export function unreadTransactions(evaluate: Evaluate): UnreadTransactions {
  return {
    stored: new Map(),
    unpack(stored: unknown): Transaction | null {
      const recompute: Transaction[] = [];
      const tx = unpackTransaction(readStored(stored), recompute);
      for (const left of recompute) deferVerdict(left, evaluate);
      return tx;
    },
  };
}
