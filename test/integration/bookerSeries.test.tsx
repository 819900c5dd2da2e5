// @vitest-environment jsdom

import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { BookingsProvider, CalBooker, CalBookingsList } from '../../src/index.js';
import { chooseTime } from '../helpers/bookerWorld.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
afterEach(cleanup);

/** A user's JWT and, once the first token call made their Cal.com account, an event type's id. */
async function signedIn(userId: string, slug: string) {
  const { sandbox } = fixture;
  const jwt = await sandbox.issueJwt(userId);
  await fetch(`${sandbox.url}/api/v1/bookings/token/refresh/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const type = sandbox.calModel.eventTypes(userId).find((eventType) => eventType.slug === slug);
  if (!type) throw new Error(`no ${slug}`);
  return { jwt, eventTypeId: type.id };
}

/** The `<time>` instants of a list of dates. */
const instants = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('time')?.getAttribute('dateTime'));

describe('CalBooker and a recurring event type, against the sandbox over real HTTP', () => {
  it('books the number of occurrences chosen, on the dates it showed, and lists them on the confirmation', async () => {
    const { sandbox } = fixture;
    const { jwt, eventTypeId } = await signedIn('series-booker', 'weekly-check-in');
    const user = userEvent.setup();
    render(
      <StrictMode>
        <BookingsProvider baseUrl={sandbox.url} jwt={jwt} crossTab={false}>
          <CalBooker
            eventTypeId={eventTypeId}
            timeZone="America/Los_Angeles"
            defaultFormValues={{ name: 'Ada', email: 'ada@example.com' }}
          />
        </BookingsProvider>
      </StrictMode>,
    );
    await chooseTime(user);
    const count = await screen.findByRole(
      'combobox',
      { name: 'Number of meetings' },
      { timeout: 5_000 },
    );
    // By default the type's count, 4; at most that.
    expect((count as HTMLSelectElement).value).toBe('4');
    expect(within(count).getAllByRole('option')).toHaveLength(4);
    await user.selectOptions(count, '2');
    expect(screen.getByText('Every week, 2 times')).toBeTruthy();
    const shown = instants(screen.getByRole('list', { name: 'Dates' }));
    expect(shown).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' }, { timeout: 5_000 });
    const made = sandbox.calModel
      .bookings()
      .map((booking) => new Date(booking.start).toISOString());
    expect(made).toEqual(shown);
    expect(instants(screen.getByRole('list', { name: 'Dates' }))).toEqual(made);
  });

  it('lists a moved booking under Cancelled as "Rescheduled" with its new time, read from Cal.com', async () => {
    const { sandbox } = fixture;
    const { jwt, eventTypeId } = await signedIn('mover', '15min');
    const user = userEvent.setup();
    const view = render(
      <BookingsProvider baseUrl={sandbox.url} jwt={jwt} crossTab={false}>
        <CalBooker
          eventTypeId={eventTypeId}
          timeZone="UTC"
          defaultFormValues={{ name: 'Bob', email: 'bob@example.com' }}
        />
      </BookingsProvider>,
    );
    await chooseTime(user);
    await user.click(await screen.findByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' }, { timeout: 5_000 });
    view.unmount();
    const [old] = sandbox.calModel.bookings();
    if (!old) throw new Error('not booked');
    const free = sandbox.calModel.slots(old.eventTypeId, old.end, old.end + 7 * 86_400_000);
    const to = free.find((slot) => slot.start >= old.end);
    if (!to) throw new Error('no free time');
    const moved = sandbox.calModel.rescheduleBooking(old.uid, { start: to.start });
    if (!moved.ok) throw new Error(moved.failure.message);

    render(
      <BookingsProvider baseUrl={sandbox.url} jwt={jwt} crossTab={false}>
        <CalBookingsList defaultTab="cancelled" timeZone="UTC" />
      </BookingsProvider>,
    );
    const item = await waitFor(
      () => {
        const found = document.querySelector<HTMLElement>('.aisq-bookings-list__item');
        if (!found?.querySelector('.aisq-bookings-list__moved')) throw new Error('not yet');
        return found;
      },
      { timeout: 5_000 },
    );
    expect(item.getAttribute('data-status')).toBe('rescheduled');
    expect(item.querySelector('.aisq-bookings-list__badge')?.textContent).toBe(' Rescheduled');
    const shown = item.querySelector('.aisq-bookings-list__moved time')?.getAttribute('dateTime');
    expect(Date.parse(shown ?? '')).toBe(moved.booking.start);
    expect(item.querySelector('.aisq-bookings-list__moved')?.textContent).toMatch(/^New time: /);
  });
});
