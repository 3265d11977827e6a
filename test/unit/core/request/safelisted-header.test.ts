/**
 * CORS-safelisted request header vectors (reference §2.3), mined from WPT
 * cors/cors-safelisted-request-header.any.js and fetch/api/cors/resources/not-cors-safelisted.json,
 * plus the Chromium-specific behaviour of services/network/public/cpp/cors/cors.cc.
 */
import { describe, expect, it } from 'vitest';
import { checkSafelistedHeader, isCorsSafelistedRequestHeader } from '../../../../src/core/request';

type Vector = readonly [label: string, value: string, safelisted: boolean];
type NamedVector = readonly [label: string, name: string, value: string, safelisted: boolean];

function expectVector(name: string, value: string, safelisted: boolean): void {
  expect(isCorsSafelistedRequestHeader(name, value), `${name}: ${JSON.stringify(value)}`).toBe(safelisted);
}

describe('Content-Type (WPT cors-safelisted-request-header vectors)', () => {
  it.each<Vector>([
    ['text/plain is safelisted', 'text/plain', true],
    ['text/plain; (empty parameter) needs no preflight', 'text/plain;', true],
    ['text/plain;garbage needs no preflight', 'text/plain;garbage', true],
    ['multipart/form-data needs no preflight', 'multipart/form-data', true],
    ['multipart/form-data with a boundary', 'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk', true],
    ['application/x-www-form-urlencoded;charset=UTF-8 (URLSearchParams body)', 'application/x-www-form-urlencoded;charset=UTF-8', true],
    ['text/plain;charset=UTF-8 (string body)', 'text/plain;charset=UTF-8', true],
    ['uppercase TEXT/PLAIN', 'TEXT/PLAIN', true],
    ['surrounding spaces are trimmed', '  text/plain  ', true],
    ['a tab before ; is trimmed', 'text/plain\t;charset=x', true],
    ['text /plain needs a preflight', 'text /plain', false],
    ['text\\t/\\tplain needs a preflight', 'text\t/\tplain', false],
    ['text/ plain needs a preflight', 'text/ plain', false],
    ['control bytes in a parameter need a preflight', 'text/plain;garbage\u0001\u0002', false],
    ['text/plain, needs a preflight', 'text/plain,', false],
    [',text/plain needs a preflight', ',text/plain', false],
    ['text/plain,text/plain needs a preflight', 'text/plain,text/plain', false],
    ['text/plain,x/x needs a preflight', 'text/plain,x/x', false],
    ['vertical tab \\v needs a preflight', 'text/plain\u000B', false],
    ['form feed \\f needs a preflight', 'text/plain\u000C', false],
    ['DEL in a parameter needs a preflight', 'application/x-www-form-urlencoded;\u007F', false],
    ['a lone quote in a parameter needs a preflight', 'multipart/form-data;"', false],
    ['application/www-form-urlencoded (missing x-) needs a preflight', 'application/www-form-urlencoded', false],
    ['application/json; charset=utf-8 needs a preflight', 'application/json; charset=utf-8', false],
    ['text/html needs a preflight (not-cors-safelisted.json)', 'text/html', false],
    ['a 129+ byte parameter needs a preflight (not-cors-safelisted.json)', `text/plain; long=${'0123456789'.repeat(12)}`, false],
    ['an empty value needs a preflight', '', false],
    ['a type without subtype needs a preflight', 'text', false],
    ['text/ with an empty subtype needs a preflight', 'text/', false],
    ['a third path segment needs a preflight', 'text/plain/x', false],
    ['a NUL byte in front needs a preflight', '\u0000text/plain', false],
  ])('%s', (_name, value, safelisted) => expectVector('Content-Type', value, safelisted));

  it('names the essence and the three allowed types in the reason', () => {
    expect(checkSafelistedHeader('Content-Type', 'application/json; charset=utf-8')).toEqual({
      safelisted: false,
      kind: 'header-value',
      text: 'Content-Type application/json is not one of the three types a simple request may use (application/x-www-form-urlencoded, multipart/form-data, text/plain)',
    });
  });

  it('shows an unsafe byte escaped, never raw', () => {
    const verdict = checkSafelistedHeader('content-type', 'text/plain;\u0001');
    expect(verdict.safelisted ? '' : verdict.text).toBe("content-type 'text/plain;\\x01' contains the byte 0x01, which a simple request may not carry in content-type");
  });
});

