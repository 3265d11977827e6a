/**
 * Worker death: 2,000 cross-origin requests from the lab page (passing, blocked, preflighted and
 * passing, preflight failing, preflight passing then blocked), about 70 a second, while CORS Lens's
 * service worker is stopped every 300 ms (ServiceWorker.stopAllWorkers, as Chrome does under memory
 * pressure, only far more often).
 *
 * What a forced stop costs is measured, not assumed: a stop discards the webRequest events already
 * queued inside the worker, so some events never reach CORS Lens, and how many depends on how busy
 * the worker is. To tell Chrome's loss from CORS Lens's, the test loads a copy of dist/ whose worker
 * first imports a delivery probe: it records each event CORS Lens's listener handled once CORS Lens
 * has handed it to storage (see DELIVERY_PROBE). Then, against Chromium's own record of every
 * request (CDP) and the lab server's hits:
 * - every main request any of whose events reached CORS Lens is in the export exactly once (one
 *   whose onBeforeRequest was lost starts from the first event that arrived, late-start.ts, and
 *   says so: `missedStart`);
 * - every main request whose events (and its preflight's) all reached CORS Lens has Chromium's
 *   verdict and, when a preflight went out, that preflight paired with it;
 * - no transaction is listed twice, and no row appears for a request Chromium did not make, unless
 *   the event that would have told (the preflight's onSendHeaders) never arrived;
 * - at most MAX_INCOMPLETE of the requests lose an event at all (a regression bound: see its comment).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/server';
import { openLabPage, verdictOf } from '../support/run-lab-scenarios';
import { disagreement } from '../support/compare-verdicts';
import { cdpRecorder, type CdpRecorder, type CdpRequest } from '../support/cdp-recorder';
import { DIST_DIR, exportReport } from '../support/cors-lens-session';
import { launchBrowser, type LaunchedBrowser } from '../support/launch';
import type { ReportTransactionV1, ReportV1 } from '../../src/core/report';

const TOTAL = 2000;
const STOP_EVERY_MS = 300;
/** Requests fired at once by the page, and its pause after each (about 70 requests a second). */
const CONCURRENCY = 6;
const PAUSE_MS = 2;
/**
 * The share of requests allowed to lose any webRequest event to a forced stop: a regression bound,
 * not the goal. Measured on this machine (2 shared cores, load 4-10 from other jobs) with this probe,
 * traffic and stop schedule (the share moves with the request rate the loaded machine allows, so
 * each figure is several runs):
 * - a trivial worker (the same listeners, one storage.session write per event): 4.3-6.4 %;
 * - CORS Lens before the 2026-11-22 changes: 16-37 % (median 22 %, 5 runs); it spent each short
 *   life unpacking and re-judging every stored transaction and writing each event on its own;
 * - CORS Lens now (writes coalesced while one is on its way, listed transactions and their verdicts
 *   unpacked when first read, badge updates coalesced, no polyfill): 19-23 % (median 20 %, 5 runs,
 *   load 4-7); 10-27 % over 16 runs of the intermediate steps. The spread between runs is the
 *   machine's, and it is as wide as the gain: a profile of the worker under stops puts applying
 *   events to the model and judging them at a third of its busy time, Chrome's delivery at a fifth;
 * - with the engine 2.2x faster as well: 11.1-21.6 % (median 14.2 %, 7 runs, load 1.8-5);
 * - with storage writes at least 16 ms apart and checkpoints after a burst (2026-11-22, session
 *   5): 14.1 % and 15.7 %, against 23.1 % and 21.0 % for the build before, alternating runs at
 *   load 7-9 (requests of which nothing arrived: 4.4 % and 5.1 % against 14.2 % and 10.6 %). Fewer
 *   writes leave the worker less busy, and a busy worker is what a stop takes events from.
 * Issue 7 stays open for the trivial worker's figure.
 */
