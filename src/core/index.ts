/**
 * The engine's public surface. Everything here is pure: data in, data out; no browser API.
 * UI, background and tests import from this file, not from the folders behind it.
 */
export type * from './types';
export { CORS_ERRORS } from './types';

// The verdict (reference §0-§10).
export { evaluate } from './cors/evaluate';

// Building blocks the UI shows on their own (what-if editor, header tables, origin diff).
export { checkAccess, checkPreflight, parseExposeHeaders, isExposed, unexposedHeaderNames, SAFELISTED_RESPONSE_HEADERS } from './cors/index';
export type { AccessCheckInput, AccessFailure, PreflightCheck, PreflightCheckInput, ExposedHeaders } from './cors/index';
export { isHttpToken, parseTokenList, HeaderIndex, firefoxReasonFor, culpritHeaderFor, addressSpaceOf } from './cors/index';
export type { AddressSpace } from './cors/index';
export { parseOrigin, isSameOrigin, serializeOrigin, compareOrigins, allowOriginDiffers, crossOriginComponents, originsPerHop, isTaintingHop } from './origin/index';
export type { OriginComparisonInput } from './origin/index';

// Request classification and the preflight cache (owned by their modules; re-exported for the UI).
export { normalizeMethod, pageSetHeaders, preflightNeed } from './request/index';
export type { PreflightNeed, PreflightNeedOptions } from './request/index';
export { parseMaxAge } from './preflight-cache/index';
export type { MaxAge } from './preflight-cache/index';
