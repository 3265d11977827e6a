/**
 * Request mode and credentials mode, inferred from what the capture shows when the transaction does
 * not say (reference §0, §2.1). Sec-Fetch-Mode is the browser's own statement of the mode; without it
 * (sent only to potentially trustworthy URLs) the resource type and the Origin header decide.
 */
import type { CredentialsMode, ObservedTransaction, RequestMode, ResourceType } from '../types';
import type { HeaderIndex } from './header-index';
import { KNOWN } from './known-headers';

function isRequestMode(value: string): value is RequestMode {
  return value === 'cors' || value === 'no-cors' || value === 'same-origin' || value === 'navigate' || value === 'websocket';
}

/** Element loads that are CORS only with a `crossorigin` attribute, which makes the browser send Origin on a GET. */
const CROSSORIGIN_ATTRIBUTE_TYPES: ReadonlySet<ResourceType> = new Set(['image', 'script', 'stylesheet', 'media']);

function modeFromResourceType(type: ResourceType, hasOrigin: boolean, method: string): RequestMode {
  switch (type) {
    case 'xmlhttprequest':
    case 'font': // CSS @font-face is always cors (reference §2.1)
      return 'cors';
    case 'main_frame':
    case 'sub_frame':
      return 'navigate';
    case 'websocket':
      return 'websocket';
    case 'other':
      // EventSource and worker-initiated fetches land here; Origin on a GET only comes with cors.
      return hasOrigin && (method === 'GET' || method === 'HEAD') ? 'cors' : 'no-cors';
    default:
      if (CROSSORIGIN_ATTRIBUTE_TYPES.has(type)) return hasOrigin && method === 'GET' ? 'cors' : 'no-cors';
      // object, ping (sendBeacon), csp_report, webbundle, webtransport.
      return 'no-cors';
  }
}

/** tx.mode, else Sec-Fetch-Mode, else the resource type and whether Origin was sent. */
export function inferMode(tx: ObservedTransaction, requestHeaders: HeaderIndex, method: string): RequestMode {
  if (tx.mode !== undefined) return tx.mode;
  const secFetchMode = requestHeaders.valueOf(KNOWN.secFetchMode);
  if (secFetchMode !== null && isRequestMode(secFetchMode)) return secFetchMode;
  return modeFromResourceType(tx.resourceType, requestHeaders.valueOf(KNOWN.origin) !== null, method);
}

/**
 * tx.credentials when known; a Cookie header on a cross-origin request proves `include` (other modes
 * never attach cookies cross-origin); otherwise `unknown`, which evaluate() resolves against the outcome.
 */
export function inferCredentials(tx: ObservedTransaction, requestHeaders: HeaderIndex, crossOrigin: boolean): CredentialsMode {
  if (tx.credentials !== undefined && tx.credentials !== 'unknown') return tx.credentials;
  if (crossOrigin && requestHeaders.valueOf(KNOWN.cookie) !== null) return 'include';
  return 'unknown';
}

/** Element-initiated CORS requests (fonts, crossorigin images, module scripts) are never preflighted (reference §2.6). */
export function canBePreflighted(type: ResourceType): boolean {
  switch (type) {
    case 'main_frame': case 'sub_frame': case 'stylesheet': case 'script': case 'image': case 'font':
    case 'object': case 'media': case 'websocket': case 'csp_report':
      return false;
    default:
      return true;
  }
}
