import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/core/advice';
import type { RootCause } from '../../../../src/core/types';
import { blocked, blockedPreflight, makeTx, makeVerdict, putTx } from './fixtures';

describe('root cause comes first', () => {
  it('a 502 without CORS headers: "fix the 502 first" opens the paragraph', () => {
    const verdict = blocked('MissingAllowOriginHeader', { rootCause: { kind: 'http-error-without-cors', status: 502, stage: 'response' } });
    const result = explain(verdict, makeTx({ response: { status: 502, headers: [] } }));
    expect(result.paragraph.startsWith('Your server answered 502 without CORS headers; fix the 502 first.')).toBe(true);
    expect(result.title).toContain('No Access-Control-Allow-Origin');
  });

  it('a preflight answered 401 without CORS headers', () => {
    const verdict = blockedPreflight('PreflightMissingAllowOriginHeader', { rootCause: { kind: 'http-error-without-cors', status: 401, stage: 'preflight' } });
    const result = explain(verdict, putTx(401, []));
    expect(result.paragraph.startsWith('Your server answered the preflight (OPTIONS) with 401 without CORS headers; fix the 401 first.')).toBe(true);
  });

  it('a rejected preflight', () => {
    const verdict = blockedPreflight('PreflightInvalidStatus', { rootCause: { kind: 'preflight-rejected', status: 403 } });
    expect(explain(verdict, putTx(403, [])).paragraph).toMatch(/^Your server rejected the preflight \(OPTIONS\) with 403/);
  });

  it.each<[string, RootCause, string, string]>([
    ['connection refused', { kind: 'connection-failed', netError: 'net::ERR_CONNECTION_REFUSED' }, 'The connection to api.example failed (net::ERR_CONNECTION_REFUSED)', 'not a CORS problem'],
    ['ad blocker', { kind: 'blocked-by-client', netError: 'net::ERR_BLOCKED_BY_CLIENT' }, 'The request to api.example was blocked by the browser or an extension (net::ERR_BLOCKED_BY_CLIENT)', 'extension'],
    ['redirect loop', { kind: 'too-many-redirects' }, 'Too many redirects for api.example', 'more than 20 times'],
    ['bad Location', { kind: 'invalid-redirect', location: 'ftp://files.example/x' }, 'api.example redirected to an invalid URL: "ftp://files.example/x"', 'not a valid http(s) URL'],
  ])('network error from %s is titled by its root cause', (_name, rootCause, title, words) => {
    const result = explain(makeVerdict({ outcome: 'network-error', rootCause, reachedServer: false }), makeTx({ response: null }));
    expect(result.title).toBe(title);
    expect(result.paragraph).toContain(words);
  });
});
