import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/core/advice';
import type { CorsErrorName } from '../../../../src/core/types';
import { PAGE, blocked, h, makeTx } from './fixtures';

describe('request-level failures', () => {
  it('DisallowedByMode names the other origin and that no header fixes it', () => {
    const result = explain(blocked('DisallowedByMode', { stage: { kind: 'request', hop: 0 }, reachedServer: false }), makeTx());
    expect(result.title).toBe('The request used mode "same-origin" but https://api.example is another origin');
    expect(result.paragraph).toContain('No server header changes this');
    expect(result.paragraph).toContain('before sending it');
    expect(result.requiredHeaders).toEqual([]);
    expect(result.where).toBeNull();
  });

  it('CorsDisabledScheme names the scheme and the URL', () => {
    const tx = makeTx({ request: { method: 'GET', url: 'file:///home/me/data.json', headers: [] } });
    const result = explain(blocked('CorsDisabledScheme', { stage: { kind: 'request', hop: 0 } }), tx);
    expect(result.title).toBe('Cross-origin requests are not supported for "file:" URLs (file:///home/me/data.json)');
  });

  it('RedirectContainsCredentials shows the location with the password hidden, and a clean Location to send', () => {
    const tx = makeTx({ redirects: [{ url: 'https://api.example/items', status: 302, headers: [], location: 'https://bob:hunter2@cdn.example/x' }] });
    const result = explain(blocked('RedirectContainsCredentials', { stage: { kind: 'redirect', hop: 0 } }), tx);
    expect(result.title).toBe('The redirect to https://bob:***@cdn.example/x contains a user name or password');
    expect(`${result.title}${result.paragraph}${JSON.stringify(result.requiredHeaders)}`).not.toContain('hunter2');
    expect(result.requiredHeaders).toEqual([expect.objectContaining({ name: 'Location', value: 'https://cdn.example/x', appliesTo: 'redirect' })]);
    expect(result.where).toBe('redirect');
  });

  it('NoCorsRedirectModeNotFollow says to use redirect: follow', () => {
    const result = explain(blocked('NoCorsRedirectModeNotFollow', { mode: 'no-cors' }), makeTx());
    expect(result.title).toContain('api.example');
    expect(result.paragraph).toContain("redirect: 'follow'");
  });

  it.each([
    { error: 'InsecureLocalNetwork' as const, words: 'serve the page over HTTPS' },
    { error: 'InvalidLocalNetworkAccess' as const, words: 'targetAddressSpace' },
    { error: 'LocalNetworkAccessPermissionDenied' as const, words: "user's permission" },
  ])('$error is explained as Local Network Access, not a header problem', ({ error, words }) => {
    const tx = makeTx({ request: { method: 'GET', url: 'http://192.168.1.10/api', headers: [h('Origin', PAGE)] }, response: { status: 200, headers: [], ip: '192.168.1.10' } });
    const result = explain(blocked(error), tx);
    expect(result.title).toContain('192.168.1.10');
    expect(result.paragraph).toContain(words);
    expect(result.requiredHeaders).toEqual([]);
  });

  it.each<CorsErrorName>([
    'InsecurePrivateNetwork', 'InvalidPrivateNetworkAccess', 'UnexpectedPrivateNetworkAccess',
    'PreflightMissingAllowPrivateNetwork', 'PreflightInvalidAllowPrivateNetwork',
    'PreflightMissingAllowExternal', 'PreflightInvalidAllowExternal',
  ])('legacy %s gets the generic Private Network Access text', (error) => {
    const result = explain(blocked(error), makeTx());
    expect(result.title).toBe(`${error}: an older Private Network Access check failed for api.example`);
    expect(result.paragraph).toContain('Local Network Access');
  });

  it('a legacy preflight opt-in error asks for Access-Control-Allow-Private-Network', () => {
    const result = explain(blocked('PreflightMissingAllowPrivateNetwork', { stage: { kind: 'preflight', hop: 0 } }), makeTx());
    expect(result.requiredHeaders).toContainEqual(expect.objectContaining({ name: 'Access-Control-Allow-Private-Network', value: 'true' }));
  });
});
