/**
 * The whole capture path on hostile traffic, as the service worker runs it: webRequest `details`
 * → convertDetails → applyEvent (with the real engine) → buildReport. Whatever the URLs, initiators
 * and headers, nothing throws, every request is accounted for exactly once (listed, or counted as
 * same-origin, non-HTTP or browser-initiated), every ended listed request has a verdict the engine
 * produced without failing, and the report is valid JSON with secrets redacted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDetails } from '../../../src/background/convert-details';
import type { WebRequestEventName } from '../../../src/background/convert-details';
import { evaluate } from '../../../src/core';
import { applyEvent, createModelState, listTransactions, type ModelState } from '../../../src/core/model';
import { REDACTED, buildReport, isSecretHeader } from '../../../src/core/report';
import type { Header } from '../../../src/core/types';
import { jsonProblems } from './json-problems';
import { API, PAGE, hostileHeaders, hostileInitiator, hostileString, hostileUrl, webRequestHeaderList } from './hostile-input';

type Details = Record<string, unknown>;
type Step = readonly [WebRequestEventName, Details];

/** One request as Chromium would report it, with hostile content; the preflight only where Chromium sends one. */
interface RequestPlan {
  readonly url: string;
  readonly method: string;
  readonly type: string;
  readonly tabId: number;
  readonly initiator: string | null;
  readonly sent: unknown;
  readonly status: number;
  readonly received: unknown;
  readonly end: 'completed' | 'error';
  readonly error: string;
  readonly preflight: { readonly received: unknown; readonly status: number } | null;
  readonly redirectTo: string | null;
}

const plan: fc.Arbitrary<RequestPlan> = fc.record({
  url: fc.oneof(hostileUrl, fc.constantFrom(`${API}/a`, `${API}/b?q=<script>`, `${PAGE}/same`)),
  method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'patch'), hostileString.filter((m) => m !== 'OPTIONS')),
  type: fc.constantFrom('xmlhttprequest', 'image', 'font', 'script', 'stylesheet', 'ping', 'sub_frame', 'media', 'other', 'bogus'),
  tabId: fc.constantFrom(1, 2, -1),
  initiator: hostileInitiator,
  sent: webRequestHeaderList,
  status: fc.oneof(fc.constantFrom(0, 200, 204, 401, 502), fc.integer({ min: -5, max: 1000 })),
  received: webRequestHeaderList,
  end: fc.constantFrom('completed', 'error'),
  error: fc.oneof(fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED'), hostileString.filter((e) => e !== 'net::ERR_CACHE_MISS')),
  preflight: fc.option(fc.record({ received: webRequestHeaderList, status: fc.constantFrom(200, 204, 401, 500) })),
  redirectTo: fc.option(fc.oneof(hostileUrl, fc.constant(`${API}/next`))),
});

