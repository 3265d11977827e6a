/**
 * WCAG contrast of every text/background pair the popup uses, in both palettes of popup.css
 * (WCAG 2.x relative luminance; 4.5:1 is the AA minimum for normal text).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../src/popup/popup.css', import.meta.url), 'utf8');

/** `--name: #rrggbb;` declarations of the first `:root { … }` after `from` in the stylesheet. */
function palette(from: number): Map<string, string> {
  const start = css.indexOf(':root', from);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1] ?? '', (m[2] ?? '').toLowerCase()]));
}

const light = palette(0);
const dark = new Map([...light, ...palette(css.indexOf('prefers-color-scheme: dark'))]);

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const PAIRS = [
  ['body text', 'fg', 'bg'],
  ['hints and explanations', 'fg-muted', 'bg'],
  ['notes and group counts', 'fg', 'bg-raised'],
  ['tile labels', 'fg-muted', 'bg-raised'],
  ['blocked tile and errors', 'blocked-fg', 'blocked-bg'],
  ['warning tile and notes', 'warning-fg', 'warning-bg'],
  ['primary button', 'accent-fg', 'accent-bg'],
  ['pressed pause button, paused pill and note', 'pressed-fg', 'pressed-bg'],
] as const;

describe('popup palette contrast', () => {
  it('computes the textbook ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('has a dark palette that differs from the light one', () => {
    expect(dark.get('bg')).not.toBe(light.get('bg'));
  });

  for (const [themeName, colors] of [['light', light], ['dark', dark]] as const) {
    it.each(PAIRS)(`${themeName}: %s reach 4.5:1`, (_name, fg, bg) => {
      const ratio = contrast(colors.get(fg) ?? 'missing', colors.get(bg) ?? 'missing');
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    });
  }
});
