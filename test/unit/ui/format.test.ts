import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatRelative, shortNetError, splitUrl } from '../../../src/ui/format';

describe('format', () => {
  it.each([
    [0, '0'], [999, '999'], [1234, '1,234'], [5000, '5,000'],
  ])('formatCount(%d) = %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it.each([
    [null, ''], [-1, ''], [12.4, '12 ms'], [1240, '1.24 s'], [125_000, '2.1 min'],
  ])('formatDuration(%s) = "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [12_000, 'in 12 s'], [240_000, 'in 4 min'], [-3_000, 'expired 3 s ago'],
  ])('formatRelative(+%d ms) = %s', (delta, text) => {
    expect(formatRelative(1_000_000 + delta, 1_000_000)).toBe(text);
  });

  it.each([
    ['an ordinary URL', 'https://api.example:8443/items?x=1', { origin: 'https://api.example:8443', path: '/items?x=1' }],
    ['the path exactly as captured', 'http://a.example/<b>?q="c"', { origin: 'http://a.example', path: '/<b>?q="c"' }],
    ['not a URL at all', 'not a url', { origin: 'not a url', path: '' }],
    ['an opaque URL', 'data:text/plain,hi', { origin: 'data:text/plain,hi', path: '' }],
  ])('splitUrl: %s', (_name, url, parts) => {
    expect(splitUrl(url)).toEqual(parts);
  });

  it('shortNetError drops the net:: prefix only', () => {
    expect(shortNetError('net::ERR_FAILED')).toBe('ERR_FAILED');
    expect(shortNetError('ERR_X')).toBe('ERR_X');
  });
});
