/**
 * Launches the test Chromium headless with a fresh temporary profile, optionally with one unpacked
 * MV3 extension loaded, and finds that extension's id and service worker.
 * One browser per test file: launching costs about a second, a fresh profile keeps files independent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Worker } from 'playwright-core';
import { requireBrowser } from './find-browser';

export { cdpRecorder } from './cdp-recorder';
export type { CdpRecorder, CdpRequest } from './cdp-recorder';

/** Flags for a quiet, offline, root-safe headless Chromium (no sandbox: the tests may run as root). */
export const BROWSER_FLAGS: readonly string[] = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface LaunchOptions {
  /** Unpacked extension directory to load (it must have a service worker when you need `serviceWorker`). */
  readonly extensionDir?: string;
  /** Default true; set HEADED=1 in the environment to watch. */
  readonly headless?: boolean;
}

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  /** The loaded extension's id (from its service worker URL), when `extensionDir` was given. */
  readonly extensionId?: string;
  readonly serviceWorker?: Worker;
  /** The temporary profile: every process of this browser has it on its command line (bench/lib/process-cpu.ts). */
  readonly userDataDir: string;
  /** Closes the browser and deletes the temporary profile. */
  close(): Promise<void>;
}

async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  return context.waitForEvent('serviceworker', {
    predicate: (worker) => worker.url().startsWith('chrome-extension://'),
    timeout: 15_000,
  });
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const browser = requireBrowser();
  const userDataDir = await mkdtemp(join(tmpdir(), 'cors-lens-profile-'));
  const args = [...BROWSER_FLAGS];
  const extensionDir = options.extensionDir === undefined ? undefined : resolve(options.extensionDir);
  if (extensionDir) args.push(`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browser.path,
    headless: options.headless ?? process.env.HEADED !== '1',
    args,
  });
  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  };
  if (!extensionDir) return { context, userDataDir, close };
  try {
    const serviceWorker = await extensionServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, userDataDir, close };
  } catch (error) {
    await close();
    throw new Error(`extension at ${extensionDir} did not start a service worker: ${String(error)}`, { cause: error });
  }
}
