import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/core/advice';
import { PAGE, blocked, blockedPreflight, h, makeTx, makeVerdict, putTx } from './fixtures';

const line = (r: { appliesTo: string; name: string; value: string }): string => `${r.appliesTo} ${r.name}: ${r.value}`;

describe('required headers', () => {
  it('preflight with method, headers and credentials: everything the preflight and the response need', () => {
    const result = explain(blockedPreflight('PreflightMissingAllowOriginHeader'), putTx(204, []));
    expect(result.where).toBe('preflight');
    expect(result.requiredHeaders.map(line)).toEqual([
      `preflight Access-Control-Allow-Origin: ${PAGE}`,
      'preflight Access-Control-Allow-Credentials: true',
      'preflight Access-Control-Allow-Methods: PUT',
      'preflight Access-Control-Allow-Headers: content-type, x-api-key',
      `response Access-Control-Allow-Origin: ${PAGE}`,
      'response Access-Control-Allow-Credentials: true',
      'response Vary: Origin',
    ]);
  });

  it('wildcard with credentials: the exact origin plus Access-Control-Allow-Credentials', () => {
    const verdict = blocked('WildcardOriginNotAllowed', { actual: '*', credentials: 'include' });
    const result = explain(verdict, makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', '*')] } }));
    expect(result.where).toBe('response');
    expect(result.requiredHeaders.map(line)).toEqual([
      `response Access-Control-Allow-Origin: ${PAGE}`,
      'response Access-Control-Allow-Credentials: true',
      'response Vary: Origin',
    ]);
    expect(result.requiredHeaders[0]?.why).toContain('Your server sends "*"');
  });

  it('trailing slash: the origin without the slash, and what the server sends now', () => {
    const verdict = blocked('AllowOriginMismatch', { actual: `${PAGE}/` });
    const result = explain(verdict, makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', `${PAGE}/`)] } }));
    expect(result.requiredHeaders[0]).toMatchObject({ name: 'Access-Control-Allow-Origin', value: PAGE });
    expect(result.requiredHeaders[0]?.why).toContain(`Your server sends "${PAGE}/"`);
  });

  it('no credentials and an opaque origin: "*" is enough and no Vary', () => {
    const tx = makeTx({ initiator: 'null', request: { method: 'GET', url: 'https://api.example/items', headers: [h('Origin', 'null')] } });
    const result = explain(blocked('MissingAllowOriginHeader'), tx);
    expect(result.requiredHeaders.map(line)).toEqual(['response Access-Control-Allow-Origin: *']);
  });

  it('the origin the browser sent after a tainting redirect (null) is the one to allow, with credentials', () => {
    const origins = { page: null, target: { raw: 'x', serialized: null, scheme: null, host: null, port: null, portIsDefault: false }, allowOrigin: null, allowOriginDiffers: [], crossOriginBy: [], originSent: 'null' };
    const result = explain(blocked('MissingAllowOriginHeader', { origins, credentials: 'include' }), makeTx());
    expect(result.requiredHeaders[0]).toMatchObject({ value: 'null' });
    expect(result.requiredHeaders[0]?.why).toContain('opaque origin');
  });

  it('a failing redirect hop needs the headers on the redirect and then on the final response', () => {
    const tx = makeTx({ redirects: [{ url: 'https://api.example/items', status: 302, headers: [], location: 'https://cdn.example/items' }] });
    const result = explain(blocked('MissingAllowOriginHeader', { stage: { kind: 'redirect', hop: 0 } }), tx);
    expect(result.where).toBe('redirect');
    expect(result.requiredHeaders.map((r) => r.appliesTo)).toEqual(['redirect', 'response', 'response']);
    expect(result.requiredHeaders[0]?.why).toContain('redirect response itself');
  });

  it('a header hidden from script adds Access-Control-Expose-Headers', () => {
    const findings = [{ code: 'headers-not-exposed' as const, severity: 'info' as const, message: 'X-Total-Count is not exposed.', subjects: ['x-total-count'] }];
    const tx = makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', '*'), h('X-Total-Count', '3')] } });
    const result = explain(makeVerdict({ findings }), tx);
    expect(result.requiredHeaders.map(line)).toContain('response Access-Control-Expose-Headers: x-total-count');
  });

  it('"*" in the method list satisfies a request without credentials', () => {
    const tx = putTx(204, [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', '*')]);
    const result = explain(blockedPreflight('HeaderDisallowedByPreflightResponse', { credentials: 'same-origin', failedParameter: 'x-api-key' }), tx);
    const methods = result.requiredHeaders.find((r) => r.name === 'Access-Control-Allow-Methods');
    expect(methods?.why).toContain('already sends this');
  });

  it('Authorization is called out as never covered by "*"', () => {
    const tx = putTx(204, []);
    const withAuth = { ...tx, preflight: tx.preflight ? { ...tx.preflight, request: { ...tx.preflight.request, headers: [h('Origin', PAGE), h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'authorization')] } } : null };
    const result = explain(blockedPreflight('HeaderDisallowedByPreflightResponse', { failedParameter: 'authorization' }), withAuth);
    expect(result.requiredHeaders.find((r) => r.name === 'Access-Control-Allow-Headers')).toMatchObject({ value: 'authorization' });
    expect(result.requiredHeaders.find((r) => r.name === 'Access-Control-Allow-Headers')?.why).toContain('never covers Authorization');
  });

  it('a lowercase custom method is required exactly as sent', () => {
    const tx = putTx(204, []);
    const patch = { ...tx, preflight: tx.preflight ? { ...tx.preflight, request: { ...tx.preflight.request, headers: [h('Origin', PAGE), h('Access-Control-Request-Method', 'patch')] } } : null };
    const result = explain(blockedPreflight('MethodDisallowedByPreflightResponse', { failedParameter: 'patch' }), patch);
    expect(result.requiredHeaders.find((r) => r.name === 'Access-Control-Allow-Methods')?.value).toBe('patch');
  });
});
