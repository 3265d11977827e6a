/**
 * Entry of the panel page. Context: an extension page, either inside DevTools (created by
 * src/devtools/main.ts; lives as long as that DevTools window, one per inspected tab) or opened as a
 * normal tab at `src/panel/index.html?tabId=N` (full-window view, end-to-end tests). It reads the
 * browser here, once, and hands PanelApp a client: the app itself never touches `chrome`.
 */
import { render } from 'preact';
import { browser } from '../platform/browser';
import { createExtensionClient } from '../ui/extension-client';
import { browserStore } from '../ui/stack-preference';
import { applyTheme, prefersDark, resolveTheme, watchSystemTheme } from '../ui/theme';
import { PanelApp } from './panel-app';
import { resolveTabId } from './panel-context';
import '../ui/theme.css';
import './panel.css';

// `browser.devtools` exists only in DevTools pages (and panels created by them).
const devtools = (browser as { devtools?: typeof browser.devtools }).devtools;
const devtoolsTheme = devtools?.panels?.themeName ?? null;

applyTheme(document.documentElement, resolveTheme(devtoolsTheme, prefersDark(window)));
if (devtoolsTheme === null) {
  watchSystemTheme(window, (dark) => applyTheme(document.documentElement, resolveTheme(null, dark)));
}

const tabId = resolveTabId(location.search, devtools?.inspectedWindow?.tabId);
const root = document.getElementById('app');
if (root) {
  render(
    tabId === null ? (
      <p class="cl-empty">No tab to show. Open the CORS panel in DevTools, or this page with ?tabId=N.</p>
    ) : (
      <PanelApp client={createExtensionClient()} tabId={tabId} storage={browserStore()} version={browser.runtime.getManifest().version} />
    ),
    root,
  );
}
