/**
 * Records Chromium's own view of every network request of one page through the DevTools Protocol,
 * so tests can read the browser's verdict per URL: `loadingFailed.corsErrorStatus` is the judge of
 * record for CORS (reference §7). One CdpRequest per CDP requestId; redirects stay on the same id.
 */
import type { CDPSession, Page } from 'playwright-core';

/** The part of CDP's Network.Initiator we keep (`preflight` initiators name the request they guard). */
export interface CdpInitiator {
  readonly type: string;
  readonly url?: string;
  readonly requestId?: string;
}

export interface CdpRequest {
  readonly requestId: string;
  /** First URL of the request (before redirects). */
  readonly url: string;
  /** Every URL in order: the first one, then each redirect target. */
  readonly urls: string[];
  readonly method: string;
  /** CDP resource type (`Fetch`, `XHR`, `Image`, `Font`, `Preflight`, `Ping`…). */
  type?: string;
  readonly initiator: CdpInitiator;
  /** Request headers as CDP reports them on requestWillBeSent (last hop). */
  requestHeaders: Record<string, string>;
  /** Status of each redirect response, in order. */
  readonly redirectStatuses: number[];
  /** Status of the final response, when one was received. */
  status?: number;
  responseHeaders?: Record<string, string>;
  finished: boolean;
  failed?: {
    readonly errorText: string;
    readonly canceled?: boolean;
    readonly blockedReason?: string;
    readonly corsError?: string;
    readonly failedParameter?: string;
  };
  /** True for a preflight (CDP shows preflights as their own request of type `Preflight`). */
  isPreflight: boolean;
}

export interface CdpRecorder {
  readonly session: CDPSession;
  /** All requests seen so far, in start order. */
  requests(): readonly CdpRequest[];
  /** Requests whose URL chain contains a URL matching the predicate. */
  matching(predicate: (url: string) => boolean): CdpRequest[];
  /**
   * Waits until at least `count` matching non-preflight requests exist and every matching request
   * (preflights included) has settled (finished, failed or answered); resolves with them.
   * Rejects after `timeoutMs`.
   */
  waitForSettled(predicate: (url: string) => boolean, options?: { count?: number; timeoutMs?: number }): Promise<CdpRequest[]>;
  detach(): Promise<void>;
}

/**
 * Finished, failed, or answered. A response only reaches CDP after Chromium's CORS check passed, and
 * the body of an opaque no-cors fetch is never drained, so such a request never gets loadingFinished.
 */
const isSettled = (request: CdpRequest): boolean =>
  request.finished || request.failed !== undefined || request.status !== undefined;

/** Starts recording on `page` (Network.enable on a dedicated CDP session). */
export async function cdpRecorder(page: Page): Promise<CdpRecorder> {
  const session = await page.context().newCDPSession(page);
  const byId = new Map<string, CdpRequest>();
  const order: CdpRequest[] = [];

  session.on('Network.requestWillBeSent', (event) => {
    const existing = byId.get(event.requestId);
    if (existing && event.redirectResponse) {
      existing.redirectStatuses.push(event.redirectResponse.status);
      existing.urls.push(event.request.url);
      existing.requestHeaders = event.request.headers;
      return;
    }
    const request: CdpRequest = {
      requestId: event.requestId, url: event.request.url, urls: [event.request.url], method: event.request.method,
      type: event.type,
      initiator: { type: event.initiator.type, ...(event.initiator.url ? { url: event.initiator.url } : {}), ...(event.initiator.requestId ? { requestId: event.initiator.requestId } : {}) },
      requestHeaders: event.request.headers, redirectStatuses: [],
      finished: false, isPreflight: event.type === 'Preflight' || event.initiator.type === 'preflight',
    };
    byId.set(event.requestId, request);
    order.push(request);
  });
  session.on('Network.responseReceived', (event) => {
    const request = byId.get(event.requestId);
    if (!request) return;
    request.status = event.response.status;
    request.responseHeaders = event.response.headers;
    request.type ??= event.type;
  });
  session.on('Network.loadingFinished', (event) => {
    const request = byId.get(event.requestId);
    if (request) request.finished = true;
  });
  session.on('Network.loadingFailed', (event) => {
    const request = byId.get(event.requestId);
    if (!request) return;
    request.failed = {
      errorText: event.errorText,
      ...(event.canceled === undefined ? {} : { canceled: event.canceled }),
      ...(event.blockedReason === undefined ? {} : { blockedReason: event.blockedReason }),
      ...(event.corsErrorStatus ? { corsError: event.corsErrorStatus.corsError, failedParameter: event.corsErrorStatus.failedParameter } : {}),
    };
  });
  await session.send('Network.enable');

  const matching = (predicate: (url: string) => boolean): CdpRequest[] =>
    order.filter((request) => request.urls.some(predicate));

  return {
    session,
    requests: () => order,
    matching,
    async waitForSettled(predicate, { count = 1, timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = matching(predicate);
        const main = found.filter((request) => !request.isPreflight);
        if (main.length >= count && found.every(isSettled)) return found;
        if (Date.now() > deadline) {
          const state = found.map((r) => `${r.method} ${r.url} ${r.type ?? '?'} ${isSettled(r) ? 'settled' : 'pending'}`);
          throw new Error(`CDP requests did not settle in ${timeoutMs} ms (want ${count}): ${state.join('; ') || 'none seen'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    detach: () => session.detach().catch(() => undefined),
  };
}
