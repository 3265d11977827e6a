/**
 * Real Chromium webRequest sequences recorded from the CORS lab (test/lab/record-fixtures.ts), as
 * CaptureEvents: the closest thing to the browser a unit test can have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convertDetails, type WebRequestDetailsLike, type WebRequestEventName } from '../../../src/background/convert-details';
import type { CaptureEvent } from '../../../src/core/model';

const DIR = fileURLToPath(new URL('../../fixtures/webrequest/', import.meta.url));

export interface RecordedFixture {
  readonly scenario: { readonly id: string; readonly group: string };
  readonly cdp: { readonly verdict: { readonly corsError: string | null; readonly failedParameter: string | null } };
  readonly events: readonly (WebRequestDetailsLike & { readonly event: WebRequestEventName })[];
}

export function loadFixtures(): RecordedFixture[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(DIR + file, 'utf8')) as RecordedFixture);
}

export function captureEvents(fixture: RecordedFixture): CaptureEvent[] {
  return fixture.events.map((raw) => convertDetails(raw.event, raw)).filter((e): e is CaptureEvent => e !== null);
}

/**
 * Every fixture's events one after another, as if one tab ran the whole lab: each fixture's times
 * are shifted to start 100 ms after the previous one ended, so the timeline stays monotonic (the
 * capture applies events in webRequest time order).
 */
export function labTimeline(fixtures: readonly RecordedFixture[], heard?: (name: WebRequestEventName) => boolean): CaptureEvent[] {
  const out: CaptureEvent[] = [];
  let next = 1_800_000_000_000;
  for (const fixture of fixtures) {
    // `heard`: which webRequest events to keep (the recordings have all eight).
    const events = captureEvents(heard ? { ...fixture, events: fixture.events.filter((raw) => heard(raw.event)) } : fixture);
    if (events.length === 0) continue;
    const first = Math.min(...events.map((e) => e.at));
    const shift = next - first;
    for (const event of events) out.push({ ...event, at: event.at + shift });
    next = Math.max(...out.map((e) => e.at)) + 100;
  }
  return out;
}
