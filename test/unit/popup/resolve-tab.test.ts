import { describe, expect, it } from 'vitest';
import { resolveTabId, tabIdFromSearch, type TabQuery } from '../../../src/popup/resolve-tab';

describe('tabIdFromSearch', () => {
  it.each([
    ['a tab id', '?tabId=12', 12],
    ['among other parameters', '?theme=dark&tabId=7', 7],
    ['no parameter', '', null],
    ['a negative id', '?tabId=-1', null],
    ['not a number', '?tabId=abc', null],
    ['a fraction', '?tabId=1.5', null],
    ['too large to be exact', '?tabId=99999999999999999999', null],
  ])('%s', (_name, search, expected) => {
    expect(tabIdFromSearch(search)).toBe(expected);
  });
});

describe('resolveTabId', () => {
  const activeTab = (id: number | undefined): TabQuery & { asked: number } => {
    const tabs = { asked: 0, query: async () => { tabs.asked += 1; return id === undefined ? [] : [{ id }]; } };
    return tabs;
  };

  it('prefers ?tabId= and does not ask the browser', async () => {
    const tabs = activeTab(3);
    expect(await resolveTabId('?tabId=9', tabs)).toBe(9);
    expect(tabs.asked).toBe(0);
  });

  it('falls back to the active tab of the current window', async () => {
    expect(await resolveTabId('', activeTab(3))).toBe(3);
  });

  it('gives null when there is no active tab', async () => {
    expect(await resolveTabId('', activeTab(undefined))).toBeNull();
  });
});
