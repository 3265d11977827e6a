/**
 * Reads the webRequest probe extension (test/fixtures/probe-extension) from Node: every event it
 * recorded, as `{ event, ...details, t }`, and a wait for a set of requests to end.
 */
import { fileURLToPath } from 'node:url';
import type { Worker } from 'playwright-core';

/** Directory of the probe extension, for `launchBrowser({ extensionDir: PROBE_EXTENSION_DIR })`. */
export const PROBE_EXTENSION_DIR = fileURLToPath(new URL('../fixtures/probe-extension/', import.meta.url));

export type WebRequestEventName =
  | 'onBeforeRequest' | 'onBeforeSendHeaders' | 'onSendHeaders' | 'onHeadersReceived'
  | 'onBeforeRedirect' | 'onResponseStarted' | 'onCompleted' | 'onErrorOccurred';

export interface ProbeHeader {
  readonly name: string;
  readonly value?: string;
}

/** One recorded webRequest event: Chrome's `details` plus the event name, `performance.now()` and arrival order. */
export interface ProbeEvent {
  readonly event: WebRequestEventName;
  readonly requestId: string;
  readonly url: string;
  readonly method: string;
  readonly type: string;
  readonly tabId: number;
  readonly frameId: number;
  readonly documentId?: string;
  readonly initiator?: string;
  readonly timeStamp: number;
  /** performance.now() in the worker when the event arrived (0.1 ms resolution: ties are common). */
  readonly t: number;
  /** Arrival order across all events of the probe: use this, not `t`, to compare order. */
  readonly seq: number;
  readonly statusCode?: number;
  readonly statusLine?: string;
  readonly error?: string;
  readonly fromCache?: boolean;
  readonly ip?: string;
  readonly redirectUrl?: string;
  readonly requestHeaders?: readonly ProbeHeader[];
  readonly responseHeaders?: readonly ProbeHeader[];
}

const TERMINAL: readonly WebRequestEventName[] = ['onCompleted', 'onErrorOccurred'];

interface ProbeGlobal {
  probe: { events: ProbeEvent[]; clear(): void };
}

/** Recorded events, optionally only those whose URL contains `urlIncludes` (filtered in the worker: the log gets big). */
export async function probeEvents(serviceWorker: Worker, urlIncludes = ''): Promise<ProbeEvent[]> {
  return serviceWorker.evaluate(
    (part) => (self as unknown as ProbeGlobal).probe.events.filter((event) => event.url.includes(part)),
    urlIncludes,
  );
}

export async function clearProbe(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => (self as unknown as ProbeGlobal).probe.clear());
}

/**
 * Events whose URL matches, once every request among them has ended (onCompleted or
 * onErrorOccurred). webRequest events reach the extension asynchronously, so a request that CDP
 * already reported finished may still be in flight here. Rejects after `timeoutMs`.
 * Pass `urlIncludes` (e.g. the run's `n=<nonce>`) to filter in the worker before transfer.
 */
export async function waitForProbeEvents(
  serviceWorker: Worker, matches: (url: string) => boolean, { timeoutMs = 10_000, minRequests = 1, urlIncludes = '' } = {},
): Promise<ProbeEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = (await probeEvents(serviceWorker, urlIncludes)).filter((event) => matches(event.url));
    const ids = new Set(events.map((event) => event.requestId));
    const ended = new Set(events.filter((event) => TERMINAL.includes(event.event)).map((event) => event.requestId));
    if (ids.size >= minRequests && [...ids].every((id) => ended.has(id))) return events;
    if (Date.now() > deadline) {
      throw new Error(`webRequest events did not end in ${timeoutMs} ms: ${[...ids].filter((id) => !ended.has(id)).join(', ') || 'no events'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The value of a header (case-insensitive name) in a webRequest header list; every line when repeated. */
export function headerValues(headers: readonly ProbeHeader[] | undefined, name: string): string[] {
  const lower = name.toLowerCase();
  return (headers ?? []).filter((header) => header.name.toLowerCase() === lower).map((header) => header.value ?? '');
}
