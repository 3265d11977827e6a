// Request classification (reference §2): methods, safelisted and forbidden headers, the unsafe
// header names behind Access-Control-Request-Headers, and whether a preflight is needed.
export { asciiLowercase, asciiUppercase, compareBytes, utf8ByteLength } from './byte-strings';
export { parseChromiumInt64 } from './chromium-int64';
export {
  FORBIDDEN_METHODS,
  SAFELISTED_METHODS,
  isCorsSafelistedMethod,
  isForbiddenMethod,
  methodCaseWasNormalized,
  normalizeMethod,
} from './methods';
export { firstCorsUnsafeByte, isCorsUnsafeRequestHeaderByte } from './unsafe-bytes';
export { SAFELISTED_CONTENT_TYPES, contentTypeEssence } from './content-type';
export { CHROMIUM_EXTRA_SAFELISTED_NAMES } from './chromium-extra-safelist';
export {
  MAX_SAFELISTED_VALUE_BYTES,
  SPEC_SAFELISTED_NAMES,
  checkSafelistedHeader,
  isCorsSafelistedRequestHeader,
  isSafelistedHeaderName,
} from './safelisted-header';
export type { SafelistVerdict } from './safelisted-header';
export {
  FORBIDDEN_REQUEST_HEADER_NAMES,
  FORBIDDEN_REQUEST_HEADER_PREFIXES,
  METHOD_OVERRIDE_HEADER_NAMES,
  NEVER_EXPOSED_RESPONSE_HEADER_NAMES,
  isForbiddenRequestHeader,
  isNeverExposedResponseHeader,
} from './forbidden-headers';
export { cacheModeFromHeaders, pageSetHeaders, userAgentAddedHeader } from './ua-added-headers';
export type { UserAgentHeader } from './ua-added-headers';
export {
  MAX_SAFELISTED_TOTAL_BYTES,
  accessControlRequestHeaders,
  analyzeUnsafeHeaders,
  corsUnsafeRequestHeaderNames,
  mergeDuplicateHeaders,
} from './unsafe-header-names';
export type { UnsafeHeader, UnsafeHeaderNames } from './unsafe-header-names';
export { corsRequestHeaders, preflightNeed } from './preflight-need';
export type { PreflightNeed, PreflightNeedOptions } from './preflight-need';
