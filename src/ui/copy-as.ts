/**
 * "Copy as curl" and "Copy as fetch": the preflight and the request as the browser sent them (Origin,
 * Access-Control-Request-Method, Access-Control-Request-Headers included), so a developer can replay
 * them against the server without the browser. Secret values are redacted unless asked for.
 * Pure: text out, no clipboard.
 */
import { pageSetHeaders } from '../core/request/ua-added-headers';
import type { Header } from '../core';
import type { Transaction } from '../core/model';
import { redactHeaders } from '../core/report/redact-headers';

export interface CopyAsOptions {
  /** Keep Cookie, Authorization and Proxy-Authorization values (default: redacted). */
  readonly includeSecrets?: boolean;
}

export interface CurlCommands {
  /** null when no preflight was (or would have been) sent. */
  readonly preflight: string | null;
  readonly request: string;
}

/** Placeholder for values the capture cannot know (the request never left the browser). */
export const UNKNOWN_VALUE = '<not sent: value unknown>';

/** POSIX shell single-quoting: safe for any byte sequence a header may carry. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function headerValue(headers: readonly Header[], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value ?? null;
}

function originOf(tx: Transaction): string {
  return headerValue(tx.requestHeaders ?? [], 'origin')
    ?? headerValue(tx.preflight?.requestHeaders ?? [], 'origin')
    ?? tx.initiator
    ?? 'null';
}

/** The preflight's headers as sent, rebuilt from the verdict when the capture did not see it. */
export function preflightHeaders(tx: Transaction): Header[] | null {
  if (tx.preflight !== null && tx.preflight.requestHeaders.length > 0) return [...tx.preflight.requestHeaders];
  const verdict = tx.verdict;
  if (tx.preflight === null && verdict?.preflight.required !== true) return null;
  // Reference §4.1: what Chromium puts on a preflight.
  const headers: Header[] = [
    { name: 'Accept', value: '*/*' },
    { name: 'Access-Control-Request-Method', value: tx.method },
  ];
  const names = verdict?.preflight.requestHeaders ?? '';
  if (names !== '') headers.push({ name: 'Access-Control-Request-Headers', value: names });
  headers.push({ name: 'Origin', value: originOf(tx) }, { name: 'Sec-Fetch-Mode', value: 'cors' });
  return headers;
}

/** The request's headers as sent; after a failed preflight, what it would have sent (values unknown). */
export function requestHeaders(tx: Transaction): { readonly headers: Header[]; readonly sent: boolean } {
  if (tx.requestHeaders !== null) return { headers: [...tx.requestHeaders], sent: true };
  const asked = headerValue(preflightHeaders(tx) ?? [], 'access-control-request-headers') ?? '';
  const names = asked.split(',').map((n) => n.trim()).filter((n) => n !== '');
  return {
    headers: [{ name: 'Origin', value: originOf(tx) }, ...names.map((name) => ({ name, value: UNKNOWN_VALUE }))],
    sent: false,
  };
}

function visible(headers: readonly Header[], options: CopyAsOptions): Header[] {
  return options.includeSecrets === true ? headers.map((h) => ({ ...h })) : redactHeaders(headers);
}

// curl computes these itself; sending the captured ones would be wrong or rejected.
const CURL_OWNS: ReadonlySet<string> = new Set(['host', 'content-length', 'connection']);

function curl(url: string, method: string, headers: readonly Header[]): string {
  const parts = [`curl ${shellQuote(url)}`];
  if (method !== 'GET') parts.push(`-X ${shellQuote(method)}`);
  for (const h of headers) {
    if (CURL_OWNS.has(h.name.toLowerCase())) continue;
    parts.push(`-H ${shellQuote(`${h.name}: ${h.value}`)}`);
  }
  if (headerValue(headers, 'accept-encoding') !== null) parts.push('--compressed');
  // Show the response headers: the CORS headers are the point of replaying this.
  parts.push('--include');
  return parts.join(' \\\n  ');
}

export function curlCommands(tx: Transaction, options: CopyAsOptions = {}): CurlCommands {
  const pre = preflightHeaders(tx);
  const req = requestHeaders(tx);
  return {
    preflight: pre === null ? null : curl(tx.preflight?.url ?? tx.url, 'OPTIONS', visible(pre, options)),
    request: curl(tx.url, tx.method, visible(req.headers, options)),
  };
}

/** Both commands with comments, ready to paste into a shell. */
export function curlText(tx: Transaction, options: CopyAsOptions = {}): string {
  const commands = curlCommands(tx, options);
  const req = requestHeaders(tx);
  const blocks: string[] = [];
  if (commands.preflight !== null) {
    const cached = tx.preflight?.fromCache === true ? ' (not sent this time: the preflight cache answered)' : '';
    blocks.push(`# Preflight, as the browser sent it${cached}\n${commands.preflight}`);
  }
  const lead = req.sent
    ? '# The request, as the browser sent it (the body is not captured)'
    : '# The request was never sent (the preflight failed): header values are unknown';
  blocks.push(`${lead}\n${commands.request}`);
  return `${blocks.join('\n\n')}\n`;
}

/** A fetch() call that reproduces the request from the page's console. */
export function fetchText(tx: Transaction, options: CopyAsOptions = {}): string {
  const req = requestHeaders(tx);
  // Only what a page can set: the browser adds Origin, Cookie, Sec-* and the rest itself (reference §2.5).
  const own = visible(pageSetHeaders(req.headers), options);
  const init: string[] = [];
  if (tx.method !== 'GET') init.push(`  method: ${JSON.stringify(tx.method)},`);
  if (own.length > 0) {
    const lines = own.map((h) => `    ${JSON.stringify(h.name)}: ${JSON.stringify(h.value)},`);
    init.push(`  headers: {\n${lines.join('\n')}\n  },`);
  }
  const credentials = tx.verdict?.credentials;
  if (credentials === 'include' || credentials === 'omit') init.push(`  credentials: ${JSON.stringify(credentials)},`);
  if (tx.verdict?.mode === 'no-cors') init.push(`  mode: "no-cors",`);
  if (!['GET', 'HEAD'].includes(tx.method)) init.push('  // body: not captured; add it here');
  const from = `// Run in the console of a page on ${tx.initiator ?? 'the initiating origin'}.`;
  const call = init.length === 0 ? `await fetch(${JSON.stringify(tx.url)});` : `await fetch(${JSON.stringify(tx.url)}, {\n${init.join('\n')}\n});`;
  return `${from}\n${call}\n`;
}
