import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/panel/detail/timeline';
import { API, buildTx, h, PAGE, scenarios } from '../fakes/transactions';

const NOW = 1_700_000_000_000;
const summary = (tx: ReturnType<typeof buildTx>) => buildTimeline(tx, NOW).steps.map((s) => `${s.label}: ${s.method} ${s.status} [${s.tone}]`);

describe('buildTimeline', () => {
  it('after a failed preflight: the preflight failed and the request was never sent', () => {
    const tx = scenarios.headerNotAllowed();
    expect(summary(tx)).toEqual(['Preflight: OPTIONS 204 [failed]', 'Request: PUT not sent [skipped]']);
    expect(buildTimeline(tx, NOW).conclusion).toMatch(/^The PUT request itself was never sent/);
  });

  it('after a blocked simple request: it did reach the server', () => {
    const tx = scenarios.simplePostBlocked();
    expect(summary(tx)).toEqual(['Request: POST 201 [failed]']);
    expect(buildTimeline(tx, NOW).conclusion).toMatch(/^It did reach the server/);
  });

  it('a request covered by the preflight cache names the entry and when it expires', () => {
    const expiresAt = NOW + 4 * 60_000;
    const tx = buildTx({
      method: 'PUT', headers: [h('Content-Type', 'application/json')], preflight: { cached: { transactionId: 'r1', expiresAt } },
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] },
    });
    const [cached] = buildTimeline(tx, NOW).steps;
    expect(cached?.tone).toBe('cached');
    expect(cached?.status).toBe('');
    expect(cached?.coveredById).toBe('r1');
    expect(cached?.note).toContain('(in 4 min)');
    expect(buildTimeline(tx, NOW).conclusion).toBeNull();
  });

  it('lists each redirect hop with its status and target, a 303 turning POST into GET', () => {
    const acao = h('Access-Control-Allow-Origin', PAGE);
    const tx = buildTx({
      method: 'POST', url: `${API}/a`, headers: [h('Content-Type', 'text/plain')],
      redirects: [{ status: 303, headers: [acao], location: `${API}/b` }, { status: 307, headers: [acao], location: `${API}/c` }],
      response: { status: 200, headers: [acao] },
    });
    expect(summary(tx)).toEqual([
      `Request: POST 303 → ${API}/b [ok]`,
      `Redirect 1: GET 307 → ${API}/c [ok]`,
      'Redirect 2: GET 200 [ok]',
    ]);
  });

  it('shows durations: the preflight on its own, the request after it', () => {
    const steps = buildTimeline(buildTx({ ...{}, durationMs: 250, response: { status: 200, headers: [h('Access-Control-Allow-Origin', '*')] } }), NOW).steps;
    expect(steps.at(-1)?.duration).toBe('250 ms');
  });

  it('a request whose start was missed took at least the time shown', () => {
    const tx = buildTx({ durationMs: 250, response: { status: 200, headers: [h('Access-Control-Allow-Origin', '*')] } });
    expect(buildTimeline({ ...tx, missedStart: { firstEvent: 'headers-received' } }, NOW).steps.at(-1)?.duration).toBe('≥ 250 ms');
  });

  it('a refused connection is a failed request, not a CORS verdict', () => {
    const tx = scenarios.connectionRefused();
    expect(summary(tx)).toEqual(['Request: GET ERR_CONNECTION_REFUSED [failed]']);
    expect(buildTimeline(tx, NOW).conclusion).toBeNull();
  });
});
