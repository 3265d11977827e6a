import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// The version shown in chrome://extensions comes from package.json, the single source of truth.
const builtManifest = { ...manifest, version: pkg.version };

export default defineConfig({
  plugins: [preact(), crx({ manifest: builtManifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    // Chrome has supported <link rel=modulepreload> natively since 66: the polyfill only adds code
    // (and a fetch() call the dist hardening scan would have to excuse).
    modulePreload: { polyfill: false },
    rollupOptions: {
      // A panel created with devtools.panels.create is not in the manifest, so the bundler would
      // not find it; the panel page also opens as a full-window extension page (?tabId=N).
      input: { panel: 'src/panel/index.html' },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
