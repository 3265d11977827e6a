/**
 * isCrossOrigin reads the usual canonical URLs in place instead of through originOf: it must give
 * originOf's answer on every URL, odd ones included (case, userinfo, default ports, no authority).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrossOrigin, isHttpUrl, originOf } from '../../../../src/core/model';

const scheme = fc.constantFrom('http', 'https', 'HTTPS', 'Http', 'ws', 'wss', 'ftp', 'data', 'blob', 'a+b.c-d', '1x', '');
const separator = fc.constantFrom('://', ':', ':/', '//', '');
const userinfo = fc.constantFrom('', 'user@', 'u:p@', 'a@b@', '@');
const host = fc.constantFrom('a.example', 'A.Example', 'b.example', '127.0.0.1', 'localhost', 'xn--bcher-kva.example', 'ü.example', '');
const port = fc.constantFrom('', ':80', ':443', ':21', ':8080', ':080', ':4430', ':', ':x');
const rest = fc.constantFrom('', '/', '/p?q#f', '?q', '#f', '/a://b', '/@x', '/A');

const url = fc.tuple(scheme, separator, userinfo, host, port, rest).map((parts) => parts.join(''));
const initiator = fc.oneof(
  url,
  fc.constantFrom('null', 'https://a.example', 'http://127.0.0.1:44499', 'http://localhost', 'https://a.example:443', 'HTTPS://A.EXAMPLE'),
);

describe('isCrossOrigin', () => {
  it('answers as comparing originOf(url) with the initiator does', () => {
    fc.assert(fc.property(initiator, url, (from, to) => {
      expect(isCrossOrigin(from, to)).toBe(originOf(to) !== from);
    }), { numRuns: 5000 });
  });

  it('tells the usual cases', () => {
    expect(isCrossOrigin('https://a.example', 'https://a.example/p')).toBe(false);
    expect(isCrossOrigin('https://a.example', 'https://a.example')).toBe(false);
    expect(isCrossOrigin('https://a.example', 'https://a.example:443/p')).toBe(false);
    expect(isCrossOrigin('https://a.example', 'HTTPS://A.EXAMPLE/p')).toBe(false);
    expect(isCrossOrigin('https://a.example', 'https://user@a.example/p')).toBe(false);
    expect(isCrossOrigin('https://a.example', 'https://a.example.evil/p')).toBe(true);
    expect(isCrossOrigin('https://a.example', 'http://a.example/p')).toBe(true);
    expect(isCrossOrigin('https://a.example:443', 'https://a.example:443/p')).toBe(true);
    expect(isCrossOrigin('null', 'https://a.example/p')).toBe(true);
    expect(isCrossOrigin('http://', 'http:///p')).toBe(true); // no host: no origin
  });
});

describe('isHttpUrl', () => {
  it('answers as the regular expression for http:// or https:// in any case does', () => {
    const start = fc.constantFrom('http', 'HTTP', 'hTtPs', 'https', 'httpss', 'htp', 'ftp', 'h\u0130tp', 'http\u017F', 'HTTP\u0000', '');
    const next = fc.constantFrom('://', ':/', '//', ':', '', '://x', 's://');
    fc.assert(fc.property(start, next, fc.string({ maxLength: 3 }), (a, b, c) => {
      const url = a + b + c;
      expect(isHttpUrl(url)).toBe(/^https?:\/\//i.test(url));
    }), { numRuns: 3000 });
  });
});
