import { beforeEach, describe, expect, inject, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { DemoConfig } from '../../examples/host-app/src/demoConfig.js';
import { issueJwt, sandboxUrl, uniqueUserId } from './helpers.js';

// The demo host app (examples/host-app, what `npm start` serves) against the real sandbox: the whole
// path a person takes, from connecting Cal.com to booking, rescheduling and cancelling.

const updateDocsImages = inject('updateDocsImages');

/** Renders the demo App with `config` in place of what `npm start` defines. */
async function renderDemo(config: DemoConfig) {
  (globalThis as { __BOOKINGS_DEMO__?: DemoConfig }).__BOOKINGS_DEMO__ = config;
  window.location.hash = '';
  await import('../../src/styles.css');
  await import('../../examples/host-app/src/app.css');
  const { App } = await import('../../examples/host-app/src/App.js');
  return render(<App />);
}

/** Saves a screenshot of `element` to docs/images when asked to (`UPDATE_DOCS_IMAGES=1`). */
async function docsImage(element: Element, name: string) {
  if (!updateDocsImages) return;
  await page.screenshot({ element, path: `../../docs/images/${name}.png` });
}

beforeEach(async () => {
  await commands.sandboxReset();
});

describe('the demo host app against the sandbox', () => {
  it('navigates between the account and booking pages, and My bookings asks to connect first', async () => {
    const id = uniqueUserId('demo');
    const jwt = await issueJwt(id, { name: 'Alice Martin', email: 'alice@example.com' });
    const screen = await renderDemo({
      apiUrl: sandboxUrl,
      tokenTtlSeconds: 3600,
      users: [{ id, name: 'Alice Martin', email: 'alice@example.com', jwt }],
      expiredJwts: {},
    });
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    await expect
      .element(pages.getByRole('link', { name: 'Account' }))
      .toHaveAttribute('aria-current', 'page');

    await pages.getByRole('link', { name: 'My bookings' }).click();
    await expect
      .element(pages.getByRole('link', { name: 'My bookings' }))
      .toHaveAttribute('aria-current', 'page');
    await screen.getByRole('button', { name: 'Connect Cal.com' }).click();
    const list = screen.getByRole('region', { name: 'My bookings' });
    await expect.element(list).toHaveAttribute('data-state', 'empty');
    await expect.element(list.getByText('No upcoming bookings.')).toBeVisible();
    expect(await commands.sandboxCalBookings(id)).toEqual([]);
    await docsImage(list.element(), 'bookings-list-empty');
  });
});