describe('Range (reference §2.3 vectors, Chromium ParseRangeHeader)', () => {
  it.each<Vector>([
    ['bytes=100-200 is safelisted', 'bytes=100-200', true],
    ['bytes=200- (open end) is safelisted', 'bytes=200-', true],
    ['bytes=0-0 is safelisted', 'bytes=0-0', true],
    ['Bytes=0-1 passes in Chromium, which lowercases first', 'Bytes=0-1', true],
    ['the largest 64-bit start passes', 'bytes=9223372036854775807-', true],
    ['Chromium quirk: a leading + is accepted by StringToInt64', 'bytes=+1-2', true],
    ['Chromium quirk: an END of -1 reads as "unspecified"', 'bytes=5--1', true],
    ['bytes=-200 (suffix range) needs a preflight', 'bytes=-200', false],
    ['bytes=200-100 (START > END) needs a preflight', 'bytes=200-100', false],
    ['bytes=0-1,2-3 (two ranges) needs a preflight', 'bytes=0-1,2-3', false],
    ['a trailing comma needs a preflight', 'bytes=0-1,', false],
    ['a space after = needs a preflight', 'bytes= 100-200', false],
    ['a space before - needs a preflight', 'bytes=100 -200', false],
    ['a trailing tab needs a preflight', 'bytes=100-200\t', false],
    ['bytes 0- (no =) needs a preflight (not-cors-safelisted.json)', 'bytes 0-', false],
    ['100-200 without a unit needs a preflight', '100-200', false],
    ['MB=100-200 (another unit) needs a preflight', 'MB=100-200', false],
    ['bytes= with nothing after needs a preflight', 'bytes=', false],
    ['bytes=5 without - needs a preflight', 'bytes=5', false],
    ['letters as START need a preflight', 'bytes=abc-', false],
    ['a decimal END needs a preflight', 'bytes=1-2.5', false],
    ['a START beyond 2^63-1 is too large for an integer', 'bytes=9223372036854775808-', false],
    ['an END beyond 2^63-1 is too large for an integer', 'bytes=0-9223372036854775808', false],
    ['END -2 is less than START', 'bytes=5--2', false],
  ])('%s', (_name, value, safelisted) => expectVector('Range', value, safelisted));

  it('explains a suffix range in the brief’s words', () => {
    const verdict = checkSafelistedHeader('Range', 'bytes=-200');
    expect(verdict.safelisted ? '' : verdict.text).toMatch(/^Range 'bytes=-200' is not a single 'bytes=START-END' range/);
  });
});

