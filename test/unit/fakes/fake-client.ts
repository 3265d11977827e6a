import type { CorsLensClient } from '../../../src/ui/client';
import type { Transaction } from '../../../src/core/model';
import type { LiveUpdate, PersistenceStatus, TabInfo, TabSnapshot, TabSummary } from '../../../src/messaging/protocol';
import { buildReport, type ReportV1 } from '../../../src/core/report';

/**
 * An in-memory CorsLensClient: UI tests drive the panel and popup through it instead of faking
 * `chrome`. `push*` methods play the background's side of the live port.
 */
export class FakeClient implements CorsLensClient {
  transactions: Transaction[] = [];
  paused = false;
  preserveLog = false;
  evicted = 0;
  persistence: PersistenceStatus = { degraded: false, message: null, failedWrites: 0 };
  info: TabInfo;
  readonly calls: string[] = [];
  private listeners = new Set<(u: LiveUpdate) => void>();

  constructor(readonly tabId = 1, transactions: Transaction[] = []) {
    this.transactions = transactions;
    this.info = { tabId, url: 'http://127.0.0.1:4100/', title: 'Lab', capturable: true, exists: true };
  }

  summary(): TabSummary {
    const blocked = this.transactions.filter((t) => t.verdict?.outcome === 'blocked').length;
    const warnings = this.transactions.filter((t) => t.verdict?.outcome === 'allowed' && t.verdict.findings.some((f) => f.severity === 'warning')).length;
    return {
      tabId: this.tabId, total: this.transactions.length, preserveLog: this.preserveLog,
      blocked, warnings, sameOrigin: 0, nonHttp: 0, browserInitiated: 0, evicted: this.evicted,
    };
  }

  snapshot(): TabSnapshot {
    return { tabId: this.tabId, summary: this.summary(), transactions: [...this.transactions], paused: this.paused, persistence: this.persistence };
  }

  subscribe(tabId: number, onUpdate: (u: LiveUpdate) => void): () => void {
    this.calls.push(`subscribe ${tabId}`);
    this.listeners.add(onUpdate);
    onUpdate({ type: 'snapshot', snapshot: this.snapshot() });
    return () => this.listeners.delete(onUpdate);
  }

  /** The background saw new or changed transactions. */
  pushUpsert(...transactions: Transaction[]): void {
    for (const tx of transactions) {
      const at = this.transactions.findIndex((t) => t.id === tx.id);
      if (at >= 0) this.transactions[at] = tx;
      else this.transactions.push(tx);
    }
    this.emit({ type: 'upsert', tabId: this.tabId, transactions, summary: this.summary() });
  }

  pushRemove(...ids: string[]): void {
    this.transactions = this.transactions.filter((t) => !ids.includes(t.id));
    this.emit({ type: 'remove', tabId: this.tabId, ids, summary: this.summary() });
  }

  pushStatus(): void {
    this.emit({ type: 'status', paused: this.paused, persistence: this.persistence });
  }

  /** The worker restarted: a fresh snapshot arrives. */
  pushSnapshot(): void {
    this.emit({ type: 'snapshot', snapshot: this.snapshot() });
  }

  private emit(update: LiveUpdate): void {
    for (const fn of this.listeners) fn(update);
  }

  async exportReport(tabId: number, options?: { redact?: boolean }): Promise<ReportV1> {
    this.calls.push(`export ${tabId} redact=${options?.redact ?? true}`);
    return buildReport(tabId, this.transactions, 0, { redact: options?.redact ?? true });
  }

  async clear(tabId: number): Promise<TabSummary> {
    this.calls.push(`clear ${tabId}`);
    this.transactions = [];
    this.pushSnapshot();
    return this.summary();
  }

  async setPreserveLog(tabId: number, preserve: boolean): Promise<TabSummary> {
    this.calls.push(`preserve ${tabId} ${preserve}`);
    this.preserveLog = preserve;
    return this.summary();
  }

  async setPaused(paused: boolean): Promise<{ paused: boolean }> {
    this.calls.push(`paused ${paused}`);
    this.paused = paused;
    this.pushStatus();
    return { paused };
  }

  async tabInfo(tabId: number): Promise<TabInfo> {
    this.calls.push(`tab-info ${tabId}`);
    return this.info;
  }

  async openPage(path: string): Promise<void> {
    this.calls.push(`open ${path}`);
  }
}
