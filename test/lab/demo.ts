/**
 * `npm start`: CORS Lens on the built-in CORS lab, for a developer who just cloned the repository.
 *
 * Builds nothing itself (the npm script runs `vite build` first), starts the lab (a page origin and
 * two API origins on loopback), and launches Chromium with dist/ loaded on the lab page, whose
 * buttons fire each scenario. With `--headless` (or when there is no display) it runs every scenario
 * without a window and writes screenshots of the popup and the panel to a folder it names.
 *
 * Usage: npm start [-- --headless] [-- --out <dir>] [-- --port <page port>]
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startLab, type Lab } from './server';
import { findBrowser } from '../support/find-browser';
import { runLabScenarios } from '../support/run-lab-scenarios';
import { DIST_DIR, exportReport, launchWithCorsLens } from '../support/cors-lens-session';
import { launchBrowser } from '../support/launch';

interface DemoOptions {
  readonly headless: boolean;
  readonly out: string;
  readonly port: number;
}

function parseArgs(argv: readonly string[]): DemoOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (noDisplay && !argv.includes('--headless')) console.log('No display found: running headless (screenshots instead of a window).');
  return {
    headless: argv.includes('--headless') || noDisplay,
    out: resolve(value('--out') ?? 'demo-screenshots'),
    port: Number(value('--port') ?? 5180),
  };
}

async function startLabNear(port: number): Promise<Lab> {
  try {
    return await startLab({ ports: { page: port, apiA: port + 1, apiB: port + 2 } });
  } catch {
    console.log(`Ports ${port}-${port + 2} are busy; letting the system pick free ones.`);
    return startLab();
  }
}

async function headlessTour(options: DemoOptions): Promise<void> {
  const lab = await startLabNear(options.port);
  const session = await launchWithCorsLens();
  const { browser, extensionId } = session;
  try {
    const page = await browser.context.newPage();
    const runs = await runLabScenarios(page, lab);
    const tabId = await session.tabIdOf(lab.pageUrl);
    const report = await exportReport(session.extensionPage, tabId, { settledCount: runs.size });
    await mkdir(options.out, { recursive: true });
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tabId=${tabId}`);
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: `${options.out}/popup.png`, fullPage: true });
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 1400, height: 900 });
    await panel.goto(`chrome-extension://${extensionId}/src/panel/index.html?tabId=${tabId}`);
    await panel.waitForTimeout(500);
    await panel.screenshot({ path: `${options.out}/panel.png` });
    const blocked = report.transactions.filter((t) => t.verdict?.outcome === 'blocked').length;
    console.log(`Ran ${runs.size} lab scenarios: CORS Lens saw ${report.transactions.length} cross-origin requests, ${blocked} blocked.`);
    console.log(`Screenshots: ${options.out}/popup.png and ${options.out}/panel.png`);
  } finally {
    await session.close();
    await lab.close();
  }
}

async function windowedDemo(options: DemoOptions): Promise<void> {
  const lab = await startLabNear(options.port);
  const browser = await launchBrowser({ extensionDir: DIST_DIR, headless: false });
  const page = await browser.context.newPage();
  await page.goto(lab.pageUrl);
  console.log(`CORS Lens is loaded. The lab page is open at ${lab.pageUrl}:`);
  console.log('  click a scenario, then open DevTools (F12) → CORS, or the CORS Lens toolbar button.');
  console.log(`  Full-window panel: chrome-extension://${browser.extensionId}/src/panel/index.html?tabId=<tab id>`);
  console.log('Close the browser or press Ctrl-C to stop.');
  const stop = async (): Promise<void> => {
    await browser.close();
    await lab.close();
    process.exit(0);
  };
  browser.context.on('close', () => void stop());
  process.once('SIGINT', () => void stop());
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!findBrowser()) {
    console.error('No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROME_PATH to a Chrome or Chromium binary, then run `npm start` again.');
    process.exit(1);
  }
  if (options.headless) await headlessTour(options);
  else await windowedDemo(options);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
