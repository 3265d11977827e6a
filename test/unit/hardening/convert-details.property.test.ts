/**
 * convertDetails is the door every webRequest event comes through: whatever Chrome (or a page
 * steering it) puts in `details`, it must never throw, and what it lets through must be a clean
 * CaptureEvent (strings, finite numbers, header lines of two strings) that survives JSON, since
 * the event log stores it in storage.session as is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDetails, convertHeaders } from '../../../src/background/convert-details';
import type { WebRequestDetailsLike, WebRequestEventName } from '../../../src/background/convert-details';
import type { CaptureEvent } from '../../../src/core/model';
import { jsonProblems } from './json-problems';
import { EVENT_NAMES, RESOURCE_TYPES, hostileDetails, hostileName, hostileString, webRequestHeaderList } from './hostile-input';

const eventName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...EVENT_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('onAuthRequired', 'onActionIgnored', '', '__proto__', 'constructor') },
) as fc.Arbitrary<WebRequestEventName>;

const notAnObject = fc.constantFrom(null, undefined, 'details', 42, true, Symbol('d'));

function isHeaderList(value: unknown): boolean {
  return Array.isArray(value) && value.every((h: unknown) => typeof h === 'object' && h !== null
    && typeof (h as { name: unknown }).name === 'string' && typeof (h as { value: unknown }).value === 'string'
    && Object.keys(h).length === 2);
}

/** The CaptureEvent invariants events.ts documents: every field present, typed, finite. */
function wellFormed(event: CaptureEvent): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const fields = event as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) check(value !== undefined, `${key} is undefined`);
  check(Number.isFinite(event.at), 'at is not finite');
  if (event.kind === 'tab-removed' || event.kind === 'page') return problems;
  check(typeof event.requestId === 'string' && event.requestId !== '', 'requestId');
  check(typeof event.url === 'string', 'url');
  check(typeof event.method === 'string', 'method');
  check((RESOURCE_TYPES as readonly string[]).includes(event.resourceType), 'resourceType');
  for (const key of ['tabId', 'frameId', 'parentFrameId'] as const) check(Number.isFinite(event[key]), `${key} is not finite`);
  check(event.initiator === null || typeof event.initiator === 'string', 'initiator');
  check(event.documentId === null || typeof event.documentId === 'string', 'documentId');
  if ('requestHeaders' in event) check(event.requestHeaders === null || isHeaderList(event.requestHeaders), 'requestHeaders');
  if ('responseHeaders' in event) check(event.responseHeaders === null || isHeaderList(event.responseHeaders), 'responseHeaders');
  if ('status' in event) check(Number.isFinite(event.status), 'status is not finite');
  if ('error' in event) check(typeof event.error === 'string', 'error');
  return problems;
}

/** What convert-details promises to drop: nothing usable to key the event on. */
function unusable(name: string, details: unknown): boolean {
  if (!(EVENT_NAMES as readonly string[]).includes(name)) return true;
  if (typeof details !== 'object' || details === null) return true;
  const { requestId, url } = details as { requestId?: unknown; url?: unknown };
  const idOk = (typeof requestId === 'string' && requestId !== '') || (typeof requestId === 'number' && Number.isFinite(requestId));
  return !idOk || typeof url !== 'string';
}

describe('convertDetails on hostile details', () => {
  it('never throws; returns null exactly when no requestId or url is usable, else a well-formed event', () => {
    fc.assert(fc.property(eventName, fc.oneof({ weight: 9, arbitrary: hostileDetails }, { weight: 1, arbitrary: notAnObject }), (name, details) => {
      const event = convertDetails(name, details as WebRequestDetailsLike);
      expect(event === null).toBe(unusable(name, details));
      if (event !== null) expect(wellFormed(event)).toEqual([]);
    }), { numRuns: 400 });
  });

  it('what it returns survives the JSON round trip of the event log unchanged', () => {
    fc.assert(fc.property(eventName, hostileDetails, (name, details) => {
      const event = convertDetails(name, details);
      if (event === null) return;
      // Plain JSON values only (a -0 timestamp becoming 0 is fine), and no field dropped as undefined.
      expect(jsonProblems(event)).toEqual([]);
      expect(Object.keys(JSON.parse(JSON.stringify(event)) as object)).toEqual(Object.keys(event));
    }), { numRuns: 200 });
  });

  it('reads every request id, url and type a page can steer as data (no prototype keys, no coercion)', () => {
    fc.assert(fc.property(hostileString, (text) => {
      const event = convertDetails('onBeforeRequest', { requestId: text === '' ? '1' : text, url: text, type: text, method: text, initiator: text });
      if (event === null || event.kind === 'tab-removed' || event.kind === 'page') throw new Error(`no request event for ${JSON.stringify(text)}`);
      expect(event.url).toBe(text);
      expect(event.initiator).toBe(text);
      expect(event.resourceType).toBe((RESOURCE_TYPES as readonly string[]).includes(text) ? text : 'other');
    }), { numRuns: 150 });
  });
});

describe('convertHeaders on hostile header lists', () => {
  it('keeps every line with a string name, in order, duplicates and empty names included; values always strings', () => {
    fc.assert(fc.property(webRequestHeaderList, (list) => {
      const headers = convertHeaders(list);
      if (!Array.isArray(list)) {
        expect(headers).toBeNull();
        return;
      }
      const named = (list as unknown[]).filter((line) => typeof line === 'object' && line !== null && typeof (line as { name?: unknown }).name === 'string');
      expect(headers?.map((h) => h.name)).toEqual(named.map((line) => (line as { name: string }).name));
      expect(isHeaderList(headers)).toBe(true);
    }), { numRuns: 200 });
  });

  it('decodes binaryValue byte for byte (one char per byte, any encoding survives), and prefers a string value', () => {
    fc.assert(fc.property(hostileName, fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 300 }), fc.option(hostileString, { nil: undefined }), (name, bytes, value) => {
      const [line] = convertHeaders([{ name, binaryValue: bytes, ...(value === undefined ? {} : { value }) }]) ?? [];
      expect(line).toEqual({ name, value: value ?? String.fromCharCode(...bytes) });
    }), { numRuns: 200 });
  });

  it('a 100 KB binaryValue and a thousand lines convert in well under a second', () => {
    const bytes = Array.from({ length: 100_000 }, (_, i) => i % 256);
    const lines = Array.from({ length: 1000 }, (_, i) => ({ name: `X-${i % 10}`, binaryValue: i === 0 ? bytes : [60, 62] }));
    const started = performance.now();
    const headers = convertHeaders(lines);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(headers).toHaveLength(1000);
    expect(headers?.[0]?.value).toHaveLength(100_000);
    expect(headers?.[1]?.value).toBe('<>');
  });
});
