import type { FirefoxReason } from '../types';

const MDN_CORS_ERRORS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/';

// MDN has one page per Firefox reason key, named after the key (reference §8).
const KNOWN: ReadonlySet<FirefoxReason> = new Set<FirefoxReason>([
  'CORSDisabled', 'CORSDidNotSucceed', 'CORSOriginHeaderNotAdded', 'CORSExternalRedirectNotAllowed',
  'CORSRequestNotHttp', 'CORSMissingAllowOrigin', 'CORSMultipleAllowOriginNotAllowed',
  'CORSAllowOriginNotMatchingOrigin', 'CORSNotSupportingCredentials', 'CORSMissingAllowCredentials',
  'CORSMethodNotFound', 'CORSPreflightDidNotSucceed', 'CORSInvalidAllowMethod', 'CORSInvalidAllowHeader',
  'CORSMissingAllowHeaderFromPreflight',
]);

/** MDN's page for a Firefox reason key, or null when there is none. */
export function mdnUrl(reason: FirefoxReason | null): string | null {
  return reason !== null && KNOWN.has(reason) ? `${MDN_CORS_ERRORS}${reason}` : null;
}
