// CalBookingsList with seated bookings (one's own seat) and the Unconfirmed tab, on the fake.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CalBookingsList } from '../../../src/index.js';
import { createCalWorld } from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

const DAY_MS = 86_400_000;

/** alice with a seated workshop booking (a guest's seat and her own) and a pending intro call. */
function seatedWorld() {
  const world = createCalWorld();
  const { user } = world.model.integrate({ sub: 'alice', email: 'alice@example.com' });
  const types = world.model.eventTypes('alice');
  const idOf = (slug: string) => types.find((type) => type.slug === slug)?.id ?? 0;
  const book = (eventTypeId: number, name: string, email: string, index = 0) => {
    const now = world.model.now();
    const slot = world.model.slots(eventTypeId, now, now + 30 * DAY_MS)[index];
    if (!slot) throw new Error('no slot');
    const made = world.model.createBooking({
      eventTypeId,
      start: slot.start,
      attendee: { name, email, timeZone: 'UTC' },
    });
    if (!made.ok) throw new Error(made.failure.message);
    return made.booking;
  };
  const workshop = book(idOf('group-workshop'), 'Guest One', 'guest1@example.com');
  book(idOf('group-workshop'), 'Alice Self', user.email);
  book(idOf('intro-call'), 'Pending Guest', 'pending@example.com', 5);
  return { world, workshop };
}

const items = () => within(screen.getByRole('tabpanel')).queryAllByRole('listitem');

describe('CalBookingsList with seats and confirmation', () => {
  it("shows a seated booking's seats taken of total, marks one's own seat and cancels just it", async () => {
    const { world, workshop } = seatedWorld();
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    const item = await waitFor(() => {
      const found = items().find((entry) => entry.textContent?.includes('Group Workshop'));
      if (!found) throw new Error('not yet');
      return found;
    });
    await waitFor(() => expect(item).toHaveTextContent('2 of 3 seats taken'));
    expect(item).toHaveTextContent('Alice Self\u2069 (your seat)');
    // A seated booking moves seat by seat: no whole-booking reschedule.
    expect(within(item).queryByRole('button', { name: 'Reschedule' })).toBeNull();
    await user.click(within(item).getByRole('button', { name: 'Cancel my seat' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel your seat?' });
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel my seat' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const after = world.model.booking(workshop.uid);
    expect(after?.status).toBe('accepted');
    expect(after?.seats?.map((seat) => seat.attendee.email)).toEqual(['guest1@example.com']);
    const cancel = world.calls.find((url) => url.pathname.endsWith('/cancel'));
    expect(cancel?.pathname).toBe(`/v2/bookings/${workshop.uid}/cancel`);
  });

  it("lists pending bookings under Cal.com's unconfirmed status", async () => {
    const { world } = seatedWorld();
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch },
    });
    await user.click(screen.getByRole('tab', { name: 'Unconfirmed' }));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]).toHaveTextContent('Intro Call');
    expect(items()[0]).toHaveAttribute('data-status', 'pending');
    expect(world.calls.at(-1)?.searchParams.get('status')).toBe('unconfirmed');
    expect(within(items()[0]!).getByRole('button', { name: 'Cancel' })).toBeVisible();
  });
});
