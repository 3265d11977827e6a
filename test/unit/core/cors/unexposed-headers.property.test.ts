/**
 * unexposedHeaderNames rules most names out by their spelling before lowercasing anything; it must
 * list exactly what the rule says over the lowercased names: not never-exposed, not infrastructure,
 * not Access-Control-*, and not exposed (safelisted, listed, or `*` without credentials).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeaderIndex, isExposed, parseExposeHeaders, unexposedHeaderNames } from '../../../../src/core/cors/index';

const INFRASTRUCTURE_SAMPLE = ['Connection', 'keep-alive', 'Date', 'Server', 'Vary', 'Strict-Transport-Security', 'Accept-CH', 'ALT-SVC'];
const name = fc.oneof(
  fc.constantFrom('Set-Cookie', 'set-cookie2', 'Content-Type', 'CONTENT-LENGTH', 'Cache-Control', 'Expires', 'X-Total-Count', 'x-total-count',
    'ETag', 'Link', 'Access-Control-Allow-Origin', 'ACCESS-CONTROL-X', 'Access-Control-', '\u212Aeep-Alive', 'Pr\u0130ority', ...INFRASTRUCTURE_SAMPLE),
  fc.string({ maxLength: 10 }),
);
const exposeValue = fc.constantFrom('*', 'x-total-count', 'X-Total-Count, ETag', 'etag, *', 'bad value', '', 'link');
const lines = fc.array(fc.oneof(
  fc.record({ name, value: fc.constantFrom('v', '') }),
  fc.record({ name: fc.constant('Access-Control-Expose-Headers'), value: exposeValue }),
), { maxLength: 10 });

const NEVER = new Set(['set-cookie', 'set-cookie2']);
function reference(index: HeaderIndex, include: boolean): string[] {
  const infrastructure = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection', 'date', 'server',
    'vary', 'via', 'alt-svc', 'age', 'content-encoding', 'x-powered-by', 'strict-transport-security', 'report-to',
    'reporting-endpoints', 'nel', 'timing-allow-origin', 'cross-origin-resource-policy', 'cross-origin-opener-policy',
    'cross-origin-embedder-policy', 'x-content-type-options', 'content-security-policy',
    'content-security-policy-report-only', 'permissions-policy', 'referrer-policy', 'x-frame-options', 'x-xss-protection',
    'origin-agent-cluster', 'server-timing', 'accept-ch']);
  const exposed = parseExposeHeaders(index.get('access-control-expose-headers'), include);
  return [...index.names()]
    .filter((n) => !NEVER.has(n) && !infrastructure.has(n) && !n.startsWith('access-control-') && !isExposed(n, exposed))
    .sort();
}

describe('unexposedHeaderNames', () => {
  it('lists exactly the names the rule lists, with and without credentials', () => {
    fc.assert(fc.property(lines, fc.boolean(), (list, include) => {
      const index = new HeaderIndex(list);
      expect(unexposedHeaderNames(index, include)).toEqual(reference(index, include));
    }), { numRuns: 3000 });
  });
});
