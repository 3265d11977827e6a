// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { buildTx, scenarios } from '../fakes/transactions';
import { ConnectionFakeClient, renderPanel } from './panel-harness';
import { nth } from './nth';

afterEach(cleanup);

const rows = (): HTMLElement[] => screen.queryAllByRole('option');
const list = (): HTMLElement => screen.getByRole('listbox', { name: 'Cross-origin requests' });
/** A row's text as a screen reader reads it: "Blocked GET http://… AllowOriginMismatch 200 34 ms". */
const text = (row: Element | undefined): string => [...(row?.children ?? [])].map((cell) => cell.textContent?.trim()).filter(Boolean).join(' ');
const selectedLabel = (): string => text(rows().find((r) => r.getAttribute('aria-selected') === 'true'));

describe('the request list', () => {
  it('shows state, method with its preflight marker, origin and path, CorsError, status and time', () => {
    renderPanel([scenarios.headerNotAllowed(), scenarios.trailingSlash()]);
    const [put, get] = rows();
    expect(text(put)).toBe('Blocked PUT + preflight http://127.0.0.1:4200/api/items HeaderDisallowedByPreflightResponse CORS error 34 ms');
    expect(put?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(put?.getAttribute('title')).toBe('Blocked: PUT with preflight http://127.0.0.1:4200/api/items HeaderDisallowedByPreflightResponse status CORS error 34 ms');
    expect(get?.textContent).toContain('http://127.0.0.1:4200');
    expect(get?.textContent).toContain('/api/items');
    expect(get?.textContent).toContain('AllowOriginMismatch');
    expect(get?.textContent).toContain('200');
    expect(get?.textContent).toContain('34 ms');
  });

  it.each([
    ['Blocked', ['AllowOriginMismatch', 'HeaderDisallowedByPreflightResponse']],
    ['Preflighted', ['HeaderDisallowedByPreflightResponse', 'Warning']],
    ['Warnings', ['Warning']],
  ])('the %s filter', (filter, expected) => {
    renderPanel([scenarios.allowed(), scenarios.trailingSlash(), scenarios.headerNotAllowed(), scenarios.authorizationWildcard()]);
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${filter}`) }));
    expect(screen.getByRole('button', { name: new RegExp(`^${filter}`) }).getAttribute('aria-pressed')).toBe('true');
    const shown = rows().map((r) => text(r));
    expect(shown).toHaveLength(expected.length);
    expected.forEach((word, i) => expect(shown[i]).toContain(word));
  });

  it('searches url, method and error; `/` focuses the search box and Escape clears it', () => {
    renderPanel([scenarios.allowed(), scenarios.trailingSlash(), scenarios.headerNotAllowed()]);
    const search = screen.getByRole('searchbox', { name: /filter requests/i }) as HTMLInputElement;
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
    fireEvent.input(search, { target: { value: 'mismatch' } });
    expect(rows()).toHaveLength(1);
    expect(screen.getByText('1 of 3 requests')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(search.value).toBe('');
    expect(rows()).toHaveLength(3);
  });

  it('moves with ArrowUp/ArrowDown, opens with Enter and closes with Escape', () => {
    renderPanel([scenarios.allowed(), scenarios.trailingSlash(), scenarios.headerNotAllowed()]);
    const box = list();
    box.focus();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(selectedLabel()).toMatch(/^Allowed/);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(selectedLabel()).toMatch(/^Blocked PUT/);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(selectedLabel()).toMatch(/^Blocked GET/);
    expect(box.getAttribute('aria-activedescendant')).toBe(rows()[1]?.id);
    expect(screen.queryByRole('region', { name: 'Request detail' })).toBeNull();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByRole('region', { name: 'Request detail' })).toBeTruthy();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(screen.getByRole('region', { name: 'Request detail' }).textContent).toContain('PUT');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Request detail' })).toBeNull();
  });

  it('renders only the rows in view for 10,000 transactions, and keyboard reaches the last one', () => {
    const templates = [scenarios.allowed(), scenarios.trailingSlash(), scenarios.headerNotAllowed()];
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...nth(templates, i % 3), id: `r${i}` }));
    renderPanel(many);
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(100);
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe('10000');
    const box = list();
    // happy-dom has no layout: give the scroller the sizes a browser would (21px rows, 600px tall).
    Object.defineProperty(box, 'clientHeight', { configurable: true, value: 600 });
    Object.defineProperty(box, 'scrollHeight', { configurable: true, value: 10_000 * 21 });
    fireEvent.keyDown(box, { key: 'End' });
    expect(box.getAttribute('aria-activedescendant')).toBe('cl-row-r9999');
    // A browser fires `scroll` after the list scrolled the selection into view; happy-dom does not.
    act(() => {
      fireEvent.scroll(box);
    });
    expect(document.getElementById('cl-row-r9999')?.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /^Blocked/ }));
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe('6666');
  });

  it('says what to do when there is nothing, and when the filter hides everything', () => {
    renderPanel([]);
    expect(screen.getByText('No cross-origin requests yet. Reload the page or trigger the request.')).toBeTruthy();
    cleanup();
    renderPanel([scenarios.allowed()]);
    fireEvent.click(screen.getByRole('button', { name: /^Blocked/ }));
    expect(screen.getByText('No requests match the filter.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all requests' }));
    expect(rows()).toHaveLength(1);
  });

  it('adds live rows, clears, and toggles preserve log through the client', async () => {
    const { client } = renderPanel([scenarios.allowed()]);
    act(() => client.pushUpsert(buildTx({ id: 'rnew', method: 'DELETE' })));
    expect(rows()).toHaveLength(2);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Preserve log' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    });
    expect(client.calls).toContain('preserve 1 true');
    expect(client.calls).toContain('clear 1');
    expect(rows()).toHaveLength(0);
  });
});

describe('a request the page\'s service worker sent', () => {
  it('is marked with a gear, and its title says who sent it', () => {
    renderPanel([scenarios.allowed(), { ...scenarios.trailingSlash(), tabId: -1 }]);
    const [own, fromWorker] = rows();
    expect(own?.querySelector('.cl-worker-marker')).toBeNull();
    expect(fromWorker?.querySelector('.cl-worker-marker')?.textContent).toBe('⚙ ');
    expect(fromWorker?.getAttribute('title')).toMatch(/\(sent by a service worker of http:\/\/127\.0\.0\.1:4100\)$/);
  });
});

describe('sorting by a column', () => {
  const sortButton = (name: string): HTMLElement => screen.getByRole('button', { name: new RegExp(`^${name}`) });
  const errors = (): string[] => rows().map((r) => r.querySelector('.cl-cell-error')?.textContent ?? '');

  it('sorts by a header click (ascending, descending, capture order), says so, and keys follow the shown order', () => {
    renderPanel([scenarios.allowed(), scenarios.trailingSlash(), scenarios.headerNotAllowed(), scenarios.missingAllowOrigin()]);
    const capture = ['', 'AllowOriginMismatch', 'HeaderDisallowedByPreflightResponse', 'MissingAllowOriginHeader'];
    expect(errors()).toEqual(capture);
    fireEvent.click(sortButton('CORS error'));
    expect(errors()).toEqual(['AllowOriginMismatch', 'HeaderDisallowedByPreflightResponse', 'MissingAllowOriginHeader', '']);
    expect(sortButton('CORS error').textContent).toContain('sorted ascending');
    fireEvent.click(sortButton('CORS error'));
    expect(errors()).toEqual(['MissingAllowOriginHeader', 'HeaderDisallowedByPreflightResponse', 'AllowOriginMismatch', '']);
    expect(sortButton('CORS error').textContent).toContain('sorted descending');
    // The keyboard walks the list as shown.
    const box = list();
    box.focus();
    fireEvent.keyDown(box, { key: 'Home' });
    expect(selectedLabel()).toContain('MissingAllowOriginHeader');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(selectedLabel()).toContain('HeaderDisallowedByPreflightResponse');
    fireEvent.click(sortButton('CORS error'));
    expect(errors()).toEqual(capture);
    expect(sortButton('CORS error').textContent).toBe('CORS error');
  });

  it('puts a live request where the sort says, and sorts by outcome worst first', () => {
    const { client } = renderPanel([scenarios.allowed(), scenarios.connectionRefused()]);
    fireEvent.click(sortButton('Outcome'));
    expect(rows().map((r) => text(r).split(' ')[0])).toEqual(['Network', 'Allowed']);
    act(() => client.pushUpsert({ ...scenarios.trailingSlash(), id: 'rlive' }));
    expect(rows().map((r) => text(r).split(' ')[0])).toEqual(['Blocked', 'Network', 'Allowed']);
  });
});

describe('banners', () => {
  it('says it is reconnecting while the live port is down, and stops when it is back', () => {
    const client = new ConnectionFakeClient(1, [scenarios.allowed()]);
    renderPanel([], { client });
    act(() => client.setConnected(false));
    expect(screen.getByRole('alert').textContent).toBe('Reconnecting to CORS Lens…');
    act(() => client.setConnected(true));
    expect(screen.queryByText('Reconnecting to CORS Lens…')).toBeNull();
  });

  it('shows degraded storage with its message, the evicted count and a paused capture', () => {
    const client = new ConnectionFakeClient(1, [scenarios.allowed()]);
    client.evicted = 1234;
    renderPanel([], { client });
    expect(screen.getByText('1,234 older requests dropped (limit 5,000)')).toBeTruthy();
    act(() => {
      client.persistence = { degraded: true, message: 'QUOTA_BYTES quota exceeded', failedWrites: 3 };
      client.paused = true;
      client.pushStatus();
    });
    expect(screen.getByRole('alert').textContent).toContain('Saving requests failed: QUOTA_BYTES quota exceeded.');
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(client.calls).toContain('paused false');
  });
});

describe('export', () => {
  it('downloads the JSON report (redacted) and a HAR 1.2', async () => {
    const { downloads, client } = renderPanel([scenarios.wildcardWithCredentials()]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export HAR' }));
    // The HAR builder loads on first use.
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(client.calls).toContain('export 1 redact=true');
    expect(downloads.map((d) => d.name)).toEqual(['cors-lens-tab-1-2023-11-14T22-13-20.json', 'cors-lens-tab-1-2023-11-14T22-13-20.har']);
    expect(JSON.parse(downloads[0]?.text ?? '').schema).toBe('cors-lens/report@1');
    const har = JSON.parse(downloads[1]?.text ?? '');
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.version).toBe('9.9.9');
    expect(downloads[1]?.text).not.toContain('s3cr3t');
  });
});
