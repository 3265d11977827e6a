/**
 * Entry of the child process cpu-sections.ts starts (bundled first): runs the job given as its one
 * argument and prints the results as one line of JSON.
 */
import type { CpuJob, CpuResults } from './cpu-sections';
import { runEngineBench } from './engine-bench';
import { runCaptureBench, runModelBench } from './model-bench';

async function run({ sections, sizes }: CpuJob): Promise<CpuResults> {
  const results: CpuResults = {};
  if (sections.includes('engine')) results.engine = runEngineBench({ transactions: sizes.engineTransactions, passes: sizes.passes });
  if (sections.includes('model')) results.model = runModelBench({ requests: sizes.modelRequests, passes: sizes.passes });
  if (sections.includes('capture')) results.capture = await runCaptureBench({ requests: sizes.captureRequests, passes: Math.min(3, sizes.passes) });
  return results;
}

run(JSON.parse(process.argv[2] ?? '') as CpuJob).then(
  (results) => process.stdout.write(`${JSON.stringify(results)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
