/**
 * The engine's public data types: what one observed cross-origin transaction looks like going in,
 * and what the verdict looks like coming out. Pure data, no browser types.
 *
 * WARNING: Verdict fields are persisted in storage.session and surface in the export contract
 * (`cors-lens/report@1`, see README). Add fields freely; never rename or remove one.
 */

/** One header line as observed on the wire. Order and duplicates are kept (two ACAO lines matter). */
export interface Header {
  readonly name: string;
  readonly value: string;
}
export type HeaderList = readonly Header[];

/** webRequest's resource types (fetch() and XHR both show as `xmlhttprequest`). */
export type ResourceType =
  | 'main_frame' | 'sub_frame' | 'stylesheet' | 'script' | 'image' | 'font' | 'object'
  | 'xmlhttprequest' | 'ping' | 'csp_report' | 'media' | 'websocket' | 'webbundle'
  | 'webtransport' | 'other';

/** Request mode (reference §0, §2.1). Inferred from Sec-Fetch-Mode, Origin and resource type when not given. */
export type RequestMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate' | 'websocket';

/** Credentials mode; `unknown` when the capture cannot tell (resolved against the observed outcome). */
export type CredentialsMode = 'include' | 'same-origin' | 'omit' | 'unknown';

export interface ObservedRequest {
  readonly method: string;
  readonly url: string;
  /** Headers as sent (onSendHeaders with extraHeaders): includes Origin, Cookie, Sec-Fetch-*. */
  readonly headers: HeaderList;
}

export interface ObservedResponse {
  readonly status: number;
  readonly headers: HeaderList;
  /** Served from the HTTP cache (webRequest fromCache). */
  readonly fromCache?: boolean;
  /** Remote IP literal if known (webRequest `ip`). */
  readonly ip?: string | null;
}

/** An OPTIONS preflight observed for one hop (or the cached one that covered it). */
export interface ObservedPreflight {
  readonly request: ObservedRequest;
  /** null when the preflight itself failed at the network level (see `netError`). */
  readonly response: ObservedResponse | null;
  /** The preflight answered with a redirect to this URL (always a failure, reference §4.8). */
  readonly redirectedTo?: string | null;
  readonly netError?: string | null;
  /** Not sent now: a Chromium preflight-cache entry covered the request (reference §4.7). */
  readonly fromCache?: boolean;
  /** When that preflight completed (ms since epoch); with fromCache, when the cached one did. */
  readonly completedAt?: number | null;
}

/** One redirect hop of the actual request: the response at `url` sent the browser to `location`. */
export interface ObservedRedirect {
  readonly url: string;
  readonly status: number;
  readonly headers: HeaderList;
  readonly location: string;
  /** Preflight sent for the request to `location`, if any (a new one per hop, reference §5.6). */
  readonly nextPreflight?: ObservedPreflight | null;
  /** Request headers as sent to `location`, if observed (Origin may have become `null`). */
  readonly nextRequestHeaders?: HeaderList | null;
}

/**
 * One transaction as the extension observed it: the request, the preflight guarding its first hop,
 * each redirect hop, and how it ended. Everything optional is optional because the browser may not
 * show it (a blocked preflight means the request was never sent; a refused connection has no response).
 */
export interface ObservedTransaction {
  /** Serialized initiator origin (`https://app.example:8443`), `null` string for opaque, null if none (browser-initiated). */
  readonly initiator: string | null;
  readonly resourceType: ResourceType;
  readonly request: ObservedRequest;
  readonly preflight?: ObservedPreflight | null;
  readonly redirects?: readonly ObservedRedirect[];
  /** The final response (after redirects). Present even for a CORS-blocked request (onHeadersReceived fires first). */
  readonly response?: ObservedResponse | null;
  /** Chromium's net error (`net::ERR_FAILED`, `net::ERR_CONNECTION_REFUSED`…); null if it completed. */
  readonly netError?: string | null;
  /** Whether the capture saw the end of the request (onCompleted or onErrorOccurred). */
  readonly completed?: boolean;
  /** Overrides when known (the what-if editor, tests); otherwise inferred. */
  readonly mode?: RequestMode;
  readonly credentials?: CredentialsMode;
  /** When the request started (ms since epoch); used for preflight-cache expiry. */
  readonly startedAt?: number;
}

/** What the engine concluded. `not-cors`: same-origin, no-cors, navigation or non-HTTP. */
export type Outcome = 'allowed' | 'blocked' | 'network-error' | 'not-cors';

/** Chromium's CorsError names exactly as the DevTools Protocol spells them (reference §7). */
export const CORS_ERRORS = [
  'DisallowedByMode',
  'InvalidResponse',
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
  'CorsDisabledScheme',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
  'LocalNetworkAccessPermissionDenied',
  'NoCorsRedirectModeNotFollow',
  // Older names still seen in CDP from earlier Chromium builds; never produced by the engine.
  'InsecurePrivateNetwork',
  'InvalidPrivateNetworkAccess',
  'UnexpectedPrivateNetworkAccess',
  'PreflightMissingAllowPrivateNetwork',
  'PreflightInvalidAllowPrivateNetwork',
  'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal',
] as const;
export type CorsErrorName = (typeof CORS_ERRORS)[number];

