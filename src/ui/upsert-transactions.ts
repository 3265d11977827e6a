import type { Transaction } from '../core/model';

/** Transaction ids → their index in a list, for O(1) live updates. */
export function positionsOf(list: readonly Transaction[]): Map<string, number> {
  return new Map(list.map((tx, i) => [tx.id, i]));
}

/**
 * Applies a live `upsert`: changed transactions keep their place, new ones go last (newest), as the
 * background sends them. Returns new list and positions; the inputs are left untouched.
 */
export function upsertTransactions(
  current: readonly Transaction[],
  incoming: readonly Transaction[],
  positions: ReadonlyMap<string, number> = positionsOf(current),
): { list: Transaction[]; positions: Map<string, number> } {
  const list = [...current];
  const at = new Map(positions);
  for (const tx of incoming) {
    const index = at.get(tx.id);
    if (index === undefined) {
      at.set(tx.id, list.length);
      list.push(tx);
    } else {
      list[index] = tx;
    }
  }
  return { list, positions: at };
}
