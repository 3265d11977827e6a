/**
 * Transactions → the export document (`cors-lens/report@1`, see report-types.ts). Secrets are
 * redacted unless the caller explicitly opts out.
 */
import type { Header, Verdict } from '../types';
import type { Transaction, TransactionPreflight, TransactionRedirect } from '../model/transaction';
import { redactHeaders } from './redact-headers';
import { isFromWorker } from '../model/transaction';
import type {
  ReportPreflightV1, ReportRedirectV1, ReportTransactionV1, ReportV1, ReportVerdictV1,
} from './report-types';
import { REPORT_SCHEMA_V1 } from './report-types';

export interface BuildReportOptions {
  /** Replace Cookie, Authorization, Proxy-Authorization and Set-Cookie values (default true). */
  readonly redact?: boolean;
}

/** ISO time for `generatedAt`; never throws (an out-of-range time becomes the epoch). */
function iso(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function reportVerdict(verdict: Verdict): ReportVerdictV1 {
  return {
    outcome: verdict.outcome, corsError: verdict.corsError, failedParameter: verdict.failedParameter,
    summary: verdict.summary, firefoxReason: verdict.firefoxReason, stage: verdict.stage,
    findings: verdict.findings.map((finding) => finding.code),
  };
}

export function buildReport(tabId: number, transactions: readonly Transaction[], now: number, options: BuildReportOptions = {}): ReportV1 {
  const redact = options.redact ?? true;
  const headers = (list: readonly Header[]): Header[] => (redact ? redactHeaders(list) : list.map((h) => ({ name: h.name, value: h.value })));

  const preflight = (p: TransactionPreflight): ReportPreflightV1 => ({
    url: p.url, status: p.status, requestHeaders: headers(p.requestHeaders), responseHeaders: headers(p.responseHeaders),
    fromCache: p.fromCache, netError: p.netError,
    coveredBy: p.coveredBy ? { transactionId: p.coveredBy.transactionId, expiresAt: p.coveredBy.expiresAt } : null,
  });
  const redirect = (r: TransactionRedirect): ReportRedirectV1 => ({
    url: r.url, status: r.status, responseHeaders: headers(r.responseHeaders), location: r.location,
    nextRequestHeaders: r.nextRequestHeaders ? headers(r.nextRequestHeaders) : null,
    nextPreflight: r.nextPreflight ? preflight(r.nextPreflight) : null,
  });
  const transaction = (tx: Transaction): ReportTransactionV1 => ({
    id: tx.id, url: tx.url, method: tx.method, resourceType: tx.resourceType, initiator: tx.initiator,
    crossOrigin: tx.crossOrigin, startedAt: tx.startedAt, endedAt: tx.endedAt,
    requestHeaders: tx.requestHeaders ? headers(tx.requestHeaders) : null,
    preflight: tx.preflight ? preflight(tx.preflight) : null,
    redirects: tx.redirects.map(redirect),
    response: tx.response ? { status: tx.response.status, responseHeaders: headers(tx.response.responseHeaders) } : null,
    netError: tx.netError,
    verdict: tx.verdict ? reportVerdict(tx.verdict) : null,
    missedStart: tx.missedStart ? { firstEvent: tx.missedStart.firstEvent } : null,
    fromWorker: isFromWorker(tx),
  });

  return { schema: REPORT_SCHEMA_V1, tabId, generatedAt: iso(now), redacted: redact, transactions: transactions.map(transaction) };
}
