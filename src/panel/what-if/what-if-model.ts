/**
 * What-if: the observed transaction with the server's answers edited (status and headers of the
 * preflight, of each preflight sent after a redirect and of the final response, headers of each
 * redirect hop) and/or another credentials mode, run through the same engine.
 *
 * Both sides are judged on the rules alone: the browser's own ending (net::ERR_FAILED, or a delivered
 * response) is dropped, because the engine trusts it over the rules (reconcile.ts) and it would pin the
 * edited verdict to what really happened. Non-CORS network errors stay: no header fixes a refused
 * connection.
 */
import { evaluate } from '../../core/cors/evaluate';
import type {
  CredentialsMode, Header, ObservedPreflight, ObservedRedirect, ObservedResponse, ObservedTransaction, Verdict,
} from '../../core';

export interface ResponseEdit {
  readonly status: number;
  readonly headers: readonly Header[];
}

export interface WhatIfEdits {
  /** null: keep what was observed. */
  readonly preflight: ResponseEdit | null;
  readonly response: ResponseEdit | null;
  readonly credentials: CredentialsMode | null;
  /**
   * Per redirect hop, in order: its response headers, or null to keep them. The status and Location
   * stay: a hop that stopped redirecting would be another request, not another answer. Each hop is
   * checked on its own (reference §5), so an Access-Control-Allow-Origin missing from a 302 is fixed here.
   */
  readonly redirects?: readonly (readonly Header[] | null)[];
  /**
   * Per redirect hop, in order: the answer to the preflight Chromium sent before following it (a new
   * one per hop, reference §5.6), or null to keep it. Ignored for a hop that had no preflight.
   */
  readonly redirectPreflights?: readonly (ResponseEdit | null)[];
}

export const NO_EDITS: WhatIfEdits = { preflight: null, response: null, credentials: null };

export interface HeaderParse {
  readonly headers: Header[];
  /** 1-based line numbers that are not `Name: value`. */
  readonly badLines: number[];
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** "Name: value" per line; blank lines ignored; duplicates kept (two ACAO lines matter, reference §3). */
export function parseHeaderLines(text: string): HeaderParse {
  const headers: Header[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) {
      badLines.push(i + 1);
      return;
    }
    // HTTP strips leading and trailing whitespace from field values.
    headers.push({ name, value: line.slice(colon + 1).trim() });
  });
  return { headers, badLines };
}

export function formatHeaderLines(headers: readonly Header[]): string {
  return headers.map((h) => `${h.name}: ${h.value}`).join('\n');
}

const ERR_FAILED = 'net::ERR_FAILED';

/** The observation judged on its rules only (see the file comment). */
export function rulesOnly(tx: ObservedTransaction): ObservedTransaction {
  const netError = tx.netError === ERR_FAILED || tx.netError === 'ERR_FAILED' ? null : (tx.netError ?? null);
  return { ...tx, netError, completed: netError !== null };
}

function editedResponse(observed: ObservedResponse | null | undefined, edit: ResponseEdit): ObservedResponse {
  return { ...(observed ?? {}), status: edit.status, headers: edit.headers };
}

/** An edited preflight answers normally: no redirect, no network error, not from the cache. */
function answeredPreflight(observed: ObservedPreflight, edit: ResponseEdit): ObservedPreflight {
  return { ...observed, response: editedResponse(observed.response, edit), redirectedTo: null, netError: null, fromCache: false };
}

function editedHop(hop: ObservedRedirect, headers: readonly Header[] | null, preflight: ResponseEdit | null): ObservedRedirect {
  const withHeaders = headers === null ? hop : { ...hop, headers };
  return preflight === null || !hop.nextPreflight ? withHeaders : { ...withHeaders, nextPreflight: answeredPreflight(hop.nextPreflight, preflight) };
}

export function applyWhatIf(tx: ObservedTransaction, edits: WhatIfEdits): ObservedTransaction {
  let next = rulesOnly(tx);
  if (edits.preflight !== null && next.preflight) next = { ...next, preflight: answeredPreflight(next.preflight, edits.preflight) };
  const hops = edits.redirects ?? [];
  const hopPreflights = edits.redirectPreflights ?? [];
  if ([...hops, ...hopPreflights].some((edit) => edit !== null) && next.redirects) {
    next = { ...next, redirects: next.redirects.map((hop, i) => editedHop(hop, hops[i] ?? null, hopPreflights[i] ?? null)) };
  }
  if (edits.response !== null) next = { ...next, response: editedResponse(next.response, edits.response) };
  if (edits.credentials !== null) next = { ...next, credentials: edits.credentials };
  return next;
}

export interface VerdictChange {
  readonly field: 'outcome' | 'corsError' | 'failedParameter';
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

const show = (value: string | null): string => (value === null ? '(none)' : value === '' ? '""' : value);

export function diffVerdicts(before: Verdict, after: Verdict): VerdictChange[] {
  return (['outcome', 'corsError', 'failedParameter'] as const).map((field) => {
    const b = show(before[field]);
    const a = show(after[field]);
    return { field, before: b, after: a, changed: a !== b };
  });
}

export interface WhatIfResult {
  readonly before: Verdict;
  readonly after: Verdict;
  readonly changes: readonly VerdictChange[];
  readonly edited: ObservedTransaction;
}

export function runWhatIf(observed: ObservedTransaction, edits: WhatIfEdits): WhatIfResult {
  const before = evaluate(rulesOnly(observed));
  const edited = applyWhatIf(observed, edits);
  const after = evaluate(edited);
  return { before, after, changes: diffVerdicts(before, after), edited };
}
