/**
 * One line in plain words about a group's latest request: the advice layer's title (the failed check
 * and the actual value), falling back to the engine's own summary. Text only: the UI renders it as
 * a text node, never as markup, whatever the server sent.
 */
// Straight from the modules, not the barrels: the popup bundle must not carry the stacks' snippets
// or the model's reducer (see bench/: the popup stays under 25 KB gzip).
import { explainTitle } from '../core/advice/title';
import type { Transaction } from '../core/model';
import { toObserved } from '../core/model/to-observed';

export function oneLineExplanation(tx: Transaction): string {
  const verdict = tx.verdict;
  if (!verdict) return '';
  try {
    const title = explainTitle(verdict, toObserved(tx));
    if (title) return title;
  } catch {
    // The popup must open whatever the advice layer does with an odd transaction: use the summary.
  }
  return verdict.summary;
}

/** For warning groups: the finding's own message (already one line, plain words). */
export function warningMessage(tx: Transaction, code: string): string {
  return tx.verdict?.findings.find((f) => f.code === code)?.message ?? '';
}
