/**
 * One line in plain words about a group's latest request: the advice layer's title (the failed check
 * and the actual value), falling back to the engine's own summary. Text only: the UI renders it as
 * a text node, never as markup, whatever the server sent.
 */
import { explain } from '../core/advice';
import { toObserved, type Transaction } from '../core/model';

export function oneLineExplanation(tx: Transaction): string {
  const verdict = tx.verdict;
  if (!verdict) return '';
  try {
    const title = explain(verdict, toObserved(tx)).title;
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
