/**
 * The full-window panel (src/panel/index.html?tabId=N) on a lab tab, driven the way a developer
 * drives it: every lab scenario runs in a real tab, then the panel must list each cross-origin
 * request Chromium made with Chromium's own verdict, and the detail of chosen requests, reached by
 * keyboard only (`/`, search, Enter), must name the failed check with the actual value, mark the
 * differing origin component, tell whether the request reached the server, and give the exact
 * headers to send. Screenshots of each detail go to test-results/screenshots/ to be looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/server';
import { runLabScenarios, type LabScenarioRun } from '../support/run-lab-scenarios';
import { listedRequests } from '../support/compare-verdicts';
import { exportReport, launchWithCorsLens, snapshotSummary, type CorsLensSession } from '../support/cors-lens-session';
import { axeViolations } from '../support/axe';
import { saveScreenshot, saveScreenshotsInBothSchemes, useColorScheme } from '../support/screenshots';

/** What the detail of one scenario's request must say. Strings may hold lab tokens ({PAGE}, {A_PORT}). */
interface DetailCase {
  readonly id: string;
  /** The scenario's last request instead of its first (the second PUT, covered by the cached preflight). */
  readonly last?: boolean;
  /** Text the verdict section must contain: the failed check, its CorsError, the actual value. */
  readonly headline: readonly string[];
  /** The "not really CORS" callout that must open the verdict, if any. */
  readonly rootCause?: string;
  /** Marked cells of the origin table, as `row:column:tone` (`diff`: failed; `cross`: why cross-origin). */
  readonly marks: readonly string[];
  /** Tone of each timeline step, in order: ok, failed, skipped (never sent), cached, pending. */
  readonly steps: readonly string[];
  /** The sentence under the timeline (never sent / did reach the server), or null for none. */
  readonly conclusion: RegExp | null;
  /** More text the timeline must contain. */
  readonly timelineText?: readonly string[];
  /** The culprit in "Headers that matter", as displayed. */
  readonly culprit?: string;
  /** Header lines the fix must list, exactly (`Name: value`) or matching. */
  readonly fix: readonly (string | RegExp)[];
  /** Header names the fix must not ask for. */
  readonly fixNever?: readonly RegExp[];
  /** The "First:" line of the fix, when a status and not a header failed. */
  readonly statusFix?: RegExp;
  readonly findings?: readonly string[];
  /** Allowed with a warning: the findings that explain it come right under the headline. */
  readonly warning?: boolean;
  /** Also screenshot in dark. */
  readonly dark?: boolean;
}

const REACHED = /did reach the server/;
const CROSS = ['target:host:cross', 'target:port:cross'];
/** Transport headers a script never needs; advising to expose them is noise. */
const TRANSPORT_HEADERS = /\b(connection|keep-alive|transfer-encoding)\b/i;

