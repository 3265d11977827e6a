/** The machine a benchmark ran on: what a reader needs to weigh the figures. */
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { browserVersion, findBrowser } from '../../test/support/find-browser';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly os: string;
  readonly node: string;
  readonly chromium: string | null;
  /** 1, 5 and 15-minute load averages: other work on the machine skews timings. */
  readonly loadAverage: readonly number[];
}

export function describeMachine(): Machine {
  const list = cpus();
  const browser = findBrowser();
  let chromium: string | null;
  try {
    chromium = browser === null ? null : browserVersion(browser.path);
  } catch {
    chromium = null;
  }
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}
