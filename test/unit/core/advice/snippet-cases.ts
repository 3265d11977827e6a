/** Shared request shapes for the per-stack snippet tests. */
import { explain, type StackId, type StackSnippet } from '../../../../src/core/advice';
import type { ObservedTransaction, Verdict } from '../../../../src/core/types';
import { PAGE, blockedPreflight, h, makeTx, makeVerdict, putTx } from './fixtures';

/** The credentialed PUT with content-type and x-api-key whose preflight had no CORS headers. */
export const PUT_CASE: [Verdict, ObservedTransaction] = [blockedPreflight('PreflightMissingAllowOriginHeader'), putTx(204, [])];

/** A simple GET without credentials from an opaque origin: `*` is the answer. */
export const WILDCARD_CASE: [Verdict, ObservedTransaction] = [
  makeVerdict({ outcome: 'blocked', corsError: 'MissingAllowOriginHeader', stage: { kind: 'response' } }),
  makeTx({ initiator: 'null', request: { method: 'GET', url: 'https://api.example/items', headers: [h('Origin', 'null')] } }),
];

/** The PUT case with every value replaced by something that must be escaped. */
export function hostileCase(origin: string, method = 'PUT', header = 'x-api-key'): [Verdict, ObservedTransaction] {
  const tx = putTx(204, []);
  const pf = tx.preflight;
  if (!pf) throw new Error('putTx always has a preflight');
  return [
    blockedPreflight('PreflightMissingAllowOriginHeader'),
    {
      ...tx,
      request: { ...tx.request, method, headers: [h('Origin', origin)] },
      preflight: {
        ...pf,
        request: { ...pf.request, headers: [h('Origin', origin), h('Access-Control-Request-Method', method), h('Access-Control-Request-Headers', header)] },
      },
    },
  ];
}

export function snippet(stack: StackId, [verdict, tx]: [Verdict, ObservedTransaction] = PUT_CASE): StackSnippet {
  const found = explain(verdict, tx, { stack }).snippets[0];
  if (!found || found.stack !== stack) throw new Error(`no snippet for ${stack}`);
  return found;
}

export { PAGE };
