/**
 * Screenshots as test artifacts, in test-results/screenshots/ (git-ignored): what a reviewer looks
 * at to judge the UI, saved by the end-to-end tests in light and dark.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = new URL('../../test-results/screenshots/', import.meta.url).pathname;

export type ColorScheme = 'light' | 'dark';

/**
 * Switches the page's prefers-color-scheme and waits until the page has re-rendered in it. Pages
 * that key their palette on `<html data-theme>` (the panel) must have applied it; pages that use a
 * media query (the popup) only need the next frame.
 */
export async function useColorScheme(page: Page, scheme: ColorScheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((wanted) => {
    const theme = document.documentElement.dataset['theme'];
    return theme === undefined || theme === wanted;
  }, scheme);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Saves `<name>.png` (`<name>-dark.png` in dark) and returns its path. */
export async function saveScreenshot(page: Page, name: string, scheme: ColorScheme = 'light', options: { readonly fullPage?: boolean } = {}): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}${scheme === 'dark' ? '-dark' : ''}.png`;
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}

/** Screenshots the page in light, then in dark, and leaves it in light. */
export async function saveScreenshotsInBothSchemes(page: Page, name: string, options: { readonly fullPage?: boolean } = {}): Promise<string[]> {
  const paths: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    paths.push(await saveScreenshot(page, name, scheme, options));
  }
  await useColorScheme(page, 'light');
  return paths;
}
