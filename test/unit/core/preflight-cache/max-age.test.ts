import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMaxAge } from '../../../../src/core/preflight-cache';
import { computeMaxAge } from '../../../../src/core/preflight-cache/max-age';
import type { MaxAge } from '../../../../src/core/preflight-cache';

describe('Access-Control-Max-Age, Chromium column of reference §4.6', () => {
  it.each<[string, string | null, MaxAge]>([
    ['absent → 5 s', null, { seconds: 5, source: 'default' }],
    ['600 → 600 s', '600', { seconds: 600, source: 'parsed' }],
    ['0 → 0 s (stored, never reused)', '0', { seconds: 0, source: 'parsed' }],
    ['-0 is zero, not negative', '-0', { seconds: 0, source: 'parsed' }],
    ['leading zeros are fine', '00600', { seconds: 600, source: 'parsed' }],
    ['a leading + is accepted by StringToInt64', '+600', { seconds: 600, source: 'parsed' }],
    ['surrounding spaces are trimmed like any header value', ' 600\t', { seconds: 600, source: 'parsed' }],
    ['7200 exactly is kept', '7200', { seconds: 7200, source: 'parsed' }],
    ['7201 is capped at 2 hours', '7201', { seconds: 7200, source: 'capped' }],
    ['Firefox’s 86400 is capped at 2 hours in Chrome', '86400', { seconds: 7200, source: 'capped' }],
    ['the largest 64-bit value is capped', '9223372036854775807', { seconds: 7200, source: 'capped' }],
    ['-1 → 0 s, not reusable', '-1', { seconds: 0, source: 'negative' }],
    ['the smallest 64-bit value is negative', '-9223372036854775808', { seconds: 0, source: 'negative' }],
    ['empty → 5 s', '', { seconds: 5, source: 'invalid' }],
    ['a word → 5 s', 'abc', { seconds: 5, source: 'invalid' }],
    ['a decimal → 5 s', '1.5', { seconds: 5, source: 'invalid' }],
    ['a unit → 5 s', '600s', { seconds: 5, source: 'invalid' }],
    ['an exponent → 5 s', '1e3', { seconds: 5, source: 'invalid' }],
    ['hex → 5 s', '0x10', { seconds: 5, source: 'invalid' }],
    ['inner whitespace → 5 s', '6 00', { seconds: 5, source: 'invalid' }],
    ['two lines combined → 5 s', '600, 600', { seconds: 5, source: 'invalid' }],
    ['beyond 64 bits → 5 s, not the cap', '99999999999999999999', { seconds: 5, source: 'invalid' }],
    ['beyond 64 bits negative → 5 s, not 0', '-99999999999999999999', { seconds: 5, source: 'invalid' }],
    ['full-width digits → 5 s', '６００', { seconds: 5, source: 'invalid' }],
    ['a bare sign → 5 s', '-', { seconds: 5, source: 'invalid' }],
  ])('%s', (_label, value, expected) => {
    expect(parseMaxAge(value)).toEqual(expected);
  });
});

describe('parseMaxAge remembers values by content', () => {
  it('answers what reading the value afresh answers, the first time and after', () => {
    fc.assert(fc.property(
      fc.oneof(fc.constantFrom('600', ' 600\t', '-1', '7201', 'abc', '', '1e3', '9223372036854775808', '+5'), fc.string({ maxLength: 12 }), fc.integer().map(String)),
      (value) => {
        const fresh = computeMaxAge(value);
        expect(parseMaxAge(value)).toEqual(fresh);
        expect(parseMaxAge(value)).toEqual(fresh);
      },
    ), { numRuns: 2000 });
  });
});
