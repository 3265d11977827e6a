/**
 * "Not really CORS" causes (reference §10): the browser reports a CORS error, or a network error,
 * while the real failure is elsewhere. The explanation leads with these.
 */
import type { RootCause } from '../../types';
import { shown } from './context';

/** The sentence that opens the paragraph: the real problem and what to fix first. */
export function rootCauseLead(cause: RootCause): string {
  switch (cause.kind) {
    case 'http-error-without-cors':
      return cause.stage === 'preflight'
        ? `Your server answered the preflight (OPTIONS) with ${cause.status} without CORS headers; fix the ${cause.status} first. The CORS error is a side effect: the error response came from a layer (proxy, auth, error handler) that does not add CORS headers.`
        : `Your server answered ${cause.status} without CORS headers; fix the ${cause.status} first. The CORS error is a side effect: the error response came from a layer (proxy, auth, error handler) that does not add CORS headers, so the page cannot even see the ${cause.status}.`;
    case 'preflight-rejected':
      // What to change depends on the status (auth vs routing); the PreflightInvalidStatus text says it.
      return `Your server rejected the preflight (OPTIONS) with ${cause.status}; that is the real problem, not a missing header: OPTIONS must be answered with a 2xx status and the CORS headers.`;
    case 'connection-failed':
      return `This is not a CORS problem: the connection failed (${cause.netError}) and the server was never reached. Check the URL, that the server is running, and DNS, TLS or proxy settings.`;
    case 'blocked-by-client':
      return `This is not a CORS problem: the request was blocked inside the browser (${cause.netError}), usually by an extension such as an ad or privacy blocker. Try again with extensions disabled.`;
    case 'too-many-redirects':
      return 'This is not a CORS problem: the request was redirected more than 20 times, which usually means a redirect loop.';
    case 'invalid-redirect':
      return `This is not a CORS problem: the server redirected to ${shown(cause.location)}, which is not a valid http(s) URL.`;
  }
}

/** A title for a failure that the root cause explains better than any CORS check. */
export function rootCauseTitle(cause: RootCause, host: string): string {
  switch (cause.kind) {
    case 'http-error-without-cors':
      return cause.stage === 'preflight'
        ? `The preflight to ${host} answered ${cause.status} without CORS headers`
        : `${host} answered ${cause.status} without CORS headers`;
    case 'preflight-rejected':
      return `The preflight to ${host} was rejected with ${cause.status}`;
    case 'connection-failed':
      return `The connection to ${host} failed (${cause.netError})`;
    case 'blocked-by-client':
      return `The request to ${host} was blocked by the browser or an extension (${cause.netError})`;
    case 'too-many-redirects':
      return `Too many redirects for ${host}`;
    case 'invalid-redirect':
      return `${host} redirected to an invalid URL: ${shown(cause.location)}`;
  }
}
