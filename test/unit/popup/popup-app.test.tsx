// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveUpdate } from '../../../src/messaging/protocol';
import { PopupApp } from '../../../src/popup/popup-app';
import { REASON_WORDS } from '../../../src/popup/reason-words';
import { FakeClient } from '../fakes/fake-client';
import { API, allowedWith, blocked, blockedVerdict } from './transaction-builder';

afterEach(cleanup);

/** Renders the popup for tab 1 and waits until the first snapshot and the tab info are in. */
async function open(client: FakeClient) {
  const view = render(<PopupApp client={client} tabId={1} />);
  await screen.findByRole('heading', { level: 1, name: 'CORS Lens' });
  await waitFor(() => expect(view.container.querySelector('.skeleton')).toBeNull());
  return view;
}

function tile(label: RegExp): string {
  const tiles = screen.getByRole('region', { name: 'This tab' });
  const match = [...tiles.querySelectorAll('.tile')].find((el) => label.test(el.textContent ?? ''));
  return match?.querySelector('.tile__count')?.textContent ?? 'no such tile';
}

const section = (name: string) => screen.getByRole('region', { name });

describe('PopupApp', () => {
  it('shows the blocked and warning counts of the tab', async () => {
    await open(new FakeClient(1, [blocked('MissingAllowOriginHeader'), blocked('AllowOriginMismatch'), allowedWith(['headers-not-exposed'])]));
    expect(tile(/blocked/)).toBe('2');
    expect(tile(/warning/)).toBe('1');
  });

  it('groups blocked requests by reason, in words, with a one-line explanation and a count', async () => {
    await open(new FakeClient(1, [
      blocked('MissingAllowOriginHeader', `${API}/items?page=1`),
      blocked('MissingAllowOriginHeader', `${API}/items?page=2`),
      blocked('MethodDisallowedByPreflightResponse', `${API}/orders`),
    ]));
    const rows = within(section('Blocked, by reason')).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.group__label')?.textContent)).toEqual([
      REASON_WORDS.MissingAllowOriginHeader, REASON_WORDS.MethodDisallowedByPreflightResponse,
    ]);
    expect(rows[0]?.querySelector('.group__count')?.textContent).toBe('2');
    expect(rows[0]?.querySelector('.group__detail')?.textContent).toMatch(/Access-Control-Allow-Origin/);
  });

  it('groups blocked requests by endpoint (origin + path), full URL in the tooltip', async () => {
    await open(new FakeClient(1, [
      blocked('MissingAllowOriginHeader', `${API}/items?page=1`),
      blocked('AllowOriginMismatch', `${API}/items?page=2`),
      blocked('MissingAllowOriginHeader', 'https://other.example/data'),
    ]));
    const rows = within(section('Blocked, by endpoint')).getAllByRole('listitem');
    const labels = rows.map((row) => row.querySelector('.group__label'));
    expect(labels.map((l) => [l?.textContent, l?.getAttribute('title')])).toEqual([
      [`${API}/items`, `${API}/items`], ['https://other.example/data', 'https://other.example/data'],
    ]);
    expect(rows[0]?.querySelector('.group__count')?.textContent).toBe('2');
  });

  it('updates counts and groups live as the background upserts requests', async () => {
    const client = new FakeClient(1, [blocked('MissingAllowOriginHeader')]);
    await open(client);
    client.pushUpsert(blocked('PreflightInvalidStatus'));
    await waitFor(() => expect(tile(/blocked/)).toBe('2'));
    expect(within(section('Blocked, by reason')).getByText(REASON_WORDS.PreflightInvalidStatus)).toBeTruthy();
  });

  it('renders a skeleton until the first snapshot arrives, then the data', async () => {
    const client = new FakeClient(1, [blocked('MissingAllowOriginHeader')]);
    // A worker slow to answer: subscribe returns without a snapshot; the test delivers it later.
    const pending: ((u: LiveUpdate) => void)[] = [];
    client.subscribe = (_tabId, onUpdate) => {
      pending.push(onUpdate);
      return () => undefined;
    };
    const { container } = render(<PopupApp client={client} tabId={1} />);
    expect(container.querySelector('.skeleton')).not.toBeNull();
    expect(screen.getByRole('region', { name: 'This tab' }).getAttribute('aria-busy')).toBe('true');
    await Promise.resolve();
    for (const deliver of pending) deliver({ type: 'snapshot', snapshot: client.snapshot() });
    await waitFor(() => expect(tile(/blocked/)).toBe('1'));
    expect(container.querySelector('.skeleton')).toBeNull();
  });

  it('clears the tab through the client and shows the empty state', async () => {
    const client = new FakeClient(1, [blocked('MissingAllowOriginHeader')]);
    await open(client);
    fireEvent.click(screen.getByRole('button', { name: 'Clear this tab' }));
    await screen.findByText(/None blocked so far/);
    expect(client.calls).toContain('clear 1');
    expect(tile(/blocked/)).toBe('0');
  });

  it('opens the full-window panel for this tab', async () => {
    const client = new FakeClient(1, []);
    await open(client);
    fireEvent.click(screen.getByRole('button', { name: 'Open full panel' }));
    await waitFor(() => expect(client.calls).toContain('open src/panel/index.html?tabId=1'));
  });

  it('pauses and resumes capture, and shows clearly that it is paused', async () => {
    const client = new FakeClient(1, []);
    await open(client);
    fireEvent.click(screen.getByRole('button', { name: 'Pause capture' }));
    const resume = await screen.findByRole('button', { name: 'Resume capture' });
    expect(client.calls).toContain('paused true');
    expect(screen.getByText('Capture paused')).toBeTruthy();
    expect(screen.getByText(/new requests are not recorded/)).toBeTruthy();
    await waitFor(() => expect((resume as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(resume);
    await screen.findByRole('button', { name: 'Pause capture' });
    expect(client.calls).toContain('paused false');
    expect(screen.queryByText('Capture paused')).toBeNull();
  });

  it('says what it watches when nothing is blocked, and points to DevTools', async () => {
    await open(new FakeClient(1, []));
    expect(screen.getByText('Watching cross-origin requests of this tab. None blocked so far.')).toBeTruthy();
    expect(screen.getByText(/DevTools → CORS has the full detail/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Clear this tab' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says in plain words when it cannot see the page', async () => {
    const client = new FakeClient(1, []);
    client.info = { tabId: 1, url: 'chrome://extensions/', title: 'Extensions', capturable: false, exists: true };
    await open(client);
    expect(screen.getByText('CORS Lens cannot see this page.')).toBeTruthy();
    expect(screen.getByText(/Chrome Web Store/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'This tab' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Clear this tab' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('notes degraded storage and evicted requests', async () => {
    const client = new FakeClient(1, [blocked('MissingAllowOriginHeader')]);
    client.persistence = { degraded: true, message: 'QUOTA_BYTES quota exceeded', failedWrites: 3 };
    client.evicted = 40;
    await open(client);
    expect(screen.getByText(/could not save this log/)).toBeTruthy();
    expect(screen.getByText(/QUOTA_BYTES quota exceeded/)).toBeTruthy();
    expect(screen.getByText(/40 older requests were dropped/)).toBeTruthy();
  });

  it('says so when an action fails (the worker did not answer)', async () => {
    const client = new FakeClient(1, [blocked('MissingAllowOriginHeader')]);
    client.clear = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await open(client);
    fireEvent.click(screen.getByRole('button', { name: 'Clear this tab' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not clear this tab: Could not establish connection/);
  });

  it('renders hostile URLs and header values as text, never as markup', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1"><b>bold</b>';
    const client = new FakeClient(1, [
      blocked('AllowOriginMismatch', hostile, { verdict: blockedVerdict('AllowOriginMismatch', { actual: hostile, summary: hostile }) }),
    ]);
    const { container } = await open(client);
    expect(container.querySelector('img, b, script')).toBeNull();
    const endpoint = within(section('Blocked, by endpoint')).getByText(hostile);
    expect(endpoint.getAttribute('title')).toBe(hostile);
    expect(within(section('Blocked, by reason')).getByText((text) => text.includes(hostile))).toBeTruthy();
  });
});
