/** Name tables and prefixes match as asciiLowercase would: only A-Z fold (not the Kelvin sign, not İ). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAsciiNameTable, startsWithAsciiFolded } from '../../../../src/core/request/ascii-name-table';
import { asciiLowercase } from '../../../../src/core/request/byte-strings';

const NAMES = ['cookie', 'origin', 'sec-', 'x-http-method', 'keep-alive', 'te', 'a'];
const name = fc.oneof(
  fc.constantFrom(...NAMES, 'COOKIE', 'Cookie', 'coo\u212Aie', 'Origin', 'ORIGIN ', 'Sec-Fetch-Mode', 'TE', 'Te', 'KEEP-ALIVE', '\u212Aeep-alive', ''),
  fc.string({ unit: fc.constantFrom('a', 'A', 'k', 'K', '\u212A', 'e', 'E', 't', 'T', '-', 'İ', 'i'), maxLength: 10 }),
);

describe('ascii name table', () => {
  const table = createAsciiNameTable(NAMES.map((n, i) => [n, i] as const));

  it('finds exactly the names whose asciiLowercase is in the table', () => {
    fc.assert(fc.property(name, (candidate) => {
      const index = NAMES.indexOf(asciiLowercase(candidate));
      expect(table.get(candidate)).toBe(index < 0 ? undefined : index);
    }), { numRuns: 3000 });
  });

  it('matches prefixes as asciiLowercase(name).startsWith(prefix)', () => {
    fc.assert(fc.property(name, fc.constantFrom('sec-', 'proxy-', 'k', 'te'), (candidate, prefix) => {
      expect(startsWithAsciiFolded(candidate, prefix)).toBe(asciiLowercase(candidate).startsWith(prefix));
    }), { numRuns: 3000 });
  });
});
