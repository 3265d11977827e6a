import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORS_ERRORS, evaluate } from '../../../src/core/index';
import type {
  CredentialsMode, Header, ObservedPreflight, ObservedRedirect, ObservedResponse, ObservedTransaction, RequestMode, ResourceType, Verdict,
} from '../../../src/core/index';

const RESOURCE_TYPES: ResourceType[] = [
  'main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report',
  'media', 'websocket', 'webbundle', 'webtransport', 'other',
];
const MODES: RequestMode[] = ['cors', 'no-cors', 'same-origin', 'navigate', 'websocket'];
const CREDENTIALS: CredentialsMode[] = ['include', 'same-origin', 'omit', 'unknown'];

const ORIGINS = ['http://127.0.0.1:4100', 'http://127.0.0.1:4101', 'https://a.example', 'null', 'http://[::1]:3000', 'https://xn--lve-6lad.example'];
const URLS = [
  'http://127.0.0.1:4101/api', 'http://127.0.0.1:4100/x', 'https://a.example/p?q', 'https://b.example:8443/',
  'http://user:pw@127.0.0.1:4102/', 'ftp://h/x', 'data:,x', 'ws://h/', 'http://[', '', '/relative', 'http://10.0.0.1/',
];
const NAMES = [
  'Origin', 'Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers', 'Access-Control-Expose-Headers', 'Access-Control-Max-Age', 'Access-Control-Request-Headers',
  'Access-Control-Request-Method', 'Vary', 'Set-Cookie', 'Cookie', 'Sec-Fetch-Mode', 'Authorization', 'Content-Type',
  'X-Custom', 'X-Total-Count', 'Location', 'If-None-Match', 'Range', 'Accept',
];
const VALUES = [
  '*', 'null', 'true', 'True', '', ' ', 'http://127.0.0.1:4100', 'http://127.0.0.1:4100/', 'PUT, DELETE', 'x-custom, authorization',
  'Bad value', ',,', 'cors', 'same-origin', 'no-cors', 'application/json', 'text/plain', '600', '-1', 'bytes=0-1', 'Origin',
];

/** Anything at all, weighted towards the values the engine reacts to. */
const anyString = fc.oneof(fc.constantFrom(...VALUES), fc.string(), fc.string({ unit: 'binary' }));
const header = (names: fc.Arbitrary<string>, values: fc.Arbitrary<string>): fc.Arbitrary<Header> =>
  fc.record({ name: names, value: values });
const headerList = (names: fc.Arbitrary<string>, values: fc.Arbitrary<string>) => fc.array(header(names, values), { maxLength: 8 });

function transaction(names: fc.Arbitrary<string>, values: fc.Arbitrary<string>, urls: fc.Arbitrary<string>): fc.Arbitrary<ObservedTransaction> {
  const headersArb = headerList(names, values);
  const responseArb: fc.Arbitrary<ObservedResponse> = fc.record(
    { status: fc.oneof(fc.constantFrom(200, 204, 301, 304, 401, 403, 405, 500, 502), fc.integer()), headers: headersArb, fromCache: fc.boolean(), ip: fc.option(anyString) },
    { requiredKeys: ['status', 'headers'] },
  );
  const preflightArb: fc.Arbitrary<ObservedPreflight> = fc.record(
    {
      request: fc.record({ method: fc.constant('OPTIONS'), url: urls, headers: headersArb }),
      response: fc.option(responseArb),
      redirectedTo: fc.option(urls),
      netError: fc.option(fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED', 'ERR_BLOCKED_BY_CLIENT', '')),
      fromCache: fc.boolean(),
      completedAt: fc.option(fc.integer()),
    },
    { requiredKeys: ['request', 'response'] },
  );
  const redirectArb: fc.Arbitrary<ObservedRedirect> = fc.record(
    { url: urls, status: fc.constantFrom(301, 302, 303, 307, 308), headers: headersArb, location: urls, nextPreflight: fc.option(preflightArb), nextRequestHeaders: fc.option(headersArb) },
    { requiredKeys: ['url', 'status', 'headers', 'location'] },
  );
  return fc.record(
    {
      initiator: fc.option(fc.oneof(fc.constantFrom(...ORIGINS), anyString)),
      resourceType: fc.constantFrom(...RESOURCE_TYPES),
      request: fc.record({ method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'patch', 'OPTIONS'), anyString), url: urls, headers: headersArb }),
      preflight: fc.option(preflightArb),
      redirects: fc.array(redirectArb, { maxLength: 3 }),
      response: fc.option(responseArb),
      netError: fc.option(fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_BLOCKED_BY_CLIENT', 'ERR_FAILED')),
      completed: fc.boolean(),
      mode: fc.constantFrom(...MODES),
      credentials: fc.constantFrom(...CREDENTIALS),
      startedAt: fc.integer(),
    },
    { requiredKeys: ['initiator', 'resourceType', 'request'] },
  );
}

