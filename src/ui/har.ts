/**
 * Transactions → HAR 1.2, so a capture opens in any HAR viewer (Chrome's Network panel imports it).
 * Each transaction becomes up to three kinds of entries, in wire order: its preflight (when one was
 * sent), one entry per redirect hop, then the final request. Bodies and per-hop timings are not
 * captured: header and body sizes are -1, content size 0, and redirect hops carry no time. Secrets are redacted unless asked for.
 */
import type { Header } from '../core';
import type { Transaction, TransactionPreflight } from '../core/model';
import { redactHeaders } from '../core/report/redact-headers';
import type { HarCorsLens, HarEntry, HarHeader, HarLog, HarQueryParam, HarResponse } from './har-types';

export type * from './har-types';

export interface BuildHarOptions {
  /** The extension's version, for `creator.version`. */
  readonly version: string;
  /** Keep Cookie, Authorization and Set-Cookie values (default: redacted). */
  readonly includeSecrets?: boolean;
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}

function queryString(url: string): HarQueryParam[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function mimeType(headers: readonly Header[]): string {
  return headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
}

/** "HTTP/1.1 404 Not Found" → ["HTTP/1.1", "Not Found"]. */
function parseStatusLine(line: string | null): { httpVersion: string; statusText: string } {
  const match = line === null ? null : /^(HTTP\/[\d.]+)\s+\d{3}\s*(.*)$/.exec(line);
  return match ? { httpVersion: match[1] ?? '', statusText: match[2] ?? '' } : { httpVersion: '', statusText: '' };
}

function duration(start: number, end: number | null): number {
  return end === null || end < start ? 0 : end - start;
}

export function buildHar(transactions: readonly Transaction[], options: BuildHarOptions): HarLog {
  const headers = (list: readonly Header[] | null): HarHeader[] =>
    list === null ? [] : options.includeSecrets === true ? list.map((h) => ({ name: h.name, value: h.value })) : redactHeaders(list);

  const entries: HarEntry[] = [];
  for (const tx of transactions) {
    const tag = (leg: HarCorsLens['leg']): HarCorsLens => ({
      transactionId: tx.id, leg,
      outcome: tx.verdict?.outcome ?? null, corsError: tx.verdict?.corsError ?? null,
      failedParameter: tx.verdict?.failedParameter ?? null, summary: tx.verdict?.summary ?? null,
    });
    const entry = (
      url: string, method: string, requestHeaders: readonly Header[] | null, response: HarResponse,
      startedAt: number, time: number, leg: HarCorsLens['leg'],
    ): HarEntry => ({
      startedDateTime: iso(startedAt), time,
      request: {
        method, url, httpVersion: response.httpVersion, cookies: [], headers: headers(requestHeaders),
        queryString: queryString(url), headersSize: -1, bodySize: -1,
      },
      response, cache: {}, timings: { send: 0, wait: time, receive: 0 }, _corsLens: tag(leg),
    });
    const response = (status: number, list: readonly Header[], statusLine: string | null, redirectURL: string, error: string | null): HarResponse => ({
      status, ...parseStatusLine(statusLine), cookies: [], headers: headers(list),
      content: { size: 0, mimeType: mimeType(list) }, redirectURL, headersSize: -1, bodySize: -1,
      ...(error === null ? {} : { _error: error }),
    });
    const preflightEntry = (p: TransactionPreflight): void => {
      if (p.fromCache) return; // not on the wire for this request
      entries.push(entry(
        p.url, 'OPTIONS', p.requestHeaders, response(p.status ?? 0, p.responseHeaders, null, p.redirectedTo ?? '', p.netError),
        p.startedAt, duration(p.startedAt, p.endedAt), 'preflight',
      ));
    };

    if (tx.preflight !== null) preflightEntry(tx.preflight);
    let hopHeaders: readonly Header[] | null = tx.requestHeaders;
    tx.redirects.forEach((r) => {
      entries.push(entry(r.url, tx.method, hopHeaders, response(r.status, r.responseHeaders, null, r.location, null), tx.startedAt, 0, 'redirect'));
      if (r.nextPreflight !== null) preflightEntry(r.nextPreflight);
      hopHeaders = r.nextRequestHeaders;
    });
    const finalUrl = tx.redirects[tx.redirects.length - 1]?.location ?? tx.url;
    const res = tx.response;
    const error = tx.netError ?? (tx.verdict?.outcome === 'blocked' ? 'net::ERR_FAILED' : null);
    entries.push(entry(
      finalUrl, tx.method, hopHeaders,
      res === null ? response(0, [], null, '', error) : response(res.status, res.responseHeaders, res.statusLine, '', error),
      tx.startedAt, duration(tx.startedAt, tx.endedAt), 'request',
    ));
  }
  return { log: { version: '1.2', creator: { name: 'CORS Lens', version: options.version }, entries } };
}
