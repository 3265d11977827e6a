/**
 * The in-process benchmarks (engine, model, capture) run in a child Node process, on a bundle of
 * cpu-child.ts built like the shipped code (lib/shipped-bundle.ts): what they measure is the code
 * as the service worker runs it, in a process that has done nothing else.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { EngineResult } from './engine-bench';
import { bundleLikeShipped } from './lib/shipped-bundle';
import type { CaptureResult, ModelResult } from './model-bench';

export const CPU_SECTIONS = ['engine', 'model', 'capture'] as const;
export type CpuSection = (typeof CPU_SECTIONS)[number];

export interface CpuSizes {
  readonly engineTransactions: number;
  readonly modelRequests: number;
  readonly captureRequests: number;
  readonly passes: number;
}

export interface CpuResults {
  engine?: EngineResult;
  model?: ModelResult;
  capture?: CaptureResult;
}

/** What the child is asked to do: its one command-line argument, as JSON. */
export interface CpuJob {
  readonly sections: readonly CpuSection[];
  readonly sizes: CpuSizes;
}

const CHILD_ENTRY = fileURLToPath(new URL('./cpu-child.ts', import.meta.url));

export async function runCpuSections(job: CpuJob): Promise<CpuResults> {
  const bundle = await bundleLikeShipped(CHILD_ENTRY);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [bundle, JSON.stringify(job)], { maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(stdout) as CpuResults;
  } finally {
    rmSync(dirname(bundle), { recursive: true, force: true });
  }
}
