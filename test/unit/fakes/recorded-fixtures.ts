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
