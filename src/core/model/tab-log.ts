/**
 * The tab's list of transactions: listing a request once it is known to be cross-origin, evicting
 * the oldest past the capacity, ending a request (verdict, badge counts), clearing on navigation.
 */
import type { Finding, Verdict } from '../types';
import type { Step } from './change';
import { markAllRemoved, markRemoved, markUpserted, markUpsertedAlone } from './change';
import { hopPreflight } from './hops';
import type { InflightRequest, TabCounts, TabState } from './state';
import { DEFAULT_CAPACITY, emptyCounts } from './state';
import { toObserved } from './to-observed';
import type { Transaction } from './transaction';
import { forgetListed, listedTransaction } from './listed';

export function txOf(tab: TabState, request: InflightRequest): Transaction | null {
  if (request.hidden !== null) return request.hidden;
  if (request.listed !== undefined) return request.listed;
  const tx = listedTransaction(tab, request.txId) ?? null; // restored: look it up once
  if (tx !== null) request.listed = tx;
  return tx;
}

/** Whether the request is listed (its record in `transactions`). */
export function isListed(request: InflightRequest): boolean {
  return request.hidden === null;
}

/** Mark a listed transaction dirty; hidden ones are not reported. */
export function touch(step: Step, request: InflightRequest): void {
  if (request.hidden === null) markUpsertedAlone(step.change, (request.upsertedAlone ??= Object.freeze([request.txId])));
}

/** List a hidden request: it is cross-origin and not a preflight. */
export function listRequest(step: Step, request: InflightRequest): void {
  const tx = request.hidden;
  if (!tx) return;
  const { tab } = step;
  request.hidden = null;
  request.listed = tx;
  tab.transactions.set(tx.id, tx);
  tab.order.push(tx.id);
  markUpserted(step.change, tx.id);
  const capacity = Math.max(1, step.ctx.capacity ?? DEFAULT_CAPACITY);
  while (tab.order.length > capacity) evictOldest(step);
}

function evictOldest(step: Step): void {
  const { tab } = step;
  const id = tab.order.shift();
  if (id === undefined) return;
  const tx = listedTransaction(tab, id);
  forgetListed(tab, id);
  tab.counts.evicted++;
  step.change.countsTouched = true;
  markRemoved(step.change, id);
  if (!tx) return;
  countVerdict(tab.counts, tx.verdict, -1);
  if (tx.state === 'pending') {
    forgetRequestId(tab, tx.requestId);
    forgetRequest(tab, tx);
  }
}

/** requestIds a tab remembers letting go of: more than a page has in flight at a navigation. */
export const FORGOTTEN_CAPACITY = 512;

/**
 * Remember that the model let go of this request while it was in flight: its later events are not
 * the first signs of a request whose start was lost (late-start.ts).
 */
export function forgetRequestId(tab: TabState, requestId: string): void {
  const forgotten = (tab.forgotten ??= []);
  forgotten.push(requestId);
  if (forgotten.length > FORGOTTEN_CAPACITY) forgotten.splice(0, forgotten.length - FORGOTTEN_CAPACITY);
}

/** Forget a request entirely, listed or not (it turned out not to be a request of the page's). */
export function dropRequest(step: Step, request: InflightRequest, tx: Transaction): void {
  const { tab } = step;
  forgetRequest(tab, tx);
  if (isListed(request) && listedTransaction(tab, tx.id) !== undefined) {
    forgetListed(tab, tx.id);
    // Ids are unique and a dropped request is among the newest: search from the end, remove in place.
    const at = tab.order.lastIndexOf(tx.id);
    if (at >= 0) tab.order.splice(at, 1);
    markRemoved(step.change, tx.id);
  }
}

/** Drop the bookkeeping of a request and of the preflights paired with it. */
export function forgetRequest(tab: TabState, tx: Transaction): void {
  tab.inflight.delete(tx.requestId);
  for (let hop = 0; hop <= tx.redirects.length; hop++) {
    const preflight = hopPreflight(tx, hop);
    if (preflight && !preflight.fromCache) tab.preflights.delete(preflight.requestId);
  }
}

function isWarningFinding(finding: Finding): boolean {
  return finding.severity === 'warning';
}

function isWarning(verdict: Verdict): boolean {
  return verdict.outcome === 'allowed' && verdict.findings.some(isWarningFinding);
}

function countVerdict(counts: TabCounts, verdict: Verdict | null, sign: 1 | -1): void {
  if (!verdict) return;
  if (verdict.outcome === 'blocked') counts.blocked += sign;
  else if (isWarning(verdict)) counts.warnings += sign;
}

/** Ask the engine (again, when a late preflight event completed the picture). Never throws. */
export function evaluateListed(step: Step, tx: Transaction): void {
  const counts = step.tab.counts;
  countVerdict(counts, tx.verdict, -1);
  try {
    tx.verdict = step.ctx.evaluate(toObserved(tx));
    tx.evaluationError = null;
  } catch (error) {
    tx.verdict = null;
    tx.evaluationError = error instanceof Error ? error.message : String(error);
  }
  countVerdict(counts, tx.verdict, 1);
  step.change.countsTouched = true;
  markUpserted(step.change, tx.id);
}

/** Numeric requestIds in numeric order (shorter first, then by characters); any string sorts. */
function byRequestIdAge(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Clear the tab's log (navigation without preserveLog): everything, in flight included, like DevTools. */
export function clearTab(step: Step): void {
  const { tab, change } = step;
  // Sorted, oldest first (webRequest's requestIds are increasing numbers): a stored state lists
  // `inflight` in another order (a Record puts number-like keys first), and a restored worker must
  // remember the same list as one that never stopped.
  const letGo = [...tab.inflight.keys(), ...tab.preflights.keys()].sort(byRequestIdAge);
  for (const requestId of letGo) forgetRequestId(tab, requestId);
  markAllRemoved(change, tab.order);
  tab.transactions = new Map();
  if (tab.unread !== undefined) tab.unread = undefined;
  tab.order = [];
  tab.inflight = new Map();
  tab.preflights = new Map();
  tab.counts = emptyCounts();
  change.tabCleared = true;
  change.countsTouched = true;
}