const MAX_INCOMPLETE = 0.35;
/**
 * The share of requests of which no event at all reached CORS Lens, so that it cannot list them: a
 * regression bound. Since requests start from their first event that arrived (late-start.ts), a
 * request is missing from the export only when Chrome discarded every one of its events. Measured
 * (2026-11-22, this file alone, load 8-10 from parallel jobs): 1.8 %, 5.4 %, 3.1 % (3 runs); in the
 * whole e2e suite at load 9: 10.5 % (20 % of the requests lost some event in that run). Like the
 * share below, it follows the machine's load. Before late starts, every request that lost its
 * onBeforeRequest was missing too.
 */
const MAX_UNSEEN = 0.2;
/**
 * The share of the requests the probe saw start late whose export does not say so (at least 2 may).
 * The probe's record can be short of what CORS Lens wrote: its write follows CORS Lens's, and a stop
 * can take the one and not the other. Then a request CORS Lens saw from its start looks started
 * late. Where the export holds request headers the probe did not record, that is proven and not
 * counted here; where the request sent none (a failed preflight) or they were lost too, it cannot
 * be told. Measured (2026-11-22, 15 runs, load 3-5, 40-107 late starts each): none in 8 runs; 1, 1,
 * 1, 1, 2 and 2 in six; 7 of 85 in one run that also had 4 proven (0-3 proven in the others). The
 * probe's losses come in bursts (one lost write holds the events of several requests). A CORS Lens
 * that did not mark late starts at all would leave nearly all of them unmarked.
 */
const MAX_UNMARKED_LATE_STARTS = 0.1;

/** The traffic: scenario, method, and how many of every 20 requests. */
const MIX = [
  { id: 'acao-wildcard', method: 'GET', weight: 8 },
  { id: 'acao-missing', method: 'GET', weight: 6 },
  { id: 'pf-ok', method: 'PUT', weight: 3 },
  { id: 'pf-status-401', method: 'PUT', weight: 2 },
  { id: 'pf-actual-missing-acao', method: 'PUT', weight: 1 },
] as const;

/**
 * Recorded per event CORS Lens's listener handled: [event, requestId, method, url]. An event counts
 * as received once CORS Lens has handed it to storage, not merely once its listener returned: the
 * probe wraps chrome.storage.session.set and records, with each of CORS Lens's writes, the events
 * its listener handled before that write (every write carries all pending log records, see
 * session-cache.ts). So an event the worker took in but had not written yet when it was stopped
 * counts as lost, like one Chrome discarded. One storage.local write per CORS Lens write keeps the
 * probe's own cost small next to the worker it measures.
 */
const DELIVERY_PROBE = `
const NAMES = ['onBeforeRequest', 'onBeforeSendHeaders', 'onSendHeaders', 'onHeadersReceived', 'onBeforeRedirect', 'onResponseStarted', 'onCompleted', 'onErrorOccurred'];
const boot = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
let n = 0;
let handled = [];
const session = chrome.storage.session;
const set = session.set.bind(session);
session.set = (...args) => {
  const written = set(...args);
  if (handled.length > 0) {
    const records = {};
    for (const delivery of handled) records['rcv:' + boot + ':' + (++n)] = delivery;
    handled = [];
    chrome.storage.local.set(records);
  }
  return written;
};
for (const name of NAMES) {
  const event = chrome.webRequest[name];
  const add = event.addListener.bind(event);
  event.addListener = (listener, filter, extra) => add((details) => {
    listener(details);
    if (details.url.includes('?n=wd')) handled.push([name, details.requestId, details.method, details.url]);
  }, filter, extra);
}
`;

type Delivery = readonly [event: string, requestId: string, method: string, url: string];

interface Run {
  readonly requests: CdpRequest[];
  readonly report: ReportV1;
  readonly deliveries: readonly Delivery[];
  readonly stops: number;
  readonly fireMs: number;
}

let browser: LaunchedBrowser;
let probedDir: string;
let lab: Lab;
let run: Run;

