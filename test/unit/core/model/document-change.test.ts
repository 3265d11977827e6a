import { describe, expect, it } from 'vitest';
import { applyEvent, createModelState, listTransactions, setPreserveLog } from '../../../../src/core/model';
import { API, createFakeEngine, createWire, PAGE, type RequestSpec } from './wire';

/**
 * A page restored from the back/forward cache sends no main_frame request: the sign is a request
 * from another main-frame document than the log's (webRequest's documentId).
 */
describe('a new main-frame document without a navigation event (back/forward cache)', () => {
  const SENT = [['Origin', PAGE]] as const;

  function scenario(preserve: boolean, secondFrameId = 0) {
    const wire = createWire();
    const { ctx } = createFakeEngine();
    const state = createModelState();
    if (preserve) setPreserveLog(state, 1, true);
    const fromDoc = (id: string, documentId: string, frameId = 0): RequestSpec => ({ id, url: `${API}/${id}`, documentId, frameId, initiator: PAGE });
    const events = [
      wire.beforeRequest(fromDoc('1', 'DOC-A')), ...wire.exchange(fromDoc('1', 'DOC-A'), SENT, 200, [['Access-Control-Allow-Origin', '*']]),
      wire.beforeRequest(fromDoc('2', 'DOC-B', secondFrameId)), ...wire.exchange(fromDoc('2', 'DOC-B', secondFrameId), SENT, 200, [['Access-Control-Allow-Origin', '*']]),
    ];
    for (const event of events) applyEvent(state, event, ctx);
    return listTransactions(state, 1).map((tx) => tx.requestId);
  }

  it('starts the log over when the main frame’s document changed', () => {
    expect(scenario(false)).toEqual(['2']);
  });

  it('keeps the log with preserve log on', () => {
    expect(scenario(true)).toEqual(['1', '2']);
  });

  it('an iframe’s document is not the main frame’s: nothing is cleared', () => {
    expect(scenario(false, 3)).toEqual(['1', '2']);
  });
});
