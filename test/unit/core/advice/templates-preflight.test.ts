import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/core/advice';
import { API, PAGE, blockedPreflight, h, putTx } from './fixtures';

const ALLOWING = [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Credentials', 'true')];

describe('preflight status and redirect', () => {
  it.each([
    { status: 401, advice: 'without auth' },
    { status: 403, advice: 'without auth' },
    { status: 405, advice: 'no handler for OPTIONS' },
    { status: 500, advice: 'failed while handling the OPTIONS' },
  ])('PreflightInvalidStatus $status names the status and the likely cause', ({ status, advice }) => {
    const result = explain(blockedPreflight('PreflightInvalidStatus', { actual: String(status) }), putTx(status, ALLOWING));
    expect(result.title).toBe(`The preflight (OPTIONS) to api.example answered ${status} instead of 2xx`);
    expect(result.paragraph).toContain(advice);
    expect(result.where).toBe('preflight');
  });

  it('PreflightDisallowedRedirect names the redirect target', () => {
    const tx = putTx(301, [h('Location', 'https://api.example/items/')]);
    const withRedirect = { ...tx, preflight: tx.preflight ? { ...tx.preflight, redirectedTo: 'https://api.example/items/' } : null };
    const result = explain(blockedPreflight('PreflightDisallowedRedirect'), withRedirect);
    expect(result.title).toBe('The preflight to api.example was redirected (301) to https://api.example/items/');
    expect(result.paragraph).toContain('never follow a redirect on a preflight');
  });

  it('InvalidResponse names the network error of the preflight', () => {
    const tx = putTx(200, []);
    const failed = { ...tx, preflight: tx.preflight ? { ...tx.preflight, response: null, netError: 'net::ERR_CONNECTION_RESET' } : null };
    const result = explain(blockedPreflight('InvalidResponse'), failed);
    expect(result.title).toContain('net::ERR_CONNECTION_RESET');
    expect(result.paragraph).toContain('failed at the network level');
  });
});

describe('method and header lists', () => {
  it('MethodDisallowedByPreflightResponse shows the method and the list the server sent', () => {
    const tx = putTx(204, [...ALLOWING, h('Access-Control-Allow-Methods', 'GET, POST')]);
    const result = explain(blockedPreflight('MethodDisallowedByPreflightResponse', { failedParameter: 'PUT' }), tx);
    expect(result.title).toBe('Method PUT is not in the preflight\'s Access-Control-Allow-Methods "GET, POST"');
    expect(result.paragraph).toContain('Access-Control-Request-Method: PUT');
  });

  it('a method listed in another case is called out as case-sensitive', () => {
    const tx = putTx(204, [...ALLOWING, h('Access-Control-Allow-Methods', 'get, put')]);
    const result = explain(blockedPreflight('MethodDisallowedByPreflightResponse', { failedParameter: 'PUT' }), tx);
    expect(result.paragraph).toContain('compared case-sensitively');
  });

  it('a missing Access-Control-Allow-Methods is said plainly', () => {
    const result = explain(blockedPreflight('MethodDisallowedByPreflightResponse', { failedParameter: 'PUT' }), putTx(204, ALLOWING));
    expect(result.title).toBe('Method PUT is not allowed: the preflight sent no Access-Control-Allow-Methods');
  });

  it('HeaderDisallowedByPreflightResponse names the header and the allowed list', () => {
    const tx = putTx(204, [...ALLOWING, h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'content-type')]);
    const result = explain(blockedPreflight('HeaderDisallowedByPreflightResponse', { failedParameter: 'x-api-key', header: 'x-api-key' }), tx);
    expect(result.title).toBe('Request header "x-api-key" is not in the preflight\'s Access-Control-Allow-Headers "content-type"');
    expect(result.paragraph).toContain('Access-Control-Request-Headers: content-type,x-api-key');
  });

  it('"*" with credentials is explained as not a wildcard', () => {
    const tx = putTx(204, [...ALLOWING, h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', '*')]);
    const result = explain(blockedPreflight('HeaderDisallowedByPreflightResponse', { failedParameter: 'x-api-key' }), tx);
    expect(result.paragraph).toContain('"*" is a wildcard only for requests without credentials');
  });

  it.each([
    { error: 'InvalidAllowMethodsPreflightResponse' as const, header: 'Access-Control-Allow-Methods', value: 'GET, "PUT"' },
    { error: 'InvalidAllowHeadersPreflightResponse' as const, header: 'Access-Control-Allow-Headers', value: 'x api key' },
  ])('$error quotes the unparsable value', ({ error, header, value }) => {
    const result = explain(blockedPreflight(error), putTx(204, [...ALLOWING, h(header, value)]));
    expect(result.title).toBe(`${header} "${value}" cannot be parsed`);
  });

  it('explains why a preflight was sent when the preflight failed', () => {
    const result = explain(blockedPreflight('PreflightMissingAllowOriginHeader'), putTx(204, []));
    expect(result.paragraph).toContain('A preflight was needed because PUT is not GET, HEAD or POST');
    expect(result.paragraph).toContain('and Content-Type application/json is not one of the three types');
    expect(result.title).toBe(`No Access-Control-Allow-Origin header on the preflight response from ${API.split('/')[2] ?? ''} (status 204)`);
  });
});
