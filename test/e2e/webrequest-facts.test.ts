/**
 * The webRequest facts CORS Lens's capture relies on, proven in real Chromium with the probe
 * extension (test/fixtures/probe-extension) over every lab scenario. If a Chromium update changes
 * one of these, this file fails before the capture silently goes wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorsErrorName } from '../../src/core/types';
import type { Answer } from '../lab/scenarios';
import { getScenario, SCENARIOS } from '../lab/scenarios';
import { startLab } from '../lab/server';
import type { Lab } from '../lab/server';
import { launchBrowser } from '../support/launch';
import type { LaunchedBrowser } from '../support/launch';
import { headerValues, PROBE_EXTENSION_DIR, waitForProbeEvents } from '../support/probe';
import type { ProbeEvent } from '../support/probe';
import { runLabScenarios, runUrlMatcher } from '../support/run-lab-scenarios';
import type { RunTimeline } from '../support/webrequest-timeline';
import { eventNames, eventOf, lastEvent, splitRun } from '../support/webrequest-timeline';

const PREFLIGHT_CHECK_ERRORS: readonly CorsErrorName[] = [
  'PreflightInvalidStatus', 'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader', 'PreflightMultipleAllowOriginValues', 'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch', 'PreflightInvalidAllowCredentials', 'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse', 'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
];
const isPreflightFailure = (error: CorsErrorName | null): boolean => error !== null && PREFLIGHT_CHECK_ERRORS.includes(error);

let lab: Lab;
let browser: LaunchedBrowser;
const timelines = new Map<string, RunTimeline>();
const serverHits = new Map<string, Readonly<Record<string, number>>>();

beforeAll(async () => {
  lab = await startLab();
  browser = await launchBrowser({ extensionDir: PROBE_EXTENSION_DIR });
  const { serviceWorker } = browser;
  if (!serviceWorker) throw new Error('the probe extension has no service worker');
  const runs = await runLabScenarios(await browser.context.newPage(), lab);
  for (const [id, run] of runs) {
    timelines.set(id, splitRun(await waitForProbeEvents(serviceWorker, runUrlMatcher(id, run.nonce), { urlIncludes: `n=${run.nonce}` })));
    serverHits.set(id, run.hits);
  }
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

function timeline(id: string): RunTimeline {
  const found = timelines.get(id);
  if (!found) throw new Error(`no webRequest events for ${id}`);
  return found;
}

/** The scenario's answer for the hop a URL points at (`/s/<id>` or `/s/<id>/<hop>`). */
function answerFor(id: string, url: string, kind: 'preflight' | 'response'): Answer {
  const hop = new URL(url).pathname.split('/')[3] ?? '';
  return getScenario(id).routes[hop]?.[kind] ?? { status: kind === 'preflight' ? 204 : 200 };
}

/** Scenarios the table says send at least one preflight. */
const withPreflight = SCENARIOS.filter((s) => (s.expect.hits?.OPTIONS ?? 0) > 0).map((s) => s.id);
const preflightFailures = SCENARIOS.filter((s) => isPreflightFailure(s.expect.corsError)).map((s) => s.id);
const responseFailures = SCENARIOS.filter((s) => s.expect.corsError !== null && !isPreflightFailure(s.expect.corsError)).map((s) => s.id);
const requestHeader = (event: ProbeEvent, name: string): string | undefined => headerValues(event.requestHeaders, name)[0];

