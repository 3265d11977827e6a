import { describe, expect, it } from 'vitest';
import { curlCommands, curlText, fetchText, shellQuote, UNKNOWN_VALUE } from '../../../src/ui/copy-as';
import { API, buildTx, h, PAGE, scenarios } from '../fakes/transactions';

describe('shellQuote', () => {
  it.each([
    ['plain', 'abc', "'abc'"],
    ['a single quote', "it's", `'it'\\''s'`],
    ['shell metacharacters stay inert', '$(rm -rf /); `x`', "'$(rm -rf /); `x`'"],
  ])('%s', (_name, input, expected) => {
    expect(shellQuote(input)).toBe(expected);
  });
});

describe('Copy as curl', () => {
  it('gives the preflight with Origin, ACRM and ACRH, then the request that was never sent', () => {
    const tx = scenarios.headerNotAllowed();
    const { preflight, request } = curlCommands(tx);
    expect(preflight).toContain(`curl '${API}/api/items'`);
    expect(preflight).toContain("-X 'OPTIONS'");
    expect(preflight).toContain(`-H 'Origin: ${PAGE}'`);
    expect(preflight).toContain("-H 'Access-Control-Request-Method: PUT'");
    expect(preflight).toContain("-H 'Access-Control-Request-Headers: content-type,x-api-key'");
    expect(request).toContain("-X 'PUT'");
    expect(request).toContain(`-H 'x-api-key: ${UNKNOWN_VALUE}'`);
    expect(curlText(tx)).toContain('# The request was never sent');
  });

  it('has no preflight for a simple request and omits -X for GET', () => {
    const { preflight, request } = curlCommands(scenarios.trailingSlash());
    expect(preflight).toBeNull();
    expect(request).not.toContain('-X');
    expect(request).toContain(`-H 'Origin: ${PAGE}'`);
    expect(request).toContain('--include');
  });

  it.each([
    ['Cookie', scenarios.wildcardWithCredentials, 's3cr3t'],
    ['Authorization', scenarios.authorizationWildcard, 'top-secret-token'],
  ])('redacts %s unless the user includes secrets', (_name, make, secret) => {
    const tx = make();
    expect(curlText(tx)).not.toContain(secret);
    expect(curlText(tx)).toContain('<redacted>');
    expect(curlText(tx, { includeSecrets: true })).toContain(secret);
  });

  it('rebuilds the preflight from the verdict when only the cache answered', () => {
    const tx = scenarios.headerNotAllowed();
    const cached = { ...tx, preflight: tx.preflight && { ...tx.preflight, requestHeaders: [], fromCache: true } };
    expect(curlText(cached)).toContain("Access-Control-Request-Method: PUT");
    expect(curlText(cached)).toContain('the preflight cache answered');
  });
});

describe('Copy as fetch', () => {
  it('keeps only headers a page can set, and the method', () => {
    const acao = h('Access-Control-Allow-Origin', PAGE);
    const text = fetchText(buildTx({
      method: 'PUT', headers: [h('Content-Type', 'application/json')],
      preflight: { status: 204, headers: [acao, h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'content-type')] },
      response: { status: 200, headers: [acao] },
    }));
    expect(text).toContain(`await fetch("${API}/api/items", {`);
    expect(text).toContain('method: "PUT"');
    expect(text).toContain('"Content-Type": "application/json"');
    expect(text).not.toContain('Origin');
    expect(text).not.toContain('Sec-Fetch');
  });

  it('after a failed preflight, names the headers the page set with unknown values', () => {
    const text = fetchText(scenarios.headerNotAllowed());
    expect(text).toContain(`"x-api-key": "${UNKNOWN_VALUE}"`);
  });

  it('redacts Authorization by default and keeps it on request', () => {
    const tx = scenarios.authorizationWildcard();
    expect(fetchText(tx)).toContain('"Authorization": "<redacted>"');
    expect(fetchText(tx, { includeSecrets: true })).toContain('"Authorization": "Bearer top-secret-token"');
  });

  it('escapes hostile values as JavaScript strings', () => {
    const tx = scenarios.allowed();
    const hostile = { ...tx, requestHeaders: [h('X-Evil', '"); alert(1); ("')] };
    expect(fetchText(hostile)).toContain(String.raw`"X-Evil": "\"); alert(1); (\""`);
  });

  it('is a plain call for a GET without page headers', () => {
    expect(fetchText(scenarios.trailingSlash())).toContain(`await fetch("${API}/api/items");`);
  });
});
