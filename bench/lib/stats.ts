/** Small numeric helpers shared by the benchmarks. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** The value at quantile q (0..1), nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface Rate {
  /** Items per second of this process's CPU time (user + system): what one core does, whatever else runs. */
  readonly perCpuSecond: number;
  /** Items per second of wall-clock time (lower when the machine is busy). */
  readonly perWallSecond: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `pass` `passes` times after `warmups` untimed ones and returns the median rates (`items`
 * per second). Median, not best: the figure should be typical. CPU time is the headline on a shared
 * machine: other processes stealing the core do not count against us (GC helper threads do).
 */
export function measureRate(items: number, pass: () => void, options: { passes?: number; warmups?: number } = {}): Rate {
  for (let i = 0; i < (options.warmups ?? 1); i++) pass();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < (options.passes ?? 5); i++) {
    const startWall = performance.now();
    const startCpu = cpuMs();
    pass();
    cpu.push(items / ((cpuMs() - startCpu) / 1000));
    wall.push(items / ((performance.now() - startWall) / 1000));
  }
  return { perCpuSecond: median(cpu), perWallSecond: median(wall) };
}

/** CPU and wall milliseconds spent in `fn` (accumulate them over the chunks of a pass). */
export interface Clock {
  cpuMs: number;
  wallMs: number;
}

export function timed<T>(clock: Clock, fn: () => T): T {
  const startWall = performance.now();
  const startCpu = cpuMs();
  try {
    return fn();
  } finally {
    clock.cpuMs += cpuMs() - startCpu;
    clock.wallMs += performance.now() - startWall;
  }
}

/**
 * Runs `pass` (which times only what it wraps in `timed`) `passes` times after one untimed warm-up
 * and returns the median rates. For benchmarks whose input is built chunk by chunk between the timed
 * parts, so the heap holds what the product would hold, not 100,000 inputs at once.
 */
export function measureChunkedRate(items: number, pass: (clock: Clock) => void, options: { passes?: number } = {}): Rate {
  pass({ cpuMs: 0, wallMs: 0 });
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < (options.passes ?? 5); i++) {
    const clock: Clock = { cpuMs: 0, wallMs: 0 };
    pass(clock);
    cpu.push(items / (clock.cpuMs / 1000));
    wall.push(items / (clock.wallMs / 1000));
  }
  return { perCpuSecond: median(cpu), perWallSecond: median(wall) };
}

/** measureRate for asynchronous passes. */
export async function measureRateAsync(items: number, pass: () => Promise<void>, options: { passes?: number; warmups?: number } = {}): Promise<Rate> {
  for (let i = 0; i < (options.warmups ?? 1); i++) await pass();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < (options.passes ?? 3); i++) {
    const startWall = performance.now();
    const startCpu = cpuMs();
    await pass();
    cpu.push(items / ((cpuMs() - startCpu) / 1000));
    wall.push(items / ((performance.now() - startWall) / 1000));
  }
  return { perCpuSecond: median(cpu), perWallSecond: median(wall) };
}
