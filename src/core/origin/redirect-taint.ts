/**
 * Redirect taint (reference §1): a hop A→B where B is not same-origin with A, and the request origin is
 * not same-origin with A, makes the request's Origin serialize as `null` for the rest of the chain.
 * O→A keeps O; A→A/y keeps O; A→B and A→O both turn it into `null`. Chromium's CheckTainted agrees.
 */
import type { OriginParts } from '../types';
import { OPAQUE_ORIGIN, isSameOrigin, parseOrigin, serializeOrigin } from './parse-origin';

/** Whether following a redirect from `from` to `to` taints a request made by `initiator`. */
export function isTaintingHop(initiator: OriginParts, from: OriginParts, to: OriginParts): boolean {
  return !isSameOrigin(from, to) && !isSameOrigin(initiator, from);
}

/**
 * The `Origin` serialization the browser sends at each hop of a redirect chain; `hopUrls[0]` is the
 * URL first requested, each next one a redirect target. Once tainted, `null` to the end.
 */
export function originsPerHop(initiator: string, hopUrls: readonly string[]): string[] {
  const initiatorParts = parseOrigin(initiator);
  const untainted = serializeOrigin(initiatorParts);
  const origins: string[] = [];
  let tainted = false;
  let previous: OriginParts | null = null;
  for (const url of hopUrls) {
    const current = parseOrigin(url);
    if (previous !== null && !tainted) tainted = isTaintingHop(initiatorParts, previous, current);
    origins.push(tainted ? OPAQUE_ORIGIN : untainted);
    previous = current;
  }
  return origins;
}
