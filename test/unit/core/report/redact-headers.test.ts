import { describe, expect, it } from 'vitest';
import { REDACTED, isSecretHeader, redactHeaders } from '../../../../src/core/report';

describe('redactHeaders', () => {
  it.each([
    ['Cookie', true], ['cookie', true], ['AUTHORIZATION', true], ['Proxy-Authorization', true], ['Set-Cookie', true],
    ['Set-Cookie2', true], ['Origin', false], ['Access-Control-Allow-Origin', false], ['X-Cookie-Hint', false],
  ] as const)('%s is secret: %s', (name, secret) => {
    expect(isSecretHeader(name)).toBe(secret);
    expect(redactHeaders([{ name, value: 'v' }])).toEqual([{ name, value: secret ? REDACTED : 'v' }]);
  });

  it('keeps order, names and duplicates, and does not touch its input', () => {
    const input = [{ name: 'Set-Cookie', value: 'a=1' }, { name: 'Vary', value: 'Origin' }, { name: 'set-cookie', value: 'b=2' }];
    const copy = structuredClone(input);
    expect(redactHeaders(input)).toEqual([
      { name: 'Set-Cookie', value: '<redacted>' }, { name: 'Vary', value: 'Origin' }, { name: 'set-cookie', value: '<redacted>' },
    ]);
    expect(input).toEqual(copy);
  });

  it('takes another set of secret names', () => {
    expect(redactHeaders([{ name: 'X-Api-Key', value: 'k' }, { name: 'Cookie', value: 'c' }], new Set(['x-api-key']))).toEqual([
      { name: 'X-Api-Key', value: '<redacted>' }, { name: 'Cookie', value: 'c' },
    ]);
  });
});
