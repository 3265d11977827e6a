/**
 * The popup's at-a-glance grouping: blocked requests by reason (Chromium's CorsError) and by
 * endpoint (target origin + path), and warnings by kind. Pure: transactions in, groups out.
 * Transactions arrive oldest first (TabSnapshot), so the last one seen in a group is its latest.
 */
import type { Transaction } from '../core/model';
import type { CorsErrorName, FindingCode } from '../core/types';
import { FINDING_WORDS, REASON_WORDS, UNKNOWN_REASON_WORDS } from './reason-words';

interface Group<K extends string = string> {
  /** Stable key for rendering. */
  readonly key: K;
  readonly count: number;
  /** The most recent transaction of the group: the one its explanation is about. */
  readonly latest: Transaction;
}

export interface ReasonGroup extends Group {
  readonly corsError: CorsErrorName | null;
  /** The reason in plain words. */
  readonly words: string;
}

export interface EndpointGroup extends Group {
  /** Origin + path of the requested URL, without query or fragment (they would split one endpoint into many). */
  readonly endpoint: string;
  /** Why requests to it were blocked, in plain words, the most frequent reason first. */
  readonly reasons: readonly string[];
}

export interface WarningGroup extends Group<FindingCode> {
  readonly code: FindingCode;
  readonly words: string;
}

export function isBlocked(tx: Transaction): boolean {
  return tx.verdict?.outcome === 'blocked';
}

/** Same rule as the tab counts (core/model/tab-log.ts): allowed, with at least one warning finding. */
export function hasWarning(tx: Transaction): boolean {
  return tx.verdict?.outcome === 'allowed' && tx.verdict.findings.some((f) => f.severity === 'warning');
}

/** `https://api.example:8443/v1/users?id=3#x` → `https://api.example:8443/v1/users`; unparsable URLs stay as they are. */
export function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? url : `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}

export function groupByReason(transactions: readonly Transaction[]): ReasonGroup[] {
  const groups = collect(transactions.filter(isBlocked), (tx) => [tx.verdict?.corsError ?? 'unknown']);
  return groups.map(({ key, count, latest }) => {
    const corsError = latest.verdict?.corsError ?? null;
    return { key, count, latest, corsError, words: corsError ? REASON_WORDS[corsError] : UNKNOWN_REASON_WORDS };
  });
}

export function groupByEndpoint(transactions: readonly Transaction[]): EndpointGroup[] {
  const groups = collect(transactions.filter(isBlocked), (tx) => [endpointOf(tx.url)]);
  return groups.map(({ key, count, latest, members }) => ({
    key, count, latest, endpoint: key, reasons: groupByReason(members).map((reason) => reason.words),
  }));
}

/** A transaction with two kinds of warning counts once in each kind. */
export function groupWarnings(transactions: readonly Transaction[]): WarningGroup[] {
  const warningCodes = (tx: Transaction): FindingCode[] => [
    ...new Set((tx.verdict?.findings ?? []).filter((f) => f.severity === 'warning').map((f) => f.code)),
  ];
  const groups = collect(transactions.filter(hasWarning), warningCodes);
  return groups.map(({ key, count, latest }) => ({ key, count, latest, code: key, words: FINDING_WORDS[key] }));
}

interface Collected<K extends string> extends Group<K> {
  readonly members: readonly Transaction[];
}

/** Most frequent first; ties: the one seen most recently first. */
function collect<K extends string>(transactions: readonly Transaction[], keysOf: (tx: Transaction) => readonly K[]): Collected<K>[] {
  const byKey = new Map<K, { members: Transaction[]; latest: Transaction; lastIndex: number }>();
  transactions.forEach((tx, index) => {
    for (const key of keysOf(tx)) {
      const members = byKey.get(key)?.members ?? [];
      members.push(tx);
      byKey.set(key, { members, latest: tx, lastIndex: index });
    }
  });
  return [...byKey.entries()]
    .sort(([, a], [, b]) => b.members.length - a.members.length || b.lastIndex - a.lastIndex)
    .map(([key, { members, latest }]) => ({ key, count: members.length, latest, members }));
}
