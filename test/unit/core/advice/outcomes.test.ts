import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/core/advice';
import { PAGE, PUT_PREFLIGHT, h, makeTx, makeVerdict } from './fixtures';

describe('allowed', () => {
  it('explains a pass by "*"', () => {
    const tx = makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', '*')] } });
    const result = explain(makeVerdict(), tx);
    expect(result.title).toBe('Allowed by Access-Control-Allow-Origin: *');
    expect(result.paragraph).toContain('carries no credentials');
    expect(result.where).toBeNull();
  });

  it('explains a credentialed pass by the exact origin', () => {
    const tx = makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Credentials', 'true')] } });
    const result = explain(makeVerdict({ credentials: 'include' }), tx);
    expect(result.title).toBe(`Allowed by Access-Control-Allow-Origin: ${PAGE} with Access-Control-Allow-Credentials: true`);
  });

  it('mentions the preflight and what it allowed', () => {
    const tx = makeTx({
      request: { method: 'PUT', url: 'https://api.example/items', headers: [h('Origin', PAGE)] },
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] },
    });
    const result = explain(makeVerdict({ preflight: PUT_PREFLIGHT }), tx);
    expect(result.paragraph).toContain('the PUT method and the headers content-type, x-api-key');
    expect(result.requiredHeaders.map((r) => `${r.appliesTo}:${r.name}`)).toContain('preflight:Access-Control-Allow-Methods');
  });

  it('says when the preflight cache covered the request', () => {
    const tx = makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] } });
    const result = explain(makeVerdict({ preflight: { ...PUT_PREFLIGHT, observed: false, fromCache: true } }), tx);
    expect(result.paragraph).toContain("Chrome's preflight cache");
  });
});

describe('not CORS', () => {
  it.each([
    { mode: 'navigate' as const, title: 'Not a CORS request: a page navigation' },
    { mode: 'no-cors' as const, title: 'Not a CORS request: no-cors mode' },
    { mode: 'websocket' as const, title: 'Not a CORS request: a WebSocket' },
  ])('$mode', ({ mode, title }) => {
    const result = explain(makeVerdict({ outcome: 'not-cors', mode }), makeTx());
    expect(result.title).toBe(title);
    expect(result.requiredHeaders).toEqual([]);
  });

  it('same origin', () => {
    const origins = {
      page: null,
      target: { raw: PAGE, serialized: PAGE, scheme: 'https', host: 'app.example', port: 443, portIsDefault: true },
      allowOrigin: null, allowOriginDiffers: [], crossOriginBy: [], originSent: PAGE,
    };
    const result = explain(makeVerdict({ outcome: 'not-cors', origins }), makeTx());
    expect(result.title).toBe(`Not a CORS request: ${PAGE} is the same origin`);
  });
});

describe('network error', () => {
  it('without a root cause names the net error and says it is not CORS', () => {
    const result = explain(makeVerdict({ outcome: 'network-error', reachedServer: false }), makeTx({ response: null, netError: 'net::ERR_NAME_NOT_RESOLVED' }));
    expect(result.title).toBe('The request to api.example failed (net::ERR_NAME_NOT_RESOLVED)');
    expect(result.paragraph).toContain('not a CORS problem');
    expect(result.snippets).toHaveLength(12);
  });
});
