/** Request methods: normalization, the CORS safelist and the forbidden set (reference §2.2). */
import { asciiUppercase } from './byte-strings';

/** Methods a simple (non-preflighted) request may use. */
export const SAFELISTED_METHODS: readonly string[] = ['GET', 'HEAD', 'POST'];

/** Methods fetch() and XMLHttpRequest refuse with a TypeError before anything is sent. */
export const FORBIDDEN_METHODS: readonly string[] = ['CONNECT', 'TRACE', 'TRACK'];

/** The only methods the browser uppercases; every other method is sent exactly as written. */
const NORMALIZED_METHODS: readonly string[] = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

/** Reference §2.2: uppercase DELETE GET HEAD OPTIONS POST PUT case-insensitively; others keep their case. */
export function normalizeMethod(method: string): string {
  // Nearly every request's method is already one of these, as sent.
  if (NORMALIZED_METHODS.includes(method)) return method;
  const upper = asciiUppercase(method);
  return NORMALIZED_METHODS.includes(upper) ? upper : method;
}

/**
 * GET, HEAD or POST. Chromium's IsCorsSafelistedMethod uppercases before comparing; since
 * normalization already uppercased those three, this equals the spec's byte-exact check.
 */
export function isCorsSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.includes(asciiUppercase(method));
}

/** CONNECT, TRACE, TRACK in any case. */
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.includes(asciiUppercase(method));
}

/** Whether the browser sends this method with different letters than written (`post` → `POST`). */
export function methodCaseWasNormalized(method: string): boolean {
  return normalizeMethod(method) !== method;
}