describe('Accept: no CORS-unsafe byte', () => {
  it.each<Vector>([
    ['*/* is safelisted', '*/*', true],
    ['a typical browser list is safelisted', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['a tab is not unsafe', 'a\tb', true],
    ['non-ASCII is not unsafe (bytes ≥ 0x80)', 'application/vnd.é', true],
    ['a double quote is unsafe (not-cors-safelisted.json)', '"', false],
    ['( is unsafe', 'a(b', false],
    [') is unsafe', 'a)b', false],
    [': is unsafe', 'a:b', false],
    ['< is unsafe', '<', false],
    ['> is unsafe', '>', false],
    ['? is unsafe', '?', false],
    ['@ is unsafe', '@', false],
    ['[ is unsafe', '[', false],
    ['\\ is unsafe', '\\', false],
    ['] is unsafe', ']', false],
    ['{ is unsafe', '{', false],
    ['} is unsafe', '}', false],
    ['DEL is unsafe', '\u007f', false],
    ['NUL is unsafe', '\u0000', false],
    ['0x1F is unsafe', 'a\u001fb', false],
  ])('%s', (_name, value, safelisted) => expectVector('Accept', value, safelisted));
});

describe('the 128-byte value limit (bytes in UTF-8)', () => {
  it.each<Vector>([
    ['128 ASCII bytes pass', 'a'.repeat(128), true],
    ['129 ASCII bytes fail', 'a'.repeat(129), false],
    ['64 é are 128 bytes and pass', 'é'.repeat(64), true],
    ['65 é are 130 bytes (65 characters) and fail', 'é'.repeat(65), false],
    ['a 141-digit Accept fails (not-cors-safelisted.json)', '0123456789'.repeat(14) + '0', false],
  ])('%s', (_name, value, safelisted) => expectVector('Accept', value, safelisted));

  it('applies to Intervention too, whose value is otherwise free', () => {
    expectVector('Intervention', 'x'.repeat(129), false);
  });

  it('says how long the value is', () => {
    const verdict = checkSafelistedHeader('Accept', 'a'.repeat(140));
    expect(verdict).toMatchObject({ kind: 'header-value', text: 'Accept is 140 bytes long; a simple request allows at most 128 bytes per header value' });
  });
});

describe('Accept-Language and Content-Language', () => {
  it.each<NamedVector>([
    ['Accept-Language en-US,en;q=0.9', 'Accept-Language', 'en-US,en;q=0.9', true],
    ['Accept-Language * ', 'Accept-Language', '*', true],
    ['Content-Language de-DE, fr', 'Content-Language', 'de-DE, fr', true],
    ['Accept-Language \\x01 (not-cors-safelisted.json)', 'Accept-Language', '\u0001', false],
    ['Accept-Language @ (not-cors-safelisted.json)', 'Accept-Language', '@', false],
    ['Content-Language \\x01 (not-cors-safelisted.json)', 'Content-Language', '\u0001', false],
    ['Content-Language @ (not-cors-safelisted.json)', 'Content-Language', '@', false],
    ['an underscore is not allowed', 'Accept-Language', 'en_US', false],
    ['a slash is not allowed', 'Content-Language', 'en/US', false],
    ['a tab is not allowed (only space)', 'Accept-Language', 'en\tfr', false],
    ['non-ASCII is not allowed', 'Content-Language', 'français', false],
  ])('%s', (_label, name, value, safelisted) => expectVector(name, value, safelisted));
});

describe("Chromium's extra safelisted names (well-formed values only)", () => {
  it.each<NamedVector>([
    ['DPR 2', 'DPR', '2', true],
    ['DPR 1.5', 'dpr', '1.5', true],
    ['DPR 1. (no digit after the dot)', 'DPR', '1.', false],
    ['DPR .5 (no digit before the dot)', 'DPR', '.5', false],
    ['DPR empty', 'DPR', '', false],
    ['DPR 2x', 'DPR', '2x', false],
    ['DPR 1.2.3', 'DPR', '1.2.3', false],
    ['Device-Memory 0.5', 'Device-Memory', '0.5', true],
    ['Downlink 10.25', 'Downlink', '10.25', true],
    ['Width 1280', 'Width', '1280', true],
    ['Width 12.5 (integer only)', 'Width', '12.5', false],
    ['Viewport-Width empty', 'Viewport-Width', '', false],
    ['RTT 150', 'RTT', '150', true],
    ['RTT -1', 'RTT', '-1', false],
    ['ECT 4g', 'ECT', '4g', true],
    ['ECT slow-2g', 'ECT', 'slow-2g', true],
    ['ECT 4G (case-sensitive)', 'ECT', '4G', false],
    ['ECT 5g', 'ECT', '5g', false],
    ['Save-Data on', 'Save-Data', 'on', true],
    ['Save-Data ON (case-insensitive)', 'Save-Data', 'ON', true],
    ['Save-Data off', 'Save-Data', 'off', false],
    ['Intervention with any bytes', 'Intervention', '<https://www.chromestatus.com/feature/1>; level="warning"', true],
  ])('%s', (_label, name, value, safelisted) => expectVector(name, value, safelisted));
});

describe('names that are never safelisted', () => {
  it.each([
    ['Authorization (not-cors-safelisted.json)', 'authorization', 'basics'],
    ['test (not-cors-safelisted.json)', 'test', 'hi'],
    ['X-Api-Key', 'X-Api-Key', 'k'],
    ['Cache-Control set by the page', 'Cache-Control', 'no-cache'],
    ['Content-Encoding', 'Content-Encoding', 'gzip'],
  ])('%s', (_label, name, value) => {
    expect(checkSafelistedHeader(name, value)).toEqual({ safelisted: false, kind: 'header', text: `${name} is not a header a simple request may carry` });
  });

  it('matches names case-insensitively', () => {
    expectVector('CONTENT-TYPE', 'text/plain', true);
  });
});
