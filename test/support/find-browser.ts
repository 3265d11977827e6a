/**
 * Where the Chromium used by the real-browser tests lives: $CHROME_PATH, else Debian's
 * /usr/bin/chromium, else the first chromium / chrome / google-chrome on PATH.
 * Branded Google Chrome ignores --load-extension since version 137, so prefer Chromium.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface FoundBrowser {
  readonly path: string;
  /** How it was found, for the log line. */
  readonly source: 'CHROME_PATH' | 'default' | 'PATH';
}

const DEFAULT_PATH = '/usr/bin/chromium';
const PATH_NAMES = ['chromium', 'chromium-browser', 'chrome', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to use, or null when none is installed. A CHROME_PATH that is not executable is an error. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): FoundBrowser | null {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} is not an executable file`);
    return { path: fromEnv, source: 'CHROME_PATH' };
  }
  if (isExecutable(DEFAULT_PATH)) return { path: DEFAULT_PATH, source: 'default' };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return { path: candidate, source: 'PATH' };
    }
  }
  return null;
}

/** The browser's own version line, e.g. "Chromium 156.0.8078.79 built on Debian GNU/Linux 12". */
export function browserVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim();
}

/** Like findBrowser, for tests: throws with the command to run when no browser is installed. */
export function requireBrowser(): FoundBrowser {
  const found = findBrowser();
  if (!found) throw new Error('No Chromium found. Run `npm run test:e2e` (it installs one on Debian as root) or set CHROME_PATH.');
  return found;
}
