/**
 * The conversion and the reducer on REAL Chromium 156 webRequest sequences recorded from the CORS
 * lab (test/fixtures/webrequest/<scenario>.json, written by test/lab/record-fixtures.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertDetails } from '../../../../src/background/convert-details';
import type { WebRequestDetailsLike, WebRequestEventName } from '../../../../src/background/convert-details';
import type { CaptureEvent, Transaction, TransactionPreflight } from '../../../../src/core/model';
import { applyEvent, createModelState, isCrossOrigin, listTransactions, modelStateToJson, restoreModelState } from '../../../../src/core/model';
import { createFakeEngine } from './wire';

const DIR = fileURLToPath(new URL('../../../fixtures/webrequest/', import.meta.url));

interface RecordedEvent extends WebRequestDetailsLike {
  readonly event: WebRequestEventName;
  readonly requestId: string;
  readonly url: string;
  readonly initiator?: string;
  readonly requestHeaders?: readonly { name: string; value?: string }[];
}

interface Fixture {
  readonly scenario: { readonly id: string; readonly group: string };
  readonly hits: Readonly<Record<string, number>>;
  readonly cdp: { readonly verdict: { readonly corsError: string | null } };
  readonly events: readonly RecordedEvent[];
}

const FIXTURES: readonly [string, Fixture][] = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(DIR + file, 'utf8')) as Fixture]);

function convertAll(fixture: Fixture): CaptureEvent[] {
  return fixture.events.map((raw) => convertDetails(raw.event, raw)).filter((event): event is CaptureEvent => event !== null);
}

/** requestIds of preflights, told apart the way the browser does: Access-Control-Request-Method on the wire. */
function preflightIds(fixture: Fixture): Set<string> {
  return new Set(fixture.events
    .filter((raw) => raw.event === 'onSendHeaders' && raw.requestHeaders?.some((h) => h.name.toLowerCase() === 'access-control-request-method'))
    .map((raw) => raw.requestId));
}

function wirePreflights(tx: Transaction): TransactionPreflight[] {
  return [tx.preflight, ...tx.redirects.map((r) => r.nextPreflight)]
    .filter((p): p is TransactionPreflight => p !== null && !p.fromCache);
}

function reduceFixture(fixture: Fixture, roundTripAt: number | null = null) {
  const { ctx } = createFakeEngine();
  let state = createModelState();
  const events = convertAll(fixture);
  const changes = events.map((event, index) => {
    if (index === roundTripAt) state = restoreModelState(JSON.parse(JSON.stringify(modelStateToJson(state)))) ?? createModelState();
    return applyEvent(state, event, ctx);
  });
  const tabIds = Object.values(state.tabs).map((tab) => tab.tabId);
  return { state, changes, listed: tabIds.flatMap((tabId) => listTransactions(state, tabId)) };
}

