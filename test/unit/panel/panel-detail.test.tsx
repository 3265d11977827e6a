// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { explain } from '../../../src/core/advice';
import { toObserved, type Transaction } from '../../../src/core/model';
import { API, buildTx, h, PAGE, scenarios } from '../fakes/transactions';
import { MemoryStore, NOW, renderPanel } from './panel-harness';
import { nth } from './nth';

afterEach(cleanup);

/** Picks an option as a user does. (@testing-library/preact's fireEvent.change dispatches `input`.) */
function choose(select: HTMLElement, value: string): void {
  act(() => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function openDetail(transactions: Transaction[], index = 0, options: Parameters<typeof renderPanel>[1] = {}) {
  const harness = renderPanel(transactions, options);
  fireEvent.click(nth(screen.getAllByRole('option'), index));
  return { ...harness, detail: screen.getByRole('region', { name: 'Request detail' }) };
}

describe('headline', () => {
  it.each([
    ['trailingSlash', scenarios.trailingSlash, 'AllowOriginMismatch'],
    ['portMismatch', scenarios.portMismatch, 'AllowOriginMismatch'],
    ['wildcardWithCredentials', scenarios.wildcardWithCredentials, 'WildcardOriginNotAllowed'],
    ['headerNotAllowed', scenarios.headerNotAllowed, 'HeaderDisallowedByPreflightResponse'],
    ['missingAllowOrigin', scenarios.missingAllowOrigin, 'MissingAllowOriginHeader'],
  ])('%s: the explanation title and the CorsError', (_name, make, corsError) => {
    const tx = make();
    const { detail } = openDetail([tx]);
    if (tx.verdict === null) throw new Error('fixture without a verdict');
    const title = explain(tx.verdict, toObserved(tx)).title;
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toContain(title);
    expect(within(detail).getByText(corsError)).toBeTruthy();
    expect(within(detail).queryByTestId('root-cause')).toBeNull();
  });

  it.each([
    ['a 502 without CORS headers', scenarios.gateway502, 'Not really CORS: the server answered 502 without CORS headers. Fix the 502 first.'],
    ['a 401 on OPTIONS', scenarios.preflight401, 'Not really CORS: the server rejected the preflight (OPTIONS) with 401.'],
    ['a refused connection', scenarios.connectionRefused, 'Not CORS: the connection failed (net::ERR_CONNECTION_REFUSED)'],
  ])('%s comes first, before the CORS title', (_name, make, text) => {
    const { detail } = openDetail([make()]);
    const cause = within(detail).getByTestId('root-cause');
    expect(cause.textContent).toContain(text);
    const heading = within(detail).getByRole('heading', { level: 2 });
    expect(cause.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('a request whose start never reached CORS Lens', () => {
  it.each([
    ['headers-received', 'at its response', 'the headers it sent and any preflight before it'],
    ['send-headers', 'when its headers went out', 'any preflight sent before it'],
    ['error', 'when it failed', 'the headers it sent, its response and any preflight before it'],
  ])('says it was first seen at its %s, what is unknown, and marks its duration as a lower bound', (firstEvent, when, unknown) => {
    const tx: Transaction = { ...scenarios.trailingSlash(), missedStart: { firstEvent } };
    const { detail } = openDetail([tx]);
    const note = within(detail).getByRole('note');
    expect(note.textContent).toContain(`first saw this request ${when}`);
    expect(note.textContent).toContain(`so ${unknown} did not reach it`);
    const row = nth(screen.getAllByRole('option'), 0);
    expect(row.textContent).toMatch(/≥ \d/);
    expect(row.getAttribute('title')).toContain('partly captured');
  });

  it('says nothing of the kind for a request captured whole', () => {
    const { detail } = openDetail([scenarios.trailingSlash()]);
    expect(within(detail).queryByTestId('missed-start')).toBeNull();
    expect(nth(screen.getAllByRole('option'), 0).textContent).not.toContain('≥');
  });
});

describe('origin comparison', () => {
  // "mark:value" per cell of a row, e.g. "diff:4300" (the value as shown, without the marker symbol or hidden note).
  const marked = (detail: HTMLElement, row: string) =>
    [...detail.querySelectorAll(`tr[data-row="${row}"] td`)].map((td) => `${td.getAttribute('data-marked') ?? '-'}:${td.querySelector('.cl-value')?.textContent ?? td.textContent}`);

  it('highlights the port when ACAO names another port, default ports explicit', () => {
    const { detail } = openDetail([scenarios.portMismatch()]);
    expect(marked(detail, 'allow-origin')).toEqual(['-:http', '-:127.0.0.1', 'diff:4300', '-:http://127.0.0.1:4300']);
    // The page and the target differ by port: that is what makes the request cross-origin.
    expect(marked(detail, 'target')[2]).toBe('cross:4200');
  });

  it('highlights the value as written when ACAO has a trailing slash', () => {
    const { detail } = openDetail([scenarios.trailingSlash()]);
    expect(marked(detail, 'allow-origin')).toEqual(['-:http', '-:127.0.0.1', '-:4100', `diff:${PAGE}/`]);
  });

  it('writes default ports out', () => {
    const tx = buildTx({ page: 'https://app.example', url: 'https://api.example/x', response: { status: 200, headers: [h('Access-Control-Allow-Origin', 'https://app.example:443')] } });
    const { detail } = openDetail([tx]);
    expect(marked(detail, 'page')).toContain('-:443 (default)');
  });

  it('marks a missing ACAO as the problem', () => {
    const { detail } = openDetail([scenarios.missingAllowOrigin()]);
    const cell = detail.querySelector('tr[data-row="allow-origin"] td');
    expect(cell?.textContent).toBe('(not sent)');
    expect(cell?.className).toBe('cl-diff');
  });
});

describe('timeline', () => {
  it.each([
    ['a failed preflight: the request was never sent', scenarios.headerNotAllowed, /^The PUT request itself was never sent/],
    ['a blocked simple request: it did reach the server', scenarios.simplePostBlocked, /^It did reach the server/],
  ])('%s', (_name, make, text) => {
    const { detail } = openDetail([make()]);
    expect(within(detail).getByTestId('timeline-conclusion').textContent).toMatch(text);
  });

  it('a request served from the preflight cache links to the preflight that created the entry', () => {
    const first = buildTx({
      id: 'rfirst', method: 'PUT', headers: [h('Content-Type', 'application/json')],
      preflight: { status: 204, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'content-type'), h('Access-Control-Max-Age', '600')] },
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] },
    });
    const second = buildTx({
      id: 'rsecond', method: 'PUT', headers: [h('Content-Type', 'application/json')],
      preflight: { cached: { transactionId: 'rfirst', expiresAt: NOW + 90_000 } },
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] },
    });
    const { detail } = openDetail([first, second], 1);
    expect(detail.textContent).toContain("Chromium's preflight cache answered");
    expect(detail.textContent).toContain('(in 90 s)');
    fireEvent.click(within(detail).getByRole('button', { name: 'Show the preflight that created the cache entry' }));
    const selected = screen.getAllByRole('option').find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected?.getAttribute('data-id')).toBe('rfirst');
  });
});

