/** Django with django-cors-headers: CorsMiddleware above CommonMiddleware, CORS_* settings. */
import { pyString } from './escape';
import type { SnippetBuilder } from './model';

// django-cors-headers' defaults (corsheaders.defaults); only what is missing from them is added.
const DEFAULT_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const DEFAULT_HEADERS = ['accept', 'authorization', 'content-type', 'user-agent', 'x-csrftoken', 'x-requested-with'];

const tuple = (name: string, values: readonly string[]): string => `(*${name}, ${values.map(pyString).join(', ')})`;

export const djangoSnippet: SnippetBuilder = (input) => {
  // GET, HEAD and POST never need a preflight's permission (reference §4.5), and django-cors-headers
  // does not check the method of actual requests.
  const extraMethods = input.methods.filter((m) => !DEFAULT_METHODS.includes(m) && !['GET', 'HEAD', 'POST'].includes(m));
  const extraHeaders = input.headers.filter((h) => !DEFAULT_HEADERS.includes(h));
  // Named in a comment so the reader sees this request's method and headers are covered.
  const coveredMethods = input.methods.filter((m) => DEFAULT_METHODS.includes(m) && !['GET', 'HEAD', 'POST'].includes(m));
  const coveredHeaders = input.headers.filter((h) => DEFAULT_HEADERS.includes(h));
  const imports = [...(extraHeaders.length > 0 ? ['default_headers'] : []), ...(extraMethods.length > 0 ? ['default_methods'] : [])];
  const code = [
    '# settings.py',
    ...(imports.length > 0 ? [`from corsheaders.defaults import ${imports.join(', ')}`, ''] : []),
    'INSTALLED_APPS = [',
    '    # ...',
    '    "corsheaders",',
    ']',
    '',
    'MIDDLEWARE = [',
    '    "corsheaders.middleware.CorsMiddleware",  # as high as possible, above CommonMiddleware',
    '    "django.middleware.common.CommonMiddleware",',
    '    # ...',
    ']',
    '',
    ...(input.anyOrigin ? ['CORS_ALLOW_ALL_ORIGINS = True'] : ['CORS_ALLOWED_ORIGINS = [', `    ${pyString(input.origin)},`, ']']),
    ...(extraMethods.length > 0 ? [`CORS_ALLOW_METHODS = ${tuple('default_methods', extraMethods)}`] : []),
    ...(coveredMethods.length > 0 ? [`# Already in the default CORS_ALLOW_METHODS: ${coveredMethods.join(', ')}`] : []),
    ...(extraHeaders.length > 0 ? [`CORS_ALLOW_HEADERS = ${tuple('default_headers', extraHeaders)}`] : []),
    ...(coveredHeaders.length > 0 ? [`# Already in the default CORS_ALLOW_HEADERS: ${coveredHeaders.join(', ')}`] : []),
    ...(input.credentials ? ['CORS_ALLOW_CREDENTIALS = True'] : []),
    ...(input.expose.length > 0 ? [`CORS_EXPOSE_HEADERS = [${input.expose.map(pyString).join(', ')}]`] : []),
    ...(input.preflight ? [`CORS_PREFLIGHT_MAX_AGE = ${input.maxAge}`] : []),
  ].join('\n');
  return {
    language: 'python',
    code,
    pitfalls: [
      {
        text: 'CorsMiddleware must come before CommonMiddleware (and anything that can answer early, like auth or APPEND_SLASH redirects), or those responses go out without CORS headers.',
        topics: ['error-status', 'missing-origin', 'preflight-status', 'preflight-redirect'],
      },
      {
        text: 'CORS_ALLOWED_ORIGINS entries are scheme://host[:port] with no path: "https://app.example/" (trailing slash) fails the system check or never matches.',
        topics: ['origin-mismatch'],
      },
      {
        text: 'CORS_ALLOW_ALL_ORIGINS = True with CORS_ALLOW_CREDENTIALS = True reflects any origin with credentials: every website could read your users\' data. List the origins.',
        topics: ['credentials'],
      },
      {
        text: 'APPEND_SLASH redirects /api/items to /api/items/; a redirected preflight always fails. Call the URL with the slash.',
        topics: ['preflight-redirect'],
      },
      {
        text: 'Setting CORS_ALLOW_HEADERS to a plain list replaces the defaults (authorization, content-type…); extend default_headers as above.',
        topics: ['headers'],
      },
      {
        text: 'An unhandled exception with DEBUG = False still passes through CorsMiddleware, but errors served by the web server in front (gunicorn timeout, nginx 502) do not carry CORS headers.',
        topics: ['error-status'],
      },
      {
        text: 'If nginx or a CDN in front also adds Access-Control-Allow-Origin, the browser sees two values: keep CORS in one layer.',
        topics: ['duplicate-origin'],
      },
    ],
  };
};
