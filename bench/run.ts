/**
 * `npm run bench` (after `vite build`): runs every benchmark, prints a table and writes
 * bench/results.json. Options:
 *   --only engine,model,…   run some sections (engine, model, capture, bundle, panel, serviceWorker, pageLoad)
 *   --tiny                  tiny sizes (what the smoke tests use; the numbers mean nothing)
 *   --out <file>            write the results elsewhere
 * Timings are only as quiet as the machine: the load average is recorded with the results.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIST_DIR } from './bundle-size';
import { formatTable } from './lib/results';
import { FULL_SIZES, SECTIONS, TINY_SIZES, runBenchmarks, type Section } from './run-benchmarks';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function sections(): Section[] {
  const only = argument('--only');
  if (only === undefined) return [...SECTIONS];
  const wanted = only.split(',').map((s) => s.trim());
  const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return wanted as Section[];
}

async function main(): Promise<void> {
  const out = argument('--out') ?? fileURLToPath(new URL('./results.json', import.meta.url));
  const results = await runBenchmarks({
    distDir: DIST_DIR,
    sizes: process.argv.includes('--tiny') ? TINY_SIZES : FULL_SIZES,
    sections: sections(),
    log: (line) => console.log(line),
  });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  console.log(`\n${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.chromium ?? 'no Chromium'}`);
  console.log(`load average at start ${m.loadAverage.join(' ')}, at end ${results.loadAverageAtEnd.join(' ')}\n`);
  console.log(formatTable(results));
  console.log(`\nwrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
