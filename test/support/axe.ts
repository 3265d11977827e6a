/**
 * axe-core in a real extension page. Extension pages run under `script-src 'self'`, so a <script>
 * tag with axe would be refused; page.evaluate goes through the DevTools Protocol, which CSP does
 * not govern. axe then sees the page as a user does: real layout, real colours (colour contrast is
 * only meaningful here, jsdom cannot compute it).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | null = null;

/** One violation, short enough to read in a failed assertion. */
export interface AxeProblem {
  readonly rule: string;
  readonly impact: ImpactValue | null;
  readonly help: string;
  /** CSS selectors of (at most five of) the offending elements, with axe's one-line reason. */
  readonly nodes: readonly string[];
}

export const BLOCKING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
}

/**
 * Runs axe on the whole page (or `selector`) and returns the violations of the given impacts
 * (serious and critical by default), as plain data.
 */
export async function axeViolations(
  page: Page,
  options: { readonly selector?: string; readonly impacts?: readonly ImpactValue[] } = {},
): Promise<AxeProblem[]> {
  await injectAxe(page);
  const runOptions: RunOptions = { resultTypes: ['violations'] };
  const results = await page.evaluate(
    async ([selector, opts]) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
      return axe.run(selector ?? document, opts);
    },
    [options.selector ?? null, runOptions] as const,
  );
  const impacts = options.impacts ?? BLOCKING_IMPACTS;
  return results.violations
    .filter((v) => v.impact != null && impacts.includes(v.impact))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
    }));
}