describe('webRequest facts the capture relies on', () => {
  it.each(SCENARIOS.filter((s) => s.group !== 'network').map((s) => s.id))(
    '%s: webRequest shows exactly the preflights the server received',
    (id) => {
      expect(timeline(id).preflights.length).toBe(serverHits.get(id)?.OPTIONS ?? 0);
    },
  );

  it.each(withPreflight)('%s: each preflight is its own xmlhttprequest with the request\'s tab, frame, document and initiator', (id) => {
    const { preflights, requests } = timeline(id);
    const request = requests[0];
    if (!request) throw new Error('no request');
    const start = eventOf(request, 'onBeforeRequest');
    const requestUrls = request.events.filter((event) => event.event === 'onBeforeRequest').map((event) => event.url);
    for (const preflight of preflights) {
      const first = eventOf(preflight, 'onBeforeRequest');
      expect(requests.map((r) => r.requestId)).not.toContain(preflight.requestId);
      expect(first).toMatchObject({ type: 'xmlhttprequest', tabId: start.tabId, frameId: start.frameId, documentId: start.documentId, initiator: start.initiator });
      expect(requestUrls).toContain(first.url);
      expect(requestHeader(eventOf(preflight, 'onSendHeaders'), 'Access-Control-Request-Method')).toBeTruthy();
    }
  });

  it.each(['pf-ok', 'pf-xhr-put', 'pf-json-content-type', 'pf-header-wildcard', 'cache-max-age-0'])(
    '%s: the request starts first, then its preflight; the request resumes after the preflight completes',
    (id) => {
      const { preflights, requests } = timeline(id);
      expect(preflights).toHaveLength(requests.length);
      requests.forEach((request, index) => {
        const preflight = preflights[index];
        if (!preflight) throw new Error('no preflight');
        expect(eventOf(request, 'onBeforeRequest').seq).toBeLessThan(eventOf(preflight, 'onBeforeRequest').seq);
        expect(eventOf(request, 'onSendHeaders').seq).toBeGreaterThan(eventOf(preflight, 'onCompleted').seq);
      });
    },
  );

  // CORS Lens listens to neither onBeforeSendHeaders nor onResponseStarted (webrequest-listeners.ts).
  it.each(SCENARIOS.map((s) => s.id))('%s: onSendHeaders follows each onBeforeSendHeaders, onCompleted repeats each onResponseStarted', (id) => {
    const { requests, preflights } = timeline(id);
    for (const request of [...requests, ...preflights]) {
      const names = eventNames(request);
      names.forEach((name, at) => {
        if (name === 'onBeforeSendHeaders') expect(names[at + 1]).toBe('onSendHeaders');
      });
      const started = request.events.filter((event) => event.event === 'onResponseStarted');
      for (const event of started) {
        const completed = request.events.find((later) => later.event === 'onCompleted' && later.seq > event.seq);
        const said = ({ statusCode, statusLine, responseHeaders, fromCache, ip }: ProbeEvent) => ({ statusCode, statusLine, responseHeaders, fromCache, ip });
        expect(completed && said(completed)).toEqual(said(event));
      }
    }
  });

  it.each(preflightFailures)('%s: the failing preflight still ends in onCompleted with its real status', (id) => {
    const preflight = timeline(id).preflights.at(-1);
    if (!preflight) throw new Error('no preflight');
    expect(eventNames(preflight)).toEqual(['onBeforeRequest', 'onBeforeSendHeaders', 'onSendHeaders', 'onHeadersReceived', 'onResponseStarted', 'onCompleted']);
    expect(lastEvent(preflight).statusCode).toBe(answerFor(id, lastEvent(preflight).url, 'preflight').status);
  });

  it.each(preflightFailures)('%s: after the failed preflight the request goes onBeforeRequest → onErrorOccurred, never sent', (id) => {
    const request = timeline(id).requests[0];
    if (!request) throw new Error('no request');
    const names = eventNames(request);
    expect(names.slice(names.lastIndexOf('onBeforeRequest'))).toEqual(['onBeforeRequest', 'onErrorOccurred']);
    expect(lastEvent(request).error).toBe('net::ERR_FAILED');
  });

  it.each(SCENARIOS.filter((s) => s.expect.corsError !== null).map((s) => s.id))(
    '%s: a CORS failure ends the request in onErrorOccurred net::ERR_FAILED',
    (id) => {
      const { requests } = timeline(id);
      expect(requests.map((request) => [eventNames(request).at(-1), lastEvent(request).error]))
        .toEqual(requests.map(() => ['onErrorOccurred', 'net::ERR_FAILED']));
    },
  );

  it.each(responseFailures)('%s: the blocked response first shows in onHeadersReceived with its real status and ACAO lines', (id) => {
    const request = timeline(id).requests[0];
    if (!request) throw new Error('no request');
    const names = eventNames(request);
    expect(names.slice(-2)).toEqual(['onHeadersReceived', 'onErrorOccurred']);
    const received = request.events.at(-2);
    if (!received) throw new Error('no onHeadersReceived');
    const answer = answerFor(id, received.url, 'response');
    expect(received.statusCode).toBe(answer.status);
    const sentAcao = (answer.headers ?? []).filter(([name]) => name === 'Access-Control-Allow-Origin').map(([, value]) => lab.resolve(value));
    expect(headerValues(received.responseHeaders, 'Access-Control-Allow-Origin')).toEqual(sentAcao);
  });

  it('keeps duplicate ACAO lines as separate header entries', () => {
    const received = eventOf(timeline('acao-two-lines').requests[0] ?? { requestId: '?', method: '', events: [] }, 'onHeadersReceived');
    expect(headerValues(received.responseHeaders, 'Access-Control-Allow-Origin')).toEqual([lab.origins.page, lab.origins.page]);
  });

  it.each([['cache-max-age-600', 1], ['cache-default-max-age', 1], ['cache-max-age-0', 2], ['cache-no-store', 2], ['cache-authorization-wildcard', 2]] as const)(
    '%s: two sequential requests send %i preflight(s)',
    (id, preflights) => {
      const run = timeline(id);
      expect([run.requests.length, run.preflights.length]).toEqual([2, preflights]);
    },
  );

  it('sends no preflight for a request covered by the preflight cache: it starts and is sent at once', () => {
    const second = timeline('cache-max-age-600').requests[1];
    if (!second) throw new Error('no second request');
    expect(eventNames(second)).toEqual(['onBeforeRequest', 'onBeforeSendHeaders', 'onSendHeaders', 'onHeadersReceived', 'onResponseStarted', 'onCompleted']);
  });

  it.each(['redir-cross-origin-null', 'redir-preflighted-ok'])(
    '%s: after a cross-origin redirect Origin is "null" (preflight included) while initiator still names the page',
    (id) => {
      const { requests, preflights } = timeline(id);
      const request = requests[0];
      if (!request) throw new Error('no request');
      const sends = request.events.filter((event) => event.event === 'onSendHeaders');
      expect(sends.map((event) => requestHeader(event, 'Origin'))).toEqual([lab.origins.page, 'null']);
      expect(request.events.map((event) => event.initiator)).toEqual(request.events.map(() => lab.origins.page));
      expect(eventOf(request, 'onBeforeRedirect').redirectUrl).toBe(sends[1]?.url);
      for (const preflight of preflights.slice(1)) expect(requestHeader(eventOf(preflight, 'onSendHeaders'), 'Origin')).toBe('null');
    },
  );

  it('keeps Origin after a same-origin redirect', () => {
    const request = timeline('redir-same-origin').requests[0];
    const sends = request?.events.filter((event) => event.event === 'onSendHeaders') ?? [];
    expect(sends.map((event) => requestHeader(event, 'Origin'))).toEqual([lab.origins.page, lab.origins.page]);
  });

  it.each(['redir-without-acao', 'redir-userinfo'])('%s: a redirect refused by CORS shows onHeadersReceived 3xx, no onBeforeRedirect', (id) => {
    const request = timeline(id).requests[0];
    if (!request) throw new Error('no request');
    expect(eventNames(request)).toEqual(['onBeforeRequest', 'onBeforeSendHeaders', 'onSendHeaders', 'onHeadersReceived', 'onErrorOccurred']);
    expect(eventOf(request, 'onHeadersReceived').statusCode).toBe(302);
  });

  it.each([['net-refused-preflighted', 'net::ERR_CONNECTION_REFUSED'], ['net-preflight-hang-up', 'net::ERR_EMPTY_RESPONSE']])(
    '%s: a preflight failing at the network level says net::ERR_FAILED; only the request carries the real error',
    (id, realError) => {
      const { preflights, requests } = timeline(id);
      expect(preflights.map((preflight) => lastEvent(preflight).error)).toEqual(['net::ERR_FAILED']);
      expect(requests.map((request) => eventNames(request))).toEqual([['onBeforeRequest', 'onErrorOccurred']]);
      expect(requests.map((request) => lastEvent(request).error)).toEqual([realError]);
    },
  );

  it('does not merge concurrent identical preflights: each preflight follows the start of one more request', () => {
    const { preflights, requests } = timeline('cache-concurrent-3');
    expect(requests).toHaveLength(3);
    // The scenario's preflight answers after 500 ms, so all three PUTs start before any answer (lab/scenarios/cache.ts).
    expect(preflights).toHaveLength(3);
    const requestStarts = requests.map((request) => eventOf(request, 'onBeforeRequest').seq);
    preflights.forEach((preflight, index) => {
      const startedBefore = requestStarts.filter((seq) => seq < eventOf(preflight, 'onBeforeRequest').seq).length;
      expect(startedBefore).toBeGreaterThan(index);
    });
  });

  it.each(['font-acao', 'font-no-acao'])('%s: a web font first shows a cache-only request ending net::ERR_CACHE_MISS', (id) => {
    const { cacheProbes, requests } = timeline(id);
    expect(cacheProbes.map((probe) => [eventNames(probe), eventOf(probe, 'onBeforeRequest').type])).toEqual([
      [['onBeforeRequest', 'onBeforeSendHeaders', 'onSendHeaders', 'onErrorOccurred'], 'font'],
    ]);
    expect(requests).toHaveLength(1);
    expect(Number(requests[0]?.requestId)).toBeGreaterThan(Number(cacheProbes[0]?.requestId));
  });

  it.each([['acao-exact', 'cors'], ['pf-ok', 'cors'], ['nocors-fetch', 'no-cors'], ['img-crossorigin-acao', 'cors'], ['nocors-img', 'no-cors'], ['beacon-text', 'no-cors']])(
    '%s: onSendHeaders shows Sec-Fetch-Mode %s',
    (id, mode) => {
      const request = timeline(id).requests[0];
      if (!request) throw new Error('no request');
      expect(requestHeader(eventOf(request, 'onSendHeaders'), 'Sec-Fetch-Mode')).toBe(mode);
    },
  );

  it('shows the Origin header only to listeners with extraHeaders', async () => {
    const plain = await browser.serviceWorker?.evaluate(() =>
      (self as unknown as { probe: { plainEvents: ProbeEvent[] } }).probe.plainEvents.filter((event) => event.event === 'onSendHeaders'));
    const crossOrigin = (plain ?? []).filter((event) => event.url.startsWith(lab.origins.apiA));
    expect(crossOrigin.length).toBeGreaterThan(0);
    expect(crossOrigin.filter((event) => headerValues(event.requestHeaders, 'Origin').length > 0)).toEqual([]);
    const withExtra = eventOf(timeline('acao-exact').requests[0] ?? { requestId: '?', method: '', events: [] }, 'onSendHeaders');
    expect(requestHeader(withExtra, 'Origin')).toBe(lab.origins.page);
  });
});
