import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../../src/core/model';
import { nextSort, sortTransactions, type SortColumn } from '../../../src/panel/list/sort';
import { buildTx, h, PAGE, scenarios } from '../fakes/transactions';

const ids = (list: readonly Transaction[]): string[] => list.map((tx) => tx.id);

// Capture order a..f; each column orders them differently.
const a = buildTx({ id: 'ra', method: 'GET', url: 'http://127.0.0.1:4200/b', durationMs: 30, response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] } });
const b = buildTx({ id: 'rb', method: 'PUT', url: 'http://127.0.0.1:4200/a', durationMs: 10, response: { status: 502, headers: [] } });
const c = { ...scenarios.trailingSlash(), id: 'rc', url: 'http://127.0.0.1:4200/c' };
const d = buildTx({ id: 'rd', method: 'DELETE', url: 'http://127.0.0.1:4200/d', response: null, pending: true });
const e = { ...scenarios.headerNotAllowed(), id: 're', url: 'http://127.0.0.1:4200/e' };
const f = { ...scenarios.connectionRefused(), id: 'rf', url: 'http://127.0.0.1:9/f' };
const LIST = [a, b, c, d, e, f];

describe('nextSort', () => {
  it('cycles ascending, descending, capture order; another column starts ascending', () => {
    const asc = nextSort(null, 'time');
    expect(asc).toEqual({ column: 'time', direction: 'ascending' });
    expect(nextSort(asc, 'time')).toEqual({ column: 'time', direction: 'descending' });
    expect(nextSort(nextSort(asc, 'time'), 'time')).toBeNull();
    expect(nextSort(asc, 'status')).toEqual({ column: 'status', direction: 'ascending' });
  });
});

describe('sortTransactions', () => {
  it('keeps capture order (the same array) without a sort', () => {
    expect(sortTransactions(LIST, null)).toBe(LIST);
  });

  it.each<[SortColumn, string[], string[]]>([
    // Worst first: blocked (capture order among them), network error, pending, allowed.
    ['state', ['rb', 'rc', 're', 'rf', 'rd', 'ra'], ['ra', 'rd', 'rf', 'rb', 'rc', 're']],
    ['method', ['rd', 'ra', 'rc', 'rf', 'rb', 're'], ['rb', 're', 'ra', 'rc', 'rf', 'rd']],
    ['name', ['rb', 'ra', 'rc', 'rd', 're', 'rf'], ['rf', 're', 'rd', 'rc', 'ra', 'rb']],
    // Requests without an error stay last both ways.
    ['error', ['rc', 'rf', 're', 'rb', 'ra', 'rd'], ['rb', 're', 'rf', 'rc', 'ra', 'rd']],
    // Status codes, then what stands in for one ("Pending", "CORS error", a net error) in capture order.
    ['status', ['ra', 'rc', 'rb', 'rd', 're', 'rf'], ['rd', 're', 'rf', 'rb', 'ra', 'rc']],
    ['time', ['rb', 'ra', 'rc', 're', 'rf', 'rd'], ['rc', 're', 'rf', 'ra', 'rb', 'rd']],
  ])('by %s: ascending, then descending', (column, ascending, descending) => {
    expect(ids(sortTransactions(LIST, { column, direction: 'ascending' }))).toEqual(ascending);
    expect(ids(sortTransactions(LIST, { column, direction: 'descending' }))).toEqual(descending);
    expect(ids(LIST)).toEqual(['ra', 'rb', 'rc', 'rd', 're', 'rf']);
  });

  it('sorts a record replaced by a newer version by its new values', () => {
    const byTime = { column: 'time', direction: 'ascending' } as const;
    expect(ids(sortTransactions(LIST, byTime)).at(-1)).toBe('rd');
    const finished = { ...d, state: 'done' as const, endedAt: d.startedAt + 1 };
    expect(ids(sortTransactions([a, b, c, finished, e, f], byTime))[0]).toBe('rd');
  });
});