describe('recorded Chromium fixtures', () => {
  it('are present', () => {
    expect(FIXTURES.length).toBeGreaterThan(0);
  });

  describe.each(FIXTURES)('%s', (_id, fixture) => {
    const { state, listed } = reduceFixture(fixture);
    const preflights = preflightIds(fixture);

    it('converts every recorded event', () => {
      expect(convertAll(fixture)).toHaveLength(fixture.events.length);
    });

    it('ends with nothing left in flight and no preflight unpaired', () => {
      for (const tab of Object.values(state.tabs)) {
        expect(tab.inflight).toEqual(new Map());
        expect(tab.preflights).toEqual(new Map());
      }
    });

    it('lists each cross-origin request once, and no preflight', () => {
      const requests = new Map<string, RecordedEvent[]>();
      for (const raw of fixture.events) if (!preflights.has(raw.requestId)) requests.set(raw.requestId, [...(requests.get(raw.requestId) ?? []), raw]);
      // The font loader's cache-only probe (net::ERR_CACHE_MISS, never on the wire) is not a request of the page's.
      const cacheProbe = (raws: readonly RecordedEvent[]) => raws.some((raw) => raw.event === 'onErrorOccurred' && raw.error === 'net::ERR_CACHE_MISS');
      const crossOrigin = [...requests].filter(([, raws]) => !cacheProbe(raws) && raws.some((raw) => raw.initiator !== undefined && isCrossOrigin(raw.initiator, raw.url)));
      expect(listed.map((tx) => tx.requestId).sort()).toEqual(crossOrigin.map(([requestId]) => requestId).sort());
    });

    it('pairs every preflight with a request, at the hop whose URL it was sent to', () => {
      const paired = listed.flatMap((tx) => [
        ...(tx.preflight && !tx.preflight.fromCache ? [[tx.preflight, tx.url] as const] : []),
        ...tx.redirects.flatMap((r) => (r.nextPreflight && !r.nextPreflight.fromCache ? [[r.nextPreflight, r.location] as const] : [])),
      ]);
      expect(paired.map(([p]) => p.requestId).sort()).toEqual([...preflights].sort());
      for (const [preflight, url] of paired) expect(preflight.url).toBe(url);
      if (fixture.hits['OPTIONS'] !== undefined) expect(paired).toHaveLength(fixture.hits['OPTIONS']);
    });

    it('each paired preflight ended before its request resumed', () => {
      for (const tx of listed) {
        const sends = fixture.events.filter((raw) => raw.requestId === tx.requestId && raw.event === 'onBeforeSendHeaders').map((raw) => Number(raw.timeStamp));
        // A request that failed may never have been sent after its (failed) preflight.
        if (tx.netError !== null) continue;
        for (const preflight of wirePreflights(tx)) {
          expect(sends.some((at) => at >= (preflight.endedAt ?? Infinity))).toBe(true);
        }
      }
    });

    it('a request Chromium blocked ends with net::ERR_FAILED', () => {
      if (fixture.cdp.verdict.corsError === null) {
        expect(listed.every((tx) => tx.state === 'done')).toBe(true);
        return;
      }
      expect(listed.some((tx) => tx.netError === 'net::ERR_FAILED')).toBe(true);
    });

    it('a JSON round-trip before any event changes nothing', () => {
      const plain = JSON.stringify(modelStateToJson(state));
      const count = convertAll(fixture).length;
      for (let at = 0; at < count; at++) expect(JSON.stringify(modelStateToJson(reduceFixture(fixture, at).state))).toBe(plain);
    });
  });

  describe('the preflight cache on real sequences', () => {
    const cached = FIXTURES.filter(([, fixture]) => fixture.scenario.group === 'cached');
    it.each(cached)('%s: every request has a preflight, sent or cached, and the cached ones are linked', (_id, fixture) => {
      const { listed } = reduceFixture(fixture);
      expect(listed.every((tx) => tx.preflight !== null)).toBe(true);
      const fromCache = listed.filter((tx) => tx.preflight?.fromCache);
      expect(fromCache).toHaveLength(listed.length - (fixture.hits['OPTIONS'] ?? listed.length));
      for (const tx of fromCache) {
        const origin = listed.find((other) => other.id === tx.preflight?.coveredBy?.transactionId);
        expect(origin?.preflight?.fromCache).toBe(false);
        expect(tx.preflight?.coveredBy?.expiresAt).toBeGreaterThan(tx.startedAt);
      }
    });

    it('three concurrent PUTs: sent preflights pair first come, first served; the others are linked to the cache', () => {
      const fixture = FIXTURES.find(([id]) => id === 'cache-concurrent-3')?.[1];
      expect(fixture).toBeDefined();
      if (!fixture) return;
      // Recorded while the lab answered this preflight at once, so timing let one PUT hit the cache:
      // 2 OPTIONS for 3 PUTs, the mixed case. (The scenario now delays the answer to pin 3 in e2e.)
      const listed = reduceFixture(fixture).listed;
      const sent = listed.filter((tx) => tx.preflight?.fromCache === false);
      const byNumber = (list: readonly (number | undefined)[]) => [...list].sort((x = 0, y = 0) => x - y);
      expect(sent.map((tx) => Number(tx.preflight?.requestId))).toEqual(byNumber(sent.map((tx) => Number(tx.preflight?.requestId))));
      expect(sent.map((tx) => Number(tx.requestId))).toEqual(byNumber(sent.map((tx) => Number(tx.requestId))));
      expect(sent).toHaveLength(fixture.hits['OPTIONS'] ?? -1);
      for (const tx of listed.filter((other) => other.preflight?.fromCache)) {
        expect(sent.map((other) => other.id)).toContain(tx.preflight?.coveredBy?.transactionId);
      }
    });

    it('a cache-max-age-600 recording links the second PUT to the first PUT\'s preflight, expiring 600 s after it', () => {
      const fixture = FIXTURES.find(([id]) => id === 'cache-max-age-600')?.[1];
      expect(fixture).toBeDefined();
      if (!fixture) return;
      const [first, second] = reduceFixture(fixture).listed;
      expect(second?.preflight?.coveredBy).toEqual({ transactionId: first?.id, expiresAt: (first?.preflight?.endedAt ?? NaN) + 600_000 });
    });
  });
});
