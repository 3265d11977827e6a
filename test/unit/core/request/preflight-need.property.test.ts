import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Header } from '../../../../src/core/types';
import { preflightNeed } from '../../../../src/core/request';
import type { PreflightNeed } from '../../../../src/core/request';

/** Header-ish names (real and near-real) plus arbitrary junk. */
const realNames = fc.constantFrom(
  'Accept', 'Accept-Language', 'Content-Language', 'Content-Type', 'Range', 'DPR', 'ECT', 'Save-Data',
  'Intervention', 'Authorization', 'X-Api-Key', 'Cache-Control', 'Pragma', 'Cookie', 'Sec-Fetch-Mode',
  'X-HTTP-Method-Override', 'If-None-Match', 'Priority', 'Proxy-Authorization', 'User-Agent',
);
/** Any UTF-16 code unit, lone surrogates and control bytes included, biased towards the interesting ASCII. */
const anyUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('a', 'Z', '-', ' ', '\t', ',', ';', '=', '/', '*', '"', '@', '\u0000', '\u007f', 'é', 'trace'),
);
const junk = fc.string({ unit: anyUnit, maxLength: 40 });
const header = fc.record({ name: fc.oneof(realNames, junk), value: fc.oneof(junk, fc.string({ unit: anyUnit, maxLength: 300 })) });
/** Names a page can actually send: HTTP tokens. */
const tokenName = fc.string({ unit: fc.constantFrom(...'abcxyzABCXYZ019-_!#$%&\'*+.^`|~'.split('')), minLength: 1, maxLength: 12 });
const method = fc.oneof(fc.constantFrom('GET', 'post', 'PUT', 'patch', 'TRACE', 'OPTIONS'), junk);

function flipAsciiCase(text: string, mask: readonly boolean[]): string {
  return [...text]
    .map((char, i) => {
      if (mask[i % mask.length] !== true) return char;
      if (/^[a-z]$/.test(char)) return char.toUpperCase();
      return /^[A-Z]$/.test(char) ? char.toLowerCase() : char;
    })
    .join('');
}

/** What must not depend on how the page spelled header names (reason texts quote the spelling). */
function outcome(need: PreflightNeed) {
  return { required: need.required, requestHeaders: need.requestHeaders, reasons: need.reasons.map((r) => [r.kind, r.name, r.value]) };
}

describe('preflightNeed properties', () => {
  it('never throws on arbitrary names, values and bytes', () => {
    fc.assert(
      fc.property(method, fc.array(header, { maxLength: 12 }), fc.boolean(), (m, headers, forced) => {
        const need = preflightNeed(m, headers, { forced });
        expect(typeof need.required).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });

  it('header name case never changes the outcome', () => {
    fc.assert(
      fc.property(method, fc.array(header, { maxLength: 10 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (m, headers, mask) => {
        const flipped: Header[] = headers.map(({ name, value }) => ({ name: flipAsciiCase(name, mask), value }));
        expect(outcome(preflightNeed(m, flipped))).toEqual(outcome(preflightNeed(m, headers)));
      }),
      { numRuns: 400 },
    );
  });

  it('for token names, Access-Control-Request-Headers is lowercase, unique, without spaces, and lists exactly the header reasons in order', () => {
    fc.assert(
      fc.property(method, fc.array(fc.record({ name: fc.oneof(realNames, tokenName), value: junk }), { maxLength: 10 }), (m, headers) => {
        const need = preflightNeed(m, headers);
        expect(need.requestHeaders).not.toMatch(/[ \t]/);
        const names = need.requestHeaders === '' ? [] : need.requestHeaders.split(',');
        expect(new Set(names).size).toBe(names.length);
        expect(names.every((n) => !/[A-Z]/.test(n))).toBe(true);
        expect(names).toEqual(need.reasons.filter((r) => r.kind !== 'method' && r.kind !== 'forced').map((r) => r.name));
      }),
      { numRuns: 300 },
    );
  });
});
