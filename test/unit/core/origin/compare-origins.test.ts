import { describe, expect, it } from 'vitest';
import { allowOriginDiffers, compareOrigins, crossOriginComponents, parseOrigin } from '../../../../src/core/origin/index';

describe('allowOriginDiffers: which part of an ACAO value breaks the byte comparison', () => {
  it.each([
    { name: 'identical', acao: 'http://localhost:3000', sent: 'http://localhost:3000', parts: [] },
    { name: 'trailing slash', acao: 'http://localhost:3000/', sent: 'http://localhost:3000', parts: ['path'] },
    { name: 'a path', acao: 'http://localhost:3000/app', sent: 'http://localhost:3000', parts: ['path'] },
    { name: 'explicit default port', acao: 'https://a.example:443', sent: 'https://a.example', parts: ['port'] },
    { name: 'other port', acao: 'http://a.example:8080', sent: 'http://a.example:3000', parts: ['port'] },
    { name: 'port missing', acao: 'http://a.example', sent: 'http://a.example:3000', parts: ['port'] },
    { name: 'uppercase host', acao: 'http://A.EXAMPLE', sent: 'http://a.example', parts: ['host'] },
    { name: 'uppercase scheme', acao: 'HTTP://a.example', sent: 'http://a.example', parts: ['scheme'] },
    { name: 'https instead of http', acao: 'https://a.example', sent: 'http://a.example', parts: ['scheme'] },
    { name: 'https instead of http, same explicit port', acao: 'https://a.example:3000', sent: 'http://a.example:3000', parts: ['scheme'] },
    { name: 'localhost vs 127.0.0.1', acao: 'http://localhost:3000', sent: 'http://127.0.0.1:3000', parts: ['host'] },
    { name: 'host and port', acao: 'http://b.example:1', sent: 'http://a.example:2', parts: ['host', 'port'] },
    { name: 'null for a real origin', acao: 'null', sent: 'http://a.example', parts: ['whole'] },
    { name: 'a real origin when null was sent', acao: 'http://a.example', sent: 'null', parts: ['whole'] },
    { name: 'no scheme', acao: 'a.example', sent: 'http://a.example', parts: ['whole'] },
    { name: 'two values', acao: 'http://a.example, http://b.example', sent: 'http://a.example', parts: ['whole'] },
    { name: 'empty', acao: '', sent: 'http://a.example', parts: ['whole'] },
    { name: 'userinfo', acao: 'http://u@a.example', sent: 'http://a.example', parts: ['whole'] },
  ])('$name → $parts', ({ acao, sent, parts }) => {
    expect(allowOriginDiffers(acao, sent)).toEqual(parts);
  });
});

describe('crossOriginComponents: why the page and the target are cross-origin', () => {
  it.each([
    { page: 'http://127.0.0.1:4100', target: 'http://127.0.0.1:4101/api', parts: ['port'] },
    { page: 'http://app.example', target: 'https://app.example/x', parts: ['scheme', 'port'] },
    { page: 'https://app.example', target: 'https://api.example', parts: ['host'] },
    { page: 'null', target: 'https://api.example', parts: ['whole'] },
    { page: 'https://app.example', target: 'https://app.example/y', parts: [] },
  ])('$page → $target: $parts', ({ page, target, parts }) => {
    expect(crossOriginComponents(parseOrigin(page), parseOrigin(target))).toEqual(parts);
  });
});

describe('compareOrigins', () => {
  it('builds page, target and ACAO parts with the differing components', () => {
    const c = compareOrigins({ initiator: 'http://localhost:3000', targetUrl: 'http://localhost:8080/api', allowOrigin: 'http://localhost:3000/', originSent: 'http://localhost:3000' });
    expect(c.page?.serialized).toBe('http://localhost:3000');
    expect(c.target.serialized).toBe('http://localhost:8080');
    expect(c.allowOrigin?.raw).toBe('http://localhost:3000/');
    expect(c.allowOriginDiffers).toEqual(['path']);
    expect(c.crossOriginBy).toEqual(['port']);
    expect(c.originSent).toBe('http://localhost:3000');
  });

  it('has no page and no ACAO diff for a browser-initiated request with ACAO *', () => {
    const c = compareOrigins({ initiator: null, targetUrl: 'https://a.example/', allowOrigin: '*', originSent: null });
    expect(c.page).toBeNull();
    expect(c.allowOriginDiffers).toEqual([]);
    expect(c.crossOriginBy).toEqual(['whole']);
  });
});

describe('compareOrigins: the component lists it hands out', () => {
  const origins = ['http://a.example', 'https://a.example', 'http://b.example', 'http://a.example:8080', 'https://b.example:8443', 'null', 'data:,x'];
  it.each(origins.flatMap((page) => origins.map((target) => [page, target] as const)))('%s vs %s lists what crossOriginComponents lists, frozen', (page, target) => {
    const comparison = compareOrigins({ initiator: page, targetUrl: target, allowOrigin: null, originSent: null });
    expect(comparison.crossOriginBy).toEqual(crossOriginComponents(parseOrigin(page), parseOrigin(target)));
    expect(Object.isFrozen(comparison.crossOriginBy)).toBe(true);
    expect(Object.isFrozen(comparison.allowOriginDiffers)).toBe(true);
  });
});
