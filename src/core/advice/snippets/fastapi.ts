/** FastAPI / Starlette CORSMiddleware (allow_origins, allow_methods, allow_headers, allow_credentials, expose_headers, max_age). */
import { pyString } from './escape';
import type { SnippetBuilder } from './model';

const list = (values: readonly string[]): string => `[${values.map(pyString).join(', ')}]`;

export const fastapiSnippet: SnippetBuilder = (input) => {
  const code = [
    'from fastapi import FastAPI',
    'from fastapi.middleware.cors import CORSMiddleware',
    '',
    'app = FastAPI()',
    'app.add_middleware(',
    '    CORSMiddleware,',
    `    allow_origins=${list([input.origin])},`,
    `    allow_methods=${list(input.methods)},`,
    ...(input.headers.length > 0 ? [`    allow_headers=${list(input.headers)},`] : []),
    ...(input.credentials ? ['    allow_credentials=True,'] : []),
    ...(input.expose.length > 0 ? [`    expose_headers=${list(input.expose)},`] : []),
    ...(input.preflight ? [`    max_age=${input.maxAge},`] : []),
    ')',
  ].join('\n');
  return {
    language: 'python',
    code,
    pitfalls: [
      {
        text: 'An unhandled exception becomes a 500 from ServerErrorMiddleware, which sits outside CORSMiddleware: that 500 has no CORS headers and the browser shows a CORS error. Fix the exception, or turn it into a response with an exception handler.',
        topics: ['error-status', 'missing-origin'],
      },
      {
        text: "allow_origins=['*'] with allow_credentials=True does not do what it seems: Starlette answers \"*\" when the request has no cookie (which a credentialed fetch rejects) and echoes any origin when it has one. List the origins.",
        topics: ['credentials'],
      },
      {
        text: 'A preflight asking for a method or header that is not allowed gets a 400 "Disallowed CORS ..." answer: the browser then reports a preflight status error. Add it to allow_methods / allow_headers.',
        topics: ['preflight-status', 'methods', 'headers'],
      },
      {
        text: 'Add the middleware to the app that serves the route: a mounted sub-application or a router behind a proxy answering first does not inherit it.',
        topics: ['missing-origin'],
      },
      {
        text: 'allow_origins entries are compared exactly: "https://app.example/" (trailing slash) never matches; use allow_origin_regex for a family of origins.',
        topics: ['origin-mismatch'],
      },
      {
        text: 'Redirects (redirect_slashes: /items to /items/) also hit OPTIONS, and a redirected preflight always fails. Call the exact path.',
        topics: ['preflight-redirect'],
      },
    ],
  };
};
