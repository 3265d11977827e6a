import { describe, expect, it } from 'vitest';
import {
  FORBIDDEN_REQUEST_HEADER_NAMES,
  isForbiddenRequestHeader,
  isNeverExposedResponseHeader,
} from '../../../../src/core/request';

describe('forbidden request headers (reference §2.5)', () => {
  it.each(FORBIDDEN_REQUEST_HEADER_NAMES.map((name) => [name]))('%s is forbidden in any case', (name) => {
    expect(isForbiddenRequestHeader(name, 'x')).toBe(true);
    expect(isForbiddenRequestHeader(name.toUpperCase(), 'x')).toBe(true);
  });

  it('lists the spec names plus Chromium’s User-Agent and Access-Control-Request-Private-Network', () => {
    expect(FORBIDDEN_REQUEST_HEADER_NAMES).toEqual(expect.arrayContaining(['user-agent', 'access-control-request-private-network', 'set-cookie', 'dnt']));
  });

  it.each([
    ['Proxy-Authorization (Proxy-* prefix)', 'Proxy-Authorization', 'Basic x', true],
    ['the bare prefix Proxy-', 'Proxy-', '', true],
    ['Sec-Fetch-Mode (Sec-* prefix)', 'Sec-Fetch-Mode', 'cors', true],
    ['sec-ch-ua (client hint, Sec-* prefix)', 'sec-ch-ua', '"Chromium";v="140"', true],
    ['X-HTTP-Method-Override: TRACE', 'X-HTTP-Method-Override', 'TRACE', true],
    ['X-HTTP-Method: Trace (method compared case-insensitively)', 'X-HTTP-Method', 'Trace', true],
    ['X-Method-Override listing GET, track', 'X-Method-Override', 'GET, track', true],
    ['X-HTTP-Method-Override: " connect " (trimmed)', 'x-http-method-override', ' connect ', true],
    ['X-HTTP-Method-Override: PATCH is allowed', 'X-HTTP-Method-Override', 'PATCH', false],
    ['X-HTTP-Method-Override: TRACEROUTE is allowed (whole token only)', 'X-HTTP-Method-Override', 'TRACEROUTE', false],
    ['another header carrying TRACE is allowed', 'X-Other', 'TRACE', false],
    ['Secret (no dash after sec) is allowed', 'Secret', 'x', false],
    ['Proxyish is allowed', 'Proxyish', 'x', false],
    ['Cookies (not exactly Cookie) is allowed', 'Cookies', 'x', false],
    ['Authorization is allowed (and never safelisted)', 'Authorization', 'Bearer t', false],
    ['Accept-Language is allowed', 'Accept-Language', 'en', false],
  ])('%s', (_label, name, value, forbidden) => {
    expect(isForbiddenRequestHeader(name, value)).toBe(forbidden);
  });
});

describe('never-exposed response headers', () => {
  it.each([
    ['Set-Cookie', true],
    ['set-cookie2', true],
    ['Set-Cookie3', false],
    ['Cookie', false],
  ])('%s: %s', (name, expected) => {
    expect(isNeverExposedResponseHeader(name)).toBe(expected);
  });
});