const DETAIL_CASES: readonly DetailCase[] = [
  {
    id: 'acao-trailing-slash', dark: true,
    headline: ['Access-Control-Allow-Origin "{PAGE}/" does not match the page origin {PAGE}', 'AllowOriginMismatch ({PAGE}/)', 'trailing slash'],
    marks: [...CROSS, 'allow-origin:as written:diff'], steps: ['failed'], conclusion: REACHED,
    culprit: 'Access-Control-Allow-Origin', fix: ['Access-Control-Allow-Origin: {PAGE}', 'Vary: Origin'],
  },
  {
    id: 'acao-port-mismatch',
    headline: ['Access-Control-Allow-Origin "http://localhost:{A_PORT}"', 'AllowOriginMismatch (http://localhost:{A_PORT})'],
    marks: [...CROSS, 'allow-origin:port:diff'], steps: ['failed'], conclusion: REACHED,
    culprit: 'Access-Control-Allow-Origin', fix: ['Access-Control-Allow-Origin: {PAGE}'],
  },
  {
    id: 'cred-wildcard',
    headline: ['Access-Control-Allow-Origin is "*" but the request carries credentials', 'WildcardOriginNotAllowed'],
    marks: [...CROSS, 'allow-origin:as written:diff'], steps: ['failed'], conclusion: REACHED,
    culprit: 'Access-Control-Allow-Origin', fix: ['Access-Control-Allow-Origin: {PAGE}', 'Access-Control-Allow-Credentials: true'],
  },
  {
    id: 'pf-status-401', dark: true,
    rootCause: 'Not really CORS: the server rejected the preflight (OPTIONS) with 401',
    headline: ['The preflight (OPTIONS) to 127.0.0.1:{A_PORT} answered 401 instead of 2xx', 'PreflightInvalidStatus'],
    marks: CROSS, steps: ['failed', 'skipped'], conclusion: /PUT request itself was never sent/,
    fix: ['Access-Control-Allow-Origin: {PAGE}', 'Access-Control-Allow-Methods: PUT'], statusFix: /2xx status.*answered 401/,
  },
  {
    id: 'pf-header-not-listed',
    headline: ['Request header "x-custom" is not in the preflight\'s Access-Control-Allow-Headers "X-Other"', 'HeaderDisallowedByPreflightResponse (x-custom)'],
    marks: CROSS, steps: ['failed', 'skipped'], conclusion: /GET request itself was never sent/,
    culprit: 'Access-Control-Allow-Headers', fix: ['Access-Control-Allow-Headers: x-custom'],
  },
  {
    id: 'net-502-no-cors', dark: true,
    rootCause: 'Not really CORS: the server answered 502 without CORS headers',
    headline: ['No Access-Control-Allow-Origin header on the response from 127.0.0.1:{A_PORT} (status 502)', 'MissingAllowOriginHeader'],
    marks: [...CROSS, 'allow-origin:all:diff'], steps: ['failed'], conclusion: REACHED,
    culprit: 'Access-Control-Allow-Origin', fix: ['Access-Control-Allow-Origin: {PAGE}'], statusFix: /Fix the 502/,
  },
  {
    id: 'redir-cross-origin-null',
    headline: ['Allowed by Access-Control-Allow-Origin: null'],
    marks: CROSS, steps: ['ok', 'ok'], conclusion: null, timelineText: ['302 → {B}/s/redir-cross-origin-null/next'],
    fix: [/^Access-Control-Allow-Origin: /],
  },
  {
    id: 'cache-max-age-600', last: true, dark: true,
    headline: ['Allowed by Access-Control-Allow-Origin: {PAGE}', 'covered this request'],
    marks: CROSS, steps: ['cached', 'ok'], conclusion: null, timelineText: ["Chromium's preflight cache answered", 'The cache entry expires at'],
    fix: ['Access-Control-Allow-Origin: {PAGE}', 'Access-Control-Allow-Methods: PUT'], fixNever: [TRANSPORT_HEADERS],
  },
  {
    id: 'cred-ok', warning: true,
    headline: ['Allowed by Access-Control-Allow-Origin: {PAGE}'],
    marks: CROSS, steps: ['ok'], conclusion: null,
    fix: ['Access-Control-Allow-Origin: {PAGE}', 'Access-Control-Allow-Credentials: true'], findings: ['with credentials'],
  },
  {
    id: 'simple-post-blocked',
    headline: ['No Access-Control-Allow-Origin header on the response from 127.0.0.1:{A_PORT} (status 200)', 'MissingAllowOriginHeader', 'did reach 127.0.0.1:{A_PORT}'],
    marks: [...CROSS, 'allow-origin:all:diff'], steps: ['failed'], conclusion: REACHED,
    culprit: 'Access-Control-Allow-Origin', fix: ['Access-Control-Allow-Origin: {PAGE}'], findings: ['The request reached your server'],
  },
  {
    id: 'expose-missing',
    headline: ['Allowed by Access-Control-Allow-Origin: *'],
    marks: CROSS, steps: ['ok'], conclusion: null,
    fix: [/^Access-Control-Expose-Headers: .*x-request-id/i], fixNever: [TRANSPORT_HEADERS], findings: ['x-request-id'],
  },
];

let session: CorsLensSession;
let lab: Lab;
let runs: Map<string, LabScenarioRun>;
let panel: Page;
let tabId: number;

function resolve(text: string): string {
  return lab.resolve(text);
}

