/**
 * The page-load benchmark's servers: a page origin (`http://localhost:P`) serving a lab-like page
 * that fires cross-origin fetches, and an API origin (`http://127.0.0.1:A`) answering them. Like
 * the CORS lab (test/lab), two loopback ports make every fetch cross-origin; unlike it, the API
 * answers a few fixed kinds of request as fast as it can, so the timing is the browser's.
 *
 * The mix per 20 fetches (see bench-page.js): 16 simple GETs (2 of them blocked: no
 * Access-Control-Allow-Origin), 4 preflighted PUTs with a custom header (1 of them blocked: the
 * preflight does not allow the header). Every URL is unique, so no preflight is served from cache.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchServers {
  readonly pageUrl: string;
  readonly apiOrigin: string;
  /** Requests the API answered so far (preflights included). */
  readonly apiRequests: () => number;
  close(): Promise<void>;
}

const PAGE_SCRIPT = readFileSync(new URL('./bench-page.js', import.meta.url), 'utf8');

function pageHtml(apiOrigin: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CORS Lens benchmark page</title></head>
<body><h1>CORS Lens benchmark page</h1><p id="status">idle</p>
<script>window.API_ORIGIN = ${JSON.stringify(apiOrigin)};</script>
<script src="/bench-page.js"></script></body></html>`;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return server;
}

function answerApi(req: IncomingMessage, res: ServerResponse, pageOrigin: string): void {
  const url = new URL(req.url ?? '/', 'http://api.invalid');
  const kind = url.pathname.slice('/api/'.length);
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' };
  if (preflight) {
    headers['Access-Control-Allow-Origin'] = pageOrigin;
    headers['Access-Control-Allow-Methods'] = 'PUT';
    // 'pf-blocked' preflights leave X-Bench out: the browser stops the PUT (HeaderDisallowedByPreflightResponse).
    if (kind !== 'pf-blocked') headers['Access-Control-Allow-Headers'] = 'x-bench';
    res.writeHead(204, headers).end();
    return;
  }
  if (kind !== 'blocked') headers['Access-Control-Allow-Origin'] = pageOrigin;
  req.resume();
  req.on('end', () => res.writeHead(200, headers).end(`ok ${kind}\n`));
}

export async function startBenchServers(): Promise<BenchServers> {
  let count = 0;
  let pageOrigin = '';
  const api = await listen((req, res) => {
    count++;
    answerApi(req, res, pageOrigin);
  });
  const apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  const page = await listen((req, res) => {
    if (req.url === '/bench-page.js') res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(PAGE_SCRIPT);
    else if (req.url === '/' || req.url?.startsWith('/?')) res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(pageHtml(apiOrigin));
    else res.writeHead(404).end();
  });
  pageOrigin = `http://localhost:${(page.address() as AddressInfo).port}`;
  const close = (server: Server) => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return {
    pageUrl: `${pageOrigin}/`,
    apiOrigin,
    apiRequests: () => count,
    close: async () => {
      await Promise.all([close(api), close(page)]);
    },
  };
}
