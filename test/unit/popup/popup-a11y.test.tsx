// @vitest-environment happy-dom
/**
 * Structural accessibility of the popup's states with axe-core (names, roles, headings, ARIA).
 * Colour contrast needs real layout, which happy-dom has not: contrast.test.ts checks the palette.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../src/popup/popup-app';
import { FakeClient } from '../fakes/fake-client';
import { allowedWith, blocked } from './transaction-builder';

afterEach(cleanup);

async function violations(client: FakeClient): Promise<string[]> {
  const { container } = render(<PopupApp client={client} tabId={1} />);
  await screen.findByRole('heading', { level: 1 });
  await waitFor(() => expect(container.querySelector('.skeleton')).toBeNull());
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('popup accessibility', () => {
  const paused = new FakeClient(1, [blocked('MissingAllowOriginHeader')]);
  paused.paused = true;
  const cannotSee = new FakeClient(1, []);
  cannotSee.info = { tabId: 1, url: 'chrome://newtab/', title: 'New Tab', capturable: false, exists: true };

  it.each([
    ['with blocked requests and warnings', new FakeClient(1, [blocked('MissingAllowOriginHeader'), allowedWith(['headers-not-exposed'])])],
    ['empty', new FakeClient(1, [])],
    ['paused', paused],
    ['on a page it cannot see', cannotSee],
  ])('has no axe violations %s', async (_name, client) => {
    expect(await violations(client)).toEqual([]);
  });
});
