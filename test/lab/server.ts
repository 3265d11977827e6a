/**
 * The CORS lab server: three node:http servers on 127.0.0.1, ports chosen by the OS unless given.
 *   page  (http://localhost:P)  the lab page, its script and config, scenario routes, GET /__hits
 *   apiA  (http://127.0.0.1:A)  scenario routes (the usual cross-origin target)
 *   apiB  (http://127.0.0.1:B)  scenario routes (the second origin of cross-origin redirects)
 * plus `dead`, a loopback port that was free when the lab started and is left closed.
 *
 * The page is served as `localhost` so "uppercase host" and "IP vs name" mistakes can be shown;
 * Chromium resolves `localhost` to loopback itself, so listening on 127.0.0.1 is enough.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { LabOrigins, LabPorts } from './lab-tokens';
import { labOrigins, resolveTokens } from './lab-tokens';
import { GROUP_ORDER, SCENARIOS } from './scenarios';
import type { Hit } from './serve-scenario';
import { serveScenario } from './serve-scenario';

export type { Hit } from './serve-scenario';
export type { LabOrigins, LabPorts } from './lab-tokens';

export interface Lab {
  readonly ports: LabPorts;
  readonly origins: LabOrigins;
  /** The lab page (`http://localhost:P/`). */
  readonly pageUrl: string;
  /** Every scenario request received so far, optionally only one scenario and/or one run (nonce). */
  hits(filter?: { scenario?: string; nonce?: string }): readonly Hit[];
  /** Requests received per method (a preflight counts as OPTIONS). */
  hitCounts(filter?: { scenario?: string; nonce?: string }): Record<string, number>;
  /** Resolves scenario tokens ({PAGE}, {A_PORT}, …) for this run's ports. */
  resolve(template: string): string;
  close(): Promise<void>;
}

export interface LabOptions {
  /** Fixed ports (0 or absent: let the OS choose). Useful for a human demo with a stable URL. */
  readonly ports?: Partial<Record<'page' | 'apiA' | 'apiB', number>>;
}

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const STATIC_FILES: Readonly<Record<string, readonly [file: string, type: string]>> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/lab.js': ['lab.js', 'text/javascript; charset=utf-8'],
  '/lab.css': ['lab.css', 'text/css; charset=utf-8'],
  // The same page behind a service worker that makes its cross-origin requests itself (no tab).
  '/sw/': ['index.html', 'text/html; charset=utf-8'],
  '/sw/page.js': ['sw-page.js', 'text/javascript; charset=utf-8'],
  '/sw/sw.js': ['sw.js', 'text/javascript; charset=utf-8'],
};

async function listen(port: number): Promise<Server> {
  const server = createServer();
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** A loopback port nothing listens on: bind one, note it, close it. */
async function freePort(): Promise<number> {
  const server = await listen(0);
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function countByMethod(hits: readonly Hit[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const hit of hits) counts[hit.method] = (counts[hit.method] ?? 0) + 1;
  return counts;
}

/** What the page needs: origins and the scenario table with expectations resolved for display. */
function pageConfig(ports: LabPorts): unknown {
  return {
    origins: labOrigins(ports),
    groups: GROUP_ORDER,
    scenarios: SCENARIOS.map(({ routes: _routes, expect, ...rest }) => ({
      ...rest,
      expect: { ...expect, failedParameter: expect.failedParameter === undefined ? undefined : resolveTokens(expect.failedParameter, ports) },
    })),
  };
}

async function servePage(req: IncomingMessage, res: ServerResponse, ports: LabPorts, hits: readonly Hit[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://lab.invalid');
  const json = (value: unknown): void => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(value));
  };
  if (url.pathname === '/lab-config.json') return json(pageConfig(ports));
  if (url.pathname === '/__hits') {
    const scenario = url.searchParams.get('id');
    const nonce = url.searchParams.get('n');
    const selected = hits.filter((hit) => (!scenario || hit.scenario === scenario) && (!nonce || hit.nonce === nonce));
    if (url.searchParams.has('detail')) return json(selected);
    const byScenario: Record<string, Record<string, number>> = {};
    for (const hit of selected) {
      const counts = (byScenario[hit.scenario] ??= {});
      counts[hit.method] = (counts[hit.method] ?? 0) + 1;
    }
    return json(byScenario);
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const file = STATIC_FILES[url.pathname];
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  const body = await readFile(PAGE_DIR + file[0]);
  res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' }).end(body);
}

/** Starts the three lab servers; `close()` stops them and drops open connections. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const hits: Hit[] = [];
  const record = (hit: Hit): void => void hits.push(hit);
  const page = await listen(options.ports?.page ?? 0);
  const apiA = await listen(options.ports?.apiA ?? 0);
  const apiB = await listen(options.ports?.apiB ?? 0);
  const ports: LabPorts = { page: portOf(page), apiA: portOf(apiA), apiB: portOf(apiB), dead: await freePort() };

  page.on('request', (req, res) => {
    if (serveScenario(req, res, 'page', ports, record)) return;
    servePage(req, res, ports, hits).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });
  for (const [server, name] of [[apiA, 'apiA'], [apiB, 'apiB']] as const) {
    server.on('request', (req, res) => {
      if (!serveScenario(req, res, name, ports, record)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    });
  }

  const matches = (hit: Hit, filter: { scenario?: string; nonce?: string }): boolean =>
    (filter.scenario === undefined || hit.scenario === filter.scenario) && (filter.nonce === undefined || hit.nonce === filter.nonce);
  return {
    ports,
    origins: labOrigins(ports),
    pageUrl: `${labOrigins(ports).page}/`,
    hits: (filter = {}) => hits.filter((hit) => matches(hit, filter)),
    hitCounts: (filter = {}) => countByMethod(hits.filter((hit) => matches(hit, filter))),
    resolve: (template) => resolveTokens(template, ports),
    close: async () => {
      await Promise.all([page, apiA, apiB].map((server) => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })));
    },
  };
}
