/** Logged events: every recorded webRequest event comes back equal, smaller on the wire. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDetails, tabRemovedEvent } from '../../../src/background/convert-details';
import { packEvent, unpackEvent } from '../../../src/background/event-codec';
import { parseLogKey } from '../../../src/background/event-log';
import { LinePacker } from '../../../src/background/header-lines';
import { captureEvents, labTimeline, loadFixtures } from '../fakes/recorded-fixtures';
import { EVENT_NAMES, hostileDetails } from '../hardening/hostile-input';

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

  it('restores any event convert-details can build, whatever its content', () => {
    fc.assert(fc.property(fc.constantFrom(...EVENT_NAMES), hostileDetails, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), (name, details, tabId, at) => {
      const event = convertDetails(name, details) ?? tabRemovedEvent(tabId, at);
      expect(unpackEvent(throughJson(packEvent(event)))).toEqual(throughJson(event));
    }), { numRuns: 2000 });
  }, 60_000); // 2,000 hostile events: ~3 s under load 9, past vitest's 5 s default on a busier machine (seen)

  it('stores logged events in under three quarters of the layout before it', () => {
    const before = EVENTS.map(layoutBefore).join('').length;
    expect(EVENTS.map(packEvent).join('').length).toBeLessThan(before * 0.75);
  });

  it('reads the log records main (46e8f1f) wrote', () => {
    const fixture = fileURLToPath(new URL('../../fixtures/stored/main-46e8f1f.json', import.meta.url));
    const { storage } = JSON.parse(readFileSync(fixture, 'utf8')) as { storage: Record<string, unknown> };
    const timeline = labTimeline(loadFixtures()).filter((e) => e.kind !== 'navigation' && !(e.kind === 'before-request' && e.resourceType === 'main_frame'));
    const logged = Object.keys(storage).filter((key) => key.startsWith('log:'));
    expect(logged.length).toBeGreaterThan(50);
    for (const key of logged) expect(unpackEvent(storage[key])).toEqual(throughJson(timeline[(parseLogKey(key)?.n ?? 0) - 1]));
  });

  it('restores a page event (tabs.onUpdated), whatever its URL', () => {
    fc.assert(fc.property(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), (tabId, at, url) => {
      const event = { kind: 'page', tabId, at, url } as const;
      expect(unpackEvent(throughJson(packEvent(event)))).toEqual(throughJson(event));
    }));
    expect(unpackEvent([2, 10, 1, 5])).toBeNull(); // no URL
  });

  it('reads an event stored as it is', () => {
    const event = EVENTS[0];
    expect(unpackEvent(throughJson(event))).toEqual(throughJson(event));
  });

  it.each([
    ['null', null],
    ['an array of another format', [3, 0, '1']],
    ['an unknown kind', [2, 99, '1', 1, 0, -1, null, 'https://a.example/', 'GET', 'other', null, 1]],
    ['a base field of the wrong type', [2, 0, 1, 1, 0, -1, null, 'https://a.example/', 'GET', 'other', null, 1]],
    ['response lines that do not read', [2, 3, '1', 1, 0, -1, null, 'https://a.example/', 'GET', 'other', null, 1, 200, '', ['Origin'], 0, null]],
    ['an object without a kind', { requestId: '1' }],
    ['packed headers that do not read', { kind: 'send-headers', packed: 1, requestHeaders: ['Origin'] }],
    ['a reference to a line never stored', { kind: 'send-headers', packed: 1, requestHeaders: [3] }],
  ])('refuses %s', (_name, value) => {
    expect(unpackEvent(value)).toBeNull();
  });
});

/** How main (46e8f1f) stored an event: an object, header lines packed with references (its event-codec.ts). */
function layoutBefore(event: (typeof EVENTS)[number]): string {
  const lines = new LinePacker();
  const packed: Record<string, unknown> = { ...event, packed: 1 };
  if ('requestHeaders' in event && event.requestHeaders) packed.requestHeaders = lines.pack(event.requestHeaders);
  if ('responseHeaders' in event && event.responseHeaders) packed.responseHeaders = lines.pack(event.responseHeaders);
  return JSON.stringify(packed);
}
