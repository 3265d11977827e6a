/** nginx: add_header with `always`, and a preflight answered by nginx itself. */
import { nginxString } from './escape';
import type { SnippetBuilder } from './model';

export const nginxSnippet: SnippetBuilder = (input) => {
  let needsDollar = false;
  const quote = (value: string): string => {
    const q = nginxString(value);
    needsDollar ||= q.needsDollar;
    return q.literal;
  };
  // `always` makes nginx add the header to 4xx/5xx responses too; without it errors have no CORS headers.
  const line = (indent: string, name: string, value: string): string => `${indent}add_header ${name} ${quote(value)} always;`;

  const common = (indent: string): string[] => [
    line(indent, 'Access-Control-Allow-Origin', input.origin),
    ...(input.credentials ? [line(indent, 'Access-Control-Allow-Credentials', 'true')] : []),
    ...(input.anyOrigin ? [] : [line(indent, 'Vary', 'Origin')]),
  ];
  const preflight = input.preflight
    ? [
        '    # Answer the preflight here. add_header inside this block replaces the ones below, so repeat them all.',
        '    if ($request_method = OPTIONS) {',
        ...common('        '),
        line('        ', 'Access-Control-Allow-Methods', input.methods.join(', ')),
        ...(input.headers.length > 0 ? [line('        ', 'Access-Control-Allow-Headers', input.headers.join(', '))] : []),
        line('        ', 'Access-Control-Max-Age', String(input.maxAge)),
        '        return 204;',
        '    }',
        '',
      ]
    : [];
  const body = [
    'location /api/ {',
    ...preflight,
    ...common('    '),
    ...(input.expose.length > 0 ? [line('    ', 'Access-Control-Expose-Headers', input.expose.join(', '))] : []),
    '',
    '    # If the app behind also sends CORS headers, drop its copies so the browser sees one value.',
    '    proxy_hide_header Access-Control-Allow-Origin;',
    '    proxy_hide_header Access-Control-Allow-Credentials;',
    '    proxy_pass http://backend;',
    '}',
  ];
  const dollar = needsDollar
    ? ['# A value contains "$", which nginx would read as a variable: in the http block add', '#   geo $dollar { default "$"; }', '']
    : [];
  return {
    language: 'nginx',
    code: [...dollar, ...body].join('\n'),
    pitfalls: [
      {
        text: 'add_header without `always` only applies to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308: a 401, 404 or 502 goes out without CORS headers and the browser reports a CORS error instead of the real one.',
        topics: ['error-status', 'missing-origin'],
      },
      {
        text: 'add_header in a nested block (a location, or an if) drops every add_header inherited from the parent block: repeat all CORS headers there.',
        topics: ['missing-origin', 'preflight-status'],
      },
      {
        text: 'Without the `if ($request_method = OPTIONS) { ... return 204; }` block, OPTIONS goes to the app or to a static file handler, which often answers 405 or 404.',
        topics: ['preflight-status', 'methods', 'headers'],
      },
      {
        text: 'If the app behind nginx also sets Access-Control-Allow-Origin, the response has two values: hide the app\'s with proxy_hide_header, or let only the app do CORS.',
        topics: ['duplicate-origin'],
      },
      {
        text: 'A `return 301` (http to https, trailing slash) before this location also catches OPTIONS, and browsers never follow a redirect on a preflight.',
        topics: ['preflight-redirect'],
      },
      {
        text: 'To allow several origins, map $http_origin to an allow-list (map $http_origin $cors_origin { "https://a.example" $http_origin; default ""; }) and send $cors_origin with Vary: Origin; never echo $http_origin unchecked.',
        topics: ['origin-mismatch', 'credentials', 'cache'],
      },
    ],
  };
};
