/**
 * The transaction as a sequence of legs on the wire: preflight → request → each redirect hop, with
 * status and duration, plus the sentences a developer needs next to it: the request was never sent
 * (failed preflight), it did reach the server (blocked simple request), or a cached preflight covered
 * it (which one, and when that entry expires, reference §4.7). Pure; `now` comes in.
 */
import type { Verdict } from '../../core';
import type { Transaction, TransactionPreflight } from '../../core/model';
import { formatClock, formatDuration, formatRelative, shortNetError } from '../../ui/format';

export type StepTone = 'ok' | 'failed' | 'skipped' | 'cached' | 'pending';

export interface TimelineStep {
  readonly key: string;
  /** "Preflight", "Request", "Redirect 1". */
  readonly label: string;
  readonly method: string;
  readonly url: string;
  /** "204", "302 → https://…", "ERR_CONNECTION_REFUSED", "not sent". */
  readonly status: string;
  readonly duration: string;
  readonly tone: StepTone;
  readonly note: string | null;
  /** For a cached preflight: the transaction whose preflight created the entry, if still listed. */
  readonly coveredById: string | null;
}

export interface Timeline {
  readonly steps: readonly TimelineStep[];
  /** The sentence under the steps ("never sent" / "did reach the server"), or null. */
  readonly conclusion: string | null;
}

function preflightStep(p: TransactionPreflight, key: string, label: string, failed: boolean, now: number): TimelineStep {
  if (p.fromCache) {
    const by = p.coveredBy;
    const expiry = by === null ? '' : ` The cache entry expires at ${formatClock(by.expiresAt)} (${formatRelative(by.expiresAt, now)}).`;
    return {
      key, label, method: 'OPTIONS', url: p.url, status: '', duration: '', tone: 'cached',
      note: `Not sent: Chromium's preflight cache answered with the result of an earlier preflight.${expiry}`,
      coveredById: by?.transactionId ?? null,
    };
  }
  const status = p.netError ? shortNetError(p.netError) : p.redirectedTo ? `${p.status ?? ''} → ${p.redirectedTo}`.trim() : p.status === null ? 'no response' : String(p.status);
  const note = p.redirectedTo ? 'A preflight may not be redirected (reference: Fetch, CORS-preflight fetch).' : null;
  return {
    key, label, method: 'OPTIONS', url: p.url, status, duration: p.endedAt === null ? '' : formatDuration(p.endedAt - p.startedAt),
    tone: failed || p.netError !== null ? 'failed' : p.endedAt === null ? 'pending' : 'ok', note, coveredById: null,
  };
}

function conclusion(tx: Transaction, v: Verdict | null): string | null {
  if (v === null || v.outcome !== 'blocked') return null;
  if (v.stage?.kind === 'preflight') {
    return `The ${tx.method} request itself was never sent: the browser stopped after the failed preflight, so your server never saw it.`;
  }
  if (v.reachedServer) {
    return 'It did reach the server: the server received and processed the request (side effects such as writes happened); the browser only hid the response from the page.';
  }
  return 'The browser stopped the request before the server could answer it.';
}

export function buildTimeline(tx: Transaction, now: number): Timeline {
  const v = tx.verdict;
  const stage = v?.outcome === 'blocked' ? v.stage : null;
  const steps: TimelineStep[] = [];
  if (tx.preflight !== null) {
    steps.push(preflightStep(tx.preflight, 'preflight-0', 'Preflight', stage?.kind === 'preflight' && stage.hop === 0, now));
  }

  let method = tx.method;
  let url = tx.url;
  tx.redirects.forEach((r, i) => {
    steps.push({
      key: `hop-${i}`, label: i === 0 ? 'Request' : `Redirect ${i}`, method, url, status: `${r.status} → ${r.location}`, duration: '',
      tone: stage?.kind === 'redirect' && stage.hop === i ? 'failed' : 'ok', note: null, coveredById: null,
    });
    if (r.nextPreflight !== null) {
      const failed = stage?.kind === 'preflight' && stage.hop === i + 1;
      steps.push(preflightStep(r.nextPreflight, `preflight-${i + 1}`, `Preflight for redirect ${i + 1}`, failed, now));
    }
    // A 303 (and a 301/302 after POST) turns the method into GET (reference §5.4).
    if (r.status === 303 && method !== 'HEAD') method = 'GET';
    if ((r.status === 301 || r.status === 302) && method === 'POST') method = 'GET';
    url = r.location;
  });

  const lastLabel = tx.redirects.length === 0 ? 'Request' : `Redirect ${tx.redirects.length}`;
  // Timed from its first event that arrived when its start was missed: it took at least that long.
  const atLeast = tx.missedStart !== undefined && tx.preflight === null ? '≥ ' : '';
  const total = tx.endedAt === null ? '' : `${atLeast}${formatDuration(tx.endedAt - (tx.preflight?.endedAt ?? tx.startedAt))}`;
  const finalFailed = stage !== null && (stage.kind === 'response' || (stage.kind === 'request' && stage.hop === tx.redirects.length));
  // The preflight guarding the last hop failed: that request never left the browser.
  const neverSent = stage?.kind === 'preflight' && stage.hop === tx.redirects.length;
  let status: string;
  if (tx.response !== null) status = `${tx.response.status}${tx.response.fromCache ? ' (from HTTP cache)' : ''}`;
  else if (neverSent) status = 'not sent';
  else if (tx.netError) status = shortNetError(tx.netError);
  else status = tx.state === 'pending' ? 'pending' : 'no response';
  steps.push({
    key: 'final', label: lastLabel, method, url, status, duration: status === 'not sent' ? '' : total,
    tone: status === 'not sent' ? 'skipped' : finalFailed || (tx.netError !== null && v?.outcome !== 'allowed') ? 'failed' : tx.state === 'pending' ? 'pending' : 'ok',
    note: null, coveredById: null,
  });
  return { steps, conclusion: conclusion(tx, v) };
}
