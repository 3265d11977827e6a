/**
 * Privilege: CORS Lens asks for exactly what its features need (webRequest, storage, host access
 * to all URLs), each justified in the README, and its pages run under a CSP that allows no inline,
 * evaluated or remote script. The built manifest is checked the same way in
 * test/e2e/hardening-dist.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspProblems, manifestProblems } from './privilege-rules';

const readJson = (relative: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../${relative}`, import.meta.url), 'utf8')) as Record<string, unknown>;

const manifest = readJson('manifest.json');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('the source manifest', () => {
  it('asks for webRequest, storage and <all_urls> host access, and nothing else', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('has an extension-pages CSP with script-src \'self\' only and object-src \'none\'', () => {
    const csp = (manifest.content_security_policy as { extension_pages?: unknown } | undefined)?.extension_pages;
    expect(typeof csp).toBe('string');
    expect(cspProblems(String(csp))).toEqual([]);
  });

  it('justifies each permission in the README', () => {
    const section = readme.slice(readme.indexOf('## Permissions and privacy'), readme.indexOf('\n## ', readme.indexOf('## Permissions and privacy') + 5));
    for (const permission of ['`webRequest`', '`<all_urls>`', '`storage`']) {
      const row = section.split('\n').find((line) => line.startsWith('|') && line.includes(permission));
      expect(row, `README row for ${permission}`).toBeDefined();
      expect((row ?? '').split('|')[2]?.trim().length ?? 0).toBeGreaterThan(40);
    }
  });
});

describe('the rules themselves catch what they must', () => {
  it.each([
    ['an extra permission', { permissions: ['webRequest', 'storage', 'tabs'], host_permissions: ['<all_urls>'] }, 'permissions'],
    ['blocking webRequest', { permissions: ['webRequest', 'webRequestBlocking', 'storage'], host_permissions: ['<all_urls>'] }, 'permissions'],
    ['optional permissions', { permissions: ['webRequest', 'storage'], host_permissions: ['<all_urls>'], optional_permissions: ['cookies'] }, 'optional_permissions'],
    ['content scripts', { permissions: ['webRequest', 'storage'], host_permissions: ['<all_urls>'], content_scripts: [{ js: ['a.js'] }] }, 'content_scripts'],
    ['pages open to the web', { permissions: ['webRequest', 'storage'], host_permissions: ['<all_urls>'], externally_connectable: { matches: ['<all_urls>'] } }, 'externally_connectable'],
  ])('a manifest with %s fails', (_name, bad, key) => {
    expect(manifestProblems(bad).join('\n')).toContain(key);
  });

  it.each([
    ["script-src 'self' 'unsafe-eval'; object-src 'none'", 'unsafe-eval'],
    ["script-src 'self' 'unsafe-inline'; object-src 'none'", 'unsafe-inline'],
    ["script-src 'self' https://cdn.example; object-src 'none'", 'https://cdn.example'],
    ["script-src 'self' 'wasm-unsafe-eval'; object-src 'none'", 'wasm-unsafe-eval'],
    ["default-src 'self'", 'script-src'],
    ["script-src 'self'", 'object-src'],
  ])('the CSP %s fails', (csp, word) => {
    expect(cspProblems(csp).join('\n')).toContain(word);
  });
});
