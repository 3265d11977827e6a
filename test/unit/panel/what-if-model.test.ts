import { describe, expect, it } from 'vitest';
import { toObserved } from '../../../src/core/model';
import { NO_EDITS, parseHeaderLines, runWhatIf } from '../../../src/panel/what-if/what-if-model';
import { API, buildTx, h, PAGE, scenarios } from '../fakes/transactions';

const ACAO = 'Access-Control-Allow-Origin';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';
const changed = (result: ReturnType<typeof runWhatIf>) => result.changes.filter((c) => c.changed).map((c) => `${c.field}: ${c.before} → ${c.after}`);

describe('parseHeaderLines', () => {
  it('reads Name: value lines, keeps duplicates, reports bad lines', () => {
    expect(parseHeaderLines(`${ACAO}: a\n\n${ACAO}:  b \nnot a header\n: empty name`)).toEqual({
      headers: [h(ACAO, 'a'), h(ACAO, 'b')],
      badLines: [4, 5],
    });
  });
});

describe('runWhatIf', () => {
  it('changes nothing without edits', () => {
    expect(changed(runWhatIf(toObserved(scenarios.trailingSlash()), NO_EDITS))).toEqual([]);
  });

  it.each([
    ['removing the trailing slash makes it pass', scenarios.trailingSlash, { status: 200, headers: [h(ACAO, PAGE)] },
      ['outcome: blocked → allowed', 'corsError: AllowOriginMismatch → (none)', `failedParameter: ${PAGE}/ → (none)`]],
    ['two ACAO lines give MultipleAllowOriginValues', scenarios.trailingSlash, { status: 200, headers: [h(ACAO, PAGE), h(ACAO, PAGE)] },
      ['corsError: AllowOriginMismatch → MultipleAllowOriginValues', `failedParameter: ${PAGE}/ → ${PAGE}, ${PAGE}`]],
  ])('response edit: %s', (_name, make, response, expected) => {
    expect(changed(runWhatIf(toObserved(make()), { ...NO_EDITS, response }))).toEqual(expected);
  });

  it('fixing the preflight moves the failure on to the actual request', () => {
    const result = runWhatIf(toObserved(scenarios.headerNotAllowed()), {
      ...NO_EDITS,
      preflight: { status: 204, headers: [h(ACAO, PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'content-type, x-api-key')] },
      response: { status: 200, headers: [] },
    });
    expect(changed(result)).toEqual([
      'corsError: HeaderDisallowedByPreflightResponse → MissingAllowOriginHeader',
      'failedParameter: x-api-key → ""',
    ]);
  });

  it('credentials: include turns an allowed wildcard into WildcardOriginNotAllowed', () => {
    const tx = scenarios.allowed();
    const wildcard = { status: 200, headers: [h(ACAO, '*')] };
    const result = runWhatIf(toObserved(tx), { ...NO_EDITS, response: wildcard, credentials: 'include' });
    expect(result.after.corsError).toBe('WildcardOriginNotAllowed');
    expect(result.before.outcome).toBe('allowed');
  });

  it('keeps a refused connection a network error whatever the headers say', () => {
    const result = runWhatIf(toObserved(scenarios.connectionRefused()), { ...NO_EDITS, response: { status: 200, headers: [h(ACAO, '*')] } });
    expect(result.after.outcome).toBe('network-error');
  });

  it('editing a redirect hop: an Access-Control-Allow-Origin added to the 302 lets the request through', () => {
    // Each hop of a CORS request is checked on its own (reference §5): the 302 lacks ACAO.
    const tx = buildTx({
      redirects: [{ status: 302, headers: [h('Location', `${API}/moved`)], location: `${API}/moved` }],
      response: { status: 200, headers: [h(ACAO, PAGE)] },
    });
    const observed = toObserved(tx);
    expect(runWhatIf(observed, NO_EDITS).before.corsError).toBe('MissingAllowOriginHeader');
    const result = runWhatIf(observed, { ...NO_EDITS, redirects: [[h('Location', `${API}/moved`), h(ACAO, PAGE)]] });
    expect(changed(result)).toEqual(['outcome: blocked → allowed', 'corsError: MissingAllowOriginHeader → (none)', 'failedParameter: "" → (none)']);
    // A null hop edit keeps the observed headers.
    expect(changed(runWhatIf(observed, { ...NO_EDITS, redirects: [null] }))).toEqual([]);
  });

  it('editing the preflight sent after a redirect: allowing PUT there lets the request through', () => {
    // Chromium sends a new preflight for each hop (reference §5.6); here the one to /moved forgot PUT.
    const moved = `${API}/moved`;
    const tx = buildTx({
      method: 'PUT', headers: [h('Content-Type', 'application/json')],
      preflight: { status: 204, headers: [h(ACAO, PAGE), h(ACAM, 'PUT'), h(ACAH, 'content-type')] },
      redirects: [{ status: 307, headers: [h('Location', moved), h(ACAO, PAGE)], location: moved,
        preflight: { status: 204, headers: [h(ACAO, PAGE), h(ACAH, 'content-type')] } }],
      response: null,
    });
    const observed = toObserved(tx);
    const before = runWhatIf(observed, NO_EDITS).before;
    expect([before.corsError, before.stage]).toEqual(['MethodDisallowedByPreflightResponse', { kind: 'preflight', hop: 1 }]);
    const fixed = { status: 204, headers: [h(ACAO, PAGE), h(ACAM, 'PUT'), h(ACAH, 'content-type')] };
    const result = runWhatIf(observed, { ...NO_EDITS, redirectPreflights: [fixed], response: { status: 200, headers: [h(ACAO, PAGE)] } });
    expect(changed(result)).toEqual(['outcome: blocked → allowed', 'corsError: MethodDisallowedByPreflightResponse → (none)', 'failedParameter: PUT → (none)']);
    // The edit lands on that hop's preflight only; the first one stays as observed.
    expect(result.edited.redirects?.[0]?.nextPreflight?.response?.headers).toEqual(fixed.headers);
    expect(result.edited.preflight).toEqual(observed.preflight);
    // A hop without a preflight ignores an edit meant for one.
    const plain = toObserved(buildTx({ redirects: [{ status: 302, headers: [h(ACAO, PAGE)], location: moved }], response: { status: 200, headers: [h(ACAO, PAGE)] } }));
    expect(runWhatIf(plain, { ...NO_EDITS, redirectPreflights: [fixed] }).edited.redirects?.[0]?.nextPreflight).toBeNull();
  });
});
