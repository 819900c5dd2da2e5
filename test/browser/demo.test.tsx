import { StrictMode } from 'react';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { commands, type Locator, page } from 'vitest/browser';
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
  return render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

/** A user the sandbox has never seen, and the demo config that signs them in. */
async function newDemoUser(prefix: string) {
  const id = uniqueUserId(prefix);
  const jwt = await issueJwt(id, { name: 'Alice Martin', email: 'alice@example.com' });
  const config: DemoConfig = {
    apiUrl: sandboxUrl,
    tokenTtlSeconds: 3600,
    users: [{ id, name: 'Alice Martin', email: 'alice@example.com', jwt }],
    expiredJwts: {},
  };
  return { id, config };
}

/** Saves a screenshot of `locator` to docs/images when asked to (`UPDATE_DOCS_IMAGES=1`). */
async function docsImage(locator: Locator, name: string) {
  if (!updateDocsImages) return;
  await locator.screenshot({ path: `../../docs/images/${name}.png` });
}

/**
 * In a slot picker: the first day with free times (the next month when this one has none left), then
 * that day's time at `index`. Returns the chosen slot's start, as Cal.com sent it.
 */
async function chooseTime(
  picker: Locator,
  index = 0,
  onDayChosen?: () => Promise<void>,
): Promise<string> {
  await expect.poll(() => picker.element().getAttribute('data-state')).toMatch(/^(ready|empty)$/);
  if (picker.element().getAttribute('data-state') === 'empty') {
    await picker.getByRole('button', { name: 'Next month' }).click();
    await expect.element(picker).toHaveAttribute('data-state', 'ready');
  }
  const day = picker
    .element()
    .querySelector('[role="gridcell"][data-available="true"]:not([aria-disabled="true"])');
  if (!day) throw new Error('no day with free times');
  await page.elementLocator(day).click();
  const times = () => picker.element().querySelectorAll('.aisq-slot-picker__time');
  await expect.poll(() => times().length).toBeGreaterThan(index);
  await onDayChosen?.();
  const time = times()[index] as Element;
  const start = time.querySelector('time')?.getAttribute('datetime');
  if (!start) throw new Error('a time without its datetime');
  await page.elementLocator(time).click();
  return start;
}

beforeEach(async () => {
  await commands.sandboxReset();
});

