/**
 * `npm run zip`: packs dist/ into release/cors-lens-<version>.zip, ready for the Chrome Web Store
 * (manifest.json at the root of the archive, version from package.json).
 */
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

function collect(dir: string, files: Zippable): Zippable {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, files);
    else files[relative(dist, path)] = readFileSync(path);
  }
  return files;
}

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { version: string };
if (manifest.version !== version) throw new Error(`dist/manifest.json has version ${manifest.version}, package.json ${version}: rebuild first.`);
const archive = zipSync(collect(dist, {}), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
mkdirSync(join(root, 'release'), { recursive: true });
const out = join(root, 'release', `cors-lens-${version}.zip`);
writeFileSync(out, archive);
console.log(`${relative(root, out)}: ${(archive.length / 1024).toFixed(1)} KB`);