/** Firefox's reason keys (reference §8), what a Firefox user would see for the same failure. */
export type FirefoxReason =
  | 'CORSDisabled' | 'CORSDidNotSucceed' | 'CORSOriginHeaderNotAdded' | 'CORSExternalRedirectNotAllowed'
  | 'CORSRequestNotHttp' | 'CORSMissingAllowOrigin' | 'CORSMultipleAllowOriginNotAllowed'
  | 'CORSAllowOriginNotMatchingOrigin' | 'CORSNotSupportingCredentials' | 'CORSMissingAllowCredentials'
  | 'CORSMethodNotFound' | 'CORSPreflightDidNotSucceed' | 'CORSInvalidAllowMethod'
  | 'CORSInvalidAllowHeader' | 'CORSMissingAllowHeaderFromPreflight';

/** Where the failing check ran. `hop` 0 is the original URL; hop N is the Nth redirect target. */
export type FailureStage =
  | { readonly kind: 'request'; readonly hop: number }
  | { readonly kind: 'preflight'; readonly hop: number }
  | { readonly kind: 'redirect'; readonly hop: number }
  | { readonly kind: 'response' };

/** One origin split into the parts the CORS check compares, default ports made explicit. */
export interface OriginParts {
  /** As written (an ACAO value may be anything). */
  readonly raw: string;
  /** Canonical serialization, or null when `raw` is not a parsable tuple origin (`null`, garbage). */
  readonly serialized: string | null;
  readonly scheme: string | null;
  readonly host: string | null;
  /** Explicit port; the scheme default when the URL omits it. */
  readonly port: number | null;
  readonly portIsDefault: boolean;
}

export type OriginComponent = 'scheme' | 'host' | 'port' | 'path' | 'whole';

/** Page origin vs request target vs ACAO value, part by part (reference §1, §3). */
export interface OriginComparison {
  readonly page: OriginParts | null;
  readonly target: OriginParts;
  /** The ACAO value the failing or passing check looked at, if any. */
  readonly allowOrigin: OriginParts | null;
  /** Components where the ACAO value differs from what was required (the origin sent). */
  readonly allowOriginDiffers: readonly OriginComponent[];
  /** Components where the page and the target differ (why it is cross-origin). */
  readonly crossOriginBy: readonly OriginComponent[];
  /** The `Origin` the browser actually sent for the failing hop (`null` after a tainting redirect). */
  readonly originSent: string | null;
}

/** Why a request needed a preflight, in words and as data (reference §2.2-§2.6). */
export interface PreflightReason {
  readonly kind: 'method' | 'header' | 'header-value' | 'too-many-safelisted-bytes' | 'forced';
  /** The method or lowercased header name. */
  readonly name: string;
  readonly value?: string;
  /** Plain words: "Content-Type application/json is not one of the three types a simple request may use". */
  readonly text: string;
}

export interface PreflightInfo {
  readonly required: boolean;
  readonly reasons: readonly PreflightReason[];
  /** A preflight for the first hop was observed on the wire. */
  readonly observed: boolean;
  /** The request went out without a preflight because Chromium's preflight cache covered it. */
  readonly fromCache: boolean;
  /** Access-Control-Request-Headers the browser computes for this request (reference §2.4). */
  readonly requestHeaders: string;
}

/** A cause that is "not really CORS": fix it first (reference §10). */
export type RootCause =
  | { readonly kind: 'http-error-without-cors'; readonly status: number; readonly stage: 'preflight' | 'response' }
  | { readonly kind: 'preflight-rejected'; readonly status: number }
  | { readonly kind: 'connection-failed'; readonly netError: string }
  | { readonly kind: 'blocked-by-client'; readonly netError: string }
  | { readonly kind: 'too-many-redirects' }
  | { readonly kind: 'invalid-redirect'; readonly location: string };

export type FindingCode =
  | 'authorization-covered-by-wildcard'
  | 'headers-not-exposed'
  | 'reflected-origin-without-vary'
  | 'reflected-origin-with-credentials'
  | 'preflight-cache'
  | 'served-from-preflight-cache'
  | 'cookies-stored-despite-block'
  | 'request-reached-server'
  | 'credentials-inferred'
  | 'tainted-origin-null'
  | 'verdict-reconciled';

/** Something worth knowing that is not (or not only) a failure. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: 'warning' | 'info';
  /** Plain words; data, never markup. */
  readonly message: string;
  /** Names involved (headers, values), for marking culprits in the UI. */
  readonly subjects?: readonly string[];
  /** For preflight-cache findings: seconds the entry lives and when it expires (ms since epoch). */
  readonly maxAgeSeconds?: number;
  readonly expiresAt?: number | null;
}

export interface Verdict {
  readonly outcome: Outcome;
  /** Chromium's CorsError (CDP spelling); null unless blocked. */
  readonly corsError: CorsErrorName | null;
  /** Exactly what Chromium reports as failedParameter ('' when it reports none); null unless blocked. */
  readonly failedParameter: string | null;
  readonly firefoxReason: FirefoxReason | null;
  readonly stage: FailureStage | null;
  /** Lowercased name of the offending header, when one header is to blame. */
  readonly header: string | null;
  /** What the check needed (e.g. the origin it compares against) and what it got. */
  readonly expected: string | null;
  readonly actual: string | null;
  /** Whether the actual request reached the server (a blocked simple POST did; after a failed preflight it did not). */
  readonly reachedServer: boolean;
  readonly mode: RequestMode;
  readonly credentials: CredentialsMode;
  readonly preflight: PreflightInfo;
  readonly origins: OriginComparison | null;
  readonly rootCause: RootCause | null;
  readonly findings: readonly Finding[];
  /** One line, plain words (e.g. "Access-Control-Allow-Origin has a trailing slash"). */
  readonly summary: string;
}
