/**
 * The stored form of transactions: every record the recorded lab traffic produces comes back equal
 * after pack → JSON → unpack, verdicts left out are recomputed to the same verdict, and anything
 * malformed is refused rather than misread.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core';
import { applyEvent, createModelState, listTransactions, type Transaction } from '../../../src/core/model';
import { packPreflight, packTransaction, unpackPreflight, unpackTransaction } from '../../../src/background/transaction-codec';
import { captureEvents, loadFixtures } from '../fakes/recorded-fixtures';

function labTransactions(): Transaction[] {
  return loadFixtures().flatMap((fixture) => {
    const state = createModelState();
    for (const event of captureEvents(fixture)) applyEvent(state, event, { evaluate });
    return Object.values(state.tabs).flatMap((tab) => listTransactions(state, tab.tabId));
  });
}

const TRANSACTIONS = labTransactions();
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('transaction codec', () => {
  it('has lab traffic to work on, redirects and preflights included', () => {
    expect(TRANSACTIONS.length).toBeGreaterThan(80);
    expect(TRANSACTIONS.some((tx) => tx.redirects.length > 0 && tx.redirects.some((r) => r.nextPreflight !== null))).toBe(true);
  });

  it.each([
    ['verdict stored', true],
    ['verdict recomputed on restore', false],
  ])('restores every lab transaction exactly (%s)', (_name, keepVerdict) => {
    const restored = TRANSACTIONS.map((tx) => unpackTransaction(throughJson(packTransaction(tx, keepVerdict)), evaluate));
    expect(restored).toEqual(throughJson(TRANSACTIONS));
  });

  it('stores a transaction in well under half of its JSON size when the verdict can be recomputed', () => {
    const whole = JSON.stringify(TRANSACTIONS).length;
    const packed = JSON.stringify(TRANSACTIONS.map((tx) => packTransaction(tx, false))).length;
    expect(packed).toBeLessThan(whole * 0.45);
  });

  it('drops a record whose verdict must be recomputed when no engine is given', () => {
    const done = TRANSACTIONS.find((tx) => tx.verdict !== null);
    if (!done) throw new Error('no finished transaction in the lab traffic');
    expect(unpackTransaction(throughJson(packTransaction(done, false)), null)).toBeNull();
    expect(unpackTransaction(throughJson(packTransaction(done, true)), null)).toEqual(throughJson(done));
  });

  it('keeps the mark of a missed start, and reads records stored without one as whole requests', () => {
    const tx = TRANSACTIONS[0];
    if (!tx) throw new Error('no lab transaction');
    const late: Transaction = { ...tx, missedStart: { firstEvent: 'headers-received' } };
    const packed = packTransaction(late, true);
    expect(packed).toHaveLength(packTransaction(tx, true).length + 1);
    expect(unpackTransaction(throughJson(packed), evaluate)?.missedStart).toEqual({ firstEvent: 'headers-received' });
    const whole = unpackTransaction(throughJson(packTransaction(tx, true)), evaluate);
    expect(whole === null ? null : 'missedStart' in whole).toBe(false);
    expect(unpackTransaction([...packed, 'one value too many'], evaluate)).toBeNull();
  });

  it('reads a transaction stored whole, as the layout before packing did', () => {
    const tx = TRANSACTIONS[0];
    expect(unpackTransaction(throughJson(tx), evaluate)).toEqual(throughJson(tx));
  });

  it('round-trips a preflight record alone (unpaired preflights, the preflight-cache model)', () => {
    const preflight = TRANSACTIONS.find((tx) => tx.preflight !== null)?.preflight;
    if (!preflight) throw new Error('no preflight in the lab traffic');
    expect(unpackPreflight(throughJson(packPreflight(preflight)))).toEqual(throughJson(preflight));
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an empty array', []],
    ['another format', [2, 'r1']],
    ['a truncated record', (() => packTransaction(TRANSACTIONS[0] as Transaction, true).slice(0, 10))()],
    ['odd header lines', (() => {
      const packed = packTransaction(TRANSACTIONS[0] as Transaction, true);
      packed[14] = ['Origin'];
      return packed;
    })()],
    ['an unknown state', (() => {
      const packed = packTransaction(TRANSACTIONS[0] as Transaction, true);
      packed[19] = 'finished';
      return packed;
    })()],
  ])('refuses %s', (_name, value) => {
    expect(unpackTransaction(value, evaluate)).toBeNull();
  });
});
