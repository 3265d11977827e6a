/**
 * Transaction record → the engine's input. The record keeps what the browser showed; this only
 * renames, so the engine sees exactly what was on the wire.
 */
import type { ObservedPreflight, ObservedRedirect, ObservedTransaction } from '../types';
import type { Transaction, TransactionPreflight, TransactionRedirect } from './transaction';

export function toObservedPreflight(preflight: TransactionPreflight): ObservedPreflight {
  return {
    request: { method: 'OPTIONS', url: preflight.url, headers: preflight.requestHeaders },
    response: preflight.status === null
      ? null
      : { status: preflight.status, headers: preflight.responseHeaders, fromCache: false, ip: null },
    redirectedTo: preflight.redirectedTo,
    netError: preflight.netError,
    fromCache: preflight.fromCache,
    completedAt: preflight.endedAt,
  };
}

function toObservedRedirect(redirect: TransactionRedirect): ObservedRedirect {
  return {
    url: redirect.url,
    status: redirect.status,
    headers: redirect.responseHeaders,
    location: redirect.location,
    nextPreflight: redirect.nextPreflight ? toObservedPreflight(redirect.nextPreflight) : null,
    nextRequestHeaders: redirect.nextRequestHeaders,
  };
}

export function toObserved(tx: Transaction): ObservedTransaction {
  const response = tx.response;
  return {
    initiator: tx.initiator,
    resourceType: tx.resourceType,
    // Headers are unknown when the request was never sent (failed preflight): an empty list then.
    request: { method: tx.method, url: tx.url, headers: tx.requestHeaders ?? [] },
    preflight: tx.preflight ? toObservedPreflight(tx.preflight) : null,
    redirects: tx.redirects.map(toObservedRedirect),
    response: response
      ? { status: response.status, headers: response.responseHeaders, fromCache: response.fromCache, ip: response.ip }
      : null,
    netError: tx.netError,
    completed: tx.state === 'done',
    startedAt: tx.startedAt,
  };
}
