/**
 * The facts about THIS request that the advice is tailored to: which origin the server must name,
 * which method and request headers it must allow, whether credentials are involved, and which
 * observed response the failing check looked at.
 */
import type { FailureStage, HeaderList, ObservedPreflight, ObservedTransaction, Verdict } from '../types';
import { headerValue, splitList } from './headers';

export interface CorsNeeds {
  /** The Origin the browser sent for the failing hop (`null` for an opaque or tainted origin), if known. */
  readonly originSent: string | null;
  /** What Access-Control-Allow-Origin should say: the exact origin, or `*` when that is enough. */
  readonly allowOrigin: string;
  readonly credentials: boolean;
  /** The method as the browser sends it (reference §2.2: only the six standard names are uppercased). */
  readonly method: string;
  /** The method must be listed in Access-Control-Allow-Methods (it is not GET, HEAD or POST, §4.5). */
  readonly methodNeedsAllow: boolean;
  /** Lowercased unsafe request header names, as in Access-Control-Request-Headers (§2.4). */
  readonly requestHeaders: readonly string[];
  /** The request needs (or got) a preflight. */
  readonly preflight: boolean;
  /** Response headers script wants to read but may not (Access-Control-Expose-Headers, §6). */
  readonly exposeHeaders: readonly string[];
}

/** Used when the origin is unknown and credentials rule out `*`: the user must put theirs in. */
export const ORIGIN_PLACEHOLDER = 'https://your-app.example';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper) ? upper : method;
}

/** Hop 0 is the original URL; hop N is the Nth redirect target (types.ts FailureStage). */
export function hopOf(stage: FailureStage | null): number {
  return stage && stage.kind !== 'response' ? stage.hop : 0;
}

export function urlOfHop(tx: ObservedTransaction, hop: number): string {
  if (hop === 0) return tx.request.url;
  return tx.redirects?.[hop - 1]?.location ?? tx.request.url;
}

export function preflightOfHop(tx: ObservedTransaction, hop: number): ObservedPreflight | null {
  if (hop === 0) return tx.preflight ?? null;
  return tx.redirects?.[hop - 1]?.nextPreflight ?? null;
}

function requestHeadersOfHop(tx: ObservedTransaction, hop: number): HeaderList {
  if (hop === 0) return tx.request.headers;
  return tx.redirects?.[hop - 1]?.nextRequestHeaders ?? tx.request.headers;
}

/** The URL whose response the failing check looked at. */
export function failingUrl(verdict: Verdict, tx: ObservedTransaction): string {
  const stage = verdict.stage;
  if (stage?.kind === 'redirect') return tx.redirects?.[stage.hop]?.url ?? urlOfHop(tx, stage.hop);
  if (stage?.kind === 'response') return urlOfHop(tx, tx.redirects?.length ?? 0);
  return urlOfHop(tx, hopOf(stage));
}

/** Status and headers of the response the failing check looked at, when it was observed. */
export function failingResponse(verdict: Verdict, tx: ObservedTransaction): { status: number; headers: HeaderList } | null {
  const stage = verdict.stage;
  if (stage?.kind === 'preflight') return preflightOfHop(tx, stage.hop)?.response ?? null;
  if (stage?.kind === 'redirect') return tx.redirects?.[stage.hop] ?? null;
  return tx.response ?? null;
}

export function corsNeeds(verdict: Verdict, tx: ObservedTransaction): CorsNeeds {
  const hop = hopOf(verdict.stage);
  const hopPreflight = preflightOfHop(tx, hop);
  // Method and header names rarely change between hops, so the first preflight stands in when the
  // failing hop's own was not observed; the Origin may change (tainting, §1), so it does not.
  const preflight = hopPreflight ?? tx.preflight ?? null;
  const originSent =
    verdict.origins?.originSent ??
    headerValue(hopPreflight?.request.headers, 'origin') ??
    headerValue(requestHeadersOfHop(tx, hop), 'origin') ??
    tx.initiator;
  // Unknown mode, but the server already allows credentials: keep that in the advice, the page may rely on it.
  const credentials = verdict.credentials === 'include' ||
    (verdict.credentials === 'unknown' && headerValue(tx.response?.headers, 'access-control-allow-credentials') === 'true');
  const method = headerValue(preflight?.request.headers, 'access-control-request-method') ?? normalizeMethod(tx.request.method);
  const observedAcrh = headerValue(preflight?.request.headers, 'access-control-request-headers');
  const requestHeaders = splitList(observedAcrh ?? verdict.preflight.requestHeaders).map((h) => h.toLowerCase());
  const exposeHeaders = verdict.findings
    .filter((f) => f.code === 'headers-not-exposed')
    .flatMap((f) => f.subjects ?? []);
  return {
    originSent,
    // A request that passed with `*` keeps `*`: advising an exact origin (and Vary) would be change for its own sake.
    allowOrigin: verdict.outcome === 'allowed' && !credentials && headerValue(tx.response?.headers, 'access-control-allow-origin') === '*'
      ? '*'
      : allowOriginFor(originSent, credentials),
    credentials,
    method,
    methodNeedsAllow: !SAFELISTED_METHODS.includes(method),
    requestHeaders: [...new Set(requestHeaders)],
    preflight: verdict.preflight.required || verdict.preflight.observed || preflight !== null,
    exposeHeaders: [...new Set(exposeHeaders)],
  };
}

function allowOriginFor(originSent: string | null, credentials: boolean): string {
  // Reference §3: `*` passes only without credentials; with credentials only the exact origin does.
  if (originSent !== null && originSent !== 'null') return originSent;
  if (!credentials) return '*';
  return originSent ?? ORIGIN_PLACEHOLDER;
}
