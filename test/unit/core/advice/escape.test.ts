import { describe, expect, it } from 'vitest';
import {
  apacheHeaderValue, caddyString, csString, goString, javaString, jsString, nginxString, pyString, rubyString, yamlString,
} from '../../../../src/core/advice/snippets/escape';

describe('string literals per snippet language', () => {
  it.each([
    ['JavaScript', jsString, 'a"b\\c\n\u0001\u2028', '"a\\"b\\\\c\\n\\u0001\\u2028"'],
    ['Python', pyString, 'a"b\\c\n\u0001\u0085', '"a\\"b\\\\c\\n\\x01\\x85"'],
    ['Ruby (no #{} interpolation)', rubyString, 'a"#{x}\u0001', '"a\\"\\#{x}\\u0001"'],
    ['Java (controls as octal, never \\u)', javaString, 'a"\u0001\\u0022', '"a\\"\\001\\\\u0022"'],
    ['C#', csString, 'a"b\\\u0000', '"a\\"b\\\\\\u0000"'],
    ['Go (lone surrogate replaced)', goString, 'a"\uD800\t', '"a\\"\uFFFD\\t"'],
    ['YAML', yamlString, "it's \"x\"\n", '"it\'s \\"x\\"\\n"'],
  ])('%s', (_name, quote, value, expected) => {
    expect(quote(value)).toBe(expected);
  });

  it('JavaScript literals read back to the same value', () => {
    const hostile = 'https://evil.example"><script>alert(1)</script>\\\u0000\u2029';
    expect(JSON.parse(jsString(hostile))).toBe(hostile);
  });

  it('nginx: quotes escaped, "$" written as ${dollar} and flagged', () => {
    expect(nginxString('a"b$c')).toEqual({ literal: '"a\\"b${dollar}c"', needsDollar: true });
    expect(nginxString('plain').needsDollar).toBe(false);
  });

  it('Apache: quotes escaped and "%" doubled for mod_headers', () => {
    expect(apacheHeaderValue('50% "off"')).toBe('"50%% \\"off\\""');
  });

  it('Caddy: braces escaped; a quote switches to a raw backtick token', () => {
    expect(caddyString('{env.X}')).toBe('"\\{env.X\\}"');
    expect(caddyString('a"b')).toBe('`a"b`');
    expect(caddyString('a"b`c')).toBe('"a\\"b`c"');
  });
});
