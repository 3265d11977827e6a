/**
 * The DevTools page. Context: an invisible extension page Chrome loads once per DevTools window (so
 * once per inspected tab) when DevTools opens, and unloads when it closes. Its only job is to add the
 * "CORS" panel; the panel page itself (src/panel/index.html) does the work, in its own frame.
 *
 * A panel is not in the manifest, so vite.config.ts lists src/panel/index.html as a build input.
 */
import { browser } from '../platform/browser';

// Paths are relative to the extension root, not to this page.
void browser.devtools.panels.create('CORS', 'icons/icon-32.png', 'src/panel/index.html');
