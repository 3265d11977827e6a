/**
 * Live updates to open panels and popups. Each UI page connects a port and subscribes to a tab; it
 * gets a snapshot at once, then increments. Increments are coalesced per tab for a few milliseconds:
 * a page firing hundreds of requests must not turn into hundreds of messages per second per UI.
 */
import type { Change } from '../core/model';
import type { PortLike } from '../messaging/live-port';
import { LIVE_PORT_NAME, type LiveRequest, type LiveUpdate, type PersistenceStatus } from '../messaging/protocol';
import type { CaptureService } from './capture-service';

interface Pending {
  upserted: Set<string>;
  removed: Set<string>;
}

export function createLiveHub(service: CaptureService, options: { delayMs?: number; setTimer?: (fn: () => void, ms: number) => unknown } = {}) {
  const delayMs = options.delayMs ?? 60;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const subscribers = new Map<number, Set<PortLike>>();
  const pending = new Map<number, Pending>();
  let scheduled = false;

  function post(port: PortLike, update: LiveUpdate): void {
    try {
      port.postMessage(update);
    } catch {
      // The page went away between two updates; onDisconnect cleans up.
    }
  }

  function flush(): void {
    scheduled = false;
    for (const [tabId, dirty] of pending) {
      const ports = subscribers.get(tabId);
      if (!ports || ports.size === 0) continue;
      const summary = service.summary(tabId);
      const removed = [...dirty.removed];
      const upserted = service.transactionsOf(tabId, [...dirty.upserted].filter((id) => !dirty.removed.has(id)));
      for (const port of ports) {
        if (removed.length > 0) post(port, { type: 'remove', tabId, ids: removed, summary });
        if (upserted.length > 0 || removed.length === 0) post(port, { type: 'upsert', tabId, transactions: upserted, summary });
      }
    }
    pending.clear();
  }

  return {
    /** runtime.onConnect: only our port name; anything else is not ours to answer. */
    connect(port: PortLike & { readonly name?: string }): void {
      if (port.name !== LIVE_PORT_NAME) return;
      let tabId: number | null = null;
      port.onMessage.addListener((message) => {
        const request = message as Partial<LiveRequest> | null;
        if (request?.type !== 'subscribe' || typeof request.tabId !== 'number') return;
        if (tabId !== null) subscribers.get(tabId)?.delete(port);
        tabId = request.tabId;
        const set = subscribers.get(tabId) ?? new Set<PortLike>();
        set.add(port);
        subscribers.set(tabId, set);
        void service.snapshot(tabId).then((snapshot) => post(port, { type: 'snapshot', snapshot }));
      });
      port.onDisconnect.addListener(() => {
        if (tabId !== null) subscribers.get(tabId)?.delete(port);
      });
    },
    changed(change: Change): void {
      if (change.tabId === null || !subscribers.get(change.tabId)?.size) return;
      const dirty = pending.get(change.tabId) ?? { upserted: new Set<string>(), removed: new Set<string>() };
      for (const id of change.upserted) dirty.upserted.add(id);
      for (const id of change.removed) dirty.removed.add(id);
      pending.set(change.tabId, dirty);
      if (!scheduled) {
        scheduled = true;
        setTimer(flush, delayMs);
      }
    },
    status(paused: boolean, persistence: PersistenceStatus): void {
      for (const ports of subscribers.values()) for (const port of ports) post(port, { type: 'status', paused, persistence });
    },
  };
}
