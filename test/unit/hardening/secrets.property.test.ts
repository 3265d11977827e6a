/**
 * Secrets never leave CORS Lens unless the user asks: a Cookie, Authorization, Proxy-Authorization or
 * Set-Cookie value, in any letter case, on any leg of a transaction (request, preflight, redirect,
 * request after a redirect, response), appears nowhere in the export, the HAR, "copy as curl" or
 * "copy as fetch" by default, and appears in each of them when secrets are asked for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Header } from '../../../src/core';
import type { Transaction } from '../../../src/core/model';
import { buildReport } from '../../../src/core/report';
import { curlText, fetchText } from '../../../src/ui/copy-as';
import { buildHar } from '../../../src/ui/har';
import { API, buildTx, h, PAGE } from '../fakes/transactions';

const SECRET_NAMES = ['Cookie', 'Authorization', 'Proxy-Authorization', 'Set-Cookie'] as const;

/** A secret name in a random letter case. */
const secretName = fc.tuple(fc.constantFrom(...SECRET_NAMES), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }))
  .map(([name, flips]) => [...name].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

/** A value no other part of a transaction could contain by chance. */
const secretValue = fc.string({ minLength: 4, maxLength: 20, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789') })
  .map((s) => `S3CR3T-${s}`);

type Leg = 'request' | 'preflightRequest' | 'preflightResponse' | 'redirectResponse' | 'nextRequest' | 'response';
const LEGS: readonly Leg[] = ['request', 'preflightRequest', 'preflightResponse', 'redirectResponse', 'nextRequest', 'response'];

/** A transaction with a preflight, one redirect and a response, the secret placed on one leg. */
function withSecret(leg: Leg, secret: Header): Transaction {
  const tx = buildTx({
    method: 'PUT', headers: [h('X-Token', '1')],
    preflight: { status: 204, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT')] },
    redirects: [{ status: 307, location: `${API}/next`, headers: [h('Access-Control-Allow-Origin', PAGE)] }],
    response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] },
  });
  const add = (list: readonly Header[] | null | undefined): Header[] => [...(list ?? []), secret];
  const preflight = tx.preflight;
  const redirect = tx.redirects[0];
  if (!preflight || !redirect || !tx.response) throw new Error('builder did not build every leg');
  switch (leg) {
    case 'request': return { ...tx, requestHeaders: add(tx.requestHeaders) };
    case 'preflightRequest': return { ...tx, preflight: { ...preflight, requestHeaders: add(preflight.requestHeaders) } };
    case 'preflightResponse': return { ...tx, preflight: { ...preflight, responseHeaders: add(preflight.responseHeaders) } };
    case 'redirectResponse': return { ...tx, redirects: [{ ...redirect, responseHeaders: add(redirect.responseHeaders) }] };
    case 'nextRequest': return { ...tx, redirects: [{ ...redirect, nextRequestHeaders: add(redirect.nextRequestHeaders) }] };
    case 'response': return { ...tx, response: { ...tx.response, responseHeaders: add(tx.response.responseHeaders) } };
  }
}

/** Where each output can show a leg at all: curl and fetch replay the requests, not the responses. */
function outputs(tx: Transaction, includeSecrets: boolean): Record<string, string> {
  return {
    export: JSON.stringify(buildReport(1, [tx], 0, { redact: !includeSecrets })),
    har: JSON.stringify(buildHar([tx], { version: '0.0.0', includeSecrets })),
    curl: curlText(tx, { includeSecrets }),
    fetch: fetchText(tx, { includeSecrets }),
  };
}

/** Which outputs carry a leg's headers (fetch only what a page may set: Authorization, never Cookie or Proxy-*). */
function carriers(leg: Leg, name: string): string[] {
  const lower = name.toLowerCase();
  const carried = ['export', 'har'];
  if (leg === 'request' || leg === 'preflightRequest') carried.push('curl');
  if (leg === 'request' && lower === 'authorization') carried.push('fetch');
  return carried;
}

describe('secrets in exports, HAR, curl and fetch', () => {
  it('are redacted everywhere by default', () => {
    fc.assert(fc.property(fc.constantFrom(...LEGS), secretName, secretValue, (leg, name, value) => {
      const shown = outputs(withSecret(leg, { name, value }), false);
      for (const [output, text] of Object.entries(shown)) expect(text.includes(value), `${output} shows ${name} on ${leg}`).toBe(false);
      expect(shown.export).toContain('<redacted>');
    }), { numRuns: 200 });
  });

  it('are kept, on every leg each output carries, when the user asks', () => {
    fc.assert(fc.property(fc.constantFrom(...LEGS), secretName, secretValue, (leg, name, value) => {
      const shown = outputs(withSecret(leg, { name, value }), true);
      for (const output of carriers(leg, name)) expect(shown[output]?.includes(value), `${output} keeps ${name} on ${leg}`).toBe(true);
    }), { numRuns: 200 });
  });
});
