import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { CalFakeModel } from '../src/fake/model.js';
import { CalBookingsList } from '../src/index.js';
import {
  findServerError,
  freshCalHandlers,
  regionInState,
  rightToLeft,
  type StoryCanvas,
  seedCalBookings,
} from './support.js';

const DAY_MS = 86_400_000;

const meta = {
  title: 'Booking/CalBookingsList',
  component: CalBookingsList,
  args: { onReschedule: fn(), onCancelled: fn(), timeZone: 'Europe/London' },
  ...freshCalHandlers({ seed: (world) => void seedCalBookings(world, { count: 3 }) }),
} satisfies Meta<typeof CalBookingsList>;

export default meta;
type Story = StoryObj<typeof meta>;

const LIST = 'My bookings';

function list(canvas: StoryCanvas) {
  return canvas.getByRole('region', { name: LIST });
}

/** The bookings of the open tab. */
function items(canvas: StoryCanvas) {
  return within(canvas.getByRole('tabpanel')).getAllByRole('listitem');
}

/** The first page loads: a skeleton, `aria-busy`, and the loading text for screen readers. */
export const Loading: Story = {
  ...freshCalHandlers({ scenario: 'loading' }),
  play: async ({ canvas }) => {
    await regionInState(canvas, LIST, 'loading');
    await expect(canvas.getByRole('tabpanel')).toHaveAttribute('aria-busy', 'true');
  },
};

/** No bookings yet. */
export const Empty: Story = {
  ...freshCalHandlers(),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No upcoming bookings.')).toBeVisible();
    await expect(list(canvas)).toHaveAttribute('data-state', 'empty');
  },
};

/** Upcoming bookings, soonest first: title, when (with the zone) and who attends. */
export const Upcoming: Story = {
  play: async ({ canvas }) => {
    await regionInState(canvas, LIST, 'ready');
    const shown = items(canvas);
    await expect(shown).toHaveLength(3);
    await expect(shown[0]).toHaveTextContent('With \u2068Guest 1\u2069');
    await expect(canvas.getAllByRole('button', { name: 'Cancel' })).toHaveLength(3);
  },
};

/** Eight bookings, three a page: Cal.com's pagination drives Previous / Next. */
export const SeveralPages: Story = {
  args: { pageSize: 3 },
  ...freshCalHandlers({ seed: (world) => void seedCalBookings(world, { count: 8 }) }),
  play: async ({ canvas, step }) => {
    const pages = await canvas.findByRole('navigation', { name: 'Pages' });
    await expect(pages).toHaveTextContent('Page 1 of 3');
    await step('next page', async () => {
      await userEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    });
    await waitFor(() => expect(items(canvas)[0]).toHaveTextContent('With \u2068Guest 4\u2069'));
    await expect(pages).toHaveTextContent('Page 2 of 3');
  },
};

/** Past bookings, newest first; nothing to cancel or reschedule. */
export const Past: Story = {
  args: { defaultTab: 'past' },
  ...freshCalHandlers({
    seed: (world) =>
      world.at(Date.now() - 30 * DAY_MS, () => void seedCalBookings(world, { count: 2 })),
  }),
  play: async ({ canvas }) => {
    await regionInState(canvas, LIST, 'ready');
    await expect(canvas.getByRole('tab', { name: 'Past' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(within(canvas.getByRole('tabpanel')).queryByRole('button')).toBeNull();
  },
};

/** Cancelled bookings with their reason. */
export const Cancelled: Story = {
  args: { defaultTab: 'cancelled' },
  ...freshCalHandlers({
    seed: (world) => {
      for (const uid of seedCalBookings(world, { count: 2 })) {
        world.model.cancelBooking(uid, { cancellationReason: 'The room is not free' });
      }
    },
  }),
  play: async ({ canvas }) => {
    const [first] = await within(canvas.getByRole('tabpanel')).findAllByRole('listitem');
    await expect(first).toHaveTextContent('Reason: \u2068The room is not free\u2069');
    await expect(first).toHaveAttribute('data-status', 'cancelled');
  },
};

/** "Cancel" asks first: an alert dialog with an optional reason; focus starts on "Keep booking". */
export const CancelDialogOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [cancel] = await canvas.findAllByRole('button', { name: 'Cancel' });
    await userEvent.click(cancel as HTMLElement);
    const dialog = await canvas.findByRole('alertdialog', { name: 'Cancel this booking?' });
    await expect(within(dialog).getByRole('button', { name: 'Keep booking' })).toHaveFocus();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Reason (optional)' }),
      'Something came up',
    );
  },
};

/** Confirming cancels with the reason; the booking moves to Cancelled. */
export const CancelFlow: Story = {
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    const [cancel] = await canvas.findAllByRole('button', { name: 'Cancel' });
    await step('cancel the first booking with a reason', async () => {
      await userEvent.click(cancel as HTMLElement);
      await userEvent.type(
        canvas.getByRole('textbox', { name: 'Reason (optional)' }),
        'Something came up',
      );
      await userEvent.click(canvas.getByRole('button', { name: 'Cancel booking' }));
    });
    await expect(await canvas.findByText(/was cancelled\.$/)).toBeVisible();
    await waitFor(() => expect(args.onCancelled).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(items(canvas)).toHaveLength(2));
    await step('see it under Cancelled', async () => {
      await userEvent.click(canvas.getByRole('tab', { name: 'Cancelled' }));
    });
    await expect(await canvas.findByText('Reason: \u2068Something came up\u2069')).toBeVisible();
  },
};

