/**
 * What a checkpoint stores and what a new worker reads back. Verdicts are left out of storage and
 * recomputed on restore, except while a request's own preflight is still running after the request
 * ended: its late events may still change the record, so the stored verdict is the one to keep.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core';
import { applyEvent, createModelState, listTransactions, listedTransaction, modelStateToJson, restoreModelState, type CaptureEvent, type ModelState } from '../../../src/core/model';
import { createDirty, noteChange, restoreModel, writeCheckpoint } from '../../../src/background/persisted-model';
import { ALLOW_ALL, API, PAGE, createWire } from '../core/model/wire';

const wire = createWire();
const request = { id: '10', url: `${API}/items`, method: 'PUT' };
const ended: CaptureEvent[] = [
  wire.beforeRequest(request),
  ...wire.preflightStart(request, '11', 'PUT', null),
  wire.headersReceived({ ...request, id: '11', method: 'OPTIONS' }, 204, ALLOW_ALL),
  ...wire.exchange(request, [['Origin', PAGE], ['Content-Type', 'text/plain']], 200, [['Access-Control-Allow-Origin', PAGE]]),
];
const preflightDone = wire.completed({ ...request, id: '11', method: 'OPTIONS' }, 204, ALLOW_ALL);

function checkpointAfter(events: readonly CaptureEvent[]): { state: ModelState; items: Record<string, unknown> } {
  const state = createModelState();
  const dirty = createDirty();
  for (const event of events) noteChange(dirty, applyEvent(state, event, { evaluate }));
  const stored = new Map<string, unknown>();
  writeCheckpoint(state, dirty, {}, { put: (key, value) => void stored.set(key, JSON.parse(JSON.stringify(value))), delete: (key) => void stored.delete(key) });
  return { state, items: Object.fromEntries(stored) };
}

/** The state as a JSON round-trip leaves it (lazy accessors and undefined fields gone), Maps kept. */
const asJson = (state: ModelState): ModelState | null => restoreModelState(JSON.parse(JSON.stringify(modelStateToJson(state))));

const verdictSlot = (items: Record<string, unknown>): unknown => (JSON.parse(items['tx:r10'] as string) as unknown[])[20];

