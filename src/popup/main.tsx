/**
 * Entry of the toolbar popup (src/popup/index.html).
 * Context: an extension page. Lifetime: exists only while the popup is open; it closes when it
 * loses focus (a click outside, opening the panel in a new tab), taking its live port with it.
 * Nothing here needs to survive: every opening subscribes again and gets a fresh snapshot.
 * Also opens as a normal page with `?tabId=N` (end-to-end tests, screenshots).
 */
import { render } from 'preact';
import { browser } from '../platform/browser';
import { createExtensionClient } from '../ui/extension-client';
import { PopupApp } from './popup-app';
import { resolveTabId } from './resolve-tab';
import './popup.css';

function NoTab() {
  return (
    <div class="popup popup--message">
      <h1 class="popup__title">CORS Lens</h1>
      <p>There is no tab to show here. Open CORS Lens from the toolbar of the tab you want to check.</p>
    </div>
  );
}

async function start(root: HTMLElement): Promise<void> {
  const tabId = await resolveTabId(location.search, browser.tabs).catch(() => null);
  render(tabId === null ? <NoTab /> : <PopupApp client={createExtensionClient()} tabId={tabId} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
