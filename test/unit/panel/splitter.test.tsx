// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import fc from 'fast-check';
import { scenarios } from '../fakes/transactions';
import { MemoryStore, renderPanel } from './panel-harness';
import {
  clampListShare, DEFAULT_LIST_SHARE, LIST_SHARE_KEY, loadListShare, MAX_LIST_SHARE, MIN_LIST_SHARE, saveListShare, shareAfterKey, shareAtPointer,
} from '../../../src/panel/list-share';

afterEach(cleanup);

describe('list share (pure)', () => {
  it('always stays between the minimum and the maximum, whatever it is given', () => {
    fc.assert(fc.property(fc.double(), (share) => {
      const clamped = clampListShare(share);
      expect(clamped).toBeGreaterThanOrEqual(MIN_LIST_SHARE);
      expect(clamped).toBeLessThanOrEqual(MAX_LIST_SHARE);
    }));
    expect(clampListShare(Number.NaN)).toBe(DEFAULT_LIST_SHARE);
  });

  it('maps a pointer to its place in the split', () => {
    expect(shareAtPointer(500, 100, 1000)).toBe(40);
    expect(shareAtPointer(0, 100, 1000)).toBe(MIN_LIST_SHARE);
    expect(shareAtPointer(5000, 100, 1000)).toBe(MAX_LIST_SHARE);
    expect(shareAtPointer(500, 0, 0)).toBe(DEFAULT_LIST_SHARE);
  });

  it('moves with the splitter keys and ignores the others', () => {
    expect(shareAfterKey(40, 'ArrowLeft', false)).toBe(38);
    expect(shareAfterKey(40, 'ArrowRight', true)).toBe(50);
    expect(shareAfterKey(40, 'Home', false)).toBe(MIN_LIST_SHARE);
    expect(shareAfterKey(40, 'End', false)).toBe(MAX_LIST_SHARE);
    expect(shareAfterKey(70, 'Enter', false)).toBe(DEFAULT_LIST_SHARE);
    expect(shareAfterKey(40, 'a', false)).toBeNull();
  });

  it('is remembered, and a broken or throwing store falls back to the default', () => {
    const store = new MemoryStore();
    saveListShare(store, 61.23);
    expect(store.getItem(LIST_SHARE_KEY)).toBe('61.2');
    expect(loadListShare(store)).toBe(61.2);
    store.setItem(LIST_SHARE_KEY, 'wide');
    expect(loadListShare(store)).toBe(DEFAULT_LIST_SHARE);
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(loadListShare(throwing)).toBe(DEFAULT_LIST_SHARE);
    expect(() => saveListShare(throwing, 50)).not.toThrow();
  });
});

describe('the splitter in the panel', () => {
  const openDetail = (): void => {
    fireEvent.click(screen.getAllByRole('option')[0] as HTMLElement);
  };
  const split = (): HTMLElement => document.querySelector('.cl-split') as HTMLElement;

  it('appears only with the detail, resizes by keyboard and is remembered for the next panel', () => {
    const { storage } = renderPanel([scenarios.trailingSlash(), scenarios.allowed()]);
    expect(screen.queryByRole('separator', { name: 'Resize the request list' })).toBeNull();
    openDetail();
    const bar = screen.getByRole('separator', { name: 'Resize the request list' });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(DEFAULT_LIST_SHARE));
    fireEvent.keyDown(bar, { key: 'ArrowRight', shiftKey: true });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(DEFAULT_LIST_SHARE + 10));
    expect(split().style.getPropertyValue('--cl-list-share')).toBe(`${DEFAULT_LIST_SHARE + 10}%`);
    cleanup();
    renderPanel([scenarios.trailingSlash()], { storage });
    openDetail();
    expect(screen.getByRole('separator').getAttribute('aria-valuenow')).toBe(String(DEFAULT_LIST_SHARE + 10));
  });

  it('keys on the splitter do not reach the panel (Escape still closes, arrows do not move the selection)', () => {
    renderPanel([scenarios.trailingSlash(), scenarios.allowed()]);
    openDetail();
    const bar = screen.getByRole('separator');
    fireEvent.keyDown(bar, { key: 'Home' });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(MIN_LIST_SHARE));
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(bar, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Request detail' })).toBeNull();
  });
});
