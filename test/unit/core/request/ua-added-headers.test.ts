import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../../../../src/core/types';
import { cacheModeFromHeaders, corsRequestHeaders, pageSetHeaders } from '../../../../src/core/request';

const h = (name: string, value: string) => ({ name, value });

/** What onSendHeaders (extraHeaders) shows for a fetch() with a JSON body and an API key, after a hard reload. */
const capturedFetch: HeaderList = [
  h('Host', 'api.example'),
  h('Connection', 'keep-alive'),
  h('Pragma', 'no-cache'),
  h('Cache-Control', 'no-cache'),
  h('sec-ch-ua-platform', '"Linux"'),
  h('User-Agent', 'Mozilla/5.0'),
  h('Accept', '*/*'),
  h('Content-Type', 'application/json'),
  h('X-Api-Key', 'k'),
  h('Origin', 'https://app.example'),
  h('Sec-Fetch-Site', 'cross-site'),
  h('Sec-Fetch-Mode', 'cors'),
  h('Referer', 'https://app.example/'),
  h('Accept-Encoding', 'gzip, deflate, br, zstd'),
  h('Accept-Language', 'en-US,en;q=0.9,fr;q=0.8'),
  h('Cookie', 'sid=1'),
  h('Priority', 'u=1, i'),
];

describe('pageSetHeaders: what the page itself set (reference §0)', () => {
  it('keeps only the page’s headers from a realistic capture', () => {
    expect(pageSetHeaders(capturedFetch).map((x) => x.name)).toEqual(['Content-Type', 'X-Api-Key']);
  });

  it.each<[string, HeaderList, string[]]>([
    ['Accept: */* is Chrome’s default', [h('Accept', '*/*')], []],
    ['a page-chosen Accept stays', [h('Accept', 'application/json')], ['Accept']],
    ['a Chrome-shaped Accept-Language is Chrome’s', [h('Accept-Language', 'de-DE,de;q=0.9,en;q=0.8')], []],
    ['a single-language Accept-Language is taken as Chrome’s (indistinguishable)', [h('Accept-Language', 'fr')], []],
    ['an Accept-Language Chrome would never generate is the page’s', [h('Accept-Language', 'fr-CH, fr;q=0.9')], ['Accept-Language']],
    ['Cache-Control and Pragma no-cache together are Chrome bypassing caches', [h('Cache-Control', 'no-cache'), h('Pragma', 'no-cache')], []],
    ['a lone Cache-Control: no-cache is the page’s', [h('Cache-Control', 'no-cache')], ['Cache-Control']],
    ['a lone Pragma: no-cache is the page’s', [h('Pragma', 'no-cache')], ['Pragma']],
    ['Cache-Control: max-age=0 is Chrome revalidating', [h('Cache-Control', 'max-age=0')], []],
    ['If-None-Match is the HTTP cache revalidating', [h('If-None-Match', '"abc"')], []],
    ['If-Modified-Since is the HTTP cache revalidating', [h('If-Modified-Since', 'Wed, 21 Oct 2015 07:28:00 GMT')], []],
    ['If-Match stays the page’s', [h('If-Match', '"abc"')], ['If-Match']],
    ['Priority is Chrome’s', [h('priority', 'u=1, i')], []],
    ['Authorization is the page’s', [h('Authorization', 'Bearer t')], ['Authorization']],
    ['forbidden Content-Length is dropped', [h('Content-Length', '12')], []],
  ])('%s', (_label, headers, names) => {
    expect(pageSetHeaders(headers).map((x) => x.name)).toEqual(names);
  });
});

describe('corsRequestHeaders: what Chromium’s CORS code sees', () => {
  it('keeps Blink’s Accept: */* (added before CORS) but drops network-stack headers', () => {
    expect(corsRequestHeaders(capturedFetch).map((x) => x.name)).toEqual(['Accept', 'Content-Type', 'X-Api-Key']);
  });
});

describe('cacheModeFromHeaders', () => {
  it.each<[string, HeaderList, 'bypass' | 'validate' | null]>([
    ['no-cache pair means bypass', [h('Pragma', 'no-cache'), h('Cache-Control', 'no-cache')], 'bypass'],
    ['max-age=0 means validate', [h('Cache-Control', 'max-age=0')], 'validate'],
    ['nothing means nothing', [h('Accept', '*/*')], null],
    ['a lone page Cache-Control: no-cache reveals nothing', [h('Cache-Control', 'no-cache')], null],
  ])('%s', (_label, headers, expected) => {
    expect(cacheModeFromHeaders(headers)).toBe(expected);
  });
});
