/**
 * HeaderIndex answers exactly what a scan of the list answers: names matched as toLowerCase would
 * match them, values trimmed of spaces and tabs, duplicate lines joined with `, `.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeaderIndex, headerIndexOf, withHeaderScope } from '../../../../src/core/cors/header-index';
import { KNOWN_HEADER_NAMES, firstLineOf, knownHeaderId } from '../../../../src/core/cors/known-headers';
import type { Header } from '../../../../src/core/types';

function scanned(headers: readonly Header[], lower: string): string | null {
  const values = headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value.replace(/^[ \t]+|[ \t]+$/g, ''));
  return values.length === 0 ? null : values.join(', ');
}

function firstScanned(headers: readonly Header[], lower: string): string | null {
  const found = headers.find((h) => h.name.toLowerCase() === lower);
  return found === undefined ? null : found.value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Known names in odd spellings, near misses, and names that only fold to a known one through Unicode. */
const spellings = fc.oneof(
  fc.constantFrom(...KNOWN_HEADER_NAMES),
  fc.constantFrom(...KNOWN_HEADER_NAMES).chain((name) => fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((flips) => [...name].map((c, i) => (flips[i] === true ? c.toUpperCase() : c)).join(''))),
  fc.constantFrom('Vary', 'VARY', 'Cache-Control', 'Sec-Fetch-Site', 'Sec-Fetch-Dest', 'Access-Control-Request-Method', 'Set-Cookie2',
    'Coo\u212Aie', 'Origin ', ' Origin', 'Orıgin', 'Locat\u0130on', 'X-Custom', 'Date', '', 'access-control-allow-origin\u0000'),
  fc.string({ maxLength: 12 }),
);
const header = fc.record({ name: spellings, value: fc.oneof(fc.constantFrom('', ' a ', '\tb', '*', 'x, y'), fc.string({ maxLength: 8 })) });
const asked = fc.oneof(fc.constantFrom(...KNOWN_HEADER_NAMES), fc.constantFrom('x-custom', 'date', 'set-cookie2', 'coo\u212Aie', 'i\u0307x', ''));

describe('knownHeaderId', () => {
  it('numbers exactly the names whose toLowerCase is a known name', () => {
    fc.assert(fc.property(spellings, (name) => {
      const id = knownHeaderId(name);
      expect(id).toBe(KNOWN_HEADER_NAMES.indexOf(name.toLowerCase() as (typeof KNOWN_HEADER_NAMES)[number]));
    }), { numRuns: 5000 });
  });
});

describe('HeaderIndex', () => {
  it('get, has, firstOf and count agree with a plain scan', () => {
    fc.assert(fc.property(fc.array(header, { maxLength: 10 }), fc.array(asked, { minLength: 1, maxLength: 6 }), (headers, names) => {
      const index = new HeaderIndex(headers);
      for (const name of names) {
        expect(index.get(name)).toBe(scanned(headers, name));
        expect(index.has(name)).toBe(scanned(headers, name) !== null);
        expect(index.count(name)).toBe(headers.filter((h) => h.name.toLowerCase() === name).length);
        const id = (KNOWN_HEADER_NAMES as readonly string[]).indexOf(name);
        if (id >= 0) {
          expect(index.valueOf(id)).toBe(scanned(headers, name));
          expect(index.firstOf(id)).toBe(firstScanned(headers, name));
          expect(index.countOf(id)).toBe(index.count(name));
          expect(firstLineOf(headers, id)).toBe(firstScanned(headers, name));
        }
      }
      expect([...index.names()]).toEqual([...new Set(headers.map((h) => h.name.toLowerCase()))]);
    }), { numRuns: 2000 });
  });

  it('gives one index per list within a scope, a fresh one outside, and forgets lists when the scope closes', () => {
    const list: Header[] = [{ name: 'Vary', value: 'Origin' }];
    const other: Header[] = [{ name: 'Vary', value: 'Origin' }];
    expect(headerIndexOf(list)).not.toBe(headerIndexOf(list));
    const inner = withHeaderScope(() => {
      const index = headerIndexOf(list);
      expect(headerIndexOf(list)).toBe(index);
      expect(headerIndexOf(other)).not.toBe(index);
      // A nested scope sees only its own lists.
      withHeaderScope(() => expect(headerIndexOf(list)).not.toBe(index));
      expect(headerIndexOf(list)).toBe(index);
      return index;
    });
    withHeaderScope(() => expect(headerIndexOf(list)).not.toBe(inner));
  });
});
