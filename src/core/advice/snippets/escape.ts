/**
 * String literals for each snippet language. Values come from the request and response (user data):
 * a quote, a backslash or an interpolation sigil in them must not break out of the literal or be
 * expanded by the server, so each language gets its own escaping rules.
 */

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/** C0 controls, DEL and C1 controls: never written raw into a snippet. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

const COMMON: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Double-quoted literal with per-character rules; `other` escapes controls not in the table. */
function quoteWith(value: string, table: Readonly<Record<string, string>>, other: (code: number) => string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    const mapped = table[ch];
    if (mapped !== undefined) out += mapped;
    else if (isControl(code) || code === 0x2028 || code === 0x2029) out += other(code);
    else out += ch;
  }
  return `${out}"`;
}

/** JavaScript (and JSON-compatible) double-quoted string. */
export function jsString(value: string): string {
  return quoteWith(value, COMMON, (c) => `\\u${hex(c, 4)}`);
}

/** Python str literal. */
export function pyString(value: string): string {
  return quoteWith(value, COMMON, (c) => (c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** Ruby double-quoted string; `#` is escaped so `#{...}` can never interpolate. */
export function rubyString(value: string): string {
  return quoteWith(value, { ...COMMON, '#': '\\#' }, (c) => `\\u${hex(c, 4)}`);
}

/**
 * Java string literal. Java turns `\uXXXX` into characters before parsing, so a `\u0022` would end
 * the string: controls are written as octal escapes instead, and a backslash is always doubled.
 */
export function javaString(value: string): string {
  return quoteWith(value, COMMON, (c) => (c <= 0xff ? `\\${c.toString(8).padStart(3, '0')}` : `\\u${hex(c, 4)}`));
}

/** C# regular string literal. */
export function csString(value: string): string {
  return quoteWith(value, COMMON, (c) => `\\u${hex(c, 4)}`);
}

/** Go interpreted string literal; lone surrogates are not valid code points in Go source. */
export function goString(value: string): string {
  const safe = value.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
  return quoteWith(safe, COMMON, (c) => `\\u${hex(c, 4)}`);
}

/** YAML double-quoted scalar. */
export function yamlString(value: string): string {
  return quoteWith(value, COMMON, (c) => `\\u${hex(c, 4)}`);
}

/**
 * nginx quoted parameter. nginx has no escape for `$` (it always starts a variable), so a literal `$`
 * is written as `${dollar}`, which needs `geo $dollar { default "$"; }` in the http block.
 */
export function nginxString(value: string): { literal: string; needsDollar: boolean } {
  const needsDollar = value.includes('$');
  const body = [...value].map((ch) => (ch === '$' ? '${dollar}' : (COMMON[ch] ?? ch))).join('');
  return { literal: `"${body}"`, needsDollar };
}

/**
 * Apache httpd quoted argument of `Header set`: `\"` escapes a quote, `%` starts a mod_headers format
 * specifier so a literal one is `%%`, and a config line cannot hold a line break.
 */
export function apacheHeaderValue(value: string): string {
  const body = value.replace(/%/g, '%%').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ');
  return `"${body}"`;
}

/**
 * Caddyfile token. Braces start placeholders, so they are escaped (`\{`). A value holding a quote or
 * a backslash goes in backticks, which the Caddyfile lexer reads raw.
 */
export function caddyString(value: string): string {
  const body = value.replace(/[{}]/g, (b) => `\\${b}`);
  if (/["\\]/.test(value) && !value.includes('`')) return `\`${body}\``;
  return `"${body.replace(/"/g, '\\"')}"`;
}
