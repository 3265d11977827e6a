/**
 * CPU time of one Chromium's processes, read from /proc (Linux): what a page load cost the machine,
 * which the wall-clock time shows only through noise when two cores are shared. Processes are found
 * by the browser's profile directory on their command line; a process that ended still counts
 * through its parent (cutime/cstime of whoever reaped it).
 */
import { readFileSync, readdirSync } from 'node:fs';

/** What each process does, from its --type flag; the extension's own renderer apart from pages'. */
export type ProcessKind = 'browser' | 'network' | 'renderer' | 'extension' | 'other';

export type CpuByKind = Readonly<Record<ProcessKind, number>>;

/** Clock ticks per second: USER_HZ, which Linux fixes at 100 for /proc. */
const TICKS_PER_SECOND = 100;

function kindOf(commandLine: string): ProcessKind {
  const type = /--type=(\S+)/.exec(commandLine)?.[1];
  if (type === undefined) return 'browser';
  if (type === 'renderer') return commandLine.includes('--extension-process') ? 'extension' : 'renderer';
  if (type === 'utility' && commandLine.includes('network.mojom.NetworkService')) return 'network';
  return 'other';
}

/** utime + stime + cutime + cstime of a process, in ms; null when it is gone or unreadable. */
function processCpuMs(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, at) => sum + Number(fields[at]), 0);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** CPU milliseconds so far of every process of the browser using `userDataDir`; null where /proc is not there. */
export function browserCpuMs(userDataDir: string): CpuByKind | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const total: Record<ProcessKind, number> = { browser: 0, network: 0, renderer: 0, extension: 0, other: 0 };
  for (const pid of pids) {
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (!commandLine.includes(`--user-data-dir=${userDataDir}`)) continue;
    total[kindOf(commandLine)] += processCpuMs(pid) ?? 0;
  }
  return total;
}
