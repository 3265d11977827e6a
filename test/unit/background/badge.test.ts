import { describe, expect, it } from 'vitest';
import { badgeFor, BADGE_COLORS, createBadgeApplier, type ActionLike } from '../../../src/background/badge';

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
});