/** Every row the virtualized list rendered (the viewport is tall enough for all of them). */
function readRows(page: Page): Promise<{ state: string; url: string; error: string }[]> {
  return page.locator('[role=option]').evaluateAll((rows) => rows.map((row) => ({
    state: row.querySelector('[data-state]')?.getAttribute('data-state') ?? '',
    url: row.querySelector('.cl-cell-name')?.textContent ?? '',
    error: row.querySelector('.cl-cell-error')?.textContent ?? '',
  })));
}

/** The origin table's marked cells as `row:column:tone`; a cell spanning every column is `all`. */
function originMarks(page: Page): Promise<string[]> {
  return page.locator('.cl-origin-table').evaluate((table) => {
    const columns = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim().toLowerCase() ?? '');
    return [...table.querySelectorAll('tbody tr')].flatMap((tr) => {
      let column = 0;
      return [...tr.children].flatMap((cell) => {
        const span = (cell as HTMLTableCellElement).colSpan;
        const name = span > 1 ? 'all' : (columns[column] ?? '?');
        column += span;
        const tone = cell.classList.contains('cl-diff') ? 'diff' : cell.classList.contains('cl-cross') ? 'cross' : null;
        return tone === null ? [] : [`${tr.getAttribute('data-row') ?? '?'}:${name}:${tone}`];
      });
    });
  });
}

/** Opens a request's detail with the keyboard only: `/`, type the search, Enter (then ArrowDown + Enter for a later match). */
async function openByKeyboard(page: Page, query: string, downs = 0): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
  if (downs > 0) await page.keyboard.press('Enter');
}

