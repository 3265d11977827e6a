/** Apache httpd: mod_headers `Header always set`, a rewrite that answers OPTIONS, auth kept off OPTIONS. */
import { apacheHeaderValue } from './escape';
import type { SnippetBuilder } from './model';

export const apacheSnippet: SnippetBuilder = (input) => {
  // `always` puts the header on error responses (401, 404, 500) too, not only on 2xx.
  const set = (name: string, value: string): string => `    Header always set ${name} ${apacheHeaderValue(value)}`;
  const headers = [
    set('Access-Control-Allow-Origin', input.origin),
    ...(input.credentials ? [set('Access-Control-Allow-Credentials', 'true')] : []),
    ...(input.preflight ? [set('Access-Control-Allow-Methods', input.methods.join(', '))] : []),
    ...(input.preflight && input.headers.length > 0 ? [set('Access-Control-Allow-Headers', input.headers.join(', '))] : []),
    ...(input.preflight ? [set('Access-Control-Max-Age', String(input.maxAge))] : []),
    ...(input.expose.length > 0 ? [set('Access-Control-Expose-Headers', input.expose.join(', '))] : []),
    ...(input.anyOrigin ? [] : ['    Header always merge Vary "Origin"']),
  ];
  // mod_rewrite belongs in the <VirtualHost>, not inside <Location> (unsupported there).
  const preflight = input.preflight
    ? [
        '# In the <VirtualHost>: answer the preflight with 204 before the application or auth see it.',
        'RewriteEngine On',
        'RewriteCond %{REQUEST_METHOD} OPTIONS',
        'RewriteRule ^/api(/|$) - [R=204,L]',
        '',
      ]
    : [];
  const code = [
    ...preflight,
    '<Location "/api">',
    ...headers,
    '',
    '    # Authentication must not apply to OPTIONS: a preflight never carries credentials.',
    '    <LimitExcept OPTIONS>',
    '        Require valid-user',
    '    </LimitExcept>',
    '</Location>',
  ].join('\n');
  return {
    language: 'apache',
    code,
    pitfalls: [
      {
        text: '`Header set` without `always` only applies to successful responses: a 401, 404 or 500 goes out without CORS headers, and the browser reports a CORS error instead of the real one.',
        topics: ['error-status', 'missing-origin'],
      },
      {
        text: 'A Require rule (Basic auth, mod_auth_openidc…) that also applies to OPTIONS answers the preflight with 401: wrap it in <LimitExcept OPTIONS>.',
        topics: ['preflight-status'],
      },
      {
        text: 'If the application (PHP, a proxied backend) also sets Access-Control-Allow-Origin, `Header set` replaces it only for the table it touches; use `Header always unset Access-Control-Allow-Origin` first or let only one layer do CORS, otherwise the browser sees two values.',
        topics: ['duplicate-origin'],
      },
      {
        text: 'Headers in a .htaccess need `AllowOverride FileInfo` and mod_headers loaded; otherwise they are silently ignored.',
        topics: ['missing-origin'],
      },
      {
        text: 'To allow several origins, match them with SetEnvIf Origin "^https://(a|b)\\.example$" CORS_ORIGIN=$0 and send `Header always set Access-Control-Allow-Origin %{CORS_ORIGIN}e env=CORS_ORIGIN` with Vary: Origin.',
        topics: ['origin-mismatch', 'credentials', 'cache'],
      },
      {
        text: 'A Redirect or RewriteRule (http to https, trailing slash) that also matches OPTIONS breaks the preflight: browsers never follow a redirect on it.',
        topics: ['preflight-redirect'],
      },
    ],
  };
};
