/** Go with github.com/rs/cors: cors.Options{AllowedOrigins, AllowedMethods, AllowedHeaders, AllowCredentials, ExposedHeaders, MaxAge}. */
import { goString } from './escape';
import type { SnippetBuilder } from './model';

const slice = (values: readonly string[]): string => `[]string{${values.map(goString).join(', ')}}`;

export const goRsCorsSnippet: SnippetBuilder = (input) => {
  const fields: [string, string][] = [
    ['AllowedOrigins', slice([input.origin])],
    ['AllowedMethods', slice(input.methods)],
    ...(input.headers.length > 0 ? [['AllowedHeaders', slice(input.headers)] as [string, string]] : []),
    ...(input.credentials ? [['AllowCredentials', 'true'] as [string, string]] : []),
    ...(input.expose.length > 0 ? [['ExposedHeaders', slice(input.expose)] as [string, string]] : []),
    ...(input.preflight ? [['MaxAge', String(input.maxAge)] as [string, string]] : []),
  ];
  // gofmt aligns the values of a composite literal's fields.
  const width = Math.max(...fields.map(([name]) => name.length)) + 1;
  const code = [
    'package main',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"github.com/rs/cors"',
    ')',
    '',
    'func main() {',
    '\tmux := http.NewServeMux()',
    '\t// ... your handlers',
    '',
    '\tc := cors.New(cors.Options{',
    ...fields.map(([name, value]) => `\t\t${`${name}:`.padEnd(width + 1)}${value},`),
    '\t})',
    '\t// Wrap the whole mux: every response, errors included, goes through the CORS handler.',
    '\thttp.ListenAndServe(":8080", c.Handler(mux))',
    '}',
  ].join('\n');
  return {
    language: 'go',
    code,
    pitfalls: [
      {
        text: 'When a requested header is not in AllowedHeaders (or the method not in AllowedMethods), rs/cors answers the preflight without Access-Control-Allow-Origin: the browser reports a missing ACAO while the real cause is the header. Set Debug: true to log the reason.',
        topics: ['missing-origin', 'headers', 'methods'],
      },
      {
        text: 'AllowedMethods defaults to GET, POST and HEAD: PUT, PATCH and DELETE must be listed.',
        topics: ['methods'],
      },
      {
        text: 'Wrap the whole handler (c.Handler(mux)), not single routes: otherwise OPTIONS reaches a route that answers 405, and 404s have no CORS headers.',
        topics: ['preflight-status', 'error-status'],
      },
      {
        text: 'Middleware that runs before the CORS handler (auth, rate limiting) rejects preflights and writes errors without CORS headers: put the CORS handler outermost.',
        topics: ['preflight-status', 'error-status'],
      },
      {
        text: 'AllowedOrigins entries are compared exactly ("https://app.example/" never matches); "https://*.example.com" allows one wildcard per entry.',
        topics: ['origin-mismatch'],
      },
      {
        text: 'Never use AllowOriginFunc that returns true for everything together with AllowCredentials: every site could read your users\' data.',
        topics: ['credentials'],
      },
    ],
  };
};
