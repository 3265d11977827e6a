/**
 * The JS heap of an extension's service worker, read over the DevTools Protocol. Playwright opens
 * CDP sessions on pages only, so we attach to the worker target through a page's session (Target
 * domain, non-flattened) and talk to it with Target.sendMessageToTarget. Garbage is collected first:
 * the figure is what the worker keeps, not what it has not freed yet.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface WorkerHeap {
  readonly usedBytes: number;
  readonly totalBytes: number;
}

export async function serviceWorkerHeap(page: Page, extensionId: string): Promise<WorkerHeap> {
  const session: CDPSession = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!target) throw new Error(`no running service worker for ${extensionId}`);
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let nextId = 0;
    const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    session.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const pending = message.id === undefined ? undefined : waiting.get(message.id);
      if (!pending || message.id === undefined) return;
      waiting.delete(message.id);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    });
    const send = (method: string, params: object = {}): Promise<unknown> => new Promise((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
  } finally {
    await session.detach().catch(() => undefined);
  }
}
