/**
 * The verdict's one-line summary: which check failed and the actual value, in plain words. The long
 * explanation and the fix belong to src/core/advice; this line is what a list row shows.
 */
import type { CorsErrorName, RootCause } from '../types';
import { sharedAllowOriginDiffers } from '../origin/compare-origins';
import { createBoundedMemo } from '../util/bounded-memo';

/** What the line about a blocked request says beside the CorsError. */
export interface BlockedSummaryInput {
  readonly failedParameter: string;
  /** The value the check got (null when the header was absent). */
  readonly actual: string | null;
  /** The Origin sent at the failing hop, and whether a redirect made it `null`. */
  readonly originSent: string | null;
  readonly tainted: boolean;
  /** The status of the response that failed the check, if any. */
  readonly status: number | null;
}

/*
 * The lines for the outcomes the reconciler never gives a walked verdict (blocked without a rule
 * failure to name, not-cors): the words stay general.
 */
export const BLOCKED_WITHOUT_RULE = 'Blocked by CORS.';
export const NOT_CORS_SUMMARY = 'CORS does not apply to this request.';

const PREFLIGHT_PREFIX = 'Preflight response: ';

function originName(originSent: string, tainted: boolean): string {
  return tainted ? `the Origin 'null' sent after a cross-origin redirect` : `the page origin '${originSent}'`;
}

function mismatch(value: string, originSent: string, tainted: boolean): string {
  const origin = originName(originSent, tainted);
  if (value === 'null') return `Access-Control-Allow-Origin is 'null'; ${origin} is not.`;
  if (value.endsWith('/') && value.slice(0, -1) === originSent) {
    return `Access-Control-Allow-Origin '${value}' has a trailing slash; ${origin} has none.`;
  }
  const parts = sharedAllowOriginDiffers(value, originSent).filter((p) => p !== 'whole');
  const detail = parts.length === 0 ? '' : ` (${parts.join(', ')} ${parts.length === 1 ? 'differs' : 'differ'})`;
  return `Access-Control-Allow-Origin '${value}' does not match ${origin}${detail}.`;
}

function accessSummary(error: CorsErrorName, input: BlockedSummaryInput): string | null {
  const value = input.actual ?? '';
  const originSent = input.originSent ?? 'null';
  switch (error) {
    case 'MissingAllowOriginHeader':
      return input.status !== null && input.status >= 400
        ? `The server answered ${input.status} without Access-Control-Allow-Origin; fix the ${input.status} first.`
        : `The response has no Access-Control-Allow-Origin header; ${originName(originSent, input.tainted)} needs one.`;
    case 'WildcardOriginNotAllowed':
      return "Access-Control-Allow-Origin is '*' but the request carries credentials; '*' never works with credentials.";
    case 'MultipleAllowOriginValues':
      return `Access-Control-Allow-Origin '${value}' holds more than one value; exactly one origin is allowed.`;
    case 'InvalidAllowOriginValue':
      return `Access-Control-Allow-Origin '${value}' is not a valid origin; ${originName(originSent, input.tainted)} is expected.`;
    case 'AllowOriginMismatch':
      return mismatch(value, originSent, input.tainted);
    case 'InvalidAllowCredentials':
      return input.actual === null
        ? "Access-Control-Allow-Credentials is missing; with credentials it must be exactly 'true'."
        : `Access-Control-Allow-Credentials is '${value}'; with credentials it must be exactly 'true'.`;
    default:
      return null;
  }
}

const UNPREFIXED: Partial<Record<CorsErrorName, CorsErrorName>> = {
  PreflightMissingAllowOriginHeader: 'MissingAllowOriginHeader',
  PreflightWildcardOriginNotAllowed: 'WildcardOriginNotAllowed',
  PreflightMultipleAllowOriginValues: 'MultipleAllowOriginValues',
  PreflightInvalidAllowOriginValue: 'InvalidAllowOriginValue',
  PreflightAllowOriginMismatch: 'AllowOriginMismatch',
  PreflightInvalidAllowCredentials: 'InvalidAllowCredentials',
};

