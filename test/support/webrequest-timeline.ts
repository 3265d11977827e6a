/**
 * Splits the probe's webRequest events of one lab run into requests, so tests can talk about
 * "the preflight" and "the request". In the lab no page ever sends a real OPTIONS, so every
 * OPTIONS request is a preflight (the capture itself cannot assume that; it looks at
 * Access-Control-Request-Method).
 */
import type { ProbeEvent, WebRequestEventName } from './probe';

/** All events of one webRequest requestId, in arrival order. */
export interface RequestTimeline {
  readonly requestId: string;
  readonly method: string;
  readonly events: readonly ProbeEvent[];
}

export interface RunTimeline {
  readonly preflights: readonly RequestTimeline[];
  /** The page's requests (not preflights, not font cache probes), in start order. */
  readonly requests: readonly RequestTimeline[];
  /** Cache-only attempts that end in net::ERR_CACHE_MISS before a font's real request. */
  readonly cacheProbes: readonly RequestTimeline[];
}

export function groupByRequest(events: readonly ProbeEvent[]): RequestTimeline[] {
  const byId = new Map<string, ProbeEvent[]>();
  for (const event of events) {
    const list = byId.get(event.requestId) ?? [];
    list.push(event);
    byId.set(event.requestId, list);
  }
  return [...byId].map(([requestId, list]) => ({ requestId, method: list[0]?.method ?? '', events: list }));
}

export function splitRun(events: readonly ProbeEvent[]): RunTimeline {
  const all = groupByRequest(events);
  const isCacheProbe = (request: RequestTimeline): boolean => request.events.some((event) => event.error === 'net::ERR_CACHE_MISS');
  return {
    preflights: all.filter((request) => request.method === 'OPTIONS'),
    requests: all.filter((request) => request.method !== 'OPTIONS' && !isCacheProbe(request)),
    cacheProbes: all.filter(isCacheProbe),
  };
}

export function eventNames(request: RequestTimeline): WebRequestEventName[] {
  return request.events.map((event) => event.event);
}

/** The first event of that name, or throws (tests want a clear message, not undefined). */
export function eventOf(request: RequestTimeline, name: WebRequestEventName): ProbeEvent {
  const found = request.events.find((event) => event.event === name);
  if (!found) throw new Error(`request ${request.requestId} has no ${name}: ${eventNames(request).join(' → ')}`);
  return found;
}

export function lastEvent(request: RequestTimeline): ProbeEvent {
  const last = request.events[request.events.length - 1];
  if (!last) throw new Error(`request ${request.requestId} has no events`);
  return last;
}
