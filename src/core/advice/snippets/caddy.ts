/** Caddy (Caddyfile): a matcher that answers OPTIONS, deferred headers, and headers on error routes. */
import { caddyString } from './escape';
import type { SnippetBuilder } from './model';

export const caddySnippet: SnippetBuilder = (input) => {
  const field = (indent: string, name: string, value: string): string => `${indent}${name} ${caddyString(value)}`;
  const common = (indent: string): string[] => [
    field(indent, 'Access-Control-Allow-Origin', input.origin),
    ...(input.credentials ? [field(indent, 'Access-Control-Allow-Credentials', 'true')] : []),
    ...(input.anyOrigin ? [] : [field(indent, '+Vary', 'Origin')]),
  ];
  const preflight = input.preflight
    ? [
        '\t# The site-wide header block below also applies to this 204; only the preflight extras go here.',
        '\t@cors_preflight method OPTIONS',
        '\thandle @cors_preflight {',
        '\t\theader {',
        field('\t\t\t', 'Access-Control-Allow-Methods', input.methods.join(', ')),
        ...(input.headers.length > 0 ? [field('\t\t\t', 'Access-Control-Allow-Headers', input.headers.join(', '))] : []),
        field('\t\t\t', 'Access-Control-Max-Age', String(input.maxAge)),
        '\t\t}',
        '\t\trespond 204',
        '\t}',
        '',
      ]
    : [];
  const code = [
    'api.example.com {',
    ...preflight,
    '\t# defer: set when the response is written, replacing any copy the app sends (no duplicates).',
    '\theader {',
    ...common('\t\t'),
    ...(input.expose.length > 0 ? [field('\t\t', 'Access-Control-Expose-Headers', input.expose.join(', '))] : []),
    '\t\tdefer',
    '\t}',
    '\treverse_proxy localhost:8080',
    '',
    '\t# Errors handled here (upstream down, `error` directive) skip the header block above.',
    '\thandle_errors {',
    '\t\theader {',
    ...common('\t\t\t'),
    '\t\t}',
    '\t\trespond "{err.status_code} {err.status_text}"',
    '\t}',
    '}',
  ].join('\n');
  return {
    language: 'caddyfile',
    code,
    pitfalls: [
      {
        text: 'The `header` directive does not apply to responses written by handle_errors (a 502 when the upstream is down, an `error` directive): set the CORS headers inside handle_errors too.',
        topics: ['error-status', 'missing-origin'],
      },
      {
        text: 'Caddy does not answer preflights by itself: without `@cors_preflight method OPTIONS` + `respond 204`, OPTIONS goes to the app or file_server, which often answers 405.',
        topics: ['preflight-status', 'methods', 'headers'],
      },
      {
        text: 'Without `defer`, a header the upstream also sends ends up twice (or the upstream\'s wins): use defer, or remove the upstream\'s copy with `header_down -Access-Control-Allow-Origin` in reverse_proxy.',
        topics: ['duplicate-origin'],
      },
      {
        text: 'Values are exact strings: "https://app.example/" (trailing slash) or a missing port never matches the Origin.',
        topics: ['origin-mismatch'],
      },
      {
        text: 'Automatic HTTPS redirects http:// to https://; a page calling the http:// URL gets a redirected preflight, which browsers refuse. Call the https:// URL.',
        topics: ['preflight-redirect'],
      },
    ],
  };
};
