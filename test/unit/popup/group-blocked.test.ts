import { describe, expect, it } from 'vitest';
import { endpointOf, groupByEndpoint, groupByReason, groupWarnings } from '../../../src/popup/group-blocked';
import { REASON_WORDS, UNKNOWN_REASON_WORDS } from '../../../src/popup/reason-words';
import { API, allowedWith, blocked, blockedVerdict, transaction, verdict } from './transaction-builder';

describe('endpointOf', () => {
  it.each([
    ['keeps origin and path', 'https://api.example/v1/users', 'https://api.example/v1/users'],
    ['drops the query and the fragment', 'https://api.example/v1/users?id=3#top', 'https://api.example/v1/users'],
    ['keeps a non-default port', 'http://127.0.0.1:4200/items?x=1', 'http://127.0.0.1:4200/items'],
    ['drops a default port, like the origin does', 'https://api.example:443/a', 'https://api.example/a'],
    ['keeps an unparsable URL as it is', 'not a url', 'not a url'],
  ])('%s', (_name, url, expected) => {
    expect(endpointOf(url)).toBe(expected);
  });
});

describe('groupByReason', () => {
  it('counts blocked requests per CorsError, most frequent first, in plain words', () => {
    const groups = groupByReason([
      blocked('AllowOriginMismatch'),
      blocked('MissingAllowOriginHeader'),
      blocked('MissingAllowOriginHeader'),
      transaction(), // allowed: not a group
    ]);
    expect(groups.map((g) => [g.corsError, g.count, g.words])).toEqual([
      ['MissingAllowOriginHeader', 2, REASON_WORDS.MissingAllowOriginHeader],
      ['AllowOriginMismatch', 1, REASON_WORDS.AllowOriginMismatch],
    ]);
  });

  it('breaks ties by recency and keeps the latest transaction of each group', () => {
    const first = blocked('AllowOriginMismatch', `${API}/a`);
    const older = blocked('PreflightInvalidStatus', `${API}/b`);
    const newest = blocked('PreflightInvalidStatus', `${API}/c`);
    const last = blocked('AllowOriginMismatch', `${API}/d`);
    const groups = groupByReason([first, older, newest, last]);
    expect(groups.map((g) => g.latest.id)).toEqual([last.id, newest.id]);
  });

  it('does not hide a blocked verdict without a CorsError', () => {
    const odd = transaction({ verdict: verdict({ outcome: 'blocked', corsError: null }) });
    expect(groupByReason([odd])).toMatchObject([{ corsError: null, words: UNKNOWN_REASON_WORDS, count: 1 }]);
  });

  it.each([
    ['network errors', verdict({ outcome: 'network-error' })],
    ['requests still without a verdict', null],
    ['not-CORS requests', verdict({ outcome: 'not-cors' })],
  ])('ignores %s', (_name, v) => {
    expect(groupByReason([transaction({ verdict: v })])).toEqual([]);
  });
});

describe('groupByEndpoint', () => {
  it('groups blocked requests by origin + path and lists their reasons', () => {
    const groups = groupByEndpoint([
      blocked('MissingAllowOriginHeader', `${API}/items?page=1`),
      blocked('MissingAllowOriginHeader', `${API}/items?page=2`),
      blocked('MethodDisallowedByPreflightResponse', `${API}/items`),
      blocked('MissingAllowOriginHeader', 'https://other.example/data'),
      allowedWith(['headers-not-exposed'], `${API}/items`),
    ]);
    expect(groups.map((g) => [g.endpoint, g.count, g.reasons])).toEqual([
      [`${API}/items`, 3, [REASON_WORDS.MissingAllowOriginHeader, REASON_WORDS.MethodDisallowedByPreflightResponse]],
      ['https://other.example/data', 1, [REASON_WORDS.MissingAllowOriginHeader]],
    ]);
  });
});

describe('groupWarnings', () => {
  it('groups allowed requests by kind of warning, counting a request once per kind', () => {
    const groups = groupWarnings([
      allowedWith(['headers-not-exposed', 'reflected-origin-without-vary']),
      allowedWith(['headers-not-exposed', 'headers-not-exposed']),
      transaction({ verdict: verdict({ findings: [{ code: 'preflight-cache', severity: 'info', message: 'cached' }] }) }),
    ]);
    expect(groups.map((g) => [g.code, g.count])).toEqual([
      ['headers-not-exposed', 2],
      ['reflected-origin-without-vary', 1],
    ]);
  });

  it('leaves out blocked requests (they are counted as blocked, like the badge does)', () => {
    const withFinding = blocked('AllowOriginMismatch', `${API}/x`, {
      verdict: blockedVerdict('AllowOriginMismatch', { findings: [{ code: 'request-reached-server', severity: 'warning', message: 'reached' }] }),
    });
    expect(groupWarnings([withFinding])).toEqual([]);
  });
});
