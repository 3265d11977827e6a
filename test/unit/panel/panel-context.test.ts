import { describe, expect, it } from 'vitest';
import { resolveTabId } from '../../../src/panel/panel-context';

describe('resolveTabId', () => {
  it.each([
    ['the query string of the full-window page', '?tabId=42', undefined, 42],
    ['the query string over DevTools', '?tabId=7', 9, 7],
    ['DevTools inspected tab without a query', '', 9, 9],
    ['a junk query falls back to DevTools', '?tabId=12abc', 9, 9],
    ['a negative id is refused', '?tabId=-3', undefined, null],
    ['nothing at all', '', undefined, null],
  ] as const)('%s', (_name, search, devtools, expected) => {
    expect(resolveTabId(search, devtools)).toBe(expected);
  });
});
