/**
 * Requests a page's service worker sends reach webRequest with no tab (tabId -1). They are listed in
 * the tab showing a page of their initiator's origin (worker-home.ts), keep tabId -1 (the UI marks
 * them), count in that tab, and stay where they started.
 */
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../../../src/core/model';
import { NO_TAB } from '../../../../src/core/model';
import { ALLOW_ALL, API, OTHER, PAGE, createWire, only, run, type RequestSpec } from './wire';

const ACAO = [['Access-Control-Allow-Origin', PAGE]] as const;
const SENT = [['Origin', PAGE], ['Accept', '*/*']] as const;
const page = (tabId: number, url: string, at: number): CaptureEvent => ({ kind: 'page', tabId, url, at });

/** A whole GET the page's service worker sends (no tab, no frame, no document). */
function workerGet(id: string, blocked = false, initiator = PAGE): CaptureEvent[] {
  const wire = createWire(1_700_000_000_000 + Number(id) * 100);
  const spec: RequestSpec = { id, url: `${API}/${id}`, tabId: NO_TAB, frameId: -1, documentId: null, initiator };
  return [wire.beforeRequest(spec), ...wire.exchange(spec, SENT, 200, blocked ? [] : ACAO, blocked)];
}

const NAVIGATE_TAB_1 = createWire(1_600_000_000_000).navigation(1, 'nav1', `${PAGE}/app`);

describe('a request of the page\'s service worker', () => {
  it('is listed, judged and counted in the tab showing its origin, keeping tabId -1', () => {
    const result = run([NAVIGATE_TAB_1, ...workerGet('1', true), ...workerGet('2')]);
    const [blocked, allowed] = result.list(1);
    expect(blocked).toMatchObject({ id: 'r1', tabId: NO_TAB, initiator: PAGE, state: 'done' });
    expect(blocked?.verdict?.outcome).toBe('blocked');
    expect(allowed?.verdict?.outcome).toBe('allowed');
    expect(result.state.tabs['1']?.counts.blocked).toBe(1);
    expect(result.list(NO_TAB)).toEqual([]);
    // Every change names the tab, so its badge, its stored state and its open panels follow.
    expect(result.changes.filter((c) => c.upserted.length > 0).every((c) => c.tabId === 1)).toBe(true);
  });

  it('pairs its preflight in that tab too', () => {
    const wire = createWire(1_700_000_000_000);
    const spec: RequestSpec = { id: '5', url: `${API}/5`, method: 'PUT', tabId: NO_TAB, frameId: -1, documentId: null };
    // As Chromium sends them: the request starts, its preflight runs, then the request goes out.
    const events = [wire.beforeRequest(spec), ...wire.preflight(spec, 'p5', 'PUT', null, 204, ALLOW_ALL), ...wire.exchange(spec, SENT, 200, ACAO)];
    const tx = only(run([NAVIGATE_TAB_1, ...events]).list(1));
    expect(tx.preflight).toMatchObject({ requestId: 'p5', status: 204, fromCache: false });
  });

  it('stays without a tab when no tab shows its origin (another site\'s worker, an extension)', () => {
    const result = run([NAVIGATE_TAB_1, ...workerGet('1', true, OTHER), ...workerGet('2', false, 'chrome-extension://abc')]);
    expect(result.list(1)).toEqual([]);
    expect(result.list(NO_TAB).map((tx) => tx.id)).toEqual(['r1', 'r2']);
  });

  it('goes to the tab a page event put on its origin (a page its service worker served: no main_frame request)', () => {
    const result = run([page(7, `${PAGE}/inbox`, 1_600_000_000_000), ...workerGet('1', true)]);
    expect(only(result.list(7))).toMatchObject({ id: 'r1', tabId: NO_TAB });
  });

  it('goes to the tab that showed the origin last, when several do; a tab gone elsewhere no longer counts', () => {
    const events = [page(2, `${PAGE}/a`, 1_600_000_000_001), page(3, `${PAGE}/b`, 1_600_000_000_002), ...workerGet('1')];
    expect(run(events).list(3).map((tx) => tx.id)).toEqual(['r1']);
    const moved = run([...events.slice(0, 2), page(3, `${OTHER}/`, 1_600_000_000_003), ...workerGet('1')]);
    expect(moved.list(2).map((tx) => tx.id)).toEqual(['r1']);
    expect(moved.list(3)).toEqual([]);
    // A reload (a main-frame navigation) makes a tab the site's latest again; a page event of the same site does not.
    const reloaded = run([...events.slice(0, 2), createWire(1_600_000_000_010).navigation(2, 'nav2', `${PAGE}/a`), page(3, `${PAGE}/b#x`, 1_600_000_000_020), ...workerGet('1')]);
    expect(reloaded.list(2).map((tx) => tx.id)).toEqual(['r1']);
  });

  it('stays in the tab it started in when that tab moves on mid-request, and where it started when a tab comes later', () => {
    const [start, ...rest] = workerGet('1', true);
    const movedOn = run([NAVIGATE_TAB_1, start as CaptureEvent, page(1, `${OTHER}/`, 1_700_000_000_050), ...rest]);
    expect(only(movedOn.list(1)).verdict?.outcome).toBe('blocked');
    const cameLater = run([start as CaptureEvent, NAVIGATE_TAB_1, ...rest]);
    expect(only(cameLater.list(NO_TAB)).verdict?.outcome).toBe('blocked');
    expect(cameLater.list(1)).toEqual([]);
  });

  it('a page event changes nothing listed; a repeated one (same origin) is not a change at all', () => {
    const result = run([page(4, `${PAGE}/a`, 1), page(4, `${PAGE}/b`, 2), page(4, 'chrome://newtab/', 3), page(5, 'about:blank', 4)]);
    expect(result.changes.map((c) => [c.tabId, c.upserted.length, c.removed.length])).toEqual([[4, 0, 0], [null, 0, 0], [4, 0, 0], [null, 0, 0]]);
    expect(result.state.tabs['4']?.pageOrigin).toBeNull();
    expect(result.state.tabs['5']).toBeUndefined();
  });
});
