/** Rails / Rack with the rack-cors gem: `insert_before 0`, `allow do origins ...; resource ... end`. */
import { rubyString } from './escape';
import type { SnippetBuilder } from './model';

// rack-cors accepts symbols or strings for methods; a symbol only reads well for a plain name.
const method = (m: string): string => (/^[A-Za-z]+$/.test(m) ? `:${m.toLowerCase()}` : rubyString(m));
const list = (values: readonly string[], item: (v: string) => string = rubyString): string => `[${values.map(item).join(', ')}]`;

export const rackCorsSnippet: SnippetBuilder = (input) => {
  const options = [
    ...(input.headers.length > 0 ? [`      headers: ${list(input.headers)},`] : []),
    `      methods: ${list([...input.methods, 'OPTIONS'], method)},`,
    ...(input.credentials ? ['      credentials: true,'] : []),
    ...(input.expose.length > 0 ? [`      expose: ${list(input.expose)},`] : []),
    ...(input.preflight ? [`      max_age: ${input.maxAge},`] : []),
  ];
  // The last option must not end with a comma inside a Ruby method call.
  const last = options.length - 1;
  options[last] = (options[last] ?? '').replace(/,$/, '');
  const code = [
    '# config/initializers/cors.rb',
    '# insert_before 0: CORS runs before everything else, so errors and auth failures get the headers too.',
    'Rails.application.config.middleware.insert_before 0, Rack::Cors do',
    '  allow do',
    `    origins ${rubyString(input.origin)}`,
    `    resource "*",`,
    ...options,
    '  end',
    'end',
  ].join('\n');
  return {
    language: 'ruby',
    code,
    pitfalls: [
      {
        text: 'Use `insert_before 0`: with `use Rack::Cors` the middleware runs after others (auth, exception handling), and their 401/500 responses go out without CORS headers.',
        topics: ['error-status', 'missing-origin', 'preflight-status'],
      },
      {
        text: "rack-cors refuses `origins '*'` together with `credentials: true` (it raises at boot): list the exact origins.",
        topics: ['credentials'],
      },
      {
        text: "When a requested header or method is not allowed, rack-cors answers the preflight without any CORS headers, so the browser reports a missing Access-Control-Allow-Origin: check `headers:` and `methods:` first (`debug: true` logs why).",
        topics: ['missing-origin', 'headers', 'methods'],
      },
      {
        text: 'rack-cors writes methods in uppercase; a custom lowercase method (fetch with method: "patch") is sent as is and compared case-sensitively by the browser, so use uppercase methods in the page.',
        topics: ['methods'],
      },
      {
        text: 'origins strings are compared exactly: "https://app.example/" (trailing slash) never matches; a Regexp (/\\Ahttps:\\/\\/.*\\.example\\z/) allows a family of origins.',
        topics: ['origin-mismatch'],
      },
      {
        text: 'If nginx or a CDN in front also adds Access-Control-Allow-Origin, the browser sees two values: keep CORS in one layer.',
        topics: ['duplicate-origin'],
      },
    ],
  };
};