/** webRequest events of one plan, in Chromium's order (reference: issue 3's established facts). */
function eventsOf(p: RequestPlan, id: number, at: () => number): Step[] {
  const base = (requestId: string, url: string, method: string): Details => ({
    requestId, url, method, type: p.type, tabId: p.tabId, frameId: 0, parentFrameId: -1, documentId: 'D1',
    ...(p.initiator === null ? {} : { initiator: p.initiator }), timeStamp: at(),
  });
  const steps: Step[] = [['onBeforeRequest', base(String(id), p.url, p.method)]];
  const httpWithInitiator = /^https?:\/\//i.test(p.url) && p.initiator !== null;
  if (p.preflight && httpWithInitiator) {
    const pf = String(id + 0.5);
    const pfSent = [{ name: 'Access-Control-Request-Method', value: p.method }, { name: 'Origin', value: p.initiator }];
    steps.push(
      ['onBeforeRequest', { ...base(pf, p.url, 'OPTIONS'), type: 'xmlhttprequest' }],
      ['onSendHeaders', { ...base(pf, p.url, 'OPTIONS'), type: 'xmlhttprequest', requestHeaders: pfSent }],
      ['onHeadersReceived', { ...base(pf, p.url, 'OPTIONS'), type: 'xmlhttprequest', statusCode: p.preflight.status, responseHeaders: p.preflight.received }],
      ['onCompleted', { ...base(pf, p.url, 'OPTIONS'), type: 'xmlhttprequest', statusCode: p.preflight.status, responseHeaders: p.preflight.received }],
    );
  }
  steps.push(
    ['onBeforeSendHeaders', { ...base(String(id), p.url, p.method), requestHeaders: p.sent }],
    ['onSendHeaders', { ...base(String(id), p.url, p.method), requestHeaders: p.sent }],
  );
  let url = p.url;
  // Only HTTP(S) responses redirect: a data: or blob: load never produces onBeforeRedirect.
  // (Redirects of browser-initiated requests are left to their own test below: see the lead's bug list.)
  if (p.redirectTo !== null && /^https?:\/\//i.test(p.url) && p.initiator !== null) {
    steps.push(['onBeforeRedirect', { ...base(String(id), url, p.method), statusCode: 302, responseHeaders: p.received, redirectUrl: p.redirectTo }]);
    url = p.redirectTo;
    steps.push(['onBeforeRequest', base(String(id), url, p.method)], ['onSendHeaders', { ...base(String(id), url, p.method), requestHeaders: p.sent }]);
  }
  steps.push(['onHeadersReceived', { ...base(String(id), url, p.method), statusCode: p.status, responseHeaders: p.received }]);
  if (p.end === 'completed') {
    steps.push(['onResponseStarted', { ...base(String(id), url, p.method), statusCode: p.status, responseHeaders: p.received }]);
    steps.push(['onCompleted', { ...base(String(id), url, p.method), statusCode: p.status, responseHeaders: p.received }]);
  } else {
    steps.push(['onErrorOccurred', { ...base(String(id), url, p.method), error: p.error }]);
  }
  return steps;
}

function run(plans: readonly RequestPlan[], interleave: readonly number[]): ModelState {
  let clock = 1_700_000_000_000;
  const queues = plans.map((p, i) => eventsOf(p, i + 1, () => ++clock));
  const state = createModelState();
  const ctx = { evaluate };
  // Interleave the requests' events as concurrent requests would, each request's own order kept.
  let turn = 0;
  while (queues.some((q) => q.length > 0)) {
    const live = queues.filter((q) => q.length > 0);
    const queue = live[(interleave[turn++ % Math.max(interleave.length, 1)] ?? 0) % live.length];
    const [name, details] = queue?.shift() ?? ['onBeforeRequest', {}];
    const event = convertDetails(name, details);
    if (event) applyEvent(state, event, ctx);
  }
  return state;
}

function allHeaders(report: ReturnType<typeof buildReport>): Header[] {
  return report.transactions.flatMap((t) => [
    ...(t.requestHeaders ?? []), ...(t.response?.responseHeaders ?? []), ...(t.preflight?.requestHeaders ?? []), ...(t.preflight?.responseHeaders ?? []),
    ...t.redirects.flatMap((r) => [...r.responseHeaders, ...(r.nextRequestHeaders ?? [])]),
  ]);
}

