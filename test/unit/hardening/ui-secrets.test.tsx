// @vitest-environment happy-dom
/**
 * Secrets are masked in the panel too: a Cookie, Authorization, Proxy-Authorization or Set-Cookie
 * value never shows in "Headers that matter" or in the Headers tab until the user clicks Show, and
 * then it shows as text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { buildTx, h, PAGE } from '../fakes/transactions';
import { renderPanel } from '../panel/panel-harness';
import { nth } from '../panel/nth';

afterEach(cleanup);

const SECRETS = {
  cookie: 'sid=S3CR3T-cookie',
  authorization: 'Bearer S3CR3T-token',
  proxy: 'Basic S3CR3T-proxy',
  setCookie: 'sid=S3CR3T-set; HttpOnly',
};

function withSecrets() {
  const tx = buildTx({
    method: 'PUT', headers: [h('Authorization', SECRETS.authorization), h('Proxy-Authorization', SECRETS.proxy)], cookie: SECRETS.cookie,
    preflight: { status: 204, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'authorization')] },
    response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE), h('Set-Cookie', SECRETS.setCookie)] },
  });
  return tx;
}

function openDetail(): HTMLElement {
  renderPanel([withSecrets()]);
  fireEvent.click(nth(screen.getAllByRole('option'), 0));
  return screen.getByRole('region', { name: 'Request detail' });
}

const anySecret = (text: string | null): string[] => Object.values(SECRETS).filter((s) => (text ?? '').includes(s));

describe('secret header values in the panel', () => {
  it('are masked in the Explanation tab ("Headers that matter")', () => {
    const detail = openDetail();
    expect(detail.textContent).toContain('Cookie');
    expect(anySecret(detail.textContent)).toEqual([]);
  });

  it('are masked in the Headers tab, each revealed as text only by its own Show button', () => {
    const detail = openDetail();
    fireEvent.click(within(detail).getByRole('tab', { name: 'Headers' }));
    expect(anySecret(detail.textContent)).toEqual([]);
    const show = within(detail).getAllByRole('button', { name: /^Show the (Cookie|Authorization|Proxy-Authorization|Set-Cookie) value$/i });
    expect(show.length).toBeGreaterThanOrEqual(4);
    fireEvent.click(within(detail).getByRole('button', { name: 'Show the Authorization value' }));
    expect(anySecret(detail.textContent)).toEqual([SECRETS.authorization]);
    fireEvent.click(within(detail).getByRole('button', { name: 'Hide' }));
    expect(anySecret(detail.textContent)).toEqual([]);
  });
});
