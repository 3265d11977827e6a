/**
 * The shape of one CORS lab scenario: how the page fires a request, how the lab server answers it
 * (preflight and actual request, hop by hop), and what Chromium is expected to report.
 *
 * Scenarios are plain data (no functions) so the same table is served to the lab page as JSON,
 * written into recorded fixtures, and read by the server. Values that depend on the ports the OS
 * picked are written as tokens and resolved per run (see `resolveTokens` in lab-tokens.ts):
 *   {PAGE} {A} {B} {DEAD}                    origins, e.g. `http://localhost:40123`
 *   {PAGE_PORT} {A_PORT} {B_PORT} {DEAD_PORT} bare ports
 *   {QUERY}                                   the incoming request's `?query` (keeps the run nonce on redirects)
 */
import type { CorsErrorName } from '../../src/core/types';

/** How the lab page groups its buttons; one word each so tests can filter on them. */
export type ScenarioGroup =
  | 'blocked' | 'allowed' | 'preflighted' | 'cached' | 'redirected'
  | 'credentialed' | 'network' | 'not-cors' | 'exposure';

/** Which lab origin a URL points at. `dead` is a loopback port nothing listens on. */
export type LabOriginName = 'page' | 'apiA' | 'apiB' | 'dead';

/** One response header line. Repeating a name sends separate lines (two ACAO lines matter, reference §3). */
export type HeaderLine = readonly [name: string, value: string];

/** How the server answers one request. */
export interface Answer {
  readonly status: number;
  readonly headers?: readonly HeaderLine[];
  /** Body to send: a short text (default), a 1×1 PNG, or a tiny valid TrueType font. */
  readonly body?: 'text' | 'png' | 'font';
  /** Close the socket without answering (Chromium reports net::ERR_EMPTY_RESPONSE). */
  readonly hangUp?: boolean;
  /** Answer only after this many milliseconds (a request still in flight when the worker stops). */
  readonly delayMs?: number;
}

/** The answers for one path: `preflight` for an OPTIONS preflight, `response` for anything else. */
export interface Route {
  readonly preflight?: Answer;
  readonly response?: Answer;
}

/** The page-side API a scenario uses to fire its request. */
export type FireApi = 'fetch' | 'xhr' | 'img' | 'font' | 'beacon';

/** How the lab page fires the request. Fields only apply to the APIs that have them. */
export interface Fire {
  readonly api: FireApi;
  /** fetch/xhr. Sent as written (fetch normalizes `put` → `PUT` but keeps `patch`, reference §2.2). */
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** fetch/xhr/beacon: a string body; `contentType` wraps it in a Blob of that type for beacon. */
  readonly body?: string;
  /** fetch only. */
  readonly credentials?: 'omit' | 'same-origin' | 'include';
  readonly mode?: 'cors' | 'no-cors' | 'same-origin';
  readonly cache?: 'default' | 'no-store' | 'reload' | 'no-cache';
  /** xhr only. */
  readonly withCredentials?: boolean;
  /** img only: the `crossorigin` attribute; absent means a plain no-cors image. */
  readonly crossOrigin?: 'anonymous' | 'use-credentials';
  /** After success, read this response header from script (fetch/xhr) and report its value. */
  readonly readHeader?: string;
  /** Fire the same URL this many times one after the other (preflight cache, reference §4.7). */
  readonly repeat?: number;
  /** Fire the same URL this many times at once. */
  readonly concurrent?: number;
}

/** What Chromium should report for the scenario's request (CDP Network.loadingFailed). */
export interface Expectation {
  /** corsErrorStatus.corsError, or null when the request passed (or failed without a CORS error). */
  readonly corsError: CorsErrorName | null;
  /** corsErrorStatus.failedParameter (tokens allowed); checked when given. */
  readonly failedParameter?: string;
  /** loadingFailed.errorText when the request fails for a non-CORS reason. */
  readonly netError?: string;
  /** Requests the server received for this scenario by method (OPTIONS = preflights); checked when given. */
  readonly hits?: Readonly<Record<string, number>>;
  /** What script reads for `fire.readHeader` (null: not exposed). */
  readonly readHeader?: string | null;
  /** Status script sees when the request passes (0 for an opaque no-cors response). */
  readonly status?: number;
}

export interface Scenario {
  /** Unique, kebab-case; also the path segment `/s/<id>` on the API. */
  readonly id: string;
  readonly group: ScenarioGroup;
  readonly title: string;
  /** One sentence: what this scenario shows a developer. */
  readonly demonstrates: string;
  /** Origin of the first URL. */
  readonly target: LabOriginName;
  readonly fire: Fire;
  /** Keyed by the path below `/s/<id>`: `''` is the first URL, `'next'` is `/s/<id>/next`, and so on. */
  readonly routes: Readonly<Record<string, Route>>;
  readonly expect: Expectation;
}
