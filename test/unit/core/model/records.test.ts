/** forInBefore reproduces `for…in` order (integer-like keys ascending first), which pairing keeps. */
import { describe, expect, it } from 'vitest';
import { forInBefore } from '../../../../src/core/model/records';

describe('for…in order', () => {
  it.each([
    ['two requestIds, numerically', '9', '10', true],
    ['two requestIds, numerically (reversed)', '10', '9', false],
    ['a requestId before a name', '99', 'a', true],
    ['a name after a requestId', 'a', '99', false],
    ['two names, by insertion', 'b', 'a', true],
    ['a huge number is a name', '4294967295', 'a', true],
    ['a leading zero is a name', '01', '2', false],
  ])('forInBefore: %s', (_name, a, b, expected) => {
    const aFirst = true;
    expect(forInBefore(a, b, aFirst)).toBe(expected);
    const record: Record<string, true> = {};
    record[a] = true;
    record[b] = true;
    expect(Object.keys(record)[0] === a).toBe(expected);
  });
});
