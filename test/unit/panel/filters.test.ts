import { describe, expect, it } from 'vitest';
import { countByFilter, filterTransactions, type ListFilter } from '../../../src/panel/list/filters';
import { scenarios } from '../fakes/transactions';
import { nth } from './nth';

const list = [
  scenarios.allowed(), scenarios.trailingSlash(), scenarios.headerNotAllowed(), scenarios.authorizationWildcard(),
  scenarios.connectionRefused(),
];
const names = ['allowed', 'trailingSlash', 'headerNotAllowed', 'authorizationWildcard', 'connectionRefused'];
const named = (result: readonly unknown[]): string[] => result.map((tx) => names[list.indexOf(tx as never)] ?? '?');

describe('filterTransactions', () => {
  it.each([
    ['all', '', names],
    ['blocked', '', ['trailingSlash', 'headerNotAllowed']],
    ['preflighted', '', ['headerNotAllowed', 'authorizationWildcard']],
    ['warnings', '', ['authorizationWildcard']],
    ['all', 'AllowOriginMismatch', ['trailingSlash']],
    ['all', 'put', ['headerNotAllowed']],
    ['all', 'refused', ['connectionRefused']],
    ['all', '127.0.0.1:9 get', ['connectionRefused']],
    ['blocked', 'x-api-key', ['headerNotAllowed']],
    ['warnings', 'nothing-like-this', []],
  ] as const)('filter %s, search "%s"', (filter, query, expected) => {
    expect(named(filterTransactions(list, filter as ListFilter, query))).toEqual(expected);
  });

  it('returns the same array when nothing filters (memoized rows stay put)', () => {
    expect(filterTransactions(list, 'all', '  ')).toBe(list);
  });

  it('counts each filter in one pass', () => {
    expect(countByFilter(list)).toEqual({ all: 5, blocked: 2, preflighted: 2, warnings: 1 });
  });

  it('filters 10,000 transactions fast enough to run on every keystroke', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => ({ ...nth(list, i % list.length), id: `r${i}` }));
    filterTransactions(big, 'all', 'warm'); // computes and caches the search text once
    const start = performance.now();
    for (const query of ['a', 'al', 'all', 'allo', 'allow']) filterTransactions(big, 'blocked', query);
    expect((performance.now() - start) / 5).toBeLessThan(50);
  });
});
