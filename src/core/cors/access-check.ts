/**
 * The CORS check on one response (reference §3), in the order of Chromium's CheckAccessInternal
 * (services/network/public/cpp/cors/cors.cc), with the CorsError and failedParameter it reports.
 */
import type { CorsErrorName } from '../types';
import { parseUrl } from '../origin/whatwg-url';

export interface AccessCheckInput {
  /** Access-Control-Allow-Origin, duplicate lines combined with `, `; null when absent. */
  readonly allowOrigin: string | null;
  /** Access-Control-Allow-Credentials, combined likewise; null when absent. */
  readonly allowCredentials: string | null;
  /** The request's credentials mode is `include` (for a preflight: the actual request's). */
  readonly include: boolean;
  /** The Origin the request carried (`null` when tainted or opaque). */
  readonly origin: string;
}

export interface AccessFailure {
  readonly error: Extract<
    CorsErrorName,
    | 'WildcardOriginNotAllowed'
    | 'MissingAllowOriginHeader'
    | 'MultipleAllowOriginValues'
    | 'InvalidAllowOriginValue'
    | 'AllowOriginMismatch'
    | 'InvalidAllowCredentials'
  >;
  /** What Chromium puts in failedParameter: the ACAO value, the ACAC value, or ''. */
  readonly failedParameter: string;
}

const LIST_SEPARATOR = /[ ,]/;

/* The failures with no failedParameter, shared (results are only ever read). */
const WILDCARD_WITH_CREDENTIALS: AccessFailure = Object.freeze({ error: 'WildcardOriginNotAllowed', failedParameter: '' });
const MISSING_ALLOW_ORIGIN: AccessFailure = Object.freeze({ error: 'MissingAllowOriginHeader', failedParameter: '' });

/** Null when the response passes. */
export function checkAccess(input: AccessCheckInput): AccessFailure | null {
  const { allowOrigin, include } = input;
  if (allowOrigin === '*') {
    // Reference §3 step 3: `*` never works with credentials, even with ACAC true.
    if (include) return WILDCARD_WITH_CREDENTIALS;
  } else if (allowOrigin === null) {
    return MISSING_ALLOW_ORIGIN;
  } else if (allowOrigin !== input.origin) {
    // Byte comparison failed; Chromium then classifies the value for a better message.
    if (LIST_SEPARATOR.test(allowOrigin)) return { error: 'MultipleAllowOriginValues', failedParameter: allowOrigin };
    if (allowOrigin === 'null') return { error: 'AllowOriginMismatch', failedParameter: allowOrigin };
    if (parseUrl(allowOrigin) === null) return { error: 'InvalidAllowOriginValue', failedParameter: allowOrigin };
    return { error: 'AllowOriginMismatch', failedParameter: allowOrigin };
  }
  // Reference §3 step 6: case-sensitive `true`, nothing else (`True`, `1`, `true, true` fail).
  if (include && input.allowCredentials !== 'true') {
    return { error: 'InvalidAllowCredentials', failedParameter: input.allowCredentials ?? '' };
  }
  return null;
}