/** dist/ copied, with the delivery probe imported first by the worker's loader. */
async function probedDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cors-lens-probed-'));
  await cp(DIST_DIR, dir, { recursive: true });
  await writeFile(join(dir, 'delivery-probe.js'), DELIVERY_PROBE);
  const loader = await readFile(join(dir, 'service-worker-loader.js'), 'utf8');
  await writeFile(join(dir, 'service-worker-loader.js'), `import './delivery-probe.js';\n${loader}`);
  return dir;
}

function plan(): { url: string; method: string }[] {
  const wheel = MIX.flatMap((m) => Array.from({ length: m.weight }, () => m));
  return Array.from({ length: TOTAL }, (_, i) => {
    const m = wheel[i % wheel.length] ?? MIX[0];
    return { url: `${lab.origins.apiA}/s/${m.id}?n=wd${i}`, method: m.method };
  });
}

/** Fires the plan from the page while stopping every service worker every STOP_EVERY_MS. */
async function fireWhileStopping(page: Page, cdp: CDPSession): Promise<{ stops: number; fireMs: number }> {
  let firing = true;
  let stops = 0;
  const stopper = (async () => {
    while (firing) {
      await new Promise((resolve) => setTimeout(resolve, STOP_EVERY_MS));
      if (!firing) return;
      await cdp.send('ServiceWorker.stopAllWorkers');
      stops++;
    }
  })();
  const started = Date.now();
  await page.evaluate(async ([list, concurrency, pauseMs]) => {
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let item = list[next++]; item; item = list[next++]) {
        await fetch(item.url, item.method === 'PUT' ? { method: 'PUT', body: 'x' } : {}).then((r) => r.arrayBuffer(), () => undefined);
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }, [plan(), CONCURRENCY, PAUSE_MS] as const);
  const fireMs = Date.now() - started;
  firing = false;
  await stopper;
  return { stops, fireMs };
}

