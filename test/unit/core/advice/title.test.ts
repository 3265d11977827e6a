/**
 * explainTitle() is the popup's cheap way to the title line: it must say exactly what explain()'s
 * title says, for every outcome and every CorsError, on the recorded lab traffic and on made-up cases.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, CORS_ERRORS } from '../../../../src/core';
import { explain, explainTitle } from '../../../../src/core/advice';
import { applyEvent, createModelState, listTransactions, toObserved } from '../../../../src/core/model';
import type { Verdict } from '../../../../src/core/types';
import { captureEvents, loadFixtures } from '../../fakes/recorded-fixtures';
import { blocked, makeTx, makeVerdict } from './fixtures';

const lab = loadFixtures().flatMap((fixture) => {
  const state = createModelState();
  for (const event of captureEvents(fixture)) applyEvent(state, event, { evaluate });
  return Object.values(state.tabs).flatMap((tab) => listTransactions(state, tab.tabId));
});

describe('explainTitle', () => {
  it('gives explain()’s title for every transaction of the recorded lab traffic', () => {
    const judged = lab.filter((tx) => tx.verdict !== null);
    expect(judged.length).toBeGreaterThan(80);
    for (const tx of judged) {
      const verdict = tx.verdict as Verdict;
      expect(explainTitle(verdict, toObserved(tx)), tx.url).toBe(explain(verdict, toObserved(tx)).title);
    }
  });

  it.each(CORS_ERRORS.map((error) => [error]))('gives explain()’s title for %s', (error) => {
    const verdict = blocked(error, { failedParameter: 'x', actual: 'x' });
    expect(explainTitle(verdict, makeTx())).toBe(explain(verdict, makeTx()).title);
  });

  it.each([
    ['allowed', makeVerdict({ outcome: 'allowed' })],
    ['not CORS', makeVerdict({ outcome: 'not-cors', summary: 'A navigation: CORS does not apply.' })],
    ['a network error', makeVerdict({ outcome: 'network-error', rootCause: { kind: 'connection-failed', netError: 'net::ERR_CONNECTION_REFUSED' } })],
    ['blocked without a CorsError', makeVerdict({ outcome: 'blocked', corsError: null, summary: '' })],
  ])('gives explain()’s title when %s', (_name, verdict) => {
    expect(explainTitle(verdict, makeTx())).toBe(explain(verdict, makeTx()).title);
  });
});
