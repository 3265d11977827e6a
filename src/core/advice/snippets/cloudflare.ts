/** Cloudflare Workers (module syntax): the Worker answers OPTIONS itself and adds headers to every Response. */
import { jsString } from './escape';
import type { SnippetBuilder } from './model';

export const cloudflareSnippet: SnippetBuilder = (input) => {
  const entry = (name: string, value: string): string => `  ${jsString(name)}: ${jsString(value)},`;
  const code = [
    'const CORS_HEADERS = {',
    entry('Access-Control-Allow-Origin', input.origin),
    ...(input.credentials ? [entry('Access-Control-Allow-Credentials', 'true')] : []),
    ...(input.expose.length > 0 ? [entry('Access-Control-Expose-Headers', input.expose.join(', '))] : []),
    '};',
    '',
    'const PREFLIGHT_HEADERS = {',
    '  ...CORS_HEADERS,',
    entry('Access-Control-Allow-Methods', input.methods.join(', ')),
    ...(input.headers.length > 0 ? [entry('Access-Control-Allow-Headers', input.headers.join(', '))] : []),
    ...(input.preflight ? [entry('Access-Control-Max-Age', String(input.maxAge))] : []),
    '};',
    '',
    'export default {',
    '  async fetch(request, env, ctx) {',
    '    // Workers never answer OPTIONS by themselves: do it here, before any auth check.',
    "    if (request.method === 'OPTIONS') {",
    '      return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });',
    '    }',
    '    let response;',
    '    try {',
    '      response = await handle(request, env, ctx);',
    '    } catch (err) {',
    "      response = new Response('Internal error', { status: 500 });",
    '    }',
    '    // Responses from fetch() are immutable: copy before adding headers. Errors get them too.',
    '    response = new Response(response.body, response);',
    '    for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);',
    ...(input.anyOrigin ? [] : ["    response.headers.append('Vary', 'Origin');"]),
    '    return response;',
    '  },',
    '};',
    '',
    'async function handle(request, env, ctx) {',
    '  return fetch(request); // your existing logic',
    '}',
  ].join('\n');
  return {
    language: 'javascript',
    code,
    pitfalls: [
      {
        text: 'A Worker must answer OPTIONS itself: passing it on to fetch() or to a router without an OPTIONS route gives the origin\'s answer (often 404 or 405) instead of a preflight response.',
        topics: ['preflight-status', 'missing-origin'],
      },
      {
        text: 'Every Response needs the headers, including errors and early returns (401 from an auth check, a thrown exception): a Worker exception becomes Cloudflare\'s error 1101 page, which has none.',
        topics: ['error-status', 'missing-origin'],
      },
      {
        text: 'Headers of a Response from fetch() are immutable: `response.headers.set` throws unless you copy it first with new Response(response.body, response).',
        topics: ['missing-origin'],
      },
      {
        text: 'If the origin server behind the Worker also sends Access-Control-Allow-Origin, use headers.set (not append) so there is only one value.',
        topics: ['duplicate-origin'],
      },
      {
        text: 'Cloudflare caches by URL: when the Access-Control-Allow-Origin value depends on the Origin, add Vary: Origin or include the Origin in the cache key, or one origin\'s answer is served to the others.',
        topics: ['cache', 'origin-mismatch'],
      },
      {
        text: 'Cloudflare Access or a WAF rule in front of the Worker can block OPTIONS requests before your code runs (a 403 or a login redirect): exempt OPTIONS.',
        topics: ['preflight-status', 'preflight-redirect'],
      },
    ],
  };
};
