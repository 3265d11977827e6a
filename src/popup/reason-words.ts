/**
 * A short name in plain words for each Chromium CorsError (reference §7), for group headings. The
 * full, request-specific sentence comes from the advice layer (explain().title); this is the label
 * that stays the same for every request in the group. The Record type keeps it exhaustive.
 */
import type { CorsErrorName, FindingCode } from '../core/types';

export const REASON_WORDS: Readonly<Record<CorsErrorName, string>> = {
  DisallowedByMode: 'Same-origin-only request sent to another origin',
  InvalidResponse: 'The response could not be checked',
  WildcardOriginNotAllowed: 'Allow-Origin is "*" on a request with credentials',
  MissingAllowOriginHeader: 'No Access-Control-Allow-Origin header',
  MultipleAllowOriginValues: 'More than one Allow-Origin value',
  InvalidAllowOriginValue: 'Allow-Origin is not a valid origin',
  AllowOriginMismatch: 'Allow-Origin names a different origin',
  InvalidAllowCredentials: 'Allow-Credentials is not "true"',
  CorsDisabledScheme: 'The URL scheme does not support cross-origin requests',
  PreflightInvalidStatus: 'The preflight got an error status',
  PreflightDisallowedRedirect: 'The preflight was redirected',
  PreflightWildcardOriginNotAllowed: 'Preflight: Allow-Origin is "*" with credentials',
  PreflightMissingAllowOriginHeader: 'Preflight: no Access-Control-Allow-Origin header',
  PreflightMultipleAllowOriginValues: 'Preflight: more than one Allow-Origin value',
  PreflightInvalidAllowOriginValue: 'Preflight: Allow-Origin is not a valid origin',
  PreflightAllowOriginMismatch: 'Preflight: Allow-Origin names a different origin',
  PreflightInvalidAllowCredentials: 'Preflight: Allow-Credentials is not "true"',
  InvalidAllowMethodsPreflightResponse: 'Preflight: Allow-Methods cannot be parsed',
  InvalidAllowHeadersPreflightResponse: 'Preflight: Allow-Headers cannot be parsed',
  MethodDisallowedByPreflightResponse: 'Method not allowed by the preflight',
  HeaderDisallowedByPreflightResponse: 'Request header not allowed by the preflight',
  RedirectContainsCredentials: 'Redirected to a URL with a user name or password',
  InsecureLocalNetwork: 'Local network request from an insecure page',
  InvalidLocalNetworkAccess: 'Local network access refused by the preflight',
  LocalNetworkAccessPermissionDenied: 'Local network access permission denied',
  NoCorsRedirectModeNotFollow: 'No-cors request with a redirect mode other than follow',
  InsecurePrivateNetwork: 'Private network request from an insecure page',
  InvalidPrivateNetworkAccess: 'Private network access refused',
  UnexpectedPrivateNetworkAccess: 'Unexpected private network access',
  PreflightMissingAllowPrivateNetwork: 'Preflight: no Allow-Private-Network header',
  PreflightInvalidAllowPrivateNetwork: 'Preflight: Allow-Private-Network is not "true"',
  PreflightMissingAllowExternal: 'Preflight: no Allow-External header',
  PreflightInvalidAllowExternal: 'Preflight: Allow-External is not "true"',
};

/** For a blocked verdict without a CorsError (should not happen; shown rather than hidden). */
export const UNKNOWN_REASON_WORDS = 'Blocked for a reason CORS Lens could not name';

/** A short name for each kind of warning finding, for the warnings list. */
export const FINDING_WORDS: Readonly<Record<FindingCode, string>> = {
  'authorization-covered-by-wildcard': 'Authorization relies on a "*" in Allow-Headers',
  'headers-not-exposed': 'Response headers hidden from the page',
  'reflected-origin-without-vary': 'Origin reflected without Vary: Origin',
  'reflected-origin-with-credentials': 'Any origin reflected, with credentials',
  'preflight-cache': 'Preflight caching',
  'served-from-preflight-cache': 'Preflight answered from the cache',
  'cookies-stored-despite-block': 'Cookies stored although the response was blocked',
  'request-reached-server': 'The request reached the server',
  'credentials-inferred': 'Credentials mode inferred',
  'tainted-origin-null': 'Origin became "null" after a redirect',
  'verdict-reconciled': 'Verdict corrected to match the browser',
};
