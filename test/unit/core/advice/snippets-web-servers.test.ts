import { describe, expect, it } from 'vitest';
import { PAGE, PUT_CASE, hostileCase, snippet } from './snippet-cases';

describe('nginx', () => {
  it('adds every header with `always` and answers the preflight with 204', () => {
    const { code } = snippet('nginx', PUT_CASE);
    const adds = code.split('\n').filter((l) => l.trim().startsWith('add_header'));
    expect(adds.length).toBeGreaterThan(5);
    for (const line of adds) expect(line).toMatch(/ always;$/);
    expect(code).toContain('if ($request_method = OPTIONS) {');
    expect(code).toContain('return 204;');
    expect(code).toContain(`add_header Access-Control-Allow-Origin "${PAGE}" always;`);
    expect(code).toContain('add_header Access-Control-Allow-Methods "GET, HEAD, POST, PUT" always;');
  });

  it('writes a literal "$" as ${dollar} and says how to define it', () => {
    const { code } = snippet('nginx', hostileCase('https://a$b.example'));
    expect(code).toContain('"https://a${dollar}b.example"');
    expect(code).toContain('geo $dollar { default "$"; }');
  });

  it('knows the nested-location and `always` pitfalls', () => {
    const text = snippet('nginx').pitfalls.join('\n');
    expect(text).toContain('nested block');
    expect(text).toContain('without `always`');
  });
});

describe('Apache httpd', () => {
  it('uses Header always set, answers OPTIONS with 204 and keeps auth off OPTIONS', () => {
    const { code } = snippet('apache', PUT_CASE);
    expect(code).toContain(`Header always set Access-Control-Allow-Origin "${PAGE}"`);
    expect(code).toContain('Header always set Access-Control-Allow-Headers "content-type, x-api-key"');
    expect(code).toContain('RewriteRule ^/api(/|$) - [R=204,L]');
    expect(code).toContain('<LimitExcept OPTIONS>');
  });

  it('escapes quotes and doubles "%" in a hostile value', () => {
    const { code } = snippet('apache', hostileCase('https://a.example"%{X}e'));
    expect(code).toContain('"https://a.example\\"%%{X}e"');
  });
});

describe('Caddy', () => {
  it('matches OPTIONS, responds 204, defers headers and repeats them for errors', () => {
    const { code } = snippet('caddy', PUT_CASE);
    expect(code).toContain('@cors_preflight method OPTIONS');
    expect(code).toContain('respond 204');
    expect(code).toContain('\t\tdefer');
    const errors = code.slice(code.indexOf('handle_errors'));
    expect(errors).toContain(`Access-Control-Allow-Origin "${PAGE}"`);
  });

  it('escapes placeholder braces in a hostile value', () => {
    expect(snippet('caddy', hostileCase('https://{env.SECRET}.example')).code).toContain('"https://\\{env.SECRET\\}.example"');
  });

  it('knows the handle_errors pitfall', () => {
    expect(snippet('caddy').pitfalls.join('\n')).toContain('handle_errors');
  });
});
