import { describe, expect, it } from 'vitest';
import { HeaderIndex, isExposed, parseExposeHeaders, unexposedHeaderNames } from '../../../../src/core/cors/index';
import { headers } from './tx-builder';

describe('Access-Control-Expose-Headers parsing (reference §6, WPT access-control-expose-headers.json)', () => {
  it.each([
    { lines: ['BB-8'], exposed: true },
    { lines: ['bb-8'], exposed: true },
    { lines: [',bb-8'], exposed: true },
    { lines: ['bb-8,'], exposed: true },
    { lines: ['no, bb-8'], exposed: true },
    { lines: ['no', 'bb-8'], exposed: true },
    { lines: ['bb-8,,@#$'], exposed: false },
    { lines: ['bb-8, no no'], exposed: false },
    { lines: ['"bb-8",bb-8'], exposed: false },
    { lines: ['bb-8', 'no no'], exposed: false },
    { lines: ['bb-8\u000b'], exposed: true },
  ])('$lines exposes bb-8: $exposed', ({ lines, exposed }) => {
    const index = new HeaderIndex(headers(lines.map((v) => ['Access-Control-Expose-Headers', v] as const)));
    expect(isExposed('bb-8', parseExposeHeaders(index.get('access-control-expose-headers'), false))).toBe(exposed);
  });

  it.each([
    { name: '* exposes everything without credentials', value: '*', include: false, header: 'x-total', exposed: true },
    { name: '* with credentials matches only a header named *', value: '*', include: true, header: 'x-total', exposed: false },
    { name: 'Set-Cookie is never exposed, even by *', value: '*', include: false, header: 'set-cookie', exposed: false },
    { name: 'Set-Cookie is never exposed, even by name', value: 'Set-Cookie', include: false, header: 'set-cookie', exposed: false },
    { name: 'safelisted response headers need no listing', value: null, include: true, header: 'content-type', exposed: true },
    { name: 'an invalid list still leaves the safelist', value: 'a b', include: false, header: 'content-length', exposed: true },
  ])('$name', ({ value, include, header, exposed }) => {
    expect(isExposed(header, parseExposeHeaders(value, include))).toBe(exposed);
  });
});

describe('unexposedHeaderNames', () => {
  it('lists present headers script cannot read, sorted, without Set-Cookie and Access-Control-*', () => {
    const index = new HeaderIndex(headers([
      ['X-Total-Count', '3'], ['Content-Type', 'application/json'], ['ETag', '"x"'], ['Set-Cookie', 'a=b'],
      ['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', 'etag'], ['X-Request-Id', '7'],
    ]));
    expect(unexposedHeaderNames(index, false)).toEqual(['x-request-id', 'x-total-count']);
  });
});
