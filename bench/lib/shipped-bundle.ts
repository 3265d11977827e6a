/**
 * Builds a benchmark entry the way the extension ships its code: one module, scope-hoisted and
 * minified by rolldown (Vite 8's bundler, with its minifier), so calls between src/ modules are
 * plain calls, as in the service worker. Running the sources under tsx instead measures tsx's module
 * wrappers too: the engine ran 30-40 % slower that way (README, Performance).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';

/**
 * Each module keeps its own `import.meta.url` (the fixture loader and others resolve files next to
 * their source), instead of the bundle's.
 */
function keepModuleUrls(): Plugin {
  return {
    name: 'keep-module-urls',
    transform(code, id) {
      if (!code.includes('import.meta.url')) return null;
      return { code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href)) };
    },
  };
}

/** Bundles `entry` into a fresh temporary directory and returns the bundle's path (the caller removes the directory). */
export async function bundleLikeShipped(entry: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'cors-lens-bench-')), 'bench.mjs');
  const bundle = await rolldown({ input: entry, platform: 'node', plugins: [keepModuleUrls()], logLevel: 'silent' });
  try {
    await bundle.write({ file, format: 'esm', minify: true });
  } finally {
    await bundle.close();
  }
  return file;
}
