/**
 * engine.verdictsPerSec: evaluate() over a lab-shaped mix of distinct transactions, on one core
 * (this process's main thread, rated by its CPU time; the wall-clock rate is reported beside it).
 * The inputs are built in chunks of 5,000 between the timed parts, each one a fresh object graph
 * (as webRequest hands the worker), so nothing is recognised by identity and the heap stays the
 * size a worker's would be.
 */
import { evaluate } from '../src/core';
import type { Outcome } from '../src/core/types';
import { engineInputs } from './inputs/engine-inputs';
import { measureChunkedRate, timed } from './lib/stats';

export interface EngineResult {
  readonly verdictsPerSec: number;
  readonly verdictsPerWallSec: number;
  readonly transactions: number;
  /** Distinct recorded transactions the mix cycles through. */
  readonly templates: number;
  /** How the mix came out (a sanity check that the inputs are what they claim to be). */
  readonly outcomes: Readonly<Record<Outcome, number>>;
}

const CHUNK = 5000;

export function runEngineBench(options: { transactions?: number; passes?: number } = {}): EngineResult {
  const total = options.transactions ?? 100_000;
  const inputs = engineInputs();
  const outcomes: Record<Outcome, number> = { allowed: 0, blocked: 0, 'network-error': 0, 'not-cors': 0 };
  let sink = 0;
  const rate = measureChunkedRate(total, (clock) => {
    for (let from = 0; from < total; from += CHUNK) {
      const chunk = inputs.slice(from, Math.min(CHUNK, total - from));
      timed(clock, () => {
        for (const tx of chunk) sink += evaluate(tx).findings.length;
      });
    }
  }, { passes: options.passes ?? 5 });
  for (const tx of inputs.slice(0, Math.min(total, CHUNK))) outcomes[evaluate(tx).outcome]++;
  if (sink < 0) throw new Error('unreachable: keeps the verdicts alive');
  return { verdictsPerSec: rate.perCpuSecond, verdictsPerWallSec: rate.perWallSecond, transactions: total, templates: inputs.templates, outcomes };
}
