import { describe, expect, it } from 'vitest';
import { createRequestClient, dispatch, isRequestOf, type RequestHandlers, type RequestMessage } from '../../../src/messaging/typed';

interface Demo {
  'demo/add': { request: { a: number; b: number }; response: number };
  'demo/fail': { request: object; response: never };
}
const names = ['demo/add', 'demo/fail'] as const;
const handlers: RequestHandlers<Demo> = {
  'demo/add': ({ a, b }) => a + b,
  'demo/fail': () => {
    throw new Error('tab 9 is gone');
  },
};
/** An in-memory transport: what the background's onMessage would do. */
const transport = {
  sendMessage: async (message: unknown) => (isRequestOf<Demo>([...names], message) ? dispatch(handlers, message as RequestMessage<Demo>) : undefined),
};

describe('typed messaging', () => {
  it('round-trips a request to its typed response', async () => {
    const call = createRequestClient<Demo>(transport);
    expect(await call('demo/add', { a: 2, b: 3 })).toBe(5);
  });

  it('turns a handler error into a rejected call with its text', async () => {
    const call = createRequestClient<Demo>(transport);
    await expect(call('demo/fail', {})).rejects.toThrow('tab 9 is gone');
  });

  it('rejects clearly when nobody answers', async () => {
    const call = createRequestClient<Demo>({ sendMessage: async () => undefined });
    await expect(call('demo/add', { a: 1, b: 1 })).rejects.toThrow(/did not answer demo\/add/);
  });

  it.each([
    ['null', null],
    ['a string', 'demo/add'],
    ['an unknown type', { type: 'other/add' }],
    ['a non-string type', { type: 42 }],
  ])('the boundary guard refuses %s', (_name, message) => {
    expect(isRequestOf<Demo>([...names], message)).toBe(false);
  });
});
