import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core';

/** The README's engine example, run for real: the documented values must stay true. */
describe('README engine example', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const verdict = evaluate({
    initiator: 'http://localhost:3000',
    resourceType: 'xmlhttprequest',
    request: {
      method: 'GET',
      url: 'http://127.0.0.1:8080/api/items',
      headers: [{ name: 'Origin', value: 'http://localhost:3000' }, { name: 'Sec-Fetch-Mode', value: 'cors' }],
    },
    response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: 'http://localhost:3000/' }] },
    netError: 'net::ERR_FAILED',
    completed: true,
  });

  it.each([
    ['outcome', verdict.outcome],
    ['corsError', verdict.corsError],
    ['failedParameter', verdict.failedParameter],
    ['firefoxReason', verdict.firefoxReason],
  ])('documents %s as the engine returns it', (field, value) => {
    expect(readme).toContain(`// verdict.${field}`);
    expect(readme).toMatch(new RegExp(`// verdict\\.${field} +'${String(value).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`));
  });

  it('documents the differing origin component', () => {
    expect(verdict.origins?.allowOriginDiffers).toEqual(['path']);
    expect(readme).toContain("allowOriginDiffers  ['path']");
  });
});
