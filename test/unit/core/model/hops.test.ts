/**
 * headerValue compares names without lowercasing copies (it runs several times per preflight):
 * the same answers as comparing `name.toLowerCase()`, Unicode case mappings included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerValue } from '../../../../src/core/model/hops';
import type { Header } from '../../../../src/core/types';

function headerValueByLowercasing(headers: readonly Header[], name: string): string | null {
  const lower = name.toLowerCase();
  const values = headers.filter((h) => h.name.length === lower.length && h.name.toLowerCase() === lower).map((h) => h.value);
  return values.length === 0 ? null : values.join(', ');
}

const names = fc.constantFrom('Access-Control-Max-Age', 'access-control-max-age', 'ACCESS-CONTROL-MAX-AGE', 'Location', 'LOCATION',
  'locatio\u212A', '\u212Aeep', 'keep', 'Access-Control-Request-Method', 'X-Token', 'İd', 'id', 'ID', '');

describe('headerValue', () => {
  it('finds every line of a name in any ASCII case and combines them in order', () => {
    const headers: Header[] = [{ name: 'Location', value: '/a' }, { name: 'X', value: '1' }, { name: 'LOCATION', value: '/b' }];
    expect(headerValue(headers, 'location')).toBe('/a, /b');
    expect(headerValue(headers, 'Location')).toBe('/a, /b');
    expect(headerValue(headers, 'y')).toBeNull();
    expect(headerValue(null, 'location')).toBeNull();
  });

  it('answers as comparing lowercased copies, on any names', () => {
    const header = fc.record({ name: fc.oneof(names, fc.string({ maxLength: 6 })), value: fc.string({ maxLength: 3 }) });
    fc.assert(fc.property(fc.array(header, { maxLength: 8 }), fc.oneof(names, fc.string({ maxLength: 6 })), (headers, name) => {
      expect(headerValue(headers, name)).toBe(headerValueByLowercasing(headers, name));
    }), { numRuns: 2000 });
  });
});
