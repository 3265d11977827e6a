// @vitest-environment happy-dom
/** Page and response content is data: a hostile transaction renders as text, never as elements. */
import { afterEach, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { API, buildTx, h, PAGE } from '../fakes/transactions';
import { renderPanel } from './panel-harness';
import { nth } from './nth';

afterEach(cleanup);

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

function hostile() {
  return buildTx({
    url: `${API}/${SCRIPT}?q=${IMG}`,
    method: 'PUT',
    headers: [h('X-Evil', SCRIPT), h('Content-Type', 'application/json')],
    preflight: {
      status: 204,
      headers: [h('Access-Control-Allow-Origin', IMG), h('Access-Control-Allow-Headers', SCRIPT), h('Server', `nginx ${IMG}`)],
    },
    response: null,
  });
}

/** Any element a hostile string could have produced. */
const injected = (): Element[] => [...document.querySelectorAll('script, img, iframe, object, embed, [onerror], [onload]')];

it('renders URL and header values as text in the list and in every detail tab', () => {
  renderPanel([hostile()]);
  const [row] = screen.getAllByRole('option');
  expect(row?.textContent).toContain(SCRIPT);
  fireEvent.click(row as HTMLElement);
  const detail = screen.getByRole('region', { name: 'Request detail' });
  expect(detail.textContent).toContain(SCRIPT);
  expect(detail.textContent).toContain(IMG);
  expect(injected()).toEqual([]);

  for (const tab of ['Headers', 'What-if']) {
    fireEvent.click(within(detail).getByRole('tab', { name: tab }));
    expect(detail.textContent).toContain(IMG);
    expect(injected()).toEqual([]);
  }
});

it('keeps hostile values inert in the copy previews', () => {
  renderPanel([hostile()]);
  fireEvent.click(nth(screen.getAllByRole('option'), 0));
  const curl = screen.getByTestId('curl-preview');
  expect(curl.textContent).toContain(`Origin: ${PAGE}`);
  expect(curl.children).toHaveLength(0);
  expect(injected()).toEqual([]);
});
