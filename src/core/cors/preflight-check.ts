/**
 * Judging one observed preflight (reference §4.2-§4.5) in Chromium's order: redirect → ACAO/ACAC
 * (with the actual request's credentials mode) → 2xx status → ACAM then ACAH syntax → method →
 * headers. Network failures of the preflight are reported separately: they are not CORS errors.
 */
import type { CorsErrorName, ObservedPreflight } from '../types';
import { checkAccess } from './access-check';
import { preflightTwin } from './error-catalogue';
import { headerIndexOf, type HeaderIndex } from './header-index';
import { tokenListOf } from './http-syntax';
import { KNOWN } from './known-headers';

export interface PreflightCheckInput {
  readonly preflight: ObservedPreflight;
  /** The actual request's method, normalized (reference §2.2). */
  readonly method: string;
  /** The actual request's unsafe header names, lowercased, in Access-Control-Request-Headers order. */
  readonly unsafeHeaders: readonly string[];
  readonly include: boolean;
  /** The Origin the preflight carried. */
  readonly origin: string;
}

export type PreflightCheck =
  | { readonly kind: 'passed'; readonly response: HeaderIndex; readonly authorizationCoveredByWildcard: boolean }
  | {
      readonly kind: 'failed';
      readonly error: CorsErrorName;
      readonly failedParameter: string;
      readonly expected: string | null;
      readonly actual: string | null;
      /** The preflight response's headers when there was one (for origin comparison, root causes). */
      readonly response: HeaderIndex | null;
    }
  | { readonly kind: 'network-error'; readonly netError: string }
  /** Neither a response nor an error yet: the preflight is still in flight. */
  | { readonly kind: 'pending' };

const NO_TOKENS: readonly string[] = Object.freeze([]);

function isSafelistedMethod(upper: string): boolean {
  return upper === 'GET' || upper === 'HEAD' || upper === 'POST';
}

function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function fail(
  error: CorsErrorName, failedParameter: string, expected: string | null, actual: string | null, response: HeaderIndex | null,
): PreflightCheck {
  return { kind: 'failed', error, failedParameter, expected, actual, response };
}

export function checkPreflight(input: PreflightCheckInput): PreflightCheck {
  const { preflight, method, include } = input;
  const response = preflight.response ? headerIndexOf(preflight.response.headers) : null;
  const location = response?.valueOf(KNOWN.location) ?? null;
  const redirectedTo = preflight.redirectedTo ?? (preflight.response && isRedirectStatus(preflight.response.status) ? location : null);
  // Reference §4.8: any redirect fails before ACAO is looked at.
  if (redirectedTo !== null && redirectedTo !== undefined) {
    return fail('PreflightDisallowedRedirect', '', null, redirectedTo, response);
  }
  if (preflight.response === null || response === null) {
    return preflight.netError ? { kind: 'network-error', netError: preflight.netError } : { kind: 'pending' };
  }

  const allowOrigin = response.valueOf(KNOWN.allowOrigin);
  const access = checkAccess({ allowOrigin, allowCredentials: response.valueOf(KNOWN.allowCredentials), include, origin: input.origin });
  if (access !== null) {
    const actual = access.error === 'InvalidAllowCredentials' ? response.valueOf(KNOWN.allowCredentials) : allowOrigin;
    const expected = access.error === 'InvalidAllowCredentials' ? 'true' : input.origin;
    return fail(preflightTwin(access.error), access.failedParameter, expected, actual, response);
  }
  const status = preflight.response.status;
  if (status < 200 || status > 299) return fail('PreflightInvalidStatus', '', '2xx', String(status), response);

  const allowMethodsValue = response.valueOf(KNOWN.allowMethods);
  const allowMethods = allowMethodsValue === null ? NO_TOKENS : tokenListOf(allowMethodsValue, false);
  if (allowMethods === null) return fail('InvalidAllowMethodsPreflightResponse', '', null, allowMethodsValue, response);
  const allowHeadersValue = response.valueOf(KNOWN.allowHeaders);
  const allowHeaders = allowHeadersValue === null ? NO_TOKENS : tokenListOf(allowHeadersValue, true);
  if (allowHeaders === null) return fail('InvalidAllowHeadersPreflightResponse', '', null, allowHeadersValue, response);

  // Reference §4.4/§4.5: case-sensitive match; safelisted methods always pass; `*` only without credentials.
  // (A normalized GET, HEAD or POST is already uppercase: only other methods need the case folded.)
  const methodAllowed = isSafelistedMethod(method) || isSafelistedMethod(method.toUpperCase()) ||
    allowMethods.includes(method) || (!include && allowMethods.includes('*'));
  if (!methodAllowed) return fail('MethodDisallowedByPreflightResponse', method, method, allowMethodsValue, response);

  if (!include && allowHeaders.includes('*')) {
    // Chromium still lets `*` cover Authorization (CorsNonWildcardRequestHeadersSupport is off); the
    // spec does not (reference §4.4).
    const authorizationCoveredByWildcard = input.unsafeHeaders.includes('authorization') && !allowHeaders.includes('authorization');
    return { kind: 'passed', response, authorizationCoveredByWildcard };
  }
  const unsafeHeaders = input.unsafeHeaders;
  for (let i = 0; i < unsafeHeaders.length; i++) {
    const name = unsafeHeaders[i] ?? '';
    if (!allowHeaders.includes(name)) return fail('HeaderDisallowedByPreflightResponse', name, name, allowHeadersValue, response);
  }
  return { kind: 'passed', response, authorizationCoveredByWildcard: false };
}
