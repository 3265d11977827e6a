/** The engine's memo: remembers answers (null ones too), computes once per key, and stays bounded. */
import { describe, expect, it } from 'vitest';
import { createBoundedMemo } from '../../../../src/core/util/bounded-memo';

describe('bounded memo', () => {
  it('computes a key once, null answers included', () => {
    const memo = createBoundedMemo<string | null>(8);
    let calls = 0;
    const compute = (key: string) => {
      calls++;
      return key === 'none' ? null : key.toUpperCase();
    };
    expect([memo.get('a', compute), memo.get('a', compute), memo.get('none', compute), memo.get('none', compute)]).toEqual(['A', 'A', null, null]);
    expect(calls).toBe(2);
  });

  it('starts over when full, and still answers correctly', () => {
    const memo = createBoundedMemo<number>(4);
    let calls = 0;
    const compute = (key: string) => {
      calls++;
      return key.length;
    };
    for (const key of ['a', 'bb', 'ccc', 'dddd', 'eeeee']) memo.get(key, compute);
    expect(memo.get('a', compute)).toBe(1);
    expect(calls).toBe(6);
  });
});

describe('bounded memo, the same key twice in a row', () => {
  it('answers from the last lookup, for equal strings that are different objects too', () => {
    const memo = createBoundedMemo<number>(4);
    let calls = 0;
    const compute = (key: string) => {
      calls++;
      return key.length;
    };
    const fresh = (s: string) => [...s].join('');
    expect([memo.get(fresh('abc'), compute), memo.get(fresh('abc'), compute), memo.get('x', compute), memo.get(fresh('abc'), compute)]).toEqual([3, 3, 1, 3]);
    expect(calls).toBe(2);
  });

  it('never answers for another key from the last lookup', () => {
    const memo = createBoundedMemo<string>(2);
    const upper = (key: string) => key.toUpperCase();
    const keys = ['a', 'b', 'a', 'c', 'c', 'd', 'a', 'e', 'e', 'b'];
    expect(keys.map((key) => memo.get(key, upper))).toEqual(keys.map(upper));
  });
});
