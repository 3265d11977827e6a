/**
 * "Headers that matter": for each leg of a transaction (request, preflight, redirect hops, final
 * response), the few headers CORS looks at, with the culprit marked and expected vs actual beside it.
 * The full lists are in the Headers tab. Pure.
 */
import type { Header, Verdict } from '../../core';
import type { Transaction, TransactionPreflight } from '../../core/model';

export interface KeyHeaderRow {
  readonly name: string;
  /** null: the header was not sent at all (which may be exactly the problem). */
  readonly value: string | null;
  readonly culprit: boolean;
  /** For the culprit: what the check needed, when the engine says. */
  readonly expected: string | null;
  /** Why this row is marked, in words, when it is not the culprit header itself. */
  readonly note: string | null;
}

export interface KeyHeaderGroup {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly KeyHeaderRow[];
  readonly failed: boolean;
}

const REQUEST_NAMES = ['origin', 'access-control-request-method', 'access-control-request-headers', 'content-type', 'authorization', 'cookie'];
const RESPONSE_PREFIX = 'access-control-';
const RESPONSE_EXTRA = ['vary', 'location'];

function lower(name: string): string {
  return name.toLowerCase();
}

/** `access-control-allow-origin` → `Access-Control-Allow-Origin`: a header that was not sent reads like the ones that were. */
export function displayHeaderName(lowercased: string): string {
  return lowercased.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}

function row(h: Header, culprit = false, expected: string | null = null, note: string | null = null): KeyHeaderRow {
  return { name: h.name, value: h.value, culprit, expected, note };
}

function requestRows(headers: readonly Header[], verdict: Verdict | null, preflightRequest: boolean): KeyHeaderRow[] {
  const reasonNames = new Set((verdict?.preflight.reasons ?? []).filter((r) => r.kind !== 'method').map((r) => lower(r.name)));
  const disallowed = verdict?.corsError === 'HeaderDisallowedByPreflightResponse' ? lower(verdict.failedParameter ?? '') : null;
  return headers
    .filter((h) => REQUEST_NAMES.includes(lower(h.name)) || reasonNames.has(lower(h.name)))
    .map((h) => {
      if (!preflightRequest && disallowed !== null && lower(h.name) === disallowed) {
        return row(h, true, null, 'The preflight response did not allow this header.');
      }
      return row(h, false, null, reasonNames.has(lower(h.name)) ? 'Made the request need a preflight.' : null);
    });
}

function responseRows(headers: readonly Header[], verdict: Verdict | null, failed: boolean): KeyHeaderRow[] {
  const culprit = failed ? verdict?.header ?? null : null;
  const rows = headers
    .filter((h) => lower(h.name).startsWith(RESPONSE_PREFIX) || RESPONSE_EXTRA.includes(lower(h.name)))
    .map((h) => (culprit !== null && lower(h.name) === culprit ? row(h, true, verdict?.expected ?? null) : row(h)));
  if (culprit !== null && !rows.some((r) => r.culprit)) {
    rows.unshift({ name: displayHeaderName(culprit), value: null, culprit: true, expected: verdict?.expected ?? null, note: null });
  }
  return rows;
}

function preflightGroups(p: TransactionPreflight, hop: number, verdict: Verdict | null): KeyHeaderGroup[] {
  const failed = verdict?.outcome === 'blocked' && verdict.stage?.kind === 'preflight' && verdict.stage.hop === hop;
  const where = hop === 0 ? 'Preflight' : `Preflight for redirect ${hop}`;
  if (p.fromCache) {
    return [{ id: `preflight-${hop}`, title: `${where}: answered from the preflight cache (not sent)`, rows: responseRows(p.responseHeaders, verdict, failed), failed }];
  }
  return [
    { id: `preflight-${hop}-request`, title: `${where} request (OPTIONS)`, rows: requestRows(p.requestHeaders, verdict, true), failed: false },
    {
      id: `preflight-${hop}-response`,
      title: `${where} response${p.status === null ? ' (none)' : ` (${p.status})`}`,
      rows: responseRows(p.responseHeaders, verdict, failed),
      failed,
    },
  ];
}

export function keyHeaders(tx: Transaction, verdict: Verdict | null): KeyHeaderGroup[] {
  const groups: KeyHeaderGroup[] = [];
  const stage = verdict?.outcome === 'blocked' ? verdict.stage : null;
  if (tx.preflight !== null) groups.push(...preflightGroups(tx.preflight, 0, verdict));
  groups.push({
    id: 'request',
    title: tx.requestHeaders === null ? 'Request (never sent)' : `Request (${tx.method})`,
    rows: requestRows(tx.requestHeaders ?? [], verdict, false),
    failed: stage?.kind === 'request',
  });
  tx.redirects.forEach((r, i) => {
    const failed = stage?.kind === 'redirect' && stage.hop === i;
    groups.push({ id: `redirect-${i}`, title: `Redirect ${i + 1} response (${r.status})`, rows: responseRows(r.responseHeaders, verdict, failed), failed });
    if (r.nextPreflight !== null) groups.push(...preflightGroups(r.nextPreflight, i + 1, verdict));
  });
  if (tx.response !== null) {
    const failed = stage?.kind === 'response';
    groups.push({ id: 'response', title: `Response (${tx.response.status})`, rows: responseRows(tx.response.responseHeaders, verdict, failed), failed });
  }
  return groups;
}
