/**
 * The benchmarks' raw material: the real Chromium webRequest sequences recorded from the CORS lab
 * (test/fixtures/webrequest/*.json, one per scenario), converted to CaptureEvents once, plus a way
 * to stamp out copies that differ the way a real page's requests do (their own URL nonce,
 * requestIds and timestamps) while staying the same CORS situation.
 */
import { convertDetails } from '../../src/background/convert-details';
import type { WebRequestDetailsLike, WebRequestEventName } from '../../src/background/convert-details';
import type { CaptureEvent } from '../../src/core/model';
import { loadFixtures, type RecordedFixture } from '../../test/unit/fakes/recorded-fixtures';

export type RawDetails = WebRequestDetailsLike & { readonly event: WebRequestEventName };

export interface ScenarioRecording {
  readonly id: string;
  /** The `n=` value the lab page put in every URL of this run ('' when there is none). */
  readonly nonce: string;
  readonly raw: readonly RawDetails[];
  readonly events: readonly CaptureEvent[];
  /** requestIds of the page's own requests (preflights excluded): what "a request" counts. */
  readonly requestIds: readonly string[];
}

interface FixtureWithPage extends RecordedFixture {
  readonly page?: { readonly nonce?: unknown };
}

function preflightIds(raw: readonly RawDetails[]): Set<string> {
  const ids = new Set<string>();
  for (const details of raw) {
    const headers = Array.isArray(details.requestHeaders) ? (details.requestHeaders as { name?: unknown }[]) : [];
    if (headers.some((h) => typeof h.name === 'string' && h.name.toLowerCase() === 'access-control-request-method')) ids.add(String(details.requestId));
  }
  return ids;
}

let cached: readonly ScenarioRecording[] | null = null;

/** Every recorded scenario, in file order (loaded once per process). */
export function scenarioRecordings(): readonly ScenarioRecording[] {
  cached ??= loadFixtures().map((fixture) => {
    const page = (fixture as FixtureWithPage).page;
    const raw = fixture.events as readonly RawDetails[];
    const events = raw.map((d) => convertDetails(d.event, d)).filter((e): e is CaptureEvent => e !== null);
    const preflights = preflightIds(raw);
    const requestIds = [...new Set(raw.map((d) => String(d.requestId)))].filter((id) => !preflights.has(id));
    return { id: fixture.scenario.id, nonce: typeof page?.nonce === 'string' ? page.nonce : '', raw, events, requestIds };
  });
  return cached;
}

/**
 * A deep copy of JSON-like data with every string passed through `mapString`. Always a fresh
 * structure, never shared with another copy: webRequest hands the worker new objects for every
 * request, so nothing may be recognised by identity.
 */
export function mapStrings<T>(value: T, mapString: (s: string) => string): T {
  if (typeof value === 'string') return mapString(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, mapString)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = mapStrings(item, mapString);
    return out as T;
  }
  return value;
}

/** A replacer that gives copy `copy` of a recording its own nonce (URLs, Location, Referer…). */
export function renonce(recording: ScenarioRecording, copy: number): (s: string) => string {
  const { nonce } = recording;
  if (nonce === '') return (s) => s;
  const fresh = `${nonce.slice(0, 6)}${copy.toString(36).padStart(8, '0')}`;
  return (s) => (s.includes(nonce) ? s.split(nonce).join(fresh) : s);
}