describe('persisted model', () => {
  it('keeps the verdict of a request whose preflight is still running', () => {
    const { items } = checkpointAfter(ended);
    expect(verdictSlot(items)).toMatchObject({ outcome: 'allowed' });
  });

  it('leaves the verdict out once nothing can change the record any more', () => {
    const { items } = checkpointAfter([...ended, preflightDone]);
    expect(verdictSlot(items)).toBe(0);
  });

  it.each([
    ['with the preflight still running', ended],
    ['after the preflight ended', [...ended, preflightDone]],
    ['after a navigation left a request behind', [...ended, wire.beforeRequest({ id: '12', url: `${API}/left` }), wire.navigation(1, '13', `${PAGE}/next`)]],
  ])('restores the model exactly %s', (_name, events) => {
    const { state, items } = checkpointAfter(events);
    const restored = restoreModel(items, evaluate);
    expect(restored.orphanKeys).toEqual([]);
    expect(restored.state).toEqual(asJson(state));
  });

  it('remembers across a restart the requests a navigation let go of (model/late-start.ts)', () => {
    const { items } = checkpointAfter([...ended, wire.beforeRequest({ id: '12', url: `${API}/left` }), wire.navigation(1, '13', `${PAGE}/next`)]);
    expect(restoreModel(items, evaluate).state?.tabs['1']?.forgotten).toEqual(['11', '12']); // 11: the preflight still running, started first
  });

  it('remembers across a restart which site a tab shows, from a page event alone (model/worker-home.ts)', () => {
    const { items } = checkpointAfter([{ kind: 'page', tabId: 4, url: `${PAGE}/inbox`, at: 5 }, wire.navigation(1, '13', `${API}/`)]);
    const tabs = restoreModel(items, evaluate).state?.tabs;
    expect([tabs?.['4']?.pageOrigin, tabs?.['4']?.pageAt, tabs?.['1']?.pageOrigin]).toEqual([PAGE, 5, API]);
  });

  it('stores far less than the records themselves', () => {
    const { state, items } = checkpointAfter([...ended, preflightDone]);
    expect(JSON.stringify(items).length).toBeLessThan(JSON.stringify(modelStateToJson(state)).length * 0.6);
  });

  describe('lazily (a restarted worker)', () => {
    const counting = () => {
      let calls = 0;
      const counted: typeof evaluate = (tx) => {
        calls++;
        return evaluate(tx);
      };
      return { evaluate: counted, calls: () => calls };
    };

    it('unpacks and judges nothing until a transaction is read, then restores it exactly', () => {
      const { state, items } = checkpointAfter([...ended, preflightDone]);
      const engine = counting();
      const restored = restoreModel(items, [], engine.evaluate);
      const tab = restored.state?.tabs[Object.keys(state.tabs)[0] ?? ''];
      expect(tab?.order).toEqual(['r10']);
      expect(engine.calls()).toBe(0);
      expect(tab && listedTransaction(tab, 'r10')?.verdict).toMatchObject({ outcome: 'allowed' });
      expect(engine.calls()).toBe(1);
      expect(restored.state).toEqual(asJson(state));
      expect(engine.calls()).toBe(1);
    });

    it('keeps the fields of a transaction in their order (exports list them the same way)', () => {
      const { state, items } = checkpointAfter([...ended, preflightDone]);
      const restored = restoreModel(items, [], evaluate);
      const tabId = Object.values(state.tabs)[0]?.tabId ?? 0;
      expect(JSON.stringify(listTransactions(restored.state ?? createModelState(), tabId))).toBe(JSON.stringify(listTransactions(state, tabId)));
    });

    it('lists stored transactions no tab refers to as orphans, and reads an unreadable one as absent', () => {
      const { state, items } = checkpointAfter([...ended, preflightDone]);
      const restored = restoreModel({ ...items, 'tx:r99': '[1]', 'tx:r10': '"garbage"' }, [], evaluate);
      expect(restored.orphanKeys).toEqual(['tx:r99']);
      const key = Object.keys(state.tabs)[0] ?? '';
      const tab = restored.state?.tabs[key];
      expect(tab?.order).toEqual(['r10']);
      expect(tab && listedTransaction(tab, 'r10')).toBeUndefined();
      expect(tab?.transactions.has('r10')).toBe(false);
    });
  });

  describe('state stored by the version whose requests in flight and preflights were Records', () => {
    // Written by that version after: a PUT listed and waiting for its preflight ('11', running), and
    // a same-origin GET ('12', hidden). The layout of `tab:` records did not change since.
    const OLD_ITEMS: Record<string, unknown> = {
      model: "{\"schema\":\"cors-lens/model@1\",\"seq\":3,\"preflightCacheSize\":0}",
      'tab:1': '{"tabId":1,"preserveLog":false,"order":["r10"],"counts":{"blocked":0,"warnings":0,"sameOrigin":0,"nonHttp":0,"browserInitiated":0,"evicted":0},"mainDocumentId":"DOC1","inflight":{"10":{"requestId":"10","txId":"r10","hidden":null,"hopSeq":1,"hopStartedAt":1700000000001,"hopUrl":"https://api.example/items","hopMethod":"PUT","resumed":false,"preflightId":"11","maybePreflight":false,"awaitingHop":false},"12":{"requestId":"12","txId":"r12","hidden":[1,"r12",1,0,-1,"DOC1","12","https://app.example/same","GET","xmlhttprequest","https://app.example",0,1700000000004,null,null,null,[],null,null,"pending",null,null],"hopSeq":3,"hopStartedAt":1700000000004,"hopUrl":"https://app.example/same","hopMethod":"GET","resumed":false,"preflightId":null,"maybePreflight":false,"awaitingHop":false}},"preflights":{"11":{"requestId":"11","url":"https://api.example/items","frameId":0,"documentId":"DOC1","initiator":"https://app.example","requestMethod":"PUT","requestHeaderNames":[],"owner":{"requestId":"10","hop":0},"record":null,"done":false}}}',
      'tx:r10': '[1,"r10",1,0,-1,"DOC1","10","https://api.example/items","PUT","xmlhttprequest","https://app.example",1,1700000000001,null,null,["11","https://api.example/items",null,[-1,"*/*",-11,"PUT",-26,"https://app.example"],[],1700000000002,null,0,null,null,null],[],null,null,"pending",null,null]',
    };
    const rest: CaptureEvent[] = [
      wire.headersReceived({ ...request, id: '11', method: 'OPTIONS' }, 204, ALLOW_ALL),
      preflightDone,
      ...wire.exchange(request, [['Origin', PAGE], ['Content-Type', 'text/plain']], 200, [['Access-Control-Allow-Origin', PAGE]]),
      ...wire.exchange({ id: '12', url: `${PAGE}/same` }, [], 200, []),
    ];

    it('restores its requests in flight and preflights as Maps', () => {
      const tab = restoreModel(OLD_ITEMS, evaluate).state?.tabs['1'];
      expect([...(tab?.inflight.keys() ?? [])]).toEqual(['10', '12']);
      expect(tab?.inflight.get('12')?.hidden?.url).toBe(`${PAGE}/same`);
      expect(tab?.preflights.get('11')?.owner).toEqual({ requestId: '10', hop: 0 });
    });

    it('goes on where it stopped', () => {
      const state = restoreModel(OLD_ITEMS, evaluate).state ?? createModelState();
      for (const event of rest) applyEvent(state, event, { evaluate });
      const tab = state.tabs['1'];
      expect(tab?.transactions.get('r10')?.verdict).toMatchObject({ outcome: 'allowed' });
      expect(tab?.transactions.get('r10')?.preflight?.status).toBe(204);
      expect(tab?.counts.sameOrigin).toBe(1);
      expect(tab?.inflight.size).toBe(0);
      expect(tab?.preflights.size).toBe(0);
    });

    it('is written back in the same layout, its order in pages (stored-order.ts)', () => {
      const state = restoreModel(OLD_ITEMS, evaluate).state ?? createModelState();
      const dirty = createDirty();
      dirty.tabs.add(1);
      const written = new Map<string, unknown>();
      writeCheckpoint(state, dirty, {}, { put: (key, value) => void written.set(key, JSON.parse(JSON.stringify(value))), delete: () => undefined });
      const { order, ...before } = JSON.parse(OLD_ITEMS['tab:1'] as string) as Record<string, unknown>;
      expect(JSON.parse(written.get('tab:1') as string)).toEqual({ ...before, orderPages: [0], orderSkip: 0 });
      expect(JSON.parse(written.get('ord:1:0') as string)).toEqual(order);
      expect(restoreModel({ ...OLD_ITEMS, ...Object.fromEntries(written) }, evaluate).state).toEqual(restoreModel(OLD_ITEMS, evaluate).state);
    });
  });
});
