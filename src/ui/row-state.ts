/**
 * The one-word state of a transaction that the list, the popup and the filters agree on. A state is
 * always shown as icon + text (never colour alone).
 */
import type { Transaction } from '../core/model';

export type RowState = 'blocked' | 'network-error' | 'warning' | 'allowed' | 'not-cors' | 'pending';

export const ROW_STATE_LABEL: Readonly<Record<RowState, string>> = {
  blocked: 'Blocked',
  'network-error': 'Network error',
  warning: 'Warning',
  allowed: 'Allowed',
  'not-cors': 'Not CORS',
  pending: 'Pending',
};

/**
 * Allowed, with at least one warning finding: the rows drawn with the warning icon, and what the
 * tab summary, the popup and the badge count as warnings (core/model/tab-log.ts). A blocked request
 * with a warning finding is blocked, not a warning, so the "Warnings N" filter equals the popup's N.
 */
export function hasWarning(tx: Transaction): boolean {
  return tx.verdict?.outcome === 'allowed' && tx.verdict.findings.some((f) => f.severity === 'warning');
}

export function rowState(tx: Transaction): RowState {
  const verdict = tx.verdict;
  // No verdict: still in flight, or the engine failed on it (the detail shows evaluationError).
  if (verdict === null) return tx.netError ? 'network-error' : 'pending';
  switch (verdict.outcome) {
    case 'blocked':
      return 'blocked';
    case 'network-error':
      return 'network-error';
    case 'not-cors':
      return 'not-cors';
    case 'allowed':
      return hasWarning(tx) ? 'warning' : 'allowed';
  }
}

/** Whether a preflight guarded the request (sent now, or answered from Chromium's preflight cache). */
export function wasPreflighted(tx: Transaction): boolean {
  return tx.preflight !== null || tx.redirects.some((r) => r.nextPreflight !== null) || tx.verdict?.preflight.required === true;
}
