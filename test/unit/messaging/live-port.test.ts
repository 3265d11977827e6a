import { describe, expect, it } from 'vitest';
import { openLiveFeed, type PortLike } from '../../../src/messaging/live-port';

/** A port whose other end the test plays: it can push messages or simulate the worker dying. */
function fakePort() {
  const messageListeners: ((m: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const sent: unknown[] = [];
  const port: PortLike = {
    postMessage: (m) => void sent.push(m),
    disconnect: () => undefined,
    onMessage: { addListener: (fn) => void messageListeners.push(fn) },
    onDisconnect: { addListener: (fn) => void disconnectListeners.push(fn) },
  };
  return { port, sent, push: (m: unknown) => messageListeners.forEach((fn) => fn(m)), die: () => disconnectListeners.forEach((fn) => fn()) };
}

describe('live feed', () => {
  it('says hello on connect and after the worker dies, reconnects and says hello again', () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const timers: (() => void)[] = [];
    const received: unknown[] = [];
    const states: boolean[] = [];
    openLiveFeed({
      connect: () => {
        const p = fakePort();
        ports.push(p);
        return p.port;
      },
      hello: { subscribe: 7 },
      onMessage: (m) => received.push(m),
      onConnectionChange: (c) => states.push(c),
      setTimer: (fn) => void timers.push(fn),
    });
    ports[0]?.push('snapshot-1');
    ports[0]?.die();
    expect(ports).toHaveLength(1);
    timers.shift()?.();
    ports[1]?.push('snapshot-2');
    expect(ports.map((p) => p.sent)).toEqual([[{ subscribe: 7 }], [{ subscribe: 7 }]]);
    expect(received).toEqual(['snapshot-1', 'snapshot-2']);
    expect(states).toEqual([true, false, true]);
  });

  it('keeps retrying with growing delays while connecting throws, and stops after close', () => {
    const delays: number[] = [];
    const timers: (() => void)[] = [];
    let attempts = 0;
    const feed = openLiveFeed({
      connect: () => {
        attempts++;
        throw new Error('Could not establish connection');
      },
      hello: null,
      onMessage: () => undefined,
      setTimer: (fn, ms) => {
        delays.push(ms);
        timers.push(fn);
      },
      maxDelayMs: 300,
    });
    for (let i = 0; i < 4; i++) timers.shift()?.();
    expect(delays).toEqual([50, 100, 200, 300, 300]);
    feed.close();
    timers.shift()?.();
    expect(attempts).toBe(5);
  });
});
