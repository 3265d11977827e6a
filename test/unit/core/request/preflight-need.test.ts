import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../../../../src/core/types';
import { preflightNeed } from '../../../../src/core/request';

const h = (name: string, value: string) => ({ name, value });

describe('preflightNeed: required or not', () => {
  it.each<[string, string, HeaderList, boolean, string]>([
    ['a bare GET is simple', 'GET', [], false, ''],
    ['a POST with a string body (text/plain;charset=UTF-8) is simple', 'POST', [h('Content-Type', 'text/plain;charset=UTF-8')], false, ''],
    ['a POST with FormData is simple', 'POST', [h('Content-Type', 'multipart/form-data; boundary=----x')], false, ''],
    ['lowercase post is normalized and simple', 'post', [], false, ''],
    ['HEAD with a safe Range is simple', 'HEAD', [h('Range', 'bytes=0-99')], false, ''],
    ['PUT needs a preflight without any header', 'PUT', [], true, ''],
    ['DELETE with Authorization lists authorization', 'DELETE', [h('Authorization', 'Bearer t')], true, 'authorization'],
    ['a JSON POST lists content-type', 'POST', [h('Content-Type', 'application/json')], true, 'content-type'],
    ['a Blob body typed application/json lists content-type', 'POST', [h('Content-Type', 'application/json')], true, 'content-type'],
    ['DPR: 2 is simple in Chrome (it is not in Firefox)', 'GET', [h('DPR', '2')], false, ''],
    ['Chrome’s own headers never cause a preflight', 'GET', [h('Priority', 'u=1'), h('Cache-Control', 'no-cache'), h('Pragma', 'no-cache'), h('Sec-Fetch-Mode', 'cors')], false, ''],
    ['a page-set Cache-Control alone does cause one', 'GET', [h('Cache-Control', 'no-cache')], true, 'cache-control'],
  ])('%s', (_label, method, headers, required, requestHeaders) => {
    expect(preflightNeed(method, headers)).toMatchObject({ required, requestHeaders });
  });
});

describe('preflightNeed: reasons in plain words', () => {
  it('a method outside GET, HEAD, POST', () => {
    expect(preflightNeed('PUT', []).reasons).toEqual([{ kind: 'method', name: 'PUT', text: 'PUT is not one of GET, HEAD, POST' }]);
  });

  it('a lowercase method the browser does not uppercase explains case-sensitivity', () => {
    const [reason] = preflightNeed('patch', []).reasons;
    expect(reason).toMatchObject({ kind: 'method', name: 'patch' });
    expect(reason?.text).toBe(
      'patch is not one of GET, HEAD, POST (methods are case-sensitive: the browser uppercases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so patch is sent as written)',
    );
  });

  it('a forbidden method says the browser will not send it', () => {
    expect(preflightNeed('trace', []).reasons[0]?.text).toContain('forbidden method');
  });

  it('a Content-Type outside the three types', () => {
    expect(preflightNeed('POST', [h('Content-Type', 'application/json')]).reasons).toEqual([
      {
        kind: 'header-value',
        name: 'content-type',
        value: 'application/json',
        text: 'Content-Type application/json is not one of the three types a simple request may use (application/x-www-form-urlencoded, multipart/form-data, text/plain)',
      },
    ]);
  });

  it('a header that is never simple', () => {
    expect(preflightNeed('GET', [h('X-Api-Key', 'k')]).reasons).toEqual([
      { kind: 'header', name: 'x-api-key', value: 'k', text: 'X-Api-Key is not a header a simple request may carry' },
    ]);
  });

  it('a Range that is not a single START-END range', () => {
    expect(preflightNeed('GET', [h('Range', 'bytes=-200')]).reasons[0]?.text).toBe(
      "Range 'bytes=-200' is not a single 'bytes=START-END' range: a suffix range ('-LENGTH', the last bytes) needs a preflight",
    );
  });

  it('the 1024-byte rule names each safelisted header it turns unsafe', () => {
    const big = (name: string) => h(name, 'a'.repeat(128));
    const headers = ['Accept', 'Accept-Language', 'Content-Language', 'Intervention'].map(big).concat(
      ['Width', 'Viewport-Width', 'RTT', 'Device-Memory'].map((name) => h(name, '1'.repeat(128))),
      [h('DPR', '1')],
    );
    const need = preflightNeed('GET', headers);
    expect(need.required).toBe(true);
    expect(need.reasons.every((r) => r.kind === 'too-many-safelisted-bytes')).toBe(true);
    expect(need.reasons[0]?.text).toBe(
      'Accept counts as non-simple: the values of the headers a simple request may carry add up to 1025 bytes, more than the 1024 bytes allowed',
    );
    expect(need.requestHeaders).toBe('accept,accept-language,content-language,device-memory,dpr,intervention,rtt,viewport-width,width');
  });

  it('Blink’s Accept: */* counts towards the 1024 bytes, Chrome’s Accept-Language does not', () => {
    const headers = [h('Accept', '*/*'), h('Accept-Language', 'en-US,en;q=0.9')].concat(
      ['Content-Language', 'Intervention'].map((name) => h(name, 'a'.repeat(128))),
      ['Width', 'Viewport-Width', 'RTT', 'Device-Memory', 'Downlink'].map((name) => h(name, '1'.repeat(128))),
      [h('DPR', '1'.repeat(126))],
    );
    // 3 + 2 × 128 + 5 × 128 + 126 = 1025: over only because the default Accept is counted.
    expect(preflightNeed('GET', headers).requestHeaders.split(',')).toContain('accept');
  });

  it('a forced preflight comes first, then the method, then headers in Access-Control-Request-Headers order', () => {
    const need = preflightNeed('PATCH', [h('X-B', '1'), h('Content-Type', 'application/json'), h('X-A', '1')], { forced: true });
    expect(need.reasons.map((r) => `${r.kind}:${r.name}`)).toEqual(['forced:', 'method:PATCH', 'header-value:content-type', 'header:x-a', 'header:x-b']);
    expect(need.requestHeaders).toBe('content-type,x-a,x-b');
  });

  it('forced alone makes a bare GET need a preflight', () => {
    expect(preflightNeed('GET', [], { forced: true })).toMatchObject({ required: true, requestHeaders: '' });
  });
});

describe('WPT fetch/api/cors/resources/not-cors-safelisted.json: each needs a preflight naming the header', () => {
  it.each([
    ['accept', '"'],
    ['accept', '012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890'],
    ['accept-language', '\u0001'],
    ['accept-language', '@'],
    ['authorization', 'basics'],
    ['content-language', '\u0001'],
    ['content-language', '@'],
    ['content-type', 'text/html'],
    ['content-type', 'text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789'],
    ['range', 'bytes 0-'],
    ['test', 'hi'],
  ])('%s: %j', (name, value) => {
    expect(preflightNeed('GET', [h(name, value)])).toMatchObject({ required: true, requestHeaders: name });
  });
});
