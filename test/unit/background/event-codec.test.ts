/** Logged events: every recorded webRequest event comes back equal, smaller on the wire. */
import { describe, expect, it } from 'vitest';
import { packEvent, unpackEvent } from '../../../src/background/event-codec';
import { captureEvents, loadFixtures } from '../fakes/recorded-fixtures';

const EVENTS = loadFixtures().flatMap(captureEvents);
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('event codec', () => {
  it('restores every recorded event exactly', () => {
    expect(EVENTS.length).toBeGreaterThan(500);
    expect(EVENTS.map((event) => unpackEvent(throughJson(packEvent(event))))).toEqual(throughJson(EVENTS));
  });

  it('stores the events with headers in less than their JSON size', () => {
    const withHeaders = EVENTS.filter((e) => 'requestHeaders' in e || 'responseHeaders' in e);
    expect(JSON.stringify(withHeaders.map(packEvent)).length).toBeLessThan(JSON.stringify(withHeaders).length * 0.8);
  });

  it('reads an event stored as it is', () => {
    const event = EVENTS[0];
    expect(unpackEvent(throughJson(event))).toEqual(throughJson(event));
  });

  it.each([
    ['null', null],
    ['an object without a kind', { requestId: '1' }],
    ['packed headers that do not read', { kind: 'send-headers', packed: 1, requestHeaders: ['Origin'] }],
    ['a reference to a line never stored', { kind: 'send-headers', packed: 1, requestHeaders: [3] }],
  ])('refuses %s', (_name, value) => {
    expect(unpackEvent(value)).toBeNull();
  });
});
