/**
 * Token lists and Access-Control-Request-Headers names are remembered by value (servers and pages
 * repeat them); the remembered answers must be exactly what parsing afresh gives, the first time
 * and every time after.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestHeaderNamesOf, splitRequestHeaders } from '../../../../src/core/cors/hop-preflight';
import { isSharedCacheable, sharedCacheableValue } from '../../../../src/core/cors/findings';
import { parseTokenList, tokenListOf } from '../../../../src/core/cors/http-syntax';

/** Values shaped like real lists, with the odd bytes that make a list invalid. */
const listValue = fc.oneof(
  fc.constantFrom('GET, PUT', 'PUT,patch', '*', ' *, Authorization ', 'X-Custom,,x-custom', ',GET', 'bad value', '"x"', '', ' ', 'a\tb', 'K\u212Aelvin'),
  fc.array(fc.constantFrom('GET', 'put', 'X-Api-Key', '*', ' ', ',', ', ', '\t', '@', 'é', 'Content-Type'), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 20 }),
);

describe('tokenListOf', () => {
  it('answers what parseTokenList answers, as written and lowercased, asked once or again', () => {
    fc.assert(fc.property(listValue, fc.boolean(), (value, lowercase) => {
      const fresh = parseTokenList(value, lowercase);
      expect(tokenListOf(value, lowercase)).toEqual(fresh);
      expect(tokenListOf(value, lowercase)).toEqual(fresh);
      expect(tokenListOf(value, !lowercase)).toEqual(parseTokenList(value, !lowercase));
    }), { numRuns: 3000 });
  });

  it('hands out lists nobody can change', () => {
    const list = tokenListOf('GET, PUT', false);
    expect(Object.isFrozen(list)).toBe(true);
    expect(list).toEqual(['GET', 'PUT']);
  });
});

describe('requestHeaderNamesOf', () => {
  it('answers what splitRequestHeaders answers, asked once or again', () => {
    fc.assert(fc.property(listValue, (value) => {
      const fresh = splitRequestHeaders(value);
      expect(requestHeaderNamesOf(value)).toEqual(fresh);
      expect(requestHeaderNamesOf(value)).toEqual(fresh);
    }), { numRuns: 3000 });
  });
});

describe('isSharedCacheable', () => {
  it('answers what reading the Cache-Control value afresh answers, asked once or again', () => {
    const value = fc.oneof(
      fc.constantFrom('no-store', 'public, max-age=60', 'max-age=0', 'private, max-age=600', 'S-MAXAGE=10', 'max-age=1', 'no-cache', 'Public'),
      fc.array(fc.constantFrom('public', 'private', 'no-store', 'max-age=0', 'max-age=9', 's-maxage=1', ',', ' ', '=', 'x'), { maxLength: 5 }).map((p) => p.join('')),
      fc.string({ maxLength: 16 }),
    );
    fc.assert(fc.property(value, (cacheControl) => {
      const fresh = sharedCacheableValue(cacheControl);
      expect(isSharedCacheable(cacheControl)).toBe(fresh);
      expect(isSharedCacheable(cacheControl)).toBe(fresh);
    }), { numRuns: 2000 });
    expect(isSharedCacheable(null)).toBe(false);
  });
});