describe('the panel page on a lab tab', () => {
  beforeAll(async () => {
    lab = await startLab();
    session = await launchWithCorsLens();
    const page = await session.browser.context.newPage();
    runs = await runLabScenarios(page, lab);
    tabId = await session.tabIdOf(lab.pageUrl);
    const listed = [...runs.values()].reduce((n, run) => n + listedRequests(run, lab).length, 0);
    await exportReport(session.extensionPage, tabId, { settledCount: listed });
    panel = await session.browser.context.newPage();
    await panel.setViewportSize({ width: 1400, height: 2600 });
    await panel.goto(`chrome-extension://${session.extensionId}/src/panel/index.html?tabId=${tabId}`);
    await panel.locator('[role=option]').first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it('lists every cross-origin request Chromium made, each with Chromium’s verdict', async () => {
    // Per request: blocked with Chromium's CorsError, failed without one (network error), or let through.
    const expected = [...runs.values()].flatMap((run) => listedRequests(run, lab).map((r) => {
      const verdict = r.failed?.corsError ? `blocked ${r.failed.corsError}` : r.failed ? 'network error' : 'let through';
      return { url: r.url, blocked: verdict.startsWith('blocked'), key: `${r.url} ${verdict}` };
    }));
    await expect.poll(() => panel.locator('[role=option]').count()).toBe(expected.length);
    const rows = await readRows(panel);
    const verdictOfRow = (r: { state: string; error: string }): string => {
      if (r.state === 'blocked') return `blocked ${r.error}`;
      if (r.state === 'network-error') return 'network error';
      return ['allowed', 'warning', 'not-cors'].includes(r.state) ? 'let through' : r.state;
    };
    expect(rows.map((r) => `${r.url} ${verdictOfRow(r)}`).sort()).toEqual(expected.map((e) => e.key).sort());

    const blocked = expected.filter((r) => r.blocked).length;
    expect(blocked).toBeGreaterThan(20);
    await expect.poll(() => panel.getByRole('button', { name: /^Blocked / }).textContent()).toBe(`Blocked ${blocked}`);
    expect(await panel.getByRole('button', { name: /^All / }).textContent()).toBe(`All ${expected.length}`);
    // The same warnings the popup and the badge count (allowed, with a warning finding).
    const summary = await snapshotSummary(session.extensionPage, tabId);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(await panel.getByRole('button', { name: /^Warnings / }).textContent()).toBe(`Warnings ${summary.warnings}`);
    expect(rows.filter((r) => r.state === 'warning').length).toBe(summary.warnings);
    await panel.getByRole('button', { name: /^Blocked / }).click();
    await expect.poll(() => panel.locator('[role=option]').count()).toBe(blocked);
    expect(new Set((await readRows(panel)).map((r) => r.state))).toEqual(new Set(['blocked']));
    await panel.getByRole('button', { name: /^All / }).click();
    await panel.setViewportSize({ width: 1400, height: 900 });
    await saveScreenshot(panel, 'panel-list');
  });

  it('moves with ArrowDown, opens with Enter, closes with Esc; `/` focuses the search', async () => {
    const list = panel.getByRole('listbox');
    const options = panel.getByRole('option');
    await list.focus();
    await panel.keyboard.press('Home');
    await expect.poll(() => options.nth(0).getAttribute('aria-selected')).toBe('true');
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('false');
    expect(await list.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    const secondUrl = await options.nth(1).locator('.cl-cell-name').textContent();

    await panel.keyboard.press('Enter');
    await expect(panel.locator('.cl-detail-url').textContent()).resolves.toContain(secondUrl);
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.locator('.cl-detail').count()).toBe(0);
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');

    await panel.keyboard.press('/');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await panel.keyboard.type('zz-no-such-request');
    await expect.poll(() => panel.locator('[role=option]').count()).toBe(0);
    await panel.keyboard.press('Escape'); // clears the search
    await expect.poll(() => panel.locator('[role=option]').count()).toBeGreaterThan(0);
  });

  it('sorts by a column header from the keyboard: by outcome, blocked first; a third press gives capture order back', async () => {
    // Tall enough for every row, so readRows sees the whole order (the list renders only rows in view).
    await panel.setViewportSize({ width: 1400, height: 2600 });
    const total = Number((await panel.getByRole('button', { name: /^All / }).textContent())?.replace(/\D/g, ''));
    await expect.poll(() => panel.locator('[role=option]').count()).toBe(total);
    const captureOrder = (await readRows(panel)).map((r) => r.url);
    const outcome = panel.getByRole('button', { name: /^Outcome/ });
    await outcome.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(async () => outcome.textContent()).toContain('sorted ascending');
    const states = (await readRows(panel)).map((r) => r.state);
    const blocked = states.filter((state) => state === 'blocked').length;
    expect(blocked).toBeGreaterThan(20);
    expect(states.slice(0, blocked)).toEqual(Array.from({ length: blocked }, () => 'blocked'));
    expect(states.slice(blocked)).not.toContain('blocked');
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await readRows(panel)).at(-1)?.state).toBe('blocked');
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await readRows(panel)).map((r) => r.url)).toEqual(captureOrder);
    await panel.setViewportSize({ width: 1400, height: 900 });
  });

  it('drags the splitter between list and detail; the width holds when the panel is opened again', async () => {
    await panel.setViewportSize({ width: 1400, height: 900 });
    await panel.getByRole('option').first().click();
    const bar = panel.getByRole('separator', { name: 'Resize the request list' });
    const box = await bar.boundingBox();
    if (box === null) throw new Error('the splitter is not on screen');
    await panel.mouse.move(box.x + 2, box.y + 200);
    await panel.mouse.down();
    await panel.mouse.move(900, box.y + 200, { steps: 5 });
    await panel.mouse.up();
    const listWidth = (): Promise<number> => panel.locator('.cl-split-list').evaluate((el) => el.getBoundingClientRect().width);
    await expect.poll(listWidth).toBeGreaterThan(880);
    expect(await listWidth()).toBeLessThan(905);
    const share = Number(await bar.getAttribute('aria-valuenow'));
    expect(share).toBeGreaterThan(62);
    await panel.reload();
    await panel.getByRole('option').first().click();
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(share);
    await bar.focus();
    await panel.keyboard.press('Enter'); // back to the default width, for the screenshots that follow
    await expect.poll(listWidth).toBeLessThan(560);
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.locator('.cl-detail').count()).toBe(0);
  });

  it.each(DETAIL_CASES.map((c) => [c.id, c] as const))('detail of %s names the check, the origins, the timeline and the fix', async (id, c) => {
    const run = runs.get(id);
    if (!run) throw new Error(`scenario ${id} did not run`);
    const matches = listedRequests(run, lab);
    await panel.setViewportSize({ width: 1400, height: 900 });
    await openByKeyboard(panel, `/s/${id}?`, c.last ? matches.length - 1 : 0);
    const detail = panel.locator('.cl-detail');
    await expect.poll(() => detail.locator('.cl-detail-url').textContent()).toContain(run.url);
    // Before any assertion: a failing case is the one whose screenshot matters most.
    if (c.dark) await saveScreenshotsInBothSchemes(panel, `panel-${id}`);
    else await saveScreenshot(panel, `panel-${id}`);

    const headline = detail.locator('.cl-headline');
    const headlineText = (await headline.innerText()).replace(/\s+/g, ' ');
    for (const text of c.headline) expect(headlineText).toContain(resolve(text));
    if (c.rootCause) expect(headlineText.startsWith(c.rootCause)).toBe(true);
    else expect(await headline.getByTestId('root-cause').count()).toBe(0);

    expect((await originMarks(panel)).sort()).toEqual([...c.marks].sort());

    const timeline = detail.locator('section[aria-labelledby=cl-timeline-title]');
    expect(await timeline.locator('li[data-tone]').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-tone')))).toEqual(c.steps);
    const conclusion = timeline.getByTestId('timeline-conclusion');
    if (c.conclusion === null) expect(await conclusion.count()).toBe(0);
    else expect(await conclusion.textContent()).toMatch(c.conclusion);
    const timelineText = await timeline.innerText();
    for (const text of c.timelineText ?? []) expect(timelineText).toContain(resolve(text));

    const culprits = await detail.locator('[data-culprit=true] th').allTextContents();
    expect(culprits).toEqual(c.culprit === undefined ? [] : [`Culprit: ${c.culprit}`]);

    const fix = detail.locator('section[aria-labelledby=cl-fix-title]');
    await fix.scrollIntoViewIfNeeded();
    await saveScreenshot(panel, `panel-${id}-fix`);
    const lines = await fix.locator('.cl-required-list code').allTextContents();
    for (const want of c.fix) {
      const ok = typeof want === 'string' ? lines.includes(resolve(want)) : lines.some((line) => want.test(line));
      expect(ok, `fix lists ${String(want)}; it lists:\n${lines.join('\n')}`).toBe(true);
    }
    for (const never of c.fixNever ?? []) expect(lines.filter((line) => never.test(line))).toEqual([]);
    const statusFix = fix.getByTestId('status-fix');
    if (c.statusFix) expect(await statusFix.textContent()).toMatch(c.statusFix);
    else expect(await statusFix.count()).toBe(0);

    const findings = await detail.locator('.cl-findings').allInnerTexts();
    for (const text of c.findings ?? []) expect(findings.join('\n')).toContain(text);
    const findingsFirst = await detail.evaluate((el) => {
      const [findingsSection, origins] = [el.querySelector('.cl-findings'), el.querySelector('.cl-origin-table')];
      return findingsSection !== null && origins !== null && (findingsSection.compareDocumentPosition(origins) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(findingsFirst).toBe(c.warning === true);
    if (c.warning) expect(await detail.locator('.cl-findings > li').first().getAttribute('data-severity')).toBe('warning');

    await panel.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
  });

  describe('has no serious or critical accessibility violations', () => {
    it.each(['light', 'dark'] as const)('in %s: the list, then a detail with each of its tabs', async (scheme) => {
      await useColorScheme(panel, scheme);
      const problems: Record<string, unknown> = { list: await axeViolations(panel) };
      await openByKeyboard(panel, '/s/acao-trailing-slash?');
      await panel.locator('.cl-detail').waitFor();
      for (const tab of ['Explanation', 'Headers', 'What-if']) {
        await panel.getByRole('tab', { name: tab }).click();
        await expect.poll(() => panel.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
        if (tab === 'What-if') await panel.locator('.cl-what-if').waitFor(); // loads on first opening
        problems[tab] = await axeViolations(panel);
        await saveScreenshot(panel, `panel-tab-${tab.toLowerCase()}`, scheme);
      }
      await panel.getByRole('tab', { name: 'Explanation' }).click();
      await panel.keyboard.press('Escape');
      await useColorScheme(panel, 'light');
      expect(problems).toEqual({ list: [], Explanation: [], Headers: [], 'What-if': [] });
    });
  });
});
