import { describe, expect, it } from 'vitest';
import { badgeFor, BADGE_COLORS, createBadgeApplier, createBadgeThrottle, type ActionLike } from '../../../src/background/badge';

describe('badgeFor', () => {
  it.each([
    ['nothing blocked, no warnings: empty badge', { blocked: 0, warnings: 0 }, false, '', 'normal'],
    ['one blocked request: red 1 and the blocked icon', { blocked: 1, warnings: 3 }, false, '1', 'blocked'],
    ['a thousand blocked: capped text', { blocked: 1000, warnings: 0 }, false, '999+', 'blocked'],
    ['warnings only: amber !', { blocked: 0, warnings: 2 }, false, '!', 'normal'],
    ['paused wins over counts', { blocked: 5, warnings: 0 }, true, 'off', 'normal'],
  ] as const)('%s', (_name, counts, paused, text, icon) => {
    const state = badgeFor(counts, paused);
    expect(state.text).toBe(text);
    expect(state.icon).toBe(icon);
  });

  it('uses a distinct colour for warnings-only and for paused', () => {
    expect(badgeFor({ blocked: 0, warnings: 1 }, false).color).toBe(BADGE_COLORS.warning);
    expect(badgeFor({ blocked: 0, warnings: 0 }, true).color).toBe(BADGE_COLORS.paused);
    expect(badgeFor({ blocked: 2, warnings: 0 }, false).title).toMatch(/2 cross-origin requests blocked/);
  });
});

describe('badge applier', () => {
  function recorder(failing = false) {
    const calls: string[] = [];
    const record = (name: string) => async (d: object) => {
      calls.push(`${name} ${JSON.stringify(d)}`);
      if (failing) throw new Error('No tab with id: 4');
    };
    const action: ActionLike = { setBadgeText: record('text'), setBadgeBackgroundColor: record('color'), setTitle: record('title'), setIcon: record('icon') };
    return { action, calls };
  }

  it('skips calls that would change nothing', async () => {
    const { action, calls } = recorder();
    const badge = createBadgeApplier(action);
    await badge.apply(4, badgeFor({ blocked: 1, warnings: 0 }, false));
    await badge.apply(4, badgeFor({ blocked: 1, warnings: 0 }, false));
    expect(calls).toHaveLength(4);
    await badge.apply(4, badgeFor({ blocked: 2, warnings: 0 }, false));
    expect(calls.slice(4).map((c) => c.split(' ')[0])).toEqual(['text', 'title']);
  });

  it('never throws for a closed tab and retries everything next time', async () => {
    const { action, calls } = recorder(true);
    const badge = createBadgeApplier(action);
    await badge.apply(4, badgeFor({ blocked: 1, warnings: 0 }, false));
    await badge.apply(4, badgeFor({ blocked: 1, warnings: 0 }, false));
    expect(calls).toHaveLength(8);
  });

  it('ignores requests without a tab', async () => {
    const { action, calls } = recorder();
    await createBadgeApplier(action).apply(-1, badgeFor({ blocked: 1, warnings: 0 }, false));
    expect(calls).toHaveLength(0);
  });

  it('sets only what differs from what an earlier worker showed (no icon fetch after a restart)', async () => {
    const { action, calls } = recorder();
    const badge = createBadgeApplier(action);
    badge.seed(4, badgeFor({ blocked: 1, warnings: 0 }, false));
    await badge.apply(4, badgeFor({ blocked: 2, warnings: 0 }, false));
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['text', 'title']);
  });
});

describe('badge throttle', () => {
  function manualTimer() {
    const queue: (() => void)[] = [];
    return { setTimer: (fn: () => void) => void queue.push(fn), fire: () => queue.splice(0).forEach((fn) => fn()), pending: () => queue.length };
  }

  it('shows each changed tab once per interval, however often it changed', () => {
    const shown: number[] = [];
    const timer = manualTimer();
    const throttle = createBadgeThrottle((tabId) => shown.push(tabId), { setTimer: timer.setTimer });
    for (let i = 0; i < 100; i++) throttle.request(i % 2 === 0 ? 4 : 5);
    expect(shown).toEqual([]);
    expect(timer.pending()).toBe(1);
    timer.fire();
    expect(shown).toEqual([4, 5]);
    throttle.request(4);
    timer.fire();
    expect(shown).toEqual([4, 5, 4]);
  });

  it('shows at once on flush, and nothing for a tab dropped meanwhile', () => {
    const shown: number[] = [];
    const timer = manualTimer();
    const throttle = createBadgeThrottle((tabId) => shown.push(tabId), { setTimer: timer.setTimer });
    throttle.request(4);
    throttle.request(5);
    throttle.drop(5);
    throttle.flush();
    expect(shown).toEqual([4]);
    timer.fire();
    expect(shown).toEqual([4]);
  });
});
