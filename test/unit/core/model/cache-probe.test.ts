import { describe, expect, it } from 'vitest';
import { applyEvent, createModelState, listTransactions } from '../../../../src/core/model';
import { evaluate } from '../../../../src/core';
import { captureEvents, loadFixtures } from '../../fakes/recorded-fixtures';

/**
 * Chromium's font loader first asks the HTTP cache alone (ending net::ERR_CACHE_MISS, never on the
 * wire, invisible to CDP) and then fetches for real under a new requestId. Recorded sequences.
 */
describe("the font loader's cache probe", () => {
  const fonts = loadFixtures().filter((f) => f.scenario.id.startsWith('font-'));

  it('is in the recordings (so this test means something)', () => {
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const fixture of fonts) expect(fixture.events.some((e) => e.error === 'net::ERR_CACHE_MISS')).toBe(true);
  });

  it.each(fonts.map((f) => [f.scenario.id, f] as const))('%s: only the real fetch is listed, with Chromium’s verdict', (_id, fixture) => {
    const state = createModelState();
    const removed: string[] = [];
    for (const event of captureEvents(fixture)) removed.push(...applyEvent(state, event, { evaluate }).removed);
    const tabId = fixture.events[0]?.tabId as number;
    const listed = listTransactions(state, tabId);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.netError).not.toBe('net::ERR_CACHE_MISS');
    expect(listed[0]?.verdict?.corsError ?? null).toBe(fixture.cdp.verdict.corsError);
    expect(removed).toHaveLength(1);
    expect(state.tabs[String(tabId)]?.counts.sameOrigin).toBe(0);
  });
});
