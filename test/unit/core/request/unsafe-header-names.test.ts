import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../../../../src/core/types';
import {
  accessControlRequestHeaders,
  analyzeUnsafeHeaders,
  compareBytes,
  mergeDuplicateHeaders,
} from '../../../../src/core/request';

const h = (name: string, value: string) => ({ name, value });

describe('Access-Control-Request-Headers (reference §2.4)', () => {
  it.each<[string, HeaderList, string]>([
    ['no headers → empty', [], ''],
    ['only safelisted headers → empty', [h('Accept', '*/*'), h('Content-Type', 'text/plain')], ''],
    ['lowercased and sorted', [h('X-B', '1'), h('X-A', '1'), h('Content-Type', 'application/json')], 'content-type,x-a,x-b'],
    ['joined with , and no spaces', [h('X-Requested-With', 'XMLHttpRequest'), h('Authorization', 'Bearer t')], 'authorization,x-requested-with'],
    ['sorted by bytes: - (0x2D) < 0 (0x30) < a', [h('aa', '1'), h('a0', '1'), h('a-b', '1')], 'a-b,a0,aa'],
    ['sorted by bytes: _ (0x5F) < a (0x61)', [h('xa', '1'), h('x_a', '1')], 'x_a,xa'],
    ['names differing only in case appear once', [h('X-Token', '1'), h('x-token', '2'), h('X-TOKEN', '3')], 'x-token'],
    ['forbidden names are skipped', [h('Cookie', 'a=b'), h('Sec-Fetch-Mode', 'cors'), h('Origin', 'https://a.example'), h('X-A', '1')], 'x-a'],
    ['a safelisted name with a bad value is listed', [h('Content-Type', 'application/json'), h('Accept', 'x')], 'content-type'],
  ])('%s', (_label, headers, expected) => {
    expect(accessControlRequestHeaders(headers)).toBe(expected);
  });
});

describe('duplicate names are merged as `a, b` before checking (Chromium)', () => {
  it('keeps the first spelling and joins values with comma-space', () => {
    expect(mergeDuplicateHeaders([h('X-A', '1'), h('Accept', 'b'), h('x-a', '2')])).toEqual([h('X-A', '1, 2'), h('Accept', 'b')]);
  });

  it.each<[string, HeaderList, string]>([
    ['two Accept lines stay safelisted', [h('Accept', 'text/html'), h('accept', 'application/json')], ''],
    ['two text/plain Content-Type lines become text/plain, text/plain: not safelisted', [h('Content-Type', 'text/plain'), h('Content-Type', 'text/plain')], 'content-type'],
    ['two Range lines become a two-range list: not safelisted', [h('Range', 'bytes=0-1'), h('Range', 'bytes=2-3')], 'range'],
    ['two 70-byte Accept lines merge past 128 bytes', [h('Accept', 'a'.repeat(70)), h('Accept', 'b'.repeat(70))], 'accept'],
  ])('%s', (_label, headers, expected) => {
    expect(accessControlRequestHeaders(headers)).toBe(expected);
  });
});

describe('the 1024-byte total of safelisted values', () => {
  const padded = (n: number, char = '1') => char.repeat(n);
  // Eight safelisted names at 128 bytes each: exactly 1024 bytes.
  const exactly1024: HeaderList = [
    h('Accept', padded(128, 'a')),
    h('Accept-Language', padded(128, 'a')),
    h('Content-Language', padded(128, 'a')),
    h('Content-Type', `text/plain;x=${padded(115, 'a')}`),
    h('Intervention', padded(128, 'a')),
    h('Width', padded(128)),
    h('Viewport-Width', padded(128)),
    h('RTT', padded(128)),
  ];

  it('1024 bytes exactly is still simple', () => {
    const result = analyzeUnsafeHeaders(exactly1024);
    expect(result).toMatchObject({ safelistedBytes: 1024, overSafelistedBudget: false, names: [] });
  });

  it('one more byte makes every safelisted name unsafe', () => {
    const result = analyzeUnsafeHeaders([...exactly1024, h('DPR', '2'), h('X-Other', 'x')]);
    expect(result.safelistedBytes).toBe(1025);
    expect(result.names.join(',')).toBe('accept,accept-language,content-language,content-type,dpr,intervention,rtt,viewport-width,width,x-other');
    expect(result.headers.find((x) => x.name === 'dpr')).toMatchObject({ kind: 'too-many-safelisted-bytes' });
    expect(result.headers.find((x) => x.name === 'x-other')).toMatchObject({ kind: 'header' });
  });

  it('counts UTF-8 bytes, not characters', () => {
    const accentHeavy = exactly1024.map((header) => (header.name === 'Accept' ? h('Accept', 'é'.repeat(64)) : header));
    const withOneMore = [...accentHeavy.slice(0, 7), h('RTT', padded(127)), h('DPR', '22')];
    // 128 (64 é) + 6 × 128 + 127 + 2 = 1025 bytes while only 1024 - 64 + 1 characters.
    expect(analyzeUnsafeHeaders(withOneMore)).toMatchObject({ safelistedBytes: 1025, overSafelistedBudget: true });
  });

  it('unsafe values do not count towards the total', () => {
    const result = analyzeUnsafeHeaders([...exactly1024.slice(0, 7), h('X-Big', padded(500))]);
    expect(result).toMatchObject({ safelistedBytes: 896, overSafelistedBudget: false, names: ['x-big'] });
  });
});

describe('byte order helper', () => {
  it.each([
    ['a before b', 'a', 'b', -1],
    ['prefix first', 'ab', 'abc', -1],
    ['equal', 'x', 'x', 0],
    ['astral code point after U+FFFD (UTF-16 < would say the opposite)', '\u{1F600}', '\uFFFD', 1],
  ])('%s', (_label, a, b, sign) => {
    expect(Math.sign(compareBytes(a, b))).toBe(sign);
  });
});
