/**
 * Events of a request whose onBeforeRequest has not arrived yet. A service worker Chrome restarted
 * receives its backlog out of order: a request's onSendHeaders, onHeadersReceived, even
 * onErrorOccurred up to ~60 ms before its onBeforeRequest (measured, Chromium 156). With
 * `ctx.earlyHoldMs`, such events are held per tab, by requestId, and applied with that
 * onBeforeRequest in time order (its Change reports their effects): the result is the in-order one.
 * A request whose onBeforeRequest does not come within the hold (event time: a later event of the
 * tab tells) was lost, not late: its held events are applied then, and it starts late from the
 * first of them (late-start.ts), as it does at once without a hold.
 *
 * Bounded: EARLY_REQUESTS held requests per tab (past it the oldest starts late) and
 * EARLY_EVENTS_PER_REQUEST events each (past it the request starts late). Transient: not stored
 * (modelStateToJson and the background leave `early` out); a worker stopped meanwhile loses what it
 * held, as it lost those events before.
 *
 * Not enabled by the service worker yet (it passes no earlyHoldMs): it holds its start-up backlog
 * instead (capture-service.ts START_HOLD_MS). To enable it, the event log's checkpoint marks must
 * leave the log records of held events unacknowledged (a mark today says "every record up to n is
 * in the checkpoint", and held events are not), and reads (snapshot, export) must release holds
 * that ran out when no later event of the tab came to do it.
 */
import type { BeforeRequestEvent, RequestEvent } from './events';
import { mayFollowUnknown } from './late-start';
import type { TabState } from './state';

export const EARLY_REQUESTS = 512;
export const EARLY_EVENTS_PER_REQUEST = 32;

export interface HeldRequest {
  /** In arrival order. */
  readonly events: RequestEvent[];
  /** The earliest event time held (the hold runs from there). */
  firstAt: number;
}

/**
 * Whether an event of an unknown request is held: one that may be of a request still to start and
 * that the model would follow. Main frames, non-http and browser-initiated requests are never
 * followed (they are counted as without a hold), and requests the model let go of stay ignored.
 */
export function mayHold(tab: TabState, event: RequestEvent): boolean {
  return mayFollowUnknown(tab, event);
}

/** Whether held events of the request `event` starts are older than it: it is a later hop's, not the start. */
export function isLaterHop(tab: TabState, event: BeforeRequestEvent): boolean {
  const held = tab.early?.get(event.requestId);
  return held !== undefined && held.firstAt < event.at;
}

/** Hold `event`; returns the requests to start late now (past the bounds), oldest first. */
export function holdEarly(tab: TabState, event: RequestEvent): HeldRequest[] {
  const early = (tab.early ??= new Map());
  const held = early.get(event.requestId);
  if (held === undefined) {
    early.set(event.requestId, { events: [event], firstAt: event.at });
    return early.size > EARLY_REQUESTS ? takeOldest(early) : [];
  }
  held.events.push(event);
  held.firstAt = Math.min(held.firstAt, event.at);
  if (held.events.length < EARLY_EVENTS_PER_REQUEST) return [];
  early.delete(event.requestId);
  return [held];
}

function takeOldest(early: Map<string, HeldRequest>): HeldRequest[] {
  for (const [requestId, held] of early) {
    early.delete(requestId);
    return [held];
  }
  return [];
}

/** The held requests whose hold ran out by `now` (event time), taken out, oldest first. */
export function takeExpired(tab: TabState, now: number, holdMs: number): HeldRequest[] {
  const early = tab.early;
  if (early === undefined || early.size === 0) return [];
  const expired: HeldRequest[] = [];
  for (const [requestId, held] of early) {
    if (held.firstAt > now - holdMs) continue;
    early.delete(requestId);
    expired.push(held);
  }
  return expired;
}

/**
 * The events to apply when `start` arrives for a request not seen yet: it and what was held for
 * it, in time order (it first among equal times, then arrival order), or null when nothing was held.
 */
export function takeWithStart(tab: TabState, start: BeforeRequestEvent): RequestEvent[] | null {
  const held = tab.early?.get(start.requestId);
  if (held === undefined) return null;
  tab.early?.delete(start.requestId);
  // Stable sort: the start, first in the list, stays first among equal times.
  return [start, ...held.events].sort((a, b) => a.at - b.at);
}

/** Held events in time order; sort is stable, so equal times keep their arrival order. */
export function inTimeOrder(held: HeldRequest): RequestEvent[] {
  return [...held.events].sort((a, b) => a.at - b.at);
}
