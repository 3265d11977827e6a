/**
 * Name tables match as the engine's two comparisons do: `ascii` as asciiLowercase (only A-Z fold),
 * `lowercase` as toLowerCase against lowercase ASCII entries (the Kelvin sign folds to k, İ never matches).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiLowercase } from '../../../../src/core/request/byte-strings';
import { createNameTable, startsWithFolded } from '../../../../src/core/util/name-table';

const NAMES = ['cookie', 'origin', 'sec-', 'x-http-method', 'keep-alive', 'te', 'a', 'kk'];
const name = fc.oneof(
  fc.constantFrom(...NAMES, 'COOKIE', 'Cookie', 'coo\u212Aie', 'Origin', 'ORIGIN ', 'Sec-Fetch-Mode', 'TE', 'Te', 'KEEP-ALIVE', '\u212Aeep-alive', '\u212A\u212A', ''),
  fc.string({ unit: fc.constantFrom('a', 'A', 'k', 'K', '\u212A', 'e', 'E', 't', 'T', '-', 'İ', 'i', 'c', 'o'), maxLength: 10 }),
);

describe('name tables', () => {
  const ascii = createNameTable(NAMES.map((n, i) => [n, i] as const), 'ascii');
  const lowercase = createNameTable(NAMES.map((n, i) => [n, i] as const), 'lowercase');

  it('ascii: finds exactly the names whose asciiLowercase is an entry', () => {
    fc.assert(fc.property(name, (candidate) => {
      const index = NAMES.indexOf(asciiLowercase(candidate));
      expect(ascii.get(candidate)).toBe(index < 0 ? undefined : index);
    }), { numRuns: 3000 });
  });

  it('lowercase: finds exactly the names whose toLowerCase is an entry', () => {
    fc.assert(fc.property(name, (candidate) => {
      const index = NAMES.indexOf(candidate.toLowerCase());
      expect(lowercase.get(candidate)).toBe(index < 0 ? undefined : index);
    }), { numRuns: 3000 });
  });

  it('matches prefixes as startsWith after the same folding', () => {
    fc.assert(fc.property(name, fc.constantFrom('sec-', 'proxy-', 'k', 'te', 'access-control-'), (candidate, prefix) => {
      expect(startsWithFolded(candidate, prefix, 'ascii')).toBe(asciiLowercase(candidate).startsWith(prefix));
      // toLowerCase may lengthen a string (İ), but never into an ASCII prefix: compare the folded prefix only.
      expect(startsWithFolded(candidate, prefix, 'lowercase')).toBe(candidate.toLowerCase().startsWith(prefix));
    }), { numRuns: 3000 });
  });
});
