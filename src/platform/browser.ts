/**
 * The one place that imports webextension-polyfill (frozen upstream; Chrome ships a promise-based
 * `chrome` in MV3). Replacing it is a one-line change here.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Storage, Tabs, WebRequest } from 'webextension-polyfill';