/** The export once it stops changing (lost terminal events leave some requests pending forever). */
async function settledExport(extensionPage: Page, tabId: number): Promise<ReportV1> {
  let last = -1;
  for (let round = 0; round < 30; round++) {
    const report = await exportReport(extensionPage, tabId, { timeoutMs: 0 });
    const settled = report.transactions.filter((t) => t.verdict !== null).length;
    if (settled === last && report.transactions.length >= settled) return report;
    last = settled;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return exportReport(extensionPage, tabId, { timeoutMs: 0 });
}

describe('a service worker stopped every 300 ms during 2,000 requests', () => {
  beforeAll(async () => {
    lab = await startLab();
    probedDir = await probedDist();
    browser = await launchBrowser({ extensionDir: probedDir });
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId ?? ''}/src/panel/index.html?tabId=-1`);
    const cdp = await browser.context.newCDPSession(extensionPage);
    await cdp.send('ServiceWorker.enable');
    const page = await browser.context.newPage();
    await openLabPage(page, lab);
    const recorder: CdpRecorder = await cdpRecorder(page);
    const { stops, fireMs } = await fireWhileStopping(page, cdp);
    const requests = await recorder.waitForSettled((url) => url.includes('?n=wd'), { count: TOTAL, timeoutMs: 30_000 });
    const tabs = await extensionPage.evaluate(() => chrome.tabs.query({}));
    const tabId = tabs.find((t) => t.url?.startsWith(lab.pageUrl))?.id ?? -2;
    const report = await settledExport(extensionPage, tabId);
    const deliveries = await extensionPage.evaluate(async () =>
      Object.entries(await chrome.storage.local.get(null)).filter(([key]) => key.startsWith('rcv:')).map(([, value]) => value as Delivery));
    run = { requests, report, deliveries, stops, fireMs };
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.close();
    if (probedDir) await rm(probedDir, { recursive: true, force: true });
  });

  it('stopped the worker every few hundred milliseconds while Chromium made all 2,000 requests', () => {
    const main = run.requests.filter((r) => !r.isPreflight);
    expect(main).toHaveLength(TOTAL);
    expect(run.stops).toBeGreaterThanOrEqual(Math.floor(run.fireMs / STOP_EVERY_MS / 2));
  });

  it('keeps every request it received exactly once, with Chromium’s verdict and its preflight when nothing was lost', () => {
    const result = judge(run, lab);
    const kinds: Record<string, number> = {};
    for (const problem of result.problems) {
      const kind = problem.replace(/^\S+: /, '').replace(/\(.*$/, '').replace(/; exported .*$/, '').slice(0, 60);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    console.log(`worker death: ${JSON.stringify(result.numbers)}; problems by kind: ${JSON.stringify(kinds)}`);
    expect(result.problems.slice(0, 25), `${result.problems.length} problems ${JSON.stringify(kinds)}; ${JSON.stringify(result.numbers)}`).toEqual([]);
  });

  it(`lists all but at most ${MAX_UNSEEN * 100} % of the requests: those Chrome discarded every event of`, () => {
    const { numbers } = judge(run, lab);
    expect(numbers.notReceived / TOTAL, JSON.stringify(numbers)).toBeLessThanOrEqual(MAX_UNSEEN);
    expect(numbers.exported).toBeGreaterThanOrEqual(numbers.received);
  });

  it('says of the requests whose start it never received that it saw them only in part', () => {
    const { numbers } = judge(run, lab);
    expect(numbers.startedLate, 'no request lost its start: nothing to check').toBeGreaterThan(0);
    expect(numbers.lateStartsMarked + numbers.lateStartsProbeShort + numbers.lateStartsUnmarked.length).toBe(numbers.startedLate);
    const bound = Math.max(2, Math.ceil(MAX_UNMARKED_LATE_STARTS * numbers.startedLate));
    expect(numbers.lateStartsUnmarked.length, numbers.lateStartsUnmarked.join('; ')).toBeLessThanOrEqual(bound);
  });

  it(`loses an event of at most ${MAX_INCOMPLETE * 100} % of the requests to forced stops`, () => {
    const { numbers } = judge(run, lab);
    expect(numbers.incomplete / TOTAL, JSON.stringify(numbers)).toBeLessThanOrEqual(MAX_INCOMPLETE);
  });
});

/** The events each request must have delivered to count as complete. */
function required(lab: Lab, request: CdpRequest): { main: string[]; preflight: string[] } {
  const nonce = new URL(request.url).searchParams.get('n') ?? '';
  const hits = lab.hits({ nonce });
  const sent = hits.some((hit) => !hit.preflight);
  const preflighted = hits.some((hit) => hit.preflight);
  return {
    main: ['onBeforeRequest', ...(sent ? ['onSendHeaders', 'onHeadersReceived'] : []), request.failed ? 'onErrorOccurred' : 'onCompleted'],
    preflight: preflighted ? ['onBeforeRequest', 'onSendHeaders', 'onHeadersReceived', 'onCompleted'] : [],
  };
}

interface Numbers {
  requests: number;
  /** Some event of the request itself (not of its preflight) reached CORS Lens. */
  received: number;
  /** Of those, requests whose onBeforeRequest did not: started from a later event. */
  startedLate: number;
  /** Some event of the request or its preflight never reached CORS Lens. */
  incomplete: number;
  notReceived: number;
  complete: number;
  exported: number;
  stops: number;
  fireMs: number;
  /** OPTIONS rows listed because the preflight's onSendHeaders was lost. */
  orphanPreflightRows: number;
  /**
   * Of `startedLate`: those whose export says so (missedStart); those the probe's record is proven
   * short of (exported with request headers it did not record); the others.
   */
  lateStartsMarked: number;
  lateStartsProbeShort: number;
  lateStartsUnmarked: string[];
}

function judge(current: Run, lab: Lab): { problems: string[]; numbers: Numbers } {
  const delivered = new Map<string, Set<string>>();
  for (const [event, , method, url] of current.deliveries) {
    const key = `${method === 'OPTIONS' ? 'OPTIONS' : 'main'} ${url}`;
    delivered.set(key, (delivered.get(key) ?? new Set()).add(event));
  }
  const exported = new Map<string, ReportTransactionV1[]>();
  for (const tx of current.report.transactions) exported.set(`${tx.method} ${tx.url}`, [...(exported.get(`${tx.method} ${tx.url}`) ?? []), tx]);
  const problems: string[] = [];
  const numbers: Numbers = { requests: 0, received: 0, startedLate: 0, incomplete: 0, notReceived: 0, complete: 0, exported: current.report.transactions.length, stops: current.stops, fireMs: current.fireMs, orphanPreflightRows: 0, lateStartsMarked: 0, lateStartsProbeShort: 0, lateStartsUnmarked: [] };
  const main = current.requests.filter((r) => !r.isPreflight);
  for (const request of main) {
    numbers.requests++;
    const need = required(lab, request);
    const got = delivered.get(`main ${request.url}`) ?? new Set<string>();
    const gotPreflight = delivered.get(`OPTIONS ${request.url}`) ?? new Set<string>();
    const ours = exported.get(`${request.method} ${request.url}`) ?? [];
    const complete = need.main.every((e) => got.has(e)) && need.preflight.every((e) => gotPreflight.has(e));
    if (!complete) numbers.incomplete++;
    if (got.size === 0) {
      numbers.notReceived++;
      if (ours.length > 1) problems.push(`${request.url}: exported ${ours.length} times`);
      continue;
    }
    numbers.received++;
    if (!got.has('onBeforeRequest')) numbers.startedLate++;
    if (ours.length !== 1) {
      problems.push(`${request.url}: received (${[...got].join(',')}) but exported ${ours.length} times`);
      continue;
    }
    // The panel tells the user which requests it saw only part of (Transaction.missedStart).
    if (!got.has('onBeforeRequest')) {
      if (ours[0]?.missedStart) numbers.lateStartsMarked++;
      // Request headers the probe never saw arrive: its record is short (see MAX_UNMARKED_LATE_STARTS).
      else if (ours[0]?.requestHeaders && !got.has('onSendHeaders')) numbers.lateStartsProbeShort++;
      else numbers.lateStartsUnmarked.push(`${request.url} (received ${[...got].join(',')})`);
    }
    if (!complete) continue;
    numbers.complete++;
    const tx = ours[0];
    const wrong = disagreement(verdictOf(request), tx);
    if (wrong) problems.push(`${request.url}: ${wrong}; exported ${JSON.stringify({ ...tx, verdict: tx?.verdict ? { ...tx.verdict, summary: undefined } : null })}`);
    if (need.preflight.length > 0 && (!tx?.preflight || tx.preflight.fromCache || tx.preflight.status === null)) {
      problems.push(`${request.url}: its preflight is not paired (${JSON.stringify(tx?.preflight?.status)})`);
    }
  }
  const made = new Set(main.map((r) => `${r.method} ${r.url}`));
  for (const [key, list] of exported) {
    if (made.has(key)) continue;
    const [method, url] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
    // An OPTIONS row for a URL Chromium preflighted: its onSendHeaders (which shows
    // Access-Control-Request-Method) never arrived, so nothing told CORS Lens it was a preflight.
    if (method === 'OPTIONS' && !(delivered.get(`OPTIONS ${url}`) ?? new Set()).has('onSendHeaders')) numbers.orphanPreflightRows += list.length;
    else problems.push(`${key}: exported ${list.length} time(s), but Chromium made no such request`);
  }
  if (new Set(current.report.transactions.map((t) => t.id)).size !== current.report.transactions.length) problems.push('transaction ids are not unique');
  return { problems, numbers };
}