describe('headers', () => {
  it('marks the culprit with expected vs actual, and the full lists are one click away', () => {
    const { detail } = openDetail([scenarios.trailingSlash()]);
    const culprit = detail.querySelector('tr[data-culprit="true"]') as HTMLElement;
    expect(culprit.textContent).toContain('Culprit: Access-Control-Allow-Origin');
    expect(culprit.textContent).toContain(`Expected: ${PAGE}`);
    expect(culprit.textContent).toContain(`actual: ${PAGE}/`);
    fireEvent.click(within(detail).getByRole('button', { name: 'All headers' }));
    expect(within(detail).getByRole('tab', { name: 'Headers' }).getAttribute('aria-selected')).toBe('true');
    expect(within(detail).getByRole('region', { name: 'Request headers' }).textContent).toContain('Sec-Fetch-Mode');
  });

  it('lists why the request needed a preflight', () => {
    const { detail } = openDetail([scenarios.headerNotAllowed()]);
    const why = within(detail).getByRole('region', { name: 'Why a preflight' });
    expect(why.textContent).toContain('PUT');
    expect(why.textContent).toContain('x-api-key');
  });
});

describe('fix', () => {
  it('lists the required headers, the detected stack snippet, its pitfalls and the MDN link', () => {
    const { detail } = openDetail([scenarios.gateway502()]);
    expect(detail.textContent).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect((within(detail).getByRole('combobox', { name: /server stack/i }) as HTMLSelectElement).value).toBe('nginx');
    expect(detail.textContent).toContain('Detected: nginx (from Server: nginx/1.25.3)');
    expect(within(detail).getByRole('heading', { name: 'nginx pitfalls' })).toBeTruthy();
    const mdn = within(detail).getByRole('link', { name: /MDN/ });
    expect(mdn.getAttribute('href')).toMatch(/^https:\/\/developer\.mozilla\.org\//);
    expect(mdn.getAttribute('rel')).toBe('noreferrer');
    expect(mdn.getAttribute('target')).toBe('_blank');
  });

  it('remembers the stack the user picks, across panel openings', () => {
    const storage = new MemoryStore();
    const { detail } = openDetail([scenarios.trailingSlash()], 0, { storage });
    const picker = within(detail).getByRole('combobox', { name: /server stack/i }) as HTMLSelectElement;
    choose(picker, 'django');
    expect(storage.getItem('cors-lens.stack')).toBe('django');
    expect(within(detail).getByRole('heading', { name: /Django.*pitfalls/ })).toBeTruthy();
    cleanup();
    const again = openDetail([scenarios.gateway502()], 0, { storage });
    expect((within(again.detail).getByRole('combobox', { name: /server stack/i }) as HTMLSelectElement).value).toBe('django');
  });

  it('lists findings that are not failures', () => {
    const { detail } = openDetail([scenarios.authorizationWildcard()]);
    expect(within(detail).getByRole('heading', { name: 'Findings' })).toBeTruthy();
    expect(detail.textContent).toContain('Authorization is allowed only through "*"');
  });
});

describe('copy', () => {
  it('copies curl with secrets redacted unless the user includes them', async () => {
    const { detail, copied } = openDetail([scenarios.preflight401()]);
    await act(async () => {
      fireEvent.click(within(detail).getByRole('button', { name: 'Copy as curl' }));
    });
    expect(copied[0]).toContain("-H 'Access-Control-Request-Method: DELETE'");
    expect(copied[0]).not.toContain('top-secret-token');
    fireEvent.click(within(detail).getByRole('checkbox', { name: /include secrets/i }));
    await act(async () => {
      fireEvent.click(within(detail).getByRole('button', { name: 'Copy as fetch' }));
    });
    expect(copied[1]).toContain('method: "DELETE"');
  });
});

describe('a request the page\'s service worker sent', () => {
  it('says who sent it, how the page sees it fail, and how to bypass the worker', () => {
    const { detail } = openDetail([{ ...scenarios.trailingSlash(), tabId: -1 }]);
    const note = within(detail).getByTestId('from-worker');
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent).toContain(`Sent by a service worker of ${PAGE}`);
    expect(note.textContent).toContain('Bypass for network');
    cleanup();
    expect(within(openDetail([scenarios.trailingSlash()]).detail).queryByTestId('from-worker')).toBeNull();
  });
});

