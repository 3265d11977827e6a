/**
 * bundleGzKB: gzip size of each entry's JavaScript in dist/, its statically imported chunks
 * included (what Chrome loads before the entry can run). Entries are found the way Chrome finds
 * them: the popup and the panel from their HTML's module script, the service worker from the
 * manifest. Each file is gzipped on its own (level 9), as an extension package stores it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  readonly popup: number;
  readonly panel: number;
  readonly serviceWorker: number;
  /** Per entry, the files counted (relative to dist/), for the curious. */
  readonly files: Readonly<Record<'popup' | 'panel' | 'serviceWorker', readonly string[]>>;
}

/** Static `import … from './x.js'`, `import './x.js'` and `export … from './x.js'` of a built chunk. */
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[^'"`;()]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

function staticImports(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)].map((m) => m[1] ?? '').filter((s) => s !== '');
}

/** The entry file and everything it imports statically, as paths relative to dist/. */
function closure(distDir: string, entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === undefined || seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const spec of staticImports(code)) {
      const resolved = spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec));
      queue.push(resolved);
    }
  }
  return [...seen].sort();
}

function htmlEntry(distDir: string, htmlPath: string): string {
  const html = readFileSync(join(distDir, htmlPath), 'utf8');
  const src = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (src === undefined) throw new Error(`${htmlPath}: no module script`);
  return src.startsWith('/') ? src.slice(1) : posix.join(posix.dirname(htmlPath), src);
}

function gzKB(distDir: string, files: readonly string[]): number {
  const bytes = files.reduce((n, file) => n + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length, 0);
  return bytes / 1024;
}

export function measureBundles(distDir: string): BundleSizes {
  if (!existsSync(join(distDir, 'manifest.json'))) throw new Error(`${distDir} has no manifest.json: build first (npm run bench does)`);
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
    background?: { service_worker?: string };
  };
  const popupHtml = manifest.action?.default_popup;
  const worker = manifest.background?.service_worker;
  if (popupHtml === undefined || worker === undefined) throw new Error('manifest lacks the popup or the service worker');
  const files = {
    popup: closure(distDir, htmlEntry(distDir, popupHtml)),
    panel: closure(distDir, htmlEntry(distDir, 'src/panel/index.html')),
    serviceWorker: closure(distDir, worker),
  };
  return { popup: gzKB(distDir, files.popup), panel: gzKB(distDir, files.panel), serviceWorker: gzKB(distDir, files.serviceWorker), files };
}

/** dist/ next to this repository's package.json. */
export const DIST_DIR = join(dirname(new URL(import.meta.url).pathname), '..', 'dist');
