/**
 * The engine on input a hostile server or page controls: arbitrary bytes in header names and values,
 * 100 KB values, a thousand header lines, exotic URLs and initiators. evaluate() must always answer
 * with one of its four outcomes (never throw), keep the outcomes it documents for requests that are
 * not CORS, stay fast on huge input, and produce a verdict (and advice) that survives JSON, since
 * it is persisted and exported.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORS_ERRORS, evaluate } from '../../../src/core';
import type { ObservedPreflight, ObservedRedirect, ObservedResponse, ObservedTransaction, Verdict } from '../../../src/core';
import { explain, guessStack } from '../../../src/core/advice';
import { API, HUGE_VALUES, PAGE, RESOURCE_TYPES, hostileHeaders, hostileInitiator, hostileString, hostileUrl, thousandHeaders } from './hostile-input';
import { jsonProblems } from './json-problems';

const OUTCOMES = ['allowed', 'blocked', 'network-error', 'not-cors'];
const NET_ERRORS = ['net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_CACHE_MISS', ''];

const response: fc.Arbitrary<ObservedResponse> = fc.record({
  status: fc.oneof(fc.constantFrom(0, 200, 204, 302, 401, 502, 999), fc.integer(), fc.double()),
  headers: hostileHeaders,
  fromCache: fc.boolean(),
  ip: fc.option(hostileString),
}, { requiredKeys: ['status', 'headers'] });

const preflight: fc.Arbitrary<ObservedPreflight> = fc.record({
  request: fc.record({ method: fc.constant('OPTIONS'), url: hostileUrl, headers: hostileHeaders }),
  response: fc.option(response),
  redirectedTo: fc.option(hostileUrl),
  netError: fc.option(fc.constantFrom(...NET_ERRORS)),
  fromCache: fc.boolean(),
  completedAt: fc.option(fc.oneof(fc.integer(), fc.double())),
}, { requiredKeys: ['request', 'response'] });

const redirect: fc.Arbitrary<ObservedRedirect> = fc.record({
  url: hostileUrl, status: fc.constantFrom(301, 302, 303, 307, 308, 0), headers: hostileHeaders, location: hostileUrl,
  nextPreflight: fc.option(preflight), nextRequestHeaders: fc.option(hostileHeaders),
}, { requiredKeys: ['url', 'status', 'headers', 'location'] });

const hostileTx: fc.Arbitrary<ObservedTransaction> = fc.record({
  initiator: hostileInitiator,
  resourceType: fc.constantFrom(...RESOURCE_TYPES),
  request: fc.record({ method: fc.oneof(fc.constantFrom('GET', 'PUT', 'patch', 'OPTIONS'), hostileString), url: hostileUrl, headers: hostileHeaders }),
  preflight: fc.option(preflight),
  redirects: fc.array(redirect, { maxLength: 3 }),
  response: fc.option(response),
  netError: fc.option(fc.constantFrom(...NET_ERRORS)),
  completed: fc.boolean(),
  startedAt: fc.oneof(fc.integer(), fc.double()),
}, { requiredKeys: ['initiator', 'resourceType', 'request'] });

function checkVerdict(v: Verdict): void {
  expect(OUTCOMES).toContain(v.outcome);
  if (v.outcome === 'blocked') {
    expect(CORS_ERRORS).toContain(v.corsError);
    expect(typeof v.failedParameter).toBe('string');
  } else {
    expect(v.corsError).toBeNull();
  }
  expect(typeof v.summary).toBe('string');
  expect(jsonProblems(v)).toEqual([]);
}

/** Schemes that never make a CORS request: the engine documents `not-cors` for them. */
const NEVER_CORS = /^(data|blob|javascript|about|chrome-extension|ws|wss):/i;

describe('evaluate() on hostile transactions', () => {
  it('never throws and always returns one of its four outcomes, JSON-safe, with advice that does not throw either', () => {
    fc.assert(fc.property(hostileTx, (tx) => {
      const v = evaluate(tx);
      checkVerdict(v);
      const advice = explain(v, tx);
      expect(typeof advice.title).toBe('string');
      expect(jsonProblems(advice)).toEqual([]);
      guessStack(v, tx);
    }), { numRuns: 100 });
  }, 30_000);

  it('a request without an initiator (browser-initiated) is not-cors, whatever else it carries', () => {
    fc.assert(fc.property(hostileTx, (tx) => {
      expect(evaluate({ ...tx, initiator: null }).outcome).toBe('not-cors');
    }), { numRuns: 100 });
  });

  it('data:, blob:, javascript:, about:, ws: and extension URLs are not-cors', () => {
    const urls = fc.constantFrom('data:text/html,<script>window.__pwned=1</script>', 'blob:http://localhost:3000/1', 'javascript:alert(1)', 'about:blank', 'ws://127.0.0.1:4100/', 'chrome-extension://abc/x');
    fc.assert(fc.property(hostileTx, urls, (tx, url) => {
      expect(NEVER_CORS.test(url)).toBe(true);
      expect(evaluate({ ...tx, request: { ...tx.request, url }, redirects: [] }).outcome).toBe('not-cors');
    }), { numRuns: 100 });
  });

  it('a request that completed without a network error is never shown as blocked', () => {
    fc.assert(fc.property(hostileTx, (tx) => {
      expect(evaluate({ ...tx, completed: true, netError: null }).outcome).not.toBe('blocked');
    }), { numRuns: 150 });
  });

  it('a thousand header lines and 100 KB values are judged in bounded time, and still blocked at the preflight', () => {
    for (const huge of HUGE_VALUES) {
      const tx: ObservedTransaction = {
        initiator: PAGE, resourceType: 'xmlhttprequest',
        request: { method: 'PUT', url: `${API}/x`, headers: thousandHeaders(3, [{ name: 'Origin', value: PAGE }, { name: 'Sec-Fetch-Mode', value: 'cors' }]) },
        preflight: {
          request: { method: 'OPTIONS', url: `${API}/x`, headers: [{ name: 'Access-Control-Request-Method', value: 'PUT' }, { name: 'Origin', value: PAGE }] },
          response: { status: 204, headers: thousandHeaders(5, [{ name: 'Access-Control-Allow-Origin', value: huge }]) },
        },
        response: null, netError: 'net::ERR_FAILED', completed: true,
      };
      const started = performance.now();
      const v = evaluate(tx);
      explain(v, tx);
      expect(performance.now() - started).toBeLessThan(2000);
      checkVerdict(v);
      expect(v.outcome).toBe('blocked');
      expect(v.corsError).toMatch(/^Preflight/);
    }
  });
});