describe('what-if', () => {
  it('shows the verdict change live as the response headers are edited', async () => {
    const { detail } = openDetail([scenarios.trailingSlash()]);
    fireEvent.click(within(detail).getByRole('tab', { name: 'What-if' }));
    // The editor loads when its tab first opens.
    await within(detail).findByTestId('what-if-summary');
    const summary = () => within(detail).getByTestId('what-if-summary').textContent;
    expect(summary()).toMatch(/^No change/);
    const editor = within(detail).getByRole('textbox', { name: /headers, one/i });
    fireEvent.input(editor, { target: { value: `Access-Control-Allow-Origin: ${PAGE}` } });
    const changed = [...detail.querySelectorAll('tr[data-changed="true"] th')].map((th) => th.textContent);
    expect(changed).toEqual(['outcome (changed)', 'corsError (changed)', 'failedParameter (changed)']);
    expect(summary()).toMatch(/^After: /);
    choose(within(detail).getByRole('combobox', { name: /credentials mode/i }), 'include');
    const after = (field: string) =>
      [...detail.querySelectorAll('.cl-what-if-diff tbody tr')].find((tr) => tr.querySelector('th')?.textContent?.startsWith(field))?.querySelectorAll('td')[1]?.textContent;
    expect(after('corsError')).toBe('InvalidAllowCredentials');
    expect(after('outcome')).toBe('blocked');
  });
});

