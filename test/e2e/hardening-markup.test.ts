/**
 * Page content is data, never markup. Hostile lab scenarios (test/lab/scenarios/hostile.ts) answer
 * <script>, <img onerror>, <svg onload>, javascript: URLs and a 100 KB header in Access-Control-*
 * and other headers, and redirect to a URL with markup in its query; the page also fires a request
 * with markup in its own query. The panel page (every hostile row, every detail tab, every long value
 * expanded, the what-if editor fed more markup) and the popup page must show all of it as text: no
 * dialog, no script run (window.__pwned stays undefined), no element from a payload, no new script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/server';
import { HOSTILE_PAYLOADS, HOSTILE_SCENARIOS, HUNDRED_KB_PAYLOAD } from '../lab/scenarios/hostile';
import { expectedVerdict, openLabPage, runLabScenarios, type LabScenarioRun } from '../support/run-lab-scenarios';
import { compareRun } from '../support/compare-verdicts';
import { exportReport, launchWithCorsLens, type CorsLensSession } from '../support/cors-lens-session';
import type { ReportV1 } from '../../src/core/report';

const IDS = HOSTILE_SCENARIOS.map((s) => s.id);
/** Markup the page itself puts in a URL query (the browser percent-encodes <, >, " and spaces). */
const QUERY_PAYLOAD = `?q=${HOSTILE_PAYLOADS.script}&i=${HOSTILE_PAYLOADS.img}&j=${HOSTILE_PAYLOADS.javascriptUrl}`;

let session: CorsLensSession;
let lab: Lab;
let labPage: Page;
let runs: Map<string, LabScenarioRun>;
let report: ReportV1;
let tabId: number;
const dialogs: string[] = [];

interface Damage {
  readonly pwned: unknown;
  readonly scripts: number;
  /** Elements a payload would create, and any element with an inline event handler or a javascript: link. */
  readonly injected: string[];
}

/** What a payload would have left behind in an extension page. */
function damage(page: Page): Promise<Damage> {
  return page.evaluate(() => {
    const suspicious = [...document.querySelectorAll('img[src=x], svg, script:not([src]), iframe, object, embed, [onerror], [onload], [href^="javascript:" i], [src^="javascript:" i]')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: document.scripts.length,
      // The only svg CORS Lens draws is its state icon (src/ui/components/state-icon.tsx).
      injected: suspicious.filter((el) => !(el.tagName === 'svg' && el.parentElement?.classList.contains('cl-state-icon') && !el.hasAttribute('onload')))
        .map((el) => el.outerHTML.slice(0, 120)),
    };
  });
}

/** Opens an extension page and watches it for dialogs; returns it with its script count at load. */
async function openWatched(path: string): Promise<{ page: Page; scripts: number }> {
  const page = await session.browser.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.setViewportSize({ width: 1300, height: 900 });
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  await page.waitForLoadState('load');
  return { page, scripts: await page.evaluate(() => document.scripts.length) };
}

describe('hostile markup in URLs and headers stays text in the panel and the popup', () => {
  beforeAll(async () => {
    lab = await startLab();
    session = await launchWithCorsLens();
    labPage = await session.browser.context.newPage();
    labPage.on('dialog', (dialog) => {
      dialogs.push(`lab page: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await openLabPage(labPage, lab);
    runs = await runLabScenarios(labPage, lab, IDS);
    await labPage.evaluate((url) => fetch(url).then(() => 'ok', () => 'failed'), `${lab.origins.apiA}/s/acao-missing${QUERY_PAYLOAD}`);
    tabId = await session.tabIdOf(lab.pageUrl);
    report = await exportReport(session.extensionPage, tabId, { settledCount: IDS.length + 1, timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await session?.close();
    await lab?.close();
  });

  it('each hostile scenario gets Chromium’s expected verdict, and CORS Lens agrees', () => {
    const problems = [...runs.values()].flatMap((run) => {
      const want = expectedVerdict(run.scenario, lab);
      const got = { corsError: run.cdp.corsError, ...(want.failedParameter === undefined ? {} : { failedParameter: run.cdp.failedParameter }) };
      const out = JSON.stringify(got) === JSON.stringify(want) ? [] : [`${run.scenario.id}: Chromium ${JSON.stringify(got)}, table ${JSON.stringify(want)}`];
      return [...out, ...compareRun(run, lab, report).problems.map((p) => `${run.scenario.id}: ${p}`)];
    });
    expect(problems).toEqual([]);
    const big = report.transactions.find((t) => t.url.includes('/s/hostile-expose-svg'));
    expect(big?.response?.responseHeaders.find((h) => h.name.toLowerCase() === 'x-hostile-big')?.value).toBe(HUNDRED_KB_PAYLOAD);
  });

  it('the panel shows every hostile row and each detail tab as text, with no dialog, script or element from a payload', async () => {
    const { page: panel, scripts } = await openWatched(`src/panel/index.html?tabId=${tabId}`);
    await expect.poll(() => panel.locator('[role=option]').count()).toBe(report.transactions.length);
    const seen: string[] = [];
    for (const id of [...IDS, 'acao-missing']) {
      await panel.locator('[role=option]', { hasText: `/s/${id}` }).first().click();
      const detail = panel.locator('.cl-detail');
      await expect.poll(() => detail.locator('.cl-detail-url').textContent()).toContain(`/s/${id}`);
      for (const tab of ['Explanation', 'Headers', 'What-if']) {
        await detail.getByRole('tab', { name: tab }).click();
        await expect.poll(() => detail.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
        if (tab === 'What-if') await detail.locator('.cl-what-if').waitFor(); // loads on first opening
        // Expand every long value ("Show all N characters"): the 100 KB header is rendered whole.
        for (let guard = 0; guard < 20; guard++) {
          const more = detail.getByRole('button', { name: /^Show all \d+ characters$/ });
          if ((await more.count()) === 0) break;
          await more.first().click();
        }
        seen.push(await detail.innerText());
        if (tab === 'What-if') {
          const editor = detail.locator('textarea').last();
          await editor.fill(`Access-Control-Allow-Origin: ${HOSTILE_PAYLOADS.img}\nX-More: ${HOSTILE_PAYLOADS.svg}`);
          seen.push(await detail.innerText());
        }
        expect(await damage(panel)).toEqual({ pwned: undefined, scripts, injected: [] });
      }
      await detail.getByRole('tab', { name: 'Explanation' }).click();
    }
    const text = seen.join('\n');
    for (const payload of [HOSTILE_PAYLOADS.script, HOSTILE_PAYLOADS.img, HOSTILE_PAYLOADS.javascriptUrl, HOSTILE_PAYLOADS.svg]) expect(text).toContain(payload);
    expect(text).toContain(HUNDRED_KB_PAYLOAD);
    // The page's own query, percent-encoded by the browser, is shown as the URL it is.
    expect(text).toContain('?q=%3Cscript%3Ewindow.__pwned=1%3C/script%3E');
    expect(dialogs).toEqual([]);
    await panel.close();
  });

  it('the popup shows the hostile requests grouped as text, with no dialog, script or element from a payload', async () => {
    const { page: popup, scripts } = await openWatched(`src/popup/index.html?tabId=${tabId}`);
    await popup.locator('section[aria-labelledby=by-reason]').waitFor();
    const text = await popup.locator('body').innerText();
    const titles = await popup.locator('[title]').evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? '').join('\n'));
    expect(`${text}\n${titles}`).toContain(HOSTILE_PAYLOADS.script);
    expect(await damage(popup)).toEqual({ pwned: undefined, scripts, injected: [] });
    expect(dialogs).toEqual([]);
    await popup.close();
  });
});
