/**
 * Typed request/response and live-port plumbing, generic over a name→payload map so each message is
 * declared once (src/messaging/protocol.ts) and both ends are derived from it. Transports are
 * structural, so UI tests run over an in-memory transport instead of a fake `chrome`.
 */

/** A map of message name → { request payload, response }. */
export type RequestMap<M> = { [K in keyof M]: { request: object; response: unknown } };

export type RequestMessage<M extends RequestMap<M>, K extends keyof M & string = keyof M & string> = {
  [N in K]: { readonly type: N } & M[N]['request'];
}[K];

/** Handlers for every request of a map: the background must answer each one. */
export type RequestHandlers<M extends RequestMap<M>> = {
  [K in keyof M]: (payload: M[K]['request']) => Promise<M[K]['response']> | M[K]['response'];
};

/**
 * Answers are the bare response (the public export contract resolves to the report itself); a failure
 * crosses the boundary as this distinct shape, never as a silent `undefined`.
 */
export interface ErrorReply {
  readonly corsLensError: string;
}

export function isErrorReply(value: unknown): value is ErrorReply {
  return typeof value === 'object' && value !== null && typeof (value as ErrorReply).corsLensError === 'string';
}

export interface MessageTransport {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The one guard at the boundary: a message of our protocol, by name. */
export function isRequestOf<M extends RequestMap<M>>(names: readonly (keyof M & string)[], message: unknown): message is RequestMessage<M> {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && (names as readonly string[]).includes(type);
}

/** Dispatches one incoming message to its handler; a thrown error becomes an ErrorReply. */
export async function dispatch<M extends RequestMap<M>>(handlers: RequestHandlers<M>, message: RequestMessage<M>): Promise<unknown> {
  const handler = handlers[message.type] as (payload: unknown) => unknown;
  try {
    return await handler(message);
  } catch (error) {
    return { corsLensError: error instanceof Error ? error.message : String(error) } satisfies ErrorReply;
  }
}

/** Client side: `call('cors-lens/export', { tabId })` resolves to the typed response or throws the error text. */
export function createRequestClient<M extends RequestMap<M>>(transport: MessageTransport) {
  return async function call<K extends keyof M & string>(type: K, payload: M[K]['request']): Promise<M[K]['response']> {
    const reply = await transport.sendMessage({ ...payload, type });
    if (reply === undefined) throw new Error(`CORS Lens background did not answer ${type}.`);
    if (isErrorReply(reply)) throw new Error(reply.corsLensError);
    return reply as M[K]['response'];
  };
}
