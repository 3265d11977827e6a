/**
 * The Records of the model state and the Map shadows pairing searches: the shadow always holds what
 * the Record holds, and forInBefore reproduces `for…in` order (integer-like keys ascending first).
 */
import { describe, expect, it } from 'vitest';
import { entriesOf, forInBefore, removeKey, setKey } from '../../../../src/core/model/records';

describe('Record shadows', () => {
  it('follow every write made through setKey and removeKey, also after the first search', () => {
    const record: Record<string, number> = { a: 1 };
    setKey(record, '10', 10);
    expect([...entriesOf(record)]).toEqual(Object.entries(record));
    setKey(record, 'b', 2);
    setKey(record, '2', 20);
    removeKey(record, 'a');
    setKey(record, 'a', 3);
    expect(Object.fromEntries(entriesOf(record))).toEqual(record);
    expect([...entriesOf(record)].map(([key]) => key).sort()).toEqual(Object.keys(record).sort());
  });

  it('are built from the Record the first time it is searched (a restored state)', () => {
    const restored = JSON.parse('{"7":"x","b":"y","3":"z"}') as Record<string, string>;
    expect([...entriesOf(restored)]).toEqual(Object.entries(restored));
  });

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
