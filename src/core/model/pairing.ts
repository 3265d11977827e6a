/**
 * Pairing preflights with the requests they guard. The browser links them by nothing but
 * circumstance: same URL (the hop's), tab, frame, document and initiator, Access-Control-Request-
 * Method equal to the request's method, and timing (the request's onBeforeRequest comes just before
 * its preflight's, and the request resumes right after its preflight completes). Concurrent
 * identical requests pair first come, first served. Two corrections run when a request resumes:
 * a request that resumes while "its" preflight is still running was not waiting for it, and a
 * preflight whose Access-Control-Request-Headers name headers the request did not send belongs to
 * a sibling (reference §2.4: ACRH is the browser's own list of the request's unsafe headers).
 */
import type { Header } from '../types';
import type { Step } from './change';
import { currentHop, hopPreflight, setHopPreflight } from './hops';
import type { InflightRequest, PreflightTracking, TabState } from './state';
import { listRequest, touch, txOf } from './tab-log';
import type { Transaction, TransactionPreflight } from './transaction';
import { forInBefore } from './records';
import { listedTransaction } from './listed';

/** A request still waiting for (or able to take) a preflight for its current hop. */
function isWaiting(request: InflightRequest): boolean {
  return !request.resumed && !request.awaitingHop && request.preflightId === null;
}

function sameCircumstances(tx: Transaction, request: InflightRequest, url: string, frameId: number,
  documentId: string | null, initiator: string | null): boolean {
  return request.hopUrl === url && tx.frameId === frameId && tx.documentId === documentId && tx.initiator === initiator;
}

/** The oldest waiting request this preflight can guard, or null. */
export function findRequestFor(tab: TabState, tracking: PreflightTracking): InflightRequest | null {
  const { url, requestMethod } = tracking;
  let best: InflightRequest | null = null;
  // Every request in flight is looked at, for every preflight: the URL, which few share, is compared
  // before the method (the same on most) and the requestId (its own left `inflight` already).
  for (const request of tab.inflight.values()) {
    if (!isWaiting(request) || request.hopUrl !== url || request.hopMethod !== requestMethod) continue;
    if (request.requestId === tracking.requestId) continue;
    const tx = txOf(tab, request);
    if (!tx || !sameCircumstances(tx, request, url, tracking.frameId, tracking.documentId, tracking.initiator)) continue;
    if (best === null || request.hopSeq < best.hopSeq) best = request;
  }
  return best;
}

/**
 * An unpaired preflight still running that a request arriving late (events out of order) can take;
 * with several, the first in `for…in` order of the requestIds (ascending), as when this was a Record.
 */
export function findPreflightFor(tab: TabState, request: InflightRequest, tx: Transaction): PreflightTracking | null {
  let first: PreflightTracking | null = null;
  for (const tracking of tab.preflights.values()) {
    if (tracking.owner !== null || tracking.done || tracking.url !== request.hopUrl || tracking.requestMethod !== request.hopMethod) continue;
    if (!sameCircumstances(tx, request, tracking.url, tracking.frameId, tracking.documentId, tracking.initiator)) continue;
    if (first === null || forInBefore(tracking.requestId, first.requestId, false)) first = tracking;
  }
  return first;
}

/** Where a tracked preflight's data lives now (its owner's hop, or the tracking while unpaired). */
export function preflightData(tab: TabState, tracking: PreflightTracking): TransactionPreflight | null {
  if (tracking.owner === null) return tracking.record;
  const owner = tab.inflight.get(tracking.owner.requestId);
  const tx = owner ? txOf(tab, owner) : listedTransaction(tab, `r${tracking.owner.requestId}`) ?? null;
  return tx ? hopPreflight(tx, tracking.owner.hop) : null;
}

export function pair(step: Step, tracking: PreflightTracking, request: InflightRequest): void {
  const tx = txOf(step.tab, request);
  if (!tx || tracking.record === null) return;
  const hop = currentHop(tx);
  setHopPreflight(tx, hop, tracking.record);
  tracking.record = null;
  tracking.owner = { requestId: request.requestId, hop };
  request.preflightId = tracking.requestId;
  if (request.maybePreflight) {
    // A preflight guards it, so this OPTIONS is the page's own request, not a preflight.
    request.maybePreflight = false;
    if (tx.crossOrigin) listRequest(step, request);
  }
  touch(step, request);
}

export function unpair(step: Step, tracking: PreflightTracking): void {
  const owner = tracking.owner;
  if (owner === null) return;
  const request = step.tab.inflight.get(owner.requestId);
  const tx = request ? txOf(step.tab, request) : null;
  tracking.owner = null;
  if (!request || !tx) return;
  tracking.record = hopPreflight(tx, owner.hop);
  setHopPreflight(tx, owner.hop, null);
  if (request.preflightId === tracking.requestId) request.preflightId = null;
  touch(step, request);
}

/** Siblings: other requests in flight with the same circumstances that have not resumed yet. */
function siblingsOf(tab: TabState, request: InflightRequest, tx: Transaction): InflightRequest[] {
  const siblings: InflightRequest[] = [];
  for (const other of tab.inflight.values()) {
    if (other === request || other.resumed || other.awaitingHop || other.hopUrl !== request.hopUrl || other.hopMethod !== request.hopMethod) continue;
    const otherTx = txOf(tab, other);
    if (otherTx && sameCircumstances(otherTx, other, request.hopUrl, tx.frameId, tx.documentId, tx.initiator)) siblings.push(other);
  }
  return siblings.sort((a, b) => a.hopSeq - b.hopSeq);
}

function trackingOf(tab: TabState, request: InflightRequest): PreflightTracking | null {
  return request.preflightId === null ? null : tab.preflights.get(request.preflightId) ?? null;
}

/** Give `request` the sibling's preflight (or none) and the sibling `request`'s. */
function exchange(step: Step, request: InflightRequest, sibling: InflightRequest): void {
  const mine = trackingOf(step.tab, request);
  const theirs = trackingOf(step.tab, sibling);
  if (mine) unpair(step, mine);
  if (theirs) unpair(step, theirs);
  if (theirs) pair(step, theirs, request);
  if (mine) pair(step, mine, sibling);
}

/** Timing: the request resumed, so its preflight must have completed (see the file comment). */
export function checkPairingOnResume(step: Step, request: InflightRequest, tx: Transaction): void {
  const mine = trackingOf(step.tab, request);
  if (!mine || mine.done) return;
  const sibling = siblingsOf(step.tab, request, tx).find((other) => {
    const theirs = trackingOf(step.tab, other);
    return theirs === null || theirs.done;
  });
  if (sibling) exchange(step, request, sibling);
}

function namesOf(headers: readonly Header[]): Set<string> {
  return new Set(headers.map((header) => header.name.toLowerCase()));
}

function coversNames(tracking: PreflightTracking | null, names: Set<string>): boolean {
  return tracking === null || tracking.requestHeaderNames.every((name) => names.has(name));
}

/** Access-Control-Request-Headers must name only headers the request sent (see the file comment). */
export function checkPairingOnHeaders(step: Step, request: InflightRequest, tx: Transaction, headers: readonly Header[]): void {
  const mine = trackingOf(step.tab, request);
  if (!mine || mine.requestHeaderNames.length === 0) return;
  const names = namesOf(headers);
  if (coversNames(mine, names)) return;
  const sibling = siblingsOf(step.tab, request, tx).find((other) => {
    const theirs = trackingOf(step.tab, other);
    return theirs !== null && coversNames(theirs, names);
  });
  if (sibling) exchange(step, request, sibling);
}
