/** isHeaderNamed(name, lower) answers exactly `name.toLowerCase() === lower`, without allocating. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHeaderNamed } from '../../../../src/core/cors/header-name';

describe('isHeaderNamed', () => {
  it.each([
    ['Access-Control-Allow-Origin', 'access-control-allow-origin', true],
    ['ORIGIN', 'origin', true],
    ['origin', 'origin', true],
    ['Origin ', 'origin', false],
    ['Orígin', 'origin', false],
    ['\u212Aeep-Alive', 'keep-alive', true], // the Kelvin sign lowercases to an ASCII k
    ['\u0130x', 'i\u0307x', true], // İ lowercases to two characters: only a non-ASCII query can match it
    ['\u0130x', 'ix', false],
    ['Vary', 'varY', false],
  ])('%j vs %j → %s', (name, lower, expected) => {
    expect(isHeaderNamed(name, lower)).toBe(expected);
    expect(isHeaderNamed(name, lower)).toBe(name.toLowerCase() === lower);
  });

  it('agrees with toLowerCase on any names against lowercase queries', () => {
    const letters = fc.constantFrom('a', 'K', 'k', '\u212A', 'i', 'I', '\u0130', '-', 'é', 'É', 'ß', 'x');
    fc.assert(fc.property(fc.string({ unit: letters, maxLength: 6 }), fc.string({ unit: letters, maxLength: 6 }), (name, other) => {
      for (const lower of [name.toLowerCase(), other.toLowerCase(), 'keep-alive']) {
        expect(isHeaderNamed(name, lower)).toBe(name.toLowerCase() === lower);
      }
    }), { numRuns: 2000 });
  });
});