/** Cal.com keeps failing (500): after the query's retries, the error with "Try again". */
export const ServerError: Story = {
  ...freshCalHandlers({ scenario: 'serverError' }),
  play: async ({ canvas }) => {
    const alert = await findServerError(canvas);
    await expect(list(canvas)).toHaveAttribute('data-state', 'error');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** `data-theme="dark"` on an ancestor (or `prefers-color-scheme: dark`), with the dialog open. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [cancel] = await canvas.findAllByRole('button', { name: 'Cancel' });
    await expect(canvas.getAllByRole('listitem')).toHaveLength(3);
    await userEvent.click(cancel as HTMLElement);
    await canvas.findByRole('alertdialog');
  },
};

/** Long titles and names wrap instead of overflowing. */
export const LongNames: Story = {
  ...freshCalHandlers({
    seed: (world) =>
      void seedCalBookings(world, {
        count: 2,
        name: (index) =>
          index === 0
            ? 'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt-Montgomery de la Fuente'
            : 'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessen',
      }),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [item] = await canvas.findAllByRole('listitem');
    const root = list(canvas);
    await expect(item).toHaveTextContent('Konstantinopoulou');
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
  },
};

/** Right to left: the layout mirrors and the tab arrows follow the reading direction. */
export const RightToLeft: Story = {
  decorators: [rightToLeft],
  play: async ({ canvas }) => {
    await canvas.findAllByRole('listitem');
    await userEvent.click(canvas.getByRole('tab', { name: 'Upcoming' }));
    await userEvent.keyboard('{ArrowLeft}');
    // The tab after Upcoming is Unconfirmed (issue 20), to its left right to left.
    await expect(canvas.getByRole('tab', { name: 'Unconfirmed' })).toHaveFocus();
    await expect(canvas.getByRole('tab', { name: 'Unconfirmed' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  },
};

/**
 * A booking that was moved: Cal.com cancelled it for a new one (`rescheduledToUid`), so it sits under
 * Cancelled, shown as "Rescheduled" with its new time.
 */
export const Rescheduled: Story = {
  args: { defaultTab: 'cancelled' },
  ...freshCalHandlers({
    seed: (world) => {
      const [uid] = seedCalBookings(world, { count: 1 });
      const old = world.model.booking(uid ?? '');
      if (!old) throw new Error('not booked');
      const free = world.model.slots(old.eventTypeId, old.end, old.end + 7 * DAY_MS);
      const to = free.find((slot) => slot.start >= old.end + DAY_MS) ?? free[0];
      if (!to) throw new Error('no free time');
      const moved = world.model.rescheduleBooking(old.uid, { start: to.start });
      if (!moved.ok) throw new Error(moved.failure.message);
    },
  }),
  play: async ({ canvas }) => {
    await regionInState(canvas, LIST, 'ready');
    const [item] = items(canvas);
    await expect(item).toHaveAttribute('data-status', 'rescheduled');
    await expect(within(item as HTMLElement).getByText('Rescheduled')).toBeVisible();
    await expect(await within(item as HTMLElement).findByText(/^New time:/)).toBeVisible();
    await expect(item).not.toHaveTextContent(/cancelled/i);
  },
};

/**
 * Books seats of the user's seated "Group Workshop" at its first free time: one guest's, then the
 * user's own (their Cal.com e-mail), and a pending "Intro Call" that waits for the host.
 */
function seedSeatsAndPending({ model, sub }: { model: CalFakeModel; sub: string }) {
  const types = model.eventTypes(sub);
  const user = model.getUser(sub);
  const book = (slug: string, name: string, email: string) => {
    const type = types.find((candidate) => candidate.slug === slug);
    const from = model.now();
    const [slot] = type ? model.slots(type.id, from, from + 28 * DAY_MS) : [];
    if (!type || !slot || !user) throw new Error(`no "${slug}" slot`);
    model.createBooking({
      eventTypeId: type.id,
      start: slot.start,
      attendee: { name, email, timeZone: 'Europe/Paris' },
    });
  };
  book('group-workshop', 'Grace Hopper', 'grace@example.com');
  book('group-workshop', 'You', user?.email ?? '');
  book('intro-call', 'Pending Guest', 'pending@example.com');
}

/** A seated booking: seats taken of the total, one's own seat marked, "Cancel my seat". */
export const OwnSeat: Story = {
  ...freshCalHandlers({ seed: seedSeatsAndPending }),
  play: async ({ canvas }) => {
    await regionInState(canvas, LIST, 'ready');
    const seated = await waitFor(() => {
      const found = items(canvas).find((item) => item.textContent?.includes('Group Workshop'));
      if (!found) throw new Error('no seated booking yet');
      return found;
    });
    await waitFor(() => expect(seated).toHaveTextContent('2 of 3 seats taken'));
    await expect(seated).toHaveTextContent('(your seat)');
    await expect(within(seated).getByRole('button', { name: 'Cancel my seat' })).toBeVisible();
  },
};

/** Cal.com's unconfirmed status as a tab: the bookings that wait for the host's confirmation. */
export const Unconfirmed: Story = {
  ...freshCalHandlers({ seed: seedSeatsAndPending }),
  play: async ({ canvas }) => {
    await regionInState(canvas, LIST, 'ready');
    await userEvent.click(canvas.getByRole('tab', { name: 'Unconfirmed' }));
    await waitFor(() => expect(items(canvas)).toHaveLength(1));
    await expect(items(canvas)[0]).toHaveAttribute('data-status', 'pending');
    await expect(items(canvas)[0]).toHaveTextContent('Intro Call');
  },
};
