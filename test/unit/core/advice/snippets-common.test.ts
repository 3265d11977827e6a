import { describe, expect, it } from 'vitest';
import { STACKS, explain, type StackId } from '../../../../src/core/advice';
import { PAGE, blockedPreflight, h, makeTx, putTx } from './fixtures';

const sample = explain(blockedPreflight('PreflightMissingAllowOriginHeader'), putTx(204, []));

// Each language's escaped form of a hostile origin containing a quote (what the snippet must contain).
const HOSTILE = 'https://evil.example"><script>alert(1)</script>';
const ESCAPED_QUOTE: Record<StackId, string> = {
  express: 'https://evil.example\\"><script>',
  nginx: 'https://evil.example\\"><script>',
  apache: 'https://evil.example\\"><script>',
  caddy: '`https://evil.example"><script>alert(1)</script>`',
  'rack-cors': 'https://evil.example\\"><script>',
  django: 'https://evil.example\\"><script>',
  spring: 'https://evil.example\\"><script>',
  aspnet: 'https://evil.example\\"><script>',
  fastapi: 'https://evil.example\\"><script>',
  'go-rs-cors': 'https://evil.example\\"><script>',
  aws: 'https://evil.example\\"><script>',
  cloudflare: 'https://evil.example\\"><script>',
};

describe('snippets for every stack', () => {
  it('lists every stack once, in the STACKS order when none is chosen or detected', () => {
    expect(sample.stack).toBeNull();
    expect(sample.snippets.map((s) => s.stack)).toEqual(STACKS.map((s) => s.id));
    expect(sample.snippets.map((s) => s.name)).toEqual(STACKS.map((s) => s.name));
  });

  it.each(STACKS.map((s) => [s.id]))('%s: names the origin and the PUT method of this request, with pitfalls', (stack) => {
    const snippet = sample.snippets.find((s) => s.stack === stack);
    expect(snippet?.code).toContain(PAGE);
    expect(snippet?.code).toMatch(/PUT|:put/);
    expect(snippet?.code).toContain('x-api-key');
    expect(snippet?.pitfalls.length).toBeGreaterThanOrEqual(3);
    expect(snippet?.language).toMatch(/^[a-z]+$/);
  });

  it.each(STACKS.map((s) => [s.id]))('%s: escapes a hostile origin so the quote cannot end the string', (stack) => {
    const tx = putTx(204, [], {});
    const hostile = { ...tx, request: { ...tx.request, headers: [h('Origin', HOSTILE)] }, preflight: tx.preflight ? { ...tx.preflight, request: { ...tx.preflight.request, headers: [h('Origin', HOSTILE), h('Access-Control-Request-Method', 'PUT')] } } : null };
    const result = explain(blockedPreflight('PreflightMissingAllowOriginHeader'), hostile);
    const code = result.snippets.find((s) => s.stack === stack)?.code ?? '';
    expect(code).toContain(ESCAPED_QUOTE[stack]);
    // Caddy reads a backtick token raw, so the quote may stay as is there.
    if (stack !== 'caddy') expect(code).not.toContain('https://evil.example"><');
  });

  it('credentials add the credentials setting to every stack', () => {
    for (const snippet of sample.snippets) {
      expect(snippet.code, snippet.stack).toMatch(/credentials/i);
    }
  });

  it('without credentials and without a preflight, no stack mentions credentials or max age', () => {
    const simple = explain(blockedPreflight('MissingAllowOriginHeader', { credentials: 'same-origin', stage: { kind: 'response' }, preflight: { required: false, observed: false, fromCache: false, reasons: [], requestHeaders: '' } }), makeTx());
    for (const snippet of simple.snippets) {
      expect(snippet.code, snippet.stack).not.toMatch(/allow_?credentials|AllowCredentials\b|credentials: true|CREDENTIALS = True/i);
      expect(snippet.code, snippet.stack).not.toMatch(/max_?age|MaxAge|Max-Age/i);
    }
  });

  it('ranks the pitfalls about this failure first (nginx: always, for an error without CORS headers)', () => {
    const result = explain(
      blockedPreflight('MissingAllowOriginHeader', { stage: { kind: 'response' }, rootCause: { kind: 'http-error-without-cors', status: 502, stage: 'response' } }),
      makeTx({ response: { status: 502, headers: [] } }),
      { stack: 'nginx' },
    );
    expect(result.snippets[0]?.stack).toBe('nginx');
    expect(result.snippets[0]?.pitfalls[0]).toContain('always');
  });
});