/** What the preflight response listed, in words. */
function listed(header: string, actual: string | null): string {
  return actual === null ? `the preflight response has no ${header}` : `${header} is '${actual}'`;
}

export function blockedSummary(error: CorsErrorName, input: BlockedSummaryInput): string {
  const direct = accessSummary(error, input);
  if (direct !== null) return direct;
  const twin = UNPREFIXED[error];
  const viaTwin = twin === undefined ? null : accessSummary(twin, input);
  if (viaTwin !== null) return PREFLIGHT_PREFIX + viaTwin;
  const param = input.failedParameter;
  switch (error) {
    case 'PreflightInvalidStatus':
      return `The preflight (OPTIONS) got status ${input.actual ?? '?'}; it must be 2xx.`;
    case 'PreflightDisallowedRedirect':
      return `The preflight was redirected to '${input.actual ?? ''}'; a preflight may not redirect.`;
    case 'InvalidAllowMethodsPreflightResponse':
      return `Access-Control-Allow-Methods '${input.actual ?? ''}' is not a valid comma-separated list of methods.`;
    case 'InvalidAllowHeadersPreflightResponse':
      return `Access-Control-Allow-Headers '${input.actual ?? ''}' is not a valid comma-separated list of header names.`;
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${param} is not allowed: ${listed('Access-Control-Allow-Methods', input.actual)} (the match is case-sensitive).`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header '${param}' is not allowed: ${listed('Access-Control-Allow-Headers', input.actual)}.`;
    case 'RedirectContainsCredentials':
      return `The redirect to '${input.actual ?? ''}' carries a user name or password, which CORS forbids.`;
    case 'DisallowedByMode':
      return `A same-origin-only request went to another origin (${input.actual ?? 'opaque'}).`;
    case 'CorsDisabledScheme':
      return `Cross-origin requests only work over http and https, not '${input.actual ?? ''}:'.`;
    case 'InsecureLocalNetwork':
      return 'A page that is not a secure context asked for a more private network address; Local Network Access blocks that outright.';
    case 'LocalNetworkAccessPermissionDenied':
      return 'Local Network Access: the page may not reach this local address (permission missing or denied).';
    default:
      return `Blocked by CORS: ${error}.`;
  }
}

export function networkSummary(rootCause: RootCause | null, preflight: boolean): string {
  if (rootCause === null) return 'The request failed with net::ERR_FAILED, yet every CORS check the capture shows passes.';
  switch (rootCause.kind) {
    case 'connection-failed':
      return `The ${preflight ? 'preflight' : 'request'} failed before any CORS check: ${rootCause.netError}.`;
    case 'blocked-by-client':
      return `An extension or policy blocked the request (${rootCause.netError}); this is not CORS.`;
    case 'too-many-redirects':
      return 'More than 20 redirects; the browser gave up (not a CORS error).';
    case 'invalid-redirect':
      return `The redirect to '${rootCause.location}' is not a valid http(s) URL; the browser stopped there.`;
    default:
      return `The server answered ${rootCause.status}; fix that first.`;
  }
}

/** A server allows the same few origins on every response: each line is made once. */
const ALLOWED_BY_VALUE = createBoundedMemo<string>(128);

function allowedByValue(allowOrigin: string): string {
  return `Allowed: Access-Control-Allow-Origin '${allowOrigin}' matches.`;
}

/** `reconciledRule`: the rule that disagreed when the browser delivered what the rules would block. */
export function allowedSummary(allowOrigin: string | null, reconciledRule: string | null): string {
  if (reconciledRule) return `Chromium delivered it, although the rules say ${reconciledRule}; see the reconciled finding.`;
  return allowOrigin === '*'
    ? "Allowed: Access-Control-Allow-Origin '*' and no credentials."
    : allowOrigin === null
      ? 'No CORS failure so far.'
      : ALLOWED_BY_VALUE.get(allowOrigin, allowedByValue);
}
