import { describe, expect, it } from 'vitest';
import { isTaintingHop, originsPerHop, parseOrigin } from '../../../../src/core/origin/index';

const O = 'https://page.example';
const A = 'https://a.example';
const B = 'https://b.example';

describe('originsPerHop: the Origin sent at each hop (reference §1 redirect-taint)', () => {
  it.each([
    { name: 'O/x → A keeps O', hops: [`${O}/x`, `${A}/1`], origins: [O, O] },
    { name: 'A → A/y keeps O', hops: [`${A}/1`, `${A}/y`], origins: [O, O] },
    { name: 'A → B taints', hops: [`${A}/1`, `${B}/2`], origins: [O, 'null'] },
    { name: 'A → O taints too', hops: [`${A}/1`, `${O}/back`], origins: [O, 'null'] },
    { name: 'taint is sticky: A → B → A', hops: [`${A}/1`, `${B}/2`, `${A}/3`], origins: [O, 'null', 'null'] },
    { name: 'O → A → A/z never taints', hops: [`${O}/1`, `${A}/2`, `${A}/z`], origins: [O, O, O] },
    { name: 'O → O/y stays O', hops: [`${O}/1`, `${O}/y`], origins: [O, O] },
    { name: 'O → A → B taints at B', hops: [`${O}/1`, `${A}/2`, `${B}/3`], origins: [O, O, 'null'] },
    { name: 'a single hop', hops: [`${A}/1`], origins: [O] },
  ])('$name', ({ hops, origins }) => {
    expect(originsPerHop(O, hops)).toEqual(origins);
  });

  it('an opaque initiator always sends null', () => {
    expect(originsPerHop('null', [`${A}/1`, `${A}/2`])).toEqual(['null', 'null']);
  });
});

describe('isTaintingHop', () => {
  it.each([
    { from: O, to: A, taints: false },
    { from: A, to: A, taints: false },
    { from: A, to: B, taints: true },
    { from: A, to: O, taints: true },
  ])('$from → $to: $taints', ({ from, to, taints }) => {
    expect(isTaintingHop(parseOrigin(O), parseOrigin(from), parseOrigin(to))).toBe(taints);
  });
});
