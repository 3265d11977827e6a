/** Express with the `cors` npm package (options: origin, methods, allowedHeaders, credentials, exposedHeaders, maxAge). */
import { jsString } from './escape';
import type { SnippetBuilder } from './model';

const list = (values: readonly string[]): string => `[${values.map(jsString).join(', ')}]`;

export const expressSnippet: SnippetBuilder = (input) => {
  const options = [
    // A string other than '*' is sent as is; an array is an allow-list checked against each Origin.
    `  origin: ${input.anyOrigin ? jsString('*') : list([input.origin])},`,
    `  methods: ${list(input.methods)},`,
    ...(input.headers.length > 0 ? [`  allowedHeaders: ${list(input.headers)},`] : []),
    ...(input.credentials ? ['  credentials: true,'] : []),
    ...(input.expose.length > 0 ? [`  exposedHeaders: ${list(input.expose)},`] : []),
    ...(input.preflight ? [`  maxAge: ${input.maxAge},`] : []),
  ];
  const code = [
    "const express = require('express');",
    "const cors = require('cors');",
    '',
    'const app = express();',
    'const corsOptions = {',
    ...options,
    '};',
    '',
    '// First, before routes and before any auth middleware: it also answers every preflight (OPTIONS).',
    'app.use(cors(corsOptions));',
    '',
    '// ... your routes',
  ].join('\n');
  return {
    language: 'javascript',
    code,
    pitfalls: [
      {
        text: "Route-level cors() (app.put('/items', cors(), handler)) does not answer the preflight: OPTIONS has no route and gets 404. Use app.use(cors(...)) before the routes, or add app.options('/items', cors(corsOptions)) (Express 4 also accepts app.options('*', ...); Express 5 needs app.options('/{*splat}', ...)).",
        topics: ['preflight-status', 'missing-origin'],
      },
      {
        text: 'Middleware order matters: auth or rate-limit middleware registered before cors() rejects OPTIONS (which never carries credentials) and its 401/403 responses have no CORS headers.',
        topics: ['preflight-status', 'error-status', 'missing-origin'],
      },
      {
        text: 'Errors thrown before cors() runs, or answered by a proxy in front of Node, come without CORS headers: fix the error first.',
        topics: ['error-status', 'missing-origin'],
      },
      {
        text: "origin: true (or origin: '*' with a callback) reflects any Origin; with credentials: true that lets every website read your users' data. List the origins instead.",
        topics: ['credentials'],
      },
      {
        text: "origin is compared exactly: 'https://app.example/' (trailing slash) or a missing port never matches.",
        topics: ['origin-mismatch'],
      },
      {
        text: 'If a proxy (nginx, a CDN) also adds Access-Control-Allow-Origin, the browser sees two values: let only one layer set CORS headers.',
        topics: ['duplicate-origin'],
      },
      {
        text: 'Without allowedHeaders, cors reflects whatever the browser asks for; with it, every header the page sets must be listed.',
        topics: ['headers'],
      },
    ],
  };
};
