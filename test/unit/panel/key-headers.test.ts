import { describe, expect, it } from 'vitest';
import { keyHeaders } from '../../../src/panel/detail/key-headers';
import { PAGE, scenarios } from '../fakes/transactions';

function culprits(make: () => ReturnType<typeof scenarios.allowed>) {
  const tx = make();
  return keyHeaders(tx, tx.verdict).flatMap((g) => g.rows.filter((r) => r.culprit).map((r) => ({ group: g.id, name: r.name.toLowerCase(), value: r.value, expected: r.expected })));
}

describe('keyHeaders', () => {
  it.each([
    ['a trailing slash marks ACAO on the response, expecting the page origin', scenarios.trailingSlash,
      [{ group: 'response', name: 'access-control-allow-origin', value: `${PAGE}/`, expected: PAGE }]],
    ['a missing ACAO is listed as not sent, still the culprit', scenarios.missingAllowOrigin,
      [{ group: 'response', name: 'access-control-allow-origin', value: null, expected: PAGE }]],
    ['a header the preflight did not allow marks ACAH on the preflight response', scenarios.headerNotAllowed, [
      { group: 'preflight-0-response', name: 'access-control-allow-headers', value: 'content-type', expected: expect.anything() },
    ]],
    ['an allowed request has no culprit', scenarios.allowed, []],
  ])('%s', (_name, make, expected) => {
    expect(culprits(make)).toEqual(expected);
  });

  it('marks the failing group and keeps only CORS-relevant headers', () => {
    const tx = scenarios.trailingSlash();
    const groups = keyHeaders(tx, tx.verdict);
    expect(groups.find((g) => g.failed)?.id).toBe('response');
    const request = groups.find((g) => g.id === 'request');
    expect(request?.rows.map((r) => r.name)).toEqual(['Origin']);
  });

  it('says the request was never sent after a failed preflight, and why the preflight was needed', () => {
    const tx = scenarios.headerNotAllowed();
    const groups = keyHeaders(tx, tx.verdict);
    expect(groups.find((g) => g.id === 'request')?.title).toBe('Request (never sent)');
    const asked = groups.find((g) => g.id === 'preflight-0-request')?.rows.find((r) => r.name === 'Access-Control-Request-Headers');
    expect(asked?.value).toBe('content-type,x-api-key');
  });
});
