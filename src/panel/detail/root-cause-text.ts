/** The "not really CORS" callout that opens the headline (reference §10): what to fix first. Pure. */
import type { RootCause } from '../../core';

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
