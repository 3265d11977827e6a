/**
 * The UI's live feed: a long-lived port to the background that heals itself. When the service worker
 * is stopped the port disconnects; we reconnect (backing off) and ask for a fresh snapshot, so the UI
 * never shows a stale list after a worker restart.
 */

export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: { addListener(fn: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(fn: () => void): void };
}

export interface LiveFeedOptions {
  readonly connect: () => PortLike;
  /** Sent on every (re)connection: subscribes and requests a snapshot. */
  readonly hello: unknown;
  readonly onMessage: (message: unknown) => void;
  readonly onConnectionChange?: (connected: boolean) => void;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly maxDelayMs?: number;
}

export interface LiveFeed {
  close(): void;
}

export function openLiveFeed(options: LiveFeedOptions): LiveFeed {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const maxDelay = options.maxDelayMs ?? 2000;
  let closed = false;
  let attempt = 0;
  let port: PortLike | null = null;

  function open(): void {
    if (closed) return;
    try {
      port = options.connect();
    } catch {
      retry();
      return;
    }
    const current = port;
    current.onMessage.addListener((message) => {
      attempt = 0;
      options.onMessage(message);
    });
    current.onDisconnect.addListener(() => {
      if (port !== current) return;
      port = null;
      options.onConnectionChange?.(false);
      retry();
    });
    current.postMessage(options.hello);
    options.onConnectionChange?.(true);
  }

  function retry(): void {
    if (closed) return;
    const delay = Math.min(maxDelay, 50 * 2 ** attempt++);
    setTimer(open, delay);
  }

  open();
  return {
    close() {
      closed = true;
      port?.disconnect();
      port = null;
    },
  };
}
