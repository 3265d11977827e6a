/**
 * Run before the e2e suite (`npm run test:e2e`): makes sure a Chromium is available and says which.
 * Never skips silently: if none is found it installs Debian's `chromium` when that is possible
 * (root on Debian), otherwise it exits 1 naming the command to run.
 *
 * Usage: npx tsx test/support/ensure-browser.ts
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { browserVersion, findBrowser } from './find-browser';

const INSTALL = 'apt-get update && apt-get install -y chromium';

function canInstallWithApt(): boolean {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

function main(): number {
  let found = findBrowser();
  if (!found) {
    if (!canInstallWithApt()) {
      console.error('ensure-browser: no Chromium found (looked at $CHROME_PATH, /usr/bin/chromium, chromium/chrome on PATH).');
      console.error(`ensure-browser: install one, e.g. \`sudo ${INSTALL}\` on Debian/Ubuntu, or set CHROME_PATH=/path/to/chromium.`);
      return 1;
    }
    console.log(`ensure-browser: no Chromium found; installing it: ${INSTALL}`);
    execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    found = findBrowser();
    if (!found) {
      console.error('ensure-browser: apt-get finished but no chromium binary was found.');
      return 1;
    }
  }
  console.log(`ensure-browser: using ${found.path} (${found.source}): ${browserVersion(found.path)}`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`ensure-browser: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
