import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRA_INFO } from '../../../src/background/webrequest-listeners';

/**
 * The benchmark's "empty listeners" extension is plain JS (it must load unbuilt), so it repeats our
 * listener registration. The page-load floor only means something while the two register the same
 * events with the same extraInfoSpec.
 */
describe('the benchmark floor extension mirrors CORS Lens’s listeners', () => {
  it('registers the same events with the same extraInfoSpec', () => {
    const source = readFileSync(new URL('../../../bench/empty-listeners-extension/background.js', import.meta.url), 'utf8');
    const literal = /const EXTRA_INFO = (\{[\s\S]*?\n\});/.exec(source)?.[1];
    if (!literal) throw new Error('no EXTRA_INFO object in the floor extension');
    const json = literal.replace(/'/g, '"').replace(/(\w+):/g, '"$1":').replace(/,(\s*[}\]])/g, '$1');
    expect(JSON.parse(json)).toEqual(EXTRA_INFO);
  });
});
