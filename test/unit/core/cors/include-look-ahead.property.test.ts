/**
 * A walk without credentials tells how the walk with credentials: 'include' ends
 * (WalkResult.includeFailure), so evaluate() walks a second time only when it keeps that walk.
 * The look-ahead must name exactly the failure (or the pass) the real second walk ends with.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withHeaderScope } from '../../../../src/core/cors/header-index';
import { walkRules, type RuleFailure, type WalkContext } from '../../../../src/core/cors/hop-rules';
import { canBePreflighted, inferMode } from '../../../../src/core/cors/mode-inference';
import { ERR_FAILED } from '../../../../src/core/cors/net-errors';
import { observe } from '../../../../src/core/cors/reconcile';
import { buildRoute } from '../../../../src/core/cors/route';
import { HeaderIndex } from '../../../../src/core/cors/header-index';
import { parseOrigin } from '../../../../src/core/origin/parse-origin';
import { normalizeMethod } from '../../../../src/core/request';
import type { Header, ObservedPreflight, ObservedRedirect, ObservedResponse, ObservedTransaction, ResourceType } from '../../../../src/core/types';

const PAGE = 'http://127.0.0.1:4100';
const API = 'http://127.0.0.1:4101';
const OTHER = 'http://127.0.0.1:4102';

const NAMES = [
  'Access-Control-Allow-Origin', 'access-control-allow-origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers', 'Access-Control-Request-Headers', 'Origin', 'Cookie', 'Sec-Fetch-Mode', 'Authorization',
  'Content-Type', 'X-Custom', 'Location', 'Vary',
];
const VALUES = [
  '*', 'null', 'true', 'True', '', PAGE, `${PAGE}/`, OTHER, 'PUT', 'PUT, patch', '*, authorization', 'x-custom', 'authorization',
  'x-custom, authorization', 'bad value', 'application/json', 'cors', 'no-cors', 'same-origin', `${API}/next`, `${OTHER}/x`,
];
const URLS = [`${API}/api`, `${PAGE}/same`, `${OTHER}/x`, 'http://user:pw@127.0.0.1:4102/', 'ftp://h/x', 'http://[', '/relative'];

const headerList = fc.array(fc.record({ name: fc.constantFrom(...NAMES), value: fc.constantFrom(...VALUES) }), { maxLength: 6 });
const response: fc.Arbitrary<ObservedResponse> = fc.record({
  status: fc.constantFrom(200, 204, 301, 302, 304, 401, 500),
  headers: headerList,
});
const preflight: fc.Arbitrary<ObservedPreflight> = fc.record({
  request: fc.record({ method: fc.constant('OPTIONS'), url: fc.constantFrom(...URLS), headers: headerList }),
  response: fc.option(response),
  netError: fc.option(fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED')),
  fromCache: fc.boolean(),
}, { requiredKeys: ['request', 'response'] });
const redirect: fc.Arbitrary<ObservedRedirect> = fc.record({
  url: fc.constantFrom(...URLS), status: fc.constantFrom(301, 302, 303, 307), headers: headerList, location: fc.constantFrom(...URLS),
  nextPreflight: fc.option(preflight), nextRequestHeaders: fc.option(headerList),
}, { requiredKeys: ['url', 'status', 'headers', 'location'] });
const transaction: fc.Arbitrary<ObservedTransaction> = fc.record({
  initiator: fc.constantFrom(PAGE, 'null', 'https://a.example', 'http://10.0.0.1'),
  resourceType: fc.constantFrom<ResourceType>('xmlhttprequest', 'xmlhttprequest', 'font', 'other', 'image'),
  request: fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'patch'), url: fc.constantFrom(...URLS), headers: headerList }),
  preflight: fc.option(preflight),
  redirects: fc.array(redirect, { maxLength: 2 }),
  response: fc.option(response),
  netError: fc.option(fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED')),
  completed: fc.boolean(),
}, { requiredKeys: ['initiator', 'resourceType', 'request'] });

/** The walk context evaluate() builds for a transaction the rules apply to. */
function contextOf(tx: ObservedTransaction): WalkContext {
  const seen = observe(tx);
  const route = buildRoute(tx, parseOrigin(tx.initiator ?? 'null'), seen.deliveredOk);
  return {
    tx, route, mode: inferMode(tx, new HeaderIndex(tx.request.headers), normalizeMethod(tx.request.method)),
    canPreflight: canBePreflighted(tx.resourceType), deliveredOk: seen.deliveredOk, endedWithErrFailed: seen.netError === ERR_FAILED,
    localNetwork: undefined,
  };
}

/** What a failure says, without the header index objects it points at (each walk indexes the same lists). */
function described(failure: RuleFailure | null | undefined): unknown {
  if (failure === null || failure === undefined) return failure;
  if (failure.kind === 'network') return failure;
  const { response, ...rest } = failure;
  return { ...rest, response: response === null ? null : response.lines() };
}

describe('walkRules look-ahead for credentials: include', () => {
  it('names the failure the walk with credentials ends with', () => {
    fc.assert(fc.property(transaction, (tx) => {
      withHeaderScope(() => {
        const ctx = contextOf(tx);
        const without = walkRules(ctx, false, true);
        const withCredentials = walkRules(ctx, true);
        expect(described(without.includeFailure)).toEqual(described(withCredentials.failure));
        // The look-ahead changes nothing about the walk itself.
        expect(described(without.failure)).toEqual(described(walkRules(ctx, false).failure));
      });
    }), { numRuns: 3000 });
  });

  it('is asked for only by walks without credentials', () => {
    const tx: ObservedTransaction = {
      initiator: PAGE, resourceType: 'xmlhttprequest', request: { method: 'GET', url: `${API}/api`, headers: [] as Header[] },
      response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
    };
    withHeaderScope(() => {
      const ctx = contextOf(tx);
      expect(walkRules(ctx, true, true).includeFailure).toBeUndefined();
      expect(walkRules(ctx, false, true).includeFailure).toMatchObject({ kind: 'cors', error: 'WildcardOriginNotAllowed' });
      expect(walkRules(ctx, false, true).failure).toBeNull();
    });
  });
});
