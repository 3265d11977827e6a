import { describe, expect, it } from 'vitest';
import { explain, guessStack, mdnUrl } from '../../../../src/core/advice';
import type { FirefoxReason } from '../../../../src/core/types';
import { PAGE, blocked, blockedPreflight, h, makeTx, makeVerdict, putTx } from './fixtures';

describe('stack choice', () => {
  it('puts the detected stack first and reports it', () => {
    const tx = makeTx({ response: { status: 200, headers: [h('Server', 'nginx/1.25.3')] } });
    const result = explain(blocked('MissingAllowOriginHeader'), tx);
    expect(result.stack).toBe('nginx');
    expect(result.snippets[0]?.stack).toBe('nginx');
    expect(result.snippets).toHaveLength(12);
  });

  it('prefers the stack the user chose over the detected one', () => {
    const tx = makeTx({ response: { status: 200, headers: [h('Server', 'nginx')] } });
    const result = explain(blocked('MissingAllowOriginHeader'), tx, { stack: 'django' });
    expect(result.stack).toBe('django');
    expect(result.snippets.map((s) => s.stack).slice(0, 2)).toEqual(['django', 'express']);
  });

  it('detects from the failing preflight response first', () => {
    const tx = putTx(403, [h('Server', 'Kestrel')], { response: { status: 200, headers: [h('Server', 'cloudflare')] } });
    expect(guessStack(blockedPreflight('PreflightInvalidStatus'), tx)).toEqual({ stack: 'aspnet', evidence: 'Server: Kestrel' });
  });
});

describe('MDN and Firefox', () => {
  it('links MDN\'s page for the Firefox reason and echoes the reason', () => {
    const result = explain(blocked('MissingAllowOriginHeader', { firefoxReason: 'CORSMissingAllowOrigin' }), makeTx());
    expect(result.mdnUrl).toBe('https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin');
    expect(result.firefoxReason).toBe('CORSMissingAllowOrigin');
  });

  it.each<FirefoxReason>(['CORSDidNotSucceed', 'CORSNotSupportingCredentials', 'CORSMissingAllowHeaderFromPreflight'])('%s maps to its Guides/CORS/Errors page', (reason) => {
    expect(mdnUrl(reason)).toBe(`https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/${reason}`);
  });

  it('has no MDN link without a Firefox reason', () => {
    expect(explain(makeVerdict(), makeTx()).mdnUrl).toBeNull();
  });
});

describe('findings in plain words', () => {
  it('titles each finding and adds what to do', () => {
    const findings = [
      { code: 'authorization-covered-by-wildcard' as const, severity: 'warning' as const, message: 'Authorization is allowed only by "*".' },
      { code: 'headers-not-exposed' as const, severity: 'info' as const, message: 'Script cannot read X-Total-Count.', subjects: ['x-total-count'] },
    ];
    const result = explain(makeVerdict({ findings }), makeTx());
    expect(result.findings).toEqual([
      { severity: 'warning', title: 'Authorization is allowed only through "*"', text: expect.stringContaining('list Authorization by name') as string },
      { severity: 'info', title: 'Some response headers are hidden from JavaScript', text: 'Script cannot read X-Total-Count. Add Access-Control-Expose-Headers: x-total-count.' },
    ]);
  });
});

describe('values are text, carried verbatim', () => {
  const HOSTILE = '<script>alert("x")</script>&amp;';

  it('keeps a hostile Access-Control-Allow-Origin value as is in the title and paragraph', () => {
    const verdict = blocked('AllowOriginMismatch', { actual: HOSTILE, failedParameter: HOSTILE });
    const result = explain(verdict, makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', HOSTILE)] } }));
    expect(result.title).toBe(`Access-Control-Allow-Origin "${HOSTILE}" does not match the page origin ${PAGE}`);
    expect(result.paragraph).toContain(HOSTILE);
    expect(result.requiredHeaders[0]?.why).toContain(`Your server sends "${HOSTILE}"`);
  });

  it('never HTML-escapes anything (the UI renders text)', () => {
    const verdict = blockedPreflight('HeaderDisallowedByPreflightResponse', { failedParameter: HOSTILE });
    const result = explain(verdict, putTx(204, [h('Access-Control-Allow-Headers', HOSTILE)]));
    const all = JSON.stringify(result);
    expect(all).not.toContain('&lt;');
    expect(all).not.toContain('&quot;');
    expect(result.title).toContain(HOSTILE);
  });
});
