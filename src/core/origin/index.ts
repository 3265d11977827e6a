// Origins: parsing, comparison and redirect taint (reference §1).
export { parseOrigin, isSameOrigin, serializeOrigin, defaultPortOf, originPartsOfUrl, OPAQUE_ORIGIN } from './parse-origin';
export { allowOriginDiffers, crossOriginComponents, compareOrigins } from './compare-origins';
export type { OriginComparisonInput } from './compare-origins';
export { isTaintingHop, originsPerHop } from './redirect-taint';
export { parseUrl, schemeOf, isHttpScheme } from './whatwg-url';
export type { WhatwgUrl } from './whatwg-url';
