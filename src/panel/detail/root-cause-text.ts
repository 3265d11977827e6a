/** The "not really CORS" callout that opens the headline (reference §10): what to fix first. Pure. */
import type { RootCause, Verdict } from '../../core';

export function rootCauseHeadline(cause: RootCause): string {
  switch (cause.kind) {
    case 'http-error-without-cors':
      return cause.stage === 'preflight'
        ? `Not really CORS: the preflight (OPTIONS) got ${cause.status} without CORS headers. Fix the ${cause.status} first.`
        : `Not really CORS: the server answered ${cause.status} without CORS headers. Fix the ${cause.status} first.`;
    case 'preflight-rejected':
      return `Not really CORS: the server rejected the preflight (OPTIONS) with ${cause.status}. Let OPTIONS through without authentication.`;
    case 'connection-failed':
      return `Not CORS: the connection failed (${cause.netError}); the server was never reached.`;
    case 'blocked-by-client':
      return `Not CORS: the request was blocked inside the browser (${cause.netError}), usually by an extension.`;
    case 'too-many-redirects':
      return 'Not CORS: too many redirects, most likely a redirect loop.';
    case 'invalid-redirect':
      return `Not CORS: the server redirected to an invalid URL (${cause.location}).`;
  }
}

/**
 * The first line of the Fix when a status, not a header, failed the check (reference §4.2: a
 * preflight must answer 2xx; §10: an error response without CORS headers). Headers alone cannot
 * fix these, so the Fix must not open with a list the server "already sends". Pure.
 */
export function statusFixText(verdict: Verdict): string | null {
  const cause = verdict.rootCause;
  if (cause?.kind === 'preflight-rejected') {
    return `Answer the preflight (OPTIONS) with a 2xx status (204 No Content) before any authentication runs: it answered ${cause.status}.`;
  }
  if (cause?.kind === 'http-error-without-cors') {
    return cause.stage === 'preflight'
      ? `Answer the preflight (OPTIONS) with a 2xx status (204 No Content) and the CORS headers: it answered ${cause.status} without them.`
      : `Fix the ${cause.status} error, and send the CORS headers on error responses too, so the page can at least read the error.`;
  }
  if (verdict.corsError === 'PreflightInvalidStatus') return 'Answer the preflight (OPTIONS) with a 2xx status (204 No Content).';
  return null;
}
