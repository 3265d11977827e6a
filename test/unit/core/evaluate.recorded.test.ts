/**
 * The engine against REAL Chromium 156 decisions: each recorded lab scenario
 * (test/fixtures/webrequest/<scenario>.json) holds the webRequest events the extension saw and what
 * CDP reported (Network.loadingFailed corsErrorStatus). Events go through the real capture
 * conversion and model, then evaluate(); the verdict must equal Chromium's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertDetails } from '../../../src/background/convert-details';
import type { WebRequestDetailsLike, WebRequestEventName } from '../../../src/background/convert-details';
import { evaluate } from '../../../src/core/index';
import type { Verdict } from '../../../src/core/index';
import type { CaptureEvent, Transaction } from '../../../src/core/model';
import { applyEvent, createModelState, listTransactions, toObserved } from '../../../src/core/model';

const DIR = fileURLToPath(new URL('../../fixtures/webrequest/', import.meta.url));

interface CdpRequest {
  readonly url: string;
  readonly urls?: readonly string[];
  readonly isPreflight: boolean;
  readonly failed?: { readonly errorText: string; readonly corsError?: string; readonly failedParameter?: string } | null;
}

interface Fixture {
  readonly scenario: {
    readonly id: string;
    readonly group: string;
    readonly fire: { readonly readHeader?: string };
    readonly expect: { readonly readHeader?: string | null };
  };
  readonly hits?: Readonly<Record<string, number>>;
  readonly cdp: { readonly requests: readonly CdpRequest[] };
  readonly events: readonly (WebRequestDetailsLike & { readonly event: WebRequestEventName })[];
}

const FIXTURES: readonly [string, Fixture][] = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(DIR + file, 'utf8')) as Fixture]);

/** Each listed transaction with its verdict and the CDP record of the same request (matched by URL, in order). */
function judge(fixture: Fixture): { tx: Transaction; verdict: Verdict; cdp: CdpRequest | undefined }[] {
  const state = createModelState();
  const ctx = { evaluate };
  for (const raw of fixture.events) {
    const event = convertDetails(raw.event, raw);
    if (event !== null) applyEvent(state, event as CaptureEvent, ctx);
  }
  const listed = Object.values(state.tabs).flatMap((tab) => listTransactions(state, tab.tabId));
  const pending = fixture.cdp.requests.filter((r) => !r.isPreflight);
  return listed.map((tx) => {
    const verdict = evaluate(toObserved(tx));
    // Cache-only probes (net::ERR_CACHE_MISS) never reach CDP's list of failures.
    const index = verdict.outcome === 'not-cors' && tx.netError === 'net::ERR_CACHE_MISS' ? -1 : pending.findIndex((r) => (r.urls?.[0] ?? r.url) === tx.url || r.url === tx.url);
    const cdp = index === -1 ? undefined : pending.splice(index, 1)[0];
    return { tx, verdict, cdp };
  });
}

describe('evaluate() agrees with Chromium 156 on every recorded scenario', () => {
  it('has recordings', () => {
    expect(FIXTURES.length).toBeGreaterThan(50);
  });

  describe.each(FIXTURES)('%s', (_id, fixture) => {
    const judged = judge(fixture);

    it('same CorsError and failedParameter as CDP; blocked only when Chromium blocked', () => {
      // The model lists cross-origin requests only; a same-origin scenario leaves nothing to judge.
      if (judged.length === 0) expect(fixture.scenario.group).toBe('not-cors');
      for (const { tx, verdict, cdp } of judged) {
        if (cdp === undefined) {
          expect(tx.netError).toBe('net::ERR_CACHE_MISS');
          continue;
        }
        const failed = cdp.failed ?? null;
        expect(verdict.corsError).toBe(failed?.corsError ?? null);
        if (failed?.corsError) {
          expect(verdict.outcome).toBe('blocked');
          expect(verdict.failedParameter).toBe(failed.failedParameter ?? '');
        } else if (failed) {
          expect(['network-error', 'not-cors']).toContain(verdict.outcome);
        } else {
          expect(['allowed', 'not-cors']).toContain(verdict.outcome);
        }
        if (fixture.scenario.group === 'not-cors') expect(verdict.outcome).toBe('not-cors');
      }
    });

    const readHeader = fixture.scenario.fire.readHeader;
    if (readHeader !== undefined) {
      it(`flags ${readHeader} as not exposed exactly when script could not read it`, () => {
        const hidden = judged.flatMap(({ verdict }) => verdict.findings.filter((f) => f.code === 'headers-not-exposed').flatMap((f) => f.subjects ?? []));
        expect(hidden.includes(readHeader.toLowerCase())).toBe(fixture.scenario.expect.readHeader === null);
      });
    }
  });

  it('a request that went out without its own preflight is credited to the preflight cache', () => {
    const [, fixture] = FIXTURES.find(([id]) => id === 'cache-max-age-600') ?? [];
    expect(fixture).toBeDefined();
    if (!fixture) return;
    const verdicts = judge(fixture).map(({ verdict }) => verdict);
    expect(verdicts.map((v) => v.preflight.fromCache)).toEqual([false, true]);
    expect(verdicts[0]?.findings.find((f) => f.code === 'preflight-cache')?.maxAgeSeconds).toBe(600);
  });

  it('Authorization covered by ACAH * passes with the deprecation warning', () => {
    const [, fixture] = FIXTURES.find(([id]) => id === 'pf-authorization-wildcard') ?? [];
    expect(fixture).toBeDefined();
    if (!fixture) return;
    const verdicts = judge(fixture).map(({ verdict }) => verdict);
    expect(verdicts.every((v) => v.outcome === 'allowed')).toBe(true);
    expect(verdicts.some((v) => v.findings.some((f) => f.code === 'authorization-covered-by-wildcard'))).toBe(true);
  });
});
