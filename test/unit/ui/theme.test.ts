import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../../src/ui/theme';

describe('resolveTheme', () => {
  it.each([
    ['DevTools dark wins over a light system', 'dark', false, 'dark'],
    ['DevTools default (light) wins over a dark system', 'default', true, 'light'],
    ['outside DevTools, a dark system', null, true, 'dark'],
    ['outside DevTools, a light system', undefined, false, 'light'],
    ['an unknown DevTools theme falls back to the system', 'solarized', true, 'dark'],
  ] as const)('%s', (_name, devtools, systemDark, expected) => {
    expect(resolveTheme(devtools, systemDark)).toBe(expected);
  });
});
