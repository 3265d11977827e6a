/**
 * WCAG AA for every text/background pair the components use, in both palettes of theme.css.
 * Adding a pair in CSS means adding it here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../src/ui/theme.css', import.meta.url), 'utf8');

function palette(selector: string): Map<string, string> {
  const start = css.indexOf(selector);
  const block = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return new Map([...block.matchAll(/(--cl-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// [text, background]
const PAIRS: readonly (readonly [string, string])[] = [
  ['--cl-fg', '--cl-bg'], ['--cl-fg', '--cl-bg-alt'], ['--cl-fg', '--cl-row-hover'], ['--cl-fg', '--cl-row-selected'],
  ['--cl-fg-muted', '--cl-bg'], ['--cl-fg-muted', '--cl-bg-alt'], ['--cl-fg-muted', '--cl-row-selected'], ['--cl-fg-muted', '--cl-code-bg'],
  ['--cl-error', '--cl-bg'], ['--cl-error', '--cl-row-selected'], ['--cl-error', '--cl-error-bg'], ['--cl-error', '--cl-row-hover'],
  ['--cl-warning', '--cl-bg'], ['--cl-warning', '--cl-row-selected'], ['--cl-warning', '--cl-warning-bg'],
  ['--cl-ok', '--cl-bg'], ['--cl-ok', '--cl-row-selected'],
  ['--cl-link', '--cl-bg'], ['--cl-link', '--cl-bg-alt'], ['--cl-link', '--cl-info-bg'],
  ['--cl-fg', '--cl-info-bg'], ['--cl-fg', '--cl-error-bg'], ['--cl-fg', '--cl-warning-bg'], ['--cl-fg', '--cl-code-bg'],
  ['--cl-diff-fg', '--cl-diff-bg'], ['--cl-link', '--cl-diff-bg'], ['--cl-accent-fg', '--cl-accent'],
];

describe.each([
  ['light', ":root[data-theme='light']"],
  ['dark', ":root[data-theme='dark']"],
])('%s theme', (_name, selector) => {
  const colors = palette(selector);

  it('defines every token the pairs use', () => {
    for (const [fg, bg] of PAIRS) {
      expect(colors.get(fg), fg).toMatch(/^#/);
      expect(colors.get(bg), bg).toMatch(/^#/);
    }
  });

  it.each(PAIRS.map(([fg, bg]) => [`${fg} on ${bg}`, fg, bg]))('%s has contrast ≥ 4.5:1', (_pair, fg, bg) => {
    const ratio = contrast(colors.get(fg) ?? '#000000', colors.get(bg) ?? '#000000');
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  });
});