describe('hostile traffic through convertDetails → applyEvent → buildReport', () => {
  it('never throws; each request accounted for once; each listed request judged; report is JSON with secrets redacted', () => {
    fc.assert(fc.property(fc.array(plan, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 40 }), (plans, interleave) => {
      const state = run(plans, interleave);
      const tabIds = [...new Set(plans.map((p) => p.tabId))];
      let accounted = 0;
      for (const tabId of tabIds) {
        const tab = state.tabs[String(tabId)];
        const listed = listTransactions(state, tabId);
        accounted += listed.length + (tab ? tab.counts.sameOrigin + tab.counts.nonHttp + tab.counts.browserInitiated : 0);
        for (const tx of listed) {
          expect(tx.evaluationError).toBeNull();
          expect(tx.state).toBe('done');
          expect(['allowed', 'blocked', 'network-error', 'not-cors']).toContain(tx.verdict?.outcome);
        }
        const report = buildReport(tabId, listed, 1_800_000_000_000);
        expect(jsonProblems(report)).toEqual([]);
        for (const h of allHeaders(report)) if (isSecretHeader(h.name)) expect(h.value).toBe(REDACTED);
        const open = buildReport(tabId, listed, 1_800_000_000_000, { redact: false });
        expect(jsonProblems(open)).toEqual([]);
      }
      expect(accounted).toBe(plans.length);
    }), { numRuns: 100 });
  }, 30_000);

  it('a cross-origin request with a thousand hostile header lines each way is listed once, judged, and exported whole', () => {
    fc.assert(fc.property(hostileHeaders, hostileHeaders, (sent, received) => {
      // The lines that decide the mode and the CORS check are ours; everything else is hostile.
      const decisive = new Set(['origin', 'sec-fetch-mode', 'access-control-allow-origin']);
      const many = (list: Header[], own: Header[]): Header[] => {
        const rest = list.filter((h) => !decisive.has(h.name.trim().toLowerCase())).slice(0, 1000 - own.length);
        return [...rest, ...Array.from({ length: 1000 - own.length - rest.length }, (_, i) => ({ name: `X-${i % 7}`, value: '<b>x</b>' })), ...own];
      };
      const ownSent = [{ name: 'Origin', value: PAGE }, { name: 'Sec-Fetch-Mode', value: 'cors' }];
      const p: RequestPlan = {
        url: `${API}/many`, method: 'GET', type: 'xmlhttprequest', tabId: 1, initiator: PAGE, sent: many(sent, ownSent), status: 200,
        received: many(received, []), end: 'error', error: 'net::ERR_FAILED', preflight: null, redirectTo: null,
      };
      const state = run([p], []);
      const [tx] = listTransactions(state, 1);
      expect(tx?.verdict?.corsError).toBe('MissingAllowOriginHeader');
      const report = buildReport(1, listTransactions(state, 1), 0, { redact: false });
      expect(report.transactions[0]?.requestHeaders).toHaveLength(1000);
      expect(report.transactions[0]?.response?.responseHeaders).toEqual(many(received, []));
    }), { numRuns: 20 });
  });

  it('a browser-initiated request (no initiator) that redirects twice is counted once, not once per hop', () => {
    const p: RequestPlan = {
      url: `${API}/start`, method: 'GET', type: 'other', tabId: 1, initiator: null, sent: [], status: 200, received: [],
      end: 'completed', error: '', preflight: null, redirectTo: null,
    };
    let clock = 0;
    const hop = (url: string, extra: Details = {}): Details => ({ requestId: '7', url, method: 'GET', type: 'other', tabId: 1, frameId: 0, timeStamp: ++clock, ...extra });
    const steps: Step[] = [
      ['onBeforeRequest', hop(p.url)],
      ['onBeforeRedirect', hop(p.url, { statusCode: 302, redirectUrl: `${API}/one` })],
      ['onBeforeRequest', hop(`${API}/one`)],
      ['onBeforeRedirect', hop(`${API}/one`, { statusCode: 302, redirectUrl: `${API}/two` })],
      ['onBeforeRequest', hop(`${API}/two`)],
      ['onCompleted', hop(`${API}/two`, { statusCode: 200, responseHeaders: [] })],
    ];
    const state = createModelState();
    for (const [name, details] of steps) {
      const event = convertDetails(name, details);
      if (event) applyEvent(state, event, { evaluate });
    }
    expect(listTransactions(state, 1)).toEqual([]);
    expect(state.tabs['1']?.counts.browserInitiated).toBe(1);
  });
});
