/**
 * The export format `cors-lens/report@1`.
 *
 * WARNING: PUBLIC CONTRACT. Other tools read these files. Within @1 you may ADD fields; never
 * rename, remove or change the meaning of one. Anything else is a new schema (`cors-lens/report@2`)
 * with its own type next to this one.
 */
import type { CorsErrorName, FailureStage, FindingCode, FirefoxReason, Header, Outcome } from '../types';

export const REPORT_SCHEMA_V1 = 'cors-lens/report@1';

export interface ReportCoveredByV1 {
  readonly transactionId: string | null;
  /** ms since epoch. */
  readonly expiresAt: number;
}

export interface ReportPreflightV1 {
  readonly url: string;
  /** null when no response arrived. */
  readonly status: number | null;
  readonly requestHeaders: readonly Header[];
  readonly responseHeaders: readonly Header[];
  /** Not sent for this request: Chromium's preflight cache covered it (see coveredBy). */
  readonly fromCache: boolean;
  readonly coveredBy: ReportCoveredByV1 | null;
  readonly netError: string | null;
}

export interface ReportRedirectV1 {
  readonly url: string;
  readonly status: number;
  readonly responseHeaders: readonly Header[];
  readonly location: string;
  readonly nextRequestHeaders: readonly Header[] | null;
  readonly nextPreflight: ReportPreflightV1 | null;
}

export interface ReportResponseV1 {
  readonly status: number;
  readonly responseHeaders: readonly Header[];
}

export interface ReportVerdictV1 {
  readonly outcome: Outcome;
  /** Chromium's CorsError, CDP spelling; null unless blocked. */
  readonly corsError: CorsErrorName | null;
  readonly failedParameter: string | null;
  readonly summary: string;
  readonly firefoxReason: FirefoxReason | null;
  readonly stage: FailureStage | null;
  /** Finding codes only (their messages may quote header values). */
  readonly findings: readonly FindingCode[];
}

export interface ReportTransactionV1 {
  readonly id: string;
  readonly url: string;
  readonly method: string;
  readonly resourceType: string;
  readonly initiator: string | null;
  readonly crossOrigin: boolean;
  /** ms since epoch (webRequest timeStamp, may have a fraction). */
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly requestHeaders: readonly Header[] | null;
  readonly preflight: ReportPreflightV1 | null;
  readonly redirects: readonly ReportRedirectV1[];
  readonly response: ReportResponseV1 | null;
  readonly netError: string | null;
  /** null while the request is still in flight (or the engine failed on it). */
  readonly verdict: ReportVerdictV1 | null;
  /**
   * Added within @1: null for a request captured whole; otherwise its first events never reached
   * CORS Lens (Chrome stopped its service worker) and `firstEvent` is the first one that did.
   * Readers of earlier reports: an absent field means null.
   */
  readonly missedStart: { readonly firstEvent: string } | null;
  /**
   * Added within @1: true when no tab sent it but a worker of `initiator` did (the page's service
   * worker, or a shared worker), and CORS Lens lists it in the tab showing that site. Readers of
   * earlier reports: an absent field means false.
   */
  readonly fromWorker: boolean;
}

export interface ReportV1 {
  readonly schema: typeof REPORT_SCHEMA_V1;
  readonly tabId: number;
  /** ISO 8601. */
  readonly generatedAt: string;
  /** Whether secret header values were replaced by `<redacted>`. */
  readonly redacted: boolean;
  readonly transactions: readonly ReportTransactionV1[];
}
