/**
 * Inputs for the engine benchmark: every transaction the recorded lab scenarios produce (reduced by
 * the real model and engine, as the extension would), stamped out again and again with fresh URL
 * nonces. The mix is the lab's: allowed, blocked at the response, blocked at the preflight,
 * redirected, cached preflights, network errors, no-cors.
 */
import { evaluate } from '../../src/core';
import { applyEvent, createModelState, listTransactions, toObserved, type Transaction } from '../../src/core/model';
import type { ObservedTransaction } from '../../src/core/types';
import { mapStrings, renonce, scenarioRecordings, type ScenarioRecording } from './fixture-corpus';

export interface TransactionTemplate {
  readonly recording: ScenarioRecording;
  readonly transaction: Transaction;
}

/** The listed transactions of each recorded scenario, reduced alone (oldest first). */
export function transactionTemplates(): TransactionTemplate[] {
  return scenarioRecordings().flatMap((recording) => {
    const state = createModelState();
    const ctx = { evaluate };
    for (const event of recording.events) applyEvent(state, event, ctx);
    return Object.values(state.tabs).flatMap((tab) => listTransactions(state, tab.tabId)).map((transaction) => ({ recording, transaction }));
  });
}

export interface EngineInputs {
  /** Inputs number `from` to `from + count - 1` of the endless sequence: each one distinct. */
  slice(from: number, count: number): ObservedTransaction[];
  readonly templates: number;
}

export function engineInputs(): EngineInputs {
  const templates = transactionTemplates().map((t) => ({ recording: t.recording, observed: toObserved(t.transaction) }));
  return {
    templates: templates.length,
    slice(from, count) {
      const inputs: ObservedTransaction[] = [];
      for (let i = from; i < from + count; i++) {
        const template = templates[i % templates.length];
        if (template === undefined) break;
        inputs.push(mapStrings(template.observed, renonce(template.recording, Math.floor(i / templates.length))));
      }
      return inputs;
    },
  };
}