describe('the demo host app against the sandbox', () => {
  it('books, lists, reschedules and cancels a meeting, end to end', async () => {
    // Wide enough for the booker's two columns (and for the screenshots in the docs).
    await page.viewport(1100, 900);
    const { id, config } = await newDemoUser('demo');
    const screen = await renderDemo(config);
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    await expect
      .element(pages.getByRole('link', { name: 'Account' }))
      .toHaveAttribute('aria-current', 'page');

    // Book a meeting: connect first (a first-time user), then the booker.
    await pages.getByRole('link', { name: 'Book a meeting' }).click();
    await expect
      .element(pages.getByRole('link', { name: 'Book a meeting' }))
      .toHaveAttribute('aria-current', 'page');
    await screen.getByRole('button', { name: 'Connect Cal.com' }).click();
    const booker = screen.getByRole('region', { name: 'Book a meeting' });
    await expect.element(booker).toHaveAttribute('data-state', 'choosingEventType');
    await booker.getByRole('button', { name: /^30 Minute Meeting/ }).click();
    await expect.element(booker).toHaveAttribute('data-state', 'choosingDay');
    const picker = booker.getByRole('region', { name: 'Choose a day and time' });
    const start = await chooseTime(picker, 0, () => docsImage(booker, 'booker-times'));
    await expect.element(booker).toHaveAttribute('data-state', 'details');
    await docsImage(booker, 'booker-details');

    const name = booker.getByRole('textbox', { name: /Your name/ });
    await expect.element(name).toHaveValue('Alice Martin');
    await expect
      .element(booker.getByRole('textbox', { name: /Email address/ }))
      .toHaveValue('alice@example.com');
    await booker.getByRole('textbox', { name: /Additional notes/ }).fill('Demo walk-through');
    await booker.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.element(booker).toHaveAttribute('data-state', 'confirmed');
    await expect.element(booker.getByText('Your meeting is booked')).toBeVisible();
    await docsImage(booker, 'booker-confirmed');

    // The booking landed in the sandbox at the very instant the picker showed.
    const [made, ...others] = await commands.sandboxCalBookings(id);
    expect(others).toEqual([]);
    expect(made?.status).toBe('accepted');
    expect(Date.parse(made?.start ?? '')).toBe(Date.parse(start));
    expect(made?.attendeeName).toBe('Alice Martin');

    // My bookings: the new booking is listed.
    await screen.getByRole('button', { name: 'See it in My bookings' }).click();
    await expect
      .element(pages.getByRole('link', { name: 'My bookings' }))
      .toHaveAttribute('aria-current', 'page');
    const list = screen.getByRole('region', { name: 'My bookings' });
    await expect.element(list).toHaveAttribute('data-state', 'ready');
    const item = list.getByRole('listitem');
    await expect.element(item).toHaveTextContent('30 Minute Meeting between');
    await expect
      .element(item.getByRole('time'))
      .toHaveAttribute('datetime', new Date(start).toISOString());
    await docsImage(list, 'bookings-list');

    // Reschedule: the booker in a dialog, in reschedule mode, to another time.
    await item.getByRole('button', { name: 'Reschedule' }).click();
    const dialog = screen.getByRole('dialog', { name: /^Reschedule \u206830 Minute Meeting/ });
    const rebooker = dialog.getByRole('region', { name: 'Reschedule your meeting' });
    await expect.element(rebooker).toHaveAttribute('data-state', 'choosingDay');
    const newStart = await chooseTime(
      rebooker.getByRole('region', { name: 'Choose a day and time' }),
      1,
    );
    expect(Date.parse(newStart)).not.toBe(Date.parse(start));
    await expect.element(rebooker).toHaveAttribute('data-state', 'details');
    await rebooker.getByRole('button', { name: 'Confirm new time' }).click();
    await expect.element(rebooker).toHaveAttribute('data-state', 'confirmed');
    await docsImage(dialog, 'bookings-list-reschedule');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(list.getByRole('status')).toHaveTextContent(/was rescheduled\.$/);

    const afterMove = await commands.sandboxCalBookings(id);
    const moved = afterMove.find((booking) => booking.uid === made?.uid);
    const moving = afterMove.find((booking) => booking.uid === moved?.rescheduledToUid);
    expect(moved?.status).toBe('cancelled');
    expect(moving?.status).toBe('accepted');
    expect(Date.parse(moving?.start ?? '')).toBe(Date.parse(newStart));
    await expect
      .element(list.getByRole('listitem').getByRole('time'))
      .toHaveAttribute('datetime', new Date(newStart).toISOString());

    // Cancel, with a reason, behind the confirmation.
    await list.getByRole('listitem').getByRole('button', { name: 'Cancel' }).click();
    const confirm = screen.getByRole('alertdialog', { name: 'Cancel this booking?' });
    await confirm.getByRole('textbox', { name: 'Reason (optional)' }).fill('Plans changed');
    await docsImage(confirm, 'bookings-list-cancel');
    await confirm.getByRole('button', { name: 'Cancel booking' }).click();
    await expect.element(confirm).not.toBeInTheDocument();
    await expect.element(list).toHaveAttribute('data-state', 'empty');
    const cancelled = (await commands.sandboxCalBookings(id)).find(
      (booking) => booking.uid === moving?.uid,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'Plans changed' });

    await list.getByRole('tab', { name: 'Cancelled' }).click();
    await expect.element(list.getByText('Reason: \u2068Plans changed\u2069')).toBeVisible();
  });
});
