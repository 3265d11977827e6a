/**
 * Answers requests under `/s/<id>[/<hop>]` exactly as the scenario table says, on whichever lab
 * origin receives them, and records each one as a hit. Header lines are sent as written: a name
 * repeated in the table goes out as separate lines (Node sends one line per array element).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LabPorts } from './lab-tokens';
import { resolveTokens } from './lab-tokens';
import type { Answer, LabOriginName } from './scenario-types';
import { findScenario } from './scenarios';
import { TINY_PNG, tinyFont } from './tiny-font';

/** One request the lab server received for a scenario. */
export interface Hit {
  readonly scenario: string;
  /** The `n` query parameter the page adds to every URL (one per run of a scenario). */
  readonly nonce: string | null;
  /** Path below `/s/<id>`: '' for the first URL, 'next' for a redirect target. */
  readonly hop: string;
  readonly method: string;
  readonly preflight: boolean;
  /** Which lab server received it. */
  readonly server: LabOriginName;
  /** Request header lines as received (raw, in order). */
  readonly headers: readonly (readonly [string, string])[];
  readonly at: number;
}

const SCENARIO_PATH = /^\/s\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/;

/** What an OPTIONS preflight gets when a scenario does not say: no CORS headers at all. */
const DEFAULT_PREFLIGHT: Answer = { status: 204 };
const DEFAULT_RESPONSE: Answer = { status: 200 };
const FONT = tinyFont();

function rawHeaderPairs(req: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    pairs.push([req.rawHeaders[index] ?? '', req.rawHeaders[index + 1] ?? '']);
  }
  return pairs;
}

function bodyFor(answer: Answer, scenarioId: string): { bytes: Buffer; type: string } {
  if (answer.body === 'png') return { bytes: TINY_PNG, type: 'image/png' };
  if (answer.body === 'font') return { bytes: FONT, type: 'font/ttf' };
  return { bytes: Buffer.from(`lab scenario ${scenarioId}\n`), type: 'text/plain; charset=utf-8' };
}

/** Sends `answer`, grouping repeated names into one array so Node writes one line per value. */
function send(res: ServerResponse, answer: Answer, scenarioId: string, ports: LabPorts, query: string, method: string): void {
  const grouped = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of answer.headers ?? []) {
    const entry = grouped.get(name.toLowerCase()) ?? { name, values: [] };
    entry.values.push(resolveTokens(value, ports, query));
    grouped.set(name.toLowerCase(), entry);
  }
  for (const { name, values } of grouped.values()) res.setHeader(name, values.length === 1 ? values[0] ?? '' : values);
  // Keep every response out of the HTTP cache: runs must not see each other (no-store is safelisted, §6).
  if (!grouped.has('cache-control')) res.setHeader('Cache-Control', 'no-store');
  const hasBody = answer.status !== 204 && answer.status !== 304 && method !== 'HEAD' && method !== 'OPTIONS';
  if (!hasBody) {
    res.writeHead(answer.status).end();
    return;
  }
  const body = bodyFor(answer, scenarioId);
  if (!grouped.has('content-type')) res.setHeader('Content-Type', body.type);
  res.writeHead(answer.status).end(body.bytes);
}

/**
 * Handles the request if its path is a scenario path; returns false otherwise (the caller serves
 * its own routes). Unknown scenarios and hops answer 404 without CORS headers.
 */
export function serveScenario(
  req: IncomingMessage, res: ServerResponse, server: LabOriginName, ports: LabPorts, record: (hit: Hit) => void,
): boolean {
  const url = new URL(req.url ?? '/', 'http://lab.invalid');
  const match = SCENARIO_PATH.exec(url.pathname);
  if (!match) return false;
  const scenarioId = match[1] ?? '';
  const hop = match[2] ?? '';
  const method = req.method ?? 'GET';
  const preflight = method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  record({
    scenario: scenarioId, nonce: url.searchParams.get('n'), hop, method, preflight, server,
    headers: rawHeaderPairs(req), at: Date.now(),
  });
  const route = findScenario(scenarioId)?.routes[hop];
  if (!route) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such scenario route\n');
    return true;
  }
  const answer = preflight ? route.preflight ?? DEFAULT_PREFLIGHT : route.response ?? DEFAULT_RESPONSE;
  if (answer.hangUp) {
    req.socket.destroy();
    return true;
  }
  // Drain the request body before answering so keep-alive connections stay usable.
  req.resume();
  req.on('end', () => setTimeout(() => send(res, answer, scenarioId, ports, url.search, method), answer.delayMs ?? 0));
  return true;
}