const wildTx = transaction(fc.oneof(fc.constantFrom(...NAMES), fc.string(), fc.string({ unit: 'binary' })), anyString, fc.oneof(fc.constantFrom(...URLS), fc.webUrl(), anyString));
const realisticTx = transaction(fc.constantFrom(...NAMES), fc.constantFrom(...VALUES), fc.constantFrom(...URLS));

/** Flip the ASCII case of some letters of a header name. */
function flipCase(name: string, seed: number): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i] ?? '';
    const flip = ((seed >> (i % 30)) & 1) === 1;
    out += flip && /[a-z]/i.test(c) ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c;
  }
  return out;
}

/**
 * Reorder a header list through `order` (a permutation), then put each name's own lines back in
 * their original relative order: duplicates of one name (two ACAO lines) combine in order, so only
 * the interleaving across different names changes.
 */
function permuteAcrossNames(list: readonly Header[], order: readonly number[], seed: number): Header[] {
  const shuffled = order.map((i) => list[i]).filter((h): h is Header => h !== undefined);
  const queues = new Map<string, Header[]>();
  for (const h of list) {
    const key = h.name.toLowerCase();
    queues.set(key, [...(queues.get(key) ?? []), h]);
  }
  return shuffled.map((h) => {
    const next = queues.get(h.name.toLowerCase())?.shift() ?? h;
    return { name: flipCase(next.name, seed), value: next.value };
  });
}

function shuffleHeaders(t: ObservedTransaction, seed: number): ObservedTransaction {
  const rotate = (list: readonly Header[]): Header[] => {
    const order = list.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 104729) - ((b * 7919 + seed) % 104729));
    return permuteAcrossNames(list, order, seed);
  };
  const pf = (p: ObservedPreflight | null | undefined): ObservedPreflight | null | undefined =>
    p ? { ...p, request: { ...p.request, headers: rotate(p.request.headers) }, response: p.response ? { ...p.response, headers: rotate(p.response.headers) } : p.response } : p;
  return {
    ...t,
    request: { ...t.request, headers: rotate(t.request.headers) },
    preflight: pf(t.preflight),
    response: t.response ? { ...t.response, headers: rotate(t.response.headers) } : t.response,
    redirects: (t.redirects ?? []).map((r) => ({
      ...r, headers: rotate(r.headers), nextPreflight: pf(r.nextPreflight), nextRequestHeaders: r.nextRequestHeaders ? rotate(r.nextRequestHeaders) : r.nextRequestHeaders,
    })),
  };
}

/** The verdict with the colleague-owned reason texts reduced to what they classify. */
function decision(v: Verdict): unknown {
  return { ...v, preflight: { ...v.preflight, reasons: v.preflight.reasons.map((r) => `${r.kind}:${r.name}`).sort() } };
}

describe('evaluate() properties', () => {
  it('never throws and always returns a well-formed, serializable verdict on arbitrary input', () => {
    fc.assert(fc.property(wildTx, (t) => {
      const v = evaluate(t);
      expect(['allowed', 'blocked', 'network-error', 'not-cors']).toContain(v.outcome);
      if (v.outcome === 'blocked') expect(CORS_ERRORS).toContain(v.corsError);
      else expect(v.corsError).toBeNull();
      if (t.completed === true && !t.netError) expect(v.outcome).not.toBe('blocked');
      expect(typeof v.summary).toBe('string');
      expect(() => JSON.stringify(v)).not.toThrow();
    }), { numRuns: 300 });
  });

  it('header-name case and the order of different header names never change the verdict', () => {
    fc.assert(fc.property(realisticTx, fc.integer({ min: 0, max: 2 ** 30 }), (t, seed) => {
      expect(decision(evaluate(shuffleHeaders(t, seed)))).toEqual(decision(evaluate(t)));
    }), { numRuns: 300 });
  });

  it('the same input gives the same verdict', () => {
    fc.assert(fc.property(realisticTx, (t) => {
      expect(evaluate(structuredClone(t))).toEqual(evaluate(t));
    }), { numRuns: 100 });
  });
});
