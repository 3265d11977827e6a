import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/core/advice';
import type { CorsErrorName, HeaderList } from '../../../../src/core/types';
import { PAGE, blocked, blockedPreflight, h, makeTx, putTx } from './fixtures';

interface Case {
  name: string;
  error: CorsErrorName;
  headers: HeaderList;
  actual: string | null;
  credentials?: 'include';
  mention: string[];
}

// The same six checks on the actual response and on the preflight (reference §3, §4.2 step 3).
const CASES: Case[] = [
  { name: 'wildcard with credentials', error: 'WildcardOriginNotAllowed', headers: [h('Access-Control-Allow-Origin', '*')], actual: '*', credentials: 'include', mention: ['"*"', PAGE] },
  { name: 'missing ACAO', error: 'MissingAllowOriginHeader', headers: [], actual: null, mention: ['api.example', 'status 200'] },
  { name: 'two ACAO lines', error: 'MultipleAllowOriginValues', headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Origin', PAGE)], actual: `${PAGE}, ${PAGE}`, mention: [`"${PAGE}, ${PAGE}"`] },
  { name: 'origin without scheme', error: 'InvalidAllowOriginValue', headers: [h('Access-Control-Allow-Origin', 'app.example')], actual: 'app.example', mention: ['"app.example"'] },
  { name: 'trailing slash', error: 'AllowOriginMismatch', headers: [h('Access-Control-Allow-Origin', `${PAGE}/`)], actual: `${PAGE}/`, mention: [`"${PAGE}/"`, PAGE] },
  { name: 'ACAC True', error: 'InvalidAllowCredentials', headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Credentials', 'True')], actual: 'True', credentials: 'include', mention: ['"True"'] },
];

describe('Access-Control-Allow-Origin templates on the actual response', () => {
  it.each(CASES)('$name: title and paragraph carry the actual value', ({ error, headers, actual, credentials, mention }) => {
    const verdict = blocked(error, { actual, failedParameter: actual ?? '', credentials: credentials ?? 'same-origin' });
    const result = explain(verdict, makeTx({ response: { status: 200, headers } }));
    expect(result.title.length).toBeGreaterThan(10);
    expect(result.title).not.toContain('\n');
    for (const m of mention) expect(`${result.title} ${result.paragraph}`).toContain(m);
    expect(result.title).toContain(mention[0]);
  });
});

describe('Access-Control-Allow-Origin templates on the preflight', () => {
  it.each(CASES)('Preflight$error: names the preflight and the actual value', ({ error, headers, actual, mention }) => {
    const verdict = blockedPreflight(`Preflight${error}` as CorsErrorName, { actual, failedParameter: actual ?? '' });
    const result = explain(verdict, putTx(200, headers));
    expect(result.title.toLowerCase()).toContain('preflight');
    expect(result.title).toContain(mention[0]);
    expect(result.paragraph).toContain('never sent');
  });
});

describe('origin mismatch explanations', () => {
  it.each([
    { name: 'trailing slash', actual: `${PAGE}/`, diff: [] as const, words: 'trailing slash' },
    { name: 'http instead of https', actual: 'http://app.example', diff: ['scheme'] as const, words: 'scheme differs' },
    { name: 'explicit default port', actual: 'https://app.example:443', diff: ['port'] as const, words: 'port differs' },
    { name: 'the literal null', actual: 'null', diff: [] as const, words: 'opaque origin' },
    { name: 'another site', actual: 'https://other.example', diff: ['whole'] as const, words: 'different site' },
    { name: 'uppercase host, compared without the engine', actual: 'https://APP.example', diff: [] as const, words: 'host differs' },
    { name: 'http without the engine', actual: 'http://app.example', diff: [] as const, words: 'scheme differs' },
    { name: ':443 without the engine', actual: 'https://app.example:443', diff: [] as const, words: 'port differs' },
    { name: 'not an origin at all', actual: 'app', diff: [] as const, words: 'different site' },
  ])('$name', ({ actual, diff, words }) => {
    const origins = diff.length > 0
      ? { page: null, target: { raw: 'https://api.example', serialized: 'https://api.example', scheme: 'https', host: 'api.example', port: 443, portIsDefault: true }, allowOrigin: null, allowOriginDiffers: diff, crossOriginBy: ['host' as const], originSent: PAGE }
      : null;
    const verdict = blocked('AllowOriginMismatch', { actual, failedParameter: actual, origins });
    const result = explain(verdict, makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', actual)] } }));
    expect(result.paragraph).toContain(words);
    expect(result.title).toContain(`"${actual}"`);
  });
});

describe('credentials wording', () => {
  it('says the credentials header is missing when failedParameter is empty', () => {
    const verdict = blocked('InvalidAllowCredentials', { actual: '', failedParameter: '', credentials: 'include' });
    const result = explain(verdict, makeTx({ response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] } }));
    expect(result.title).toBe('Access-Control-Allow-Credentials is missing but the request carries credentials');
  });

  it('counts separate ACAO lines for duplicate values', () => {
    const headers = [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Origin', PAGE)];
    const verdict = blocked('MultipleAllowOriginValues', { actual: `${PAGE}, ${PAGE}` });
    expect(explain(verdict, makeTx({ response: { status: 200, headers } })).paragraph).toContain('in 2 separate header lines');
  });

  it('asks for ACAO on error responses when the missing header came with a 500', () => {
    const verdict = blocked('MissingAllowOriginHeader');
    const result = explain(verdict, makeTx({ response: { status: 500, headers: [] } }));
    expect(result.title).toContain('(status 500)');
    expect(result.paragraph).toContain('on error responses like this 500 too');
  });
});