describe('what-if on a redirect', () => {
  it('edits the headers of a redirect hop (its status is shown, not editable) and resets', async () => {
    const tx = buildTx({
      redirects: [{ status: 302, headers: [h('Location', `${API}/moved`)], location: `${API}/moved` }],
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE)] },
    });
    const { detail } = openDetail([tx]);
    fireEvent.click(within(detail).getByRole('tab', { name: 'What-if' }));
    const hop = await within(detail).findByRole('group', { name: `Redirect 1: 302 from ${API}/api/items` });
    expect(within(hop).queryByRole('spinbutton')).toBeNull();
    const editor = within(hop).getByRole('textbox');
    expect((editor as HTMLTextAreaElement).value).toBe(`Location: ${API}/moved`);
    fireEvent.input(editor, { target: { value: `Location: ${API}/moved\nAccess-Control-Allow-Origin: ${PAGE}` } });
    expect(within(detail).getByTestId('what-if-summary').textContent).toMatch(/^After: /);
    fireEvent.click(within(detail).getByRole('button', { name: 'Reset' }));
    expect((editor as HTMLTextAreaElement).value).toBe(`Location: ${API}/moved`);
    expect(within(detail).getByTestId('what-if-summary').textContent).toMatch(/^No change/);
  });

  it('edits the status and headers of the preflight sent after a redirect, and resets it', async () => {
    const moved = `${API}/moved`;
    const allowAll = [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT')];
    const tx = buildTx({
      method: 'PUT', preflight: { status: 204, headers: allowAll },
      redirects: [{ status: 307, headers: [h('Location', moved), h('Access-Control-Allow-Origin', PAGE)], location: moved,
        preflight: { status: 401, headers: allowAll } }],
      response: null,
    });
    const { detail } = openDetail([tx]);
    fireEvent.click(within(detail).getByRole('tab', { name: 'What-if' }));
    const hopPreflight = await within(detail).findByRole('group', { name: `Preflight for redirect 1: OPTIONS ${moved}` });
    const status = within(hopPreflight).getByRole('spinbutton');
    const editor = within(hopPreflight).getByRole('textbox');
    const allowText = allowAll.map((x) => `${x.name}: ${x.value}`).join('\n');
    expect([(status as HTMLInputElement).value, (editor as HTMLTextAreaElement).value]).toEqual(['401', allowText]);
    const corsErrorAfter = () => [...detail.querySelectorAll('.cl-what-if-diff tbody tr')]
      .find((tr) => tr.querySelector('th')?.textContent?.startsWith('corsError'))?.querySelectorAll('td')[1]?.textContent;
    expect(corsErrorAfter()).toBe('PreflightInvalidStatus');
    fireEvent.input(status, { target: { value: '204' } });
    // That preflight now passes; no response was observed, so nothing else fails.
    expect(corsErrorAfter()).toBe('(none)');
    fireEvent.input(editor, { target: { value: 'Access-Control-Allow-Origin: *' } });
    expect(corsErrorAfter()).toBe('MethodDisallowedByPreflightResponse');
    expect(within(detail).getByTestId('what-if-summary').textContent).toMatch(/^After: /);
    fireEvent.click(within(detail).getByRole('button', { name: 'Reset' }));
    expect((status as HTMLInputElement).value).toBe('401');
    expect(corsErrorAfter()).toBe('PreflightInvalidStatus');
  });
});

describe('tabs', () => {
  it('moves between tabs with the arrow keys', () => {
    const { detail } = openDetail([scenarios.allowed()]);
    const first = within(detail).getByRole('tab', { name: 'Explanation' });
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(within(detail).getByRole('tab', { name: 'Headers' }).getAttribute('aria-selected')).toBe('true');
    expect(within(detail).getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('cl-detail-tab-headers');
    fireEvent.keyDown(first, { key: 'End' });
    expect(within(detail).getByRole('tab', { name: 'What-if' }).getAttribute('aria-selected')).toBe('true');
  });
});
