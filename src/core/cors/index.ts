// The CORS engine: evaluate() and the building blocks the UI and the advice may want on their own.
export { evaluate } from './evaluate';
export { checkAccess } from './access-check';
export type { AccessCheckInput, AccessFailure } from './access-check';
export { checkPreflight } from './preflight-check';
export type { PreflightCheck, PreflightCheckInput } from './preflight-check';
export { parseExposeHeaders, isExposed, unexposedHeaderNames, SAFELISTED_RESPONSE_HEADERS } from './exposed-headers';
export type { ExposedHeaders } from './exposed-headers';
export { isHttpToken, parseTokenList } from './http-syntax';
export { HeaderIndex } from './header-index';
export { firefoxReasonFor, preflightTwin, culpritHeaderFor } from './error-catalogue';
export { inferMode, inferCredentials } from './mode-inference';
export { addressSpaceOf } from './local-network';
export type { AddressSpace } from './local-network';
export { rootCauseForNetError } from './net-errors';
