import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CalBooker, type CalBookerProps } from '../src/index.js';
import type { CalFakeModel } from '../src/testing/index.js';
import { calUserFixture } from '../src/testing/index.js';
import {
  type CalStoryWorld,
  calHandlers,
  clickFirstDayWithTimes,
  findBySelector,
  freshCalHandlers,
  freshHandlers,
  rightToLeft,
  seedCalBookings,
} from './support.js';

// The whole flow against the Cal.com MSW handlers: event type → day → time → details → confirmed.

const CAL_BOOKINGS = 'https://api.cal.com/v2/bookings';

/** The booker's props as one object type (they are a union of id, slug + username, or neither). */
type Props = Omit<
  Extract<CalBookerProps, { eventTypeId?: undefined; eventTypeSlug?: undefined }>,
  'eventTypeId'
> & { eventTypeId?: number };

const meta = {
  title: 'Booking/CalBooker',
  component: CalBooker as (props: Props) => ReactNode,
  args: {
    timeZone: 'Europe/London',
    defaultFormValues: { name: 'Ada Lovelace', email: 'ada@example.com' },
    onBookingSuccess: fn(),
    onBookingError: fn(),
  },
  ...freshCalHandlers(),
} satisfies Meta<Props>;

export default meta;
type Story = StoryObj<Props>;

function booker(canvasElement: HTMLElement): HTMLElement {
  const root = canvasElement.querySelector<HTMLElement>('.aisq-booker');
  if (!root) throw new Error('no booker');
  return root;
}

async function inState(canvasElement: HTMLElement, state: string) {
  await waitFor(() => expect(booker(canvasElement)).toHaveAttribute('data-state', state), {
    timeout: 10_000,
  });
}

/** Chooses the 30-minute type (unless pinned), the first day with times (next month when this one has none) and its first time. */
async function chooseSlot(canvasElement: HTMLElement, beforeTime?: () => void) {
  const canvas = within(canvasElement);
  if (booker(canvasElement).getAttribute('data-state') === 'choosingEventType') {
    await userEvent.click(await canvas.findByRole('button', { name: /^30 Minute Meeting/ }));
  }
  const picker = () => canvasElement.querySelector<HTMLElement>('.aisq-slot-picker');
  await waitFor(() => expect(picker()?.getAttribute('data-state')).toMatch(/^(ready|empty)$/));
  if (picker()?.getAttribute('data-state') === 'empty') {
    await userEvent.click(canvas.getByRole('button', { name: 'Next month' }));
    await waitFor(() => expect(picker()).toHaveAttribute('data-state', 'ready'));
  }
  await clickFirstDayWithTimes(picker());
  const time = await findBySelector(picker, '.aisq-slot-picker__time');
  beforeTime?.();
  await userEvent.click(time);
}

async function submit(canvasElement: HTMLElement, name = 'Confirm booking') {
  await inState(canvasElement, 'details');
  await userEvent.click(within(canvasElement).getByRole('button', { name }));
}

/** The first step: the user's event types load. */
export const Loading: Story = {
  ...freshCalHandlers({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await inState(canvasElement, 'choosingEventType');
    await waitFor(() =>
      expect(canvasElement.querySelector('.aisq-event-types')).toHaveAttribute(
        'data-state',
        'loading',
      ),
    );
  },
};

export const NoEventTypes: Story = {
  ...freshCalHandlers({ scenario: 'noEventTypes' }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('There is nothing to book here yet.')).toBeVisible();
  },
};

/** The month without free times: the picker says so and offers the next month. */
export const MonthWithoutSlots: Story = {
  args: { eventTypeId: 2 },
  ...freshCalHandlers({ scenario: 'noSlots' }),
  play: async ({ canvas, canvasElement }) => {
    await inState(canvasElement, 'choosingDay');
    await expect(await canvas.findByText('No times this month.')).toBeVisible();
  },
};

/** The form, with a time chosen. */
export const Details: Story = {
  play: async ({ canvasElement }) => {
    await chooseSlot(canvasElement);
    await inState(canvasElement, 'details');
  },
};

/** The booking request runs: the form's button says so and the booker is busy. */
export const Submitting: Story = {
  ...freshHandlers(() => [http.post(CAL_BOOKINGS, () => delay('infinite')), ...calHandlers()]),
  play: async ({ canvasElement }) => {
    await chooseSlot(canvasElement);
    await submit(canvasElement);
    await inState(canvasElement, 'submitting');
    await expect(booker(canvasElement)).toHaveAttribute('aria-busy', 'true');
    await expect(within(canvasElement).getByRole('button', { name: 'Booking…' })).toBeVisible();
  },
};

/** Booked: what, when (both zones), where, who, and the .ics download. */
export const Confirmed: Story = {
  play: async ({ canvasElement, args }) => {
    await chooseSlot(canvasElement);
    await submit(canvasElement);
    await inState(canvasElement, 'confirmed');
    await expect(await within(canvasElement).findByText('Your meeting is booked')).toBeVisible();
    await expect(args.onBookingSuccess).toHaveBeenCalledTimes(1);
  },
};

/** Someone else took the time first: back to the times with a message (slots refetched). */
export const SlotTaken: Story = {
  ...freshCalHandlers({ scenario: 'slotTaken' }),
  play: async ({ canvasElement, args }) => {
    await chooseSlot(canvasElement);
    await submit(canvasElement);
    await inState(canvasElement, 'slotTaken');
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'Someone booked that time just before you.',
    );
    await expect(args.onBookingError).toHaveBeenCalledTimes(1);
  },
};

/** Cal.com refuses the booking for another reason: the error with "Try again". */
export const BookingError: Story = {
  ...freshHandlers(() => [
    http.post(CAL_BOOKINGS, () =>
      HttpResponse.json(
        {
          status: 'error',
          timestamp: new Date().toISOString(),
          path: '/v2/bookings',
          error: { code: 'InternalServerErrorException', message: 'Something broke' },
        },
        { status: 500 },
      ),
    ),
    ...calHandlers(),
  ]),
  play: async ({ canvasElement }) => {
    await chooseSlot(canvasElement);
    await submit(canvasElement);
    await inState(canvasElement, 'error');
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('having trouble');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** The uid of the booking the Reschedule story's handlers seeded (set before each render). */
let seededUid = '';

/** Reschedule mode: the booking's event type is pinned, its own time counts as free. */
export const Reschedule: Story = {
  ...freshCalHandlers({
    seed: (world) => {
      seededUid = seedCalBookings(world, { count: 1 })[0] ?? '';
    },
  }),
  render: (args) => <CalBooker {...(args as CalBookerProps)} rescheduleUid={seededUid} />,
  play: async ({ canvasElement, args }) => {
    await inState(canvasElement, 'choosingDay');
    // The former time, struck through under its visible label, as Cal.com's booker shows it.
    const former = await findBySelector(() => booker(canvasElement), '.aisq-former-time');
    await expect(former).toHaveTextContent(/^Former time /);
    await expect(former.querySelector('del')).toBeVisible();
    await expect(getComputedStyle(former.querySelector('del') as Element).textDecorationLine).toBe(
      'line-through',
    );
    await chooseSlot(canvasElement);
    await expect(booker(canvasElement).querySelector('.aisq-former-time del')).toBeVisible();
    await submit(canvasElement, 'Confirm new time');
    await inState(canvasElement, 'confirmed');
    await expect(await within(canvasElement).findByText('Your meeting was moved')).toBeVisible();
    await expect(args.onBookingSuccess).toHaveBeenCalledWith(
      expect.objectContaining({ rescheduledFromUid: seededUid }),
      // The event type names no success page, so nothing to offer the host.
      {},
    );
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: Details.play,
};

export const RightToLeft: Story = {
  decorators: [rightToLeft],
  play: async ({ canvas }) => {
    await canvas.findByRole('button', { name: /^30 Minute Meeting/ });
  },
};

/**
 * On a page with the Vite template's habits: a centred `#root` and global heading rules. styles.css
 * keeps the components start-aligned and its own heading size, line height and margin.
 */
export const HostPageStyles: Story = {
  decorators: [
    (Story) => (
      <div style={{ textAlign: 'center' }}>
        <style>{'h2 { font-size: 3em; line-height: 1.1; margin: 2em; }'}</style>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement, step }) => {
    const style = (selector: string) => {
      const element = canvasElement.querySelector(selector);
      if (!element) throw new Error(`no ${selector}`);
      return getComputedStyle(element);
    };
    /** The stylesheet's heading: 1.125em of the component's font size, no margin, its line height. */
    const expectOwnHeading = async (selector: string, root: string) => {
      const size = Number.parseFloat(style(root).fontSize);
      await expect(Number.parseFloat(style(selector).fontSize)).toBeCloseTo(size * 1.125, 1);
      await expect(style(selector).marginTop).toBe('0px');
      await expect(style(selector).marginBottom).toBe('0px');
      await expect(Number.parseFloat(style(selector).lineHeight)).toBeCloseTo(
        size * 1.125 * 1.45,
        0,
      );
    };
    await step('the details form: labels start-aligned, the heading the stylesheet’s', async () => {
      await chooseSlot(canvasElement);
      await inState(canvasElement, 'details');
      await expect(style('.aisq-booker').textAlign).toBe('start');
      for (const label of canvasElement.querySelectorAll('.aisq-booking-form__label')) {
        await expect(getComputedStyle(label).textAlign).toBe('start');
      }
      await expectOwnHeading('.aisq-booker__title', '.aisq-booker');
    });
    await step(
      'the confirmation: details start-aligned, its heading the stylesheet’s',
      async () => {
        await submit(canvasElement);
        await inState(canvasElement, 'confirmed');
        await expect(style('.aisq-booking-confirmation__details').textAlign).toBe('start');
        await expect(style('.aisq-booking-confirmation__details dd').textAlign).toBe('start');
        await expectOwnHeading('.aisq-booking-confirmation__title', '.aisq-booking-confirmation');
      },
    );
  },
};

/**
 * A visitor without any account (`jwt={null}`) on the host's public page: the 30-minute type by
 * username and slug, times from Cal.com's public endpoints, and a details form that starts empty.
 */
export const Visitor: Story = {
  parameters: { bookings: { jwt: null, getAuthToken: undefined } },
  render: (args) => (
    <CalBooker
      username={calUserFixture.username ?? ''}
      eventTypeSlug="30min"
      timeZone={args.timeZone}
      labels={{ bookerTitle: `Book a meeting with ${calUserFixture.name}` }}
      onBookingSuccess={args.onBookingSuccess}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await inState(canvasElement, 'choosingDay');
    await expect(
      canvas.getByRole('region', { name: `Book a meeting with ${calUserFixture.name}` }),
    ).toBeVisible();
    const picker = () => canvasElement.querySelector<HTMLElement>('.aisq-slot-picker');
    await waitFor(() => expect(picker()?.getAttribute('data-state')).toMatch(/^(ready|empty)$/), {
      timeout: 10_000,
    });
    if (picker()?.getAttribute('data-state') === 'empty') {
      await userEvent.click(canvas.getByRole('button', { name: 'Next month' }));
      await waitFor(() => expect(picker()).toHaveAttribute('data-state', 'ready'));
    }
    await clickFirstDayWithTimes(picker());
    // The times are on screen for the visitor.
    const time = await findBySelector(picker, '.aisq-slot-picker__time');
    await expect(time).toBeVisible();
    await userEvent.click(time);
    await inState(canvasElement, 'details');
    // Nothing prefilled: the attendee's details come from the form.
    await expect(canvas.getByRole('textbox', { name: 'Your name' })).toHaveValue('');
    await expect(canvas.getByRole('textbox', { name: 'Email address' })).toHaveValue('');
  },
};

/** The id of the recurring event type the Recurring story's handlers seeded (set before each render). */
let weeklyId = 0;

/**
 * A recurring event type (every week, 4 times): the attendee chooses how many meetings and sees their
 * dates before booking; the confirmation lists the series.
 */
export const Recurring: Story = {
  ...freshCalHandlers({
    seed: ({ model, sub }) => {
      weeklyId = model.eventTypes(sub).find((type) => type.recurrence !== null)?.id ?? 0;
    },
  }),
  render: (args) => <CalBooker {...({ ...args, eventTypeId: weeklyId } as CalBookerProps)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await chooseSlot(canvasElement);
    await inState(canvasElement, 'details');
    const count = canvas.getByRole('combobox', { name: 'Number of meetings' });
    await expect(count).toHaveValue('4');
    await expect(canvas.getByText('Every week, 4 times')).toBeVisible();
    await userEvent.selectOptions(count, '3');
    await expect(canvas.getByText('Every week, 3 times')).toBeVisible();
    const dates = () =>
      within(canvas.getByRole('list', { name: 'Dates' })).getAllByRole('listitem');
    await expect(dates()).toHaveLength(3);
    const shown = dates().map((item) => item.textContent);
    await submit(canvasElement);
    await inState(canvasElement, 'confirmed');
    await expect(dates().map((item) => item.textContent)).toEqual(shown);
  },
};

/** The model of the ReservationTaken story's handlers (set before each render). */
let reservationModel: { model: CalFakeModel; sub: string } | undefined;

/**
 * Someone else is booking the time when the person chooses it: Cal.com refuses to hold it (422), so
 * the booker goes back to the times and says so; the times refetch without it.
 */
export const ReservationTaken: Story = {
  ...freshCalHandlers({
    seed: (world) => {
      reservationModel = world;
    },
  }),
  play: async ({ canvasElement }) => {
    // Once the times are on screen, another booker holds every time of this meeting type.
    await chooseSlot(canvasElement, () => {
      const { model, sub } = reservationModel as { model: CalFakeModel; sub: string };
      const type = model.eventTypes(sub).find((candidate) => candidate.slug === '30min');
      const now = model.now();
      for (const slot of model.slots(type?.id ?? 0, now, now + 70 * 86_400_000)) {
        const slotStart = new Date(slot.start).toISOString();
        model.reserveSlot({ eventTypeId: type?.id ?? 0, slotStart });
      }
    });
    await inState(canvasElement, 'slotTaken');
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'Someone else is booking that time right now. Please choose another time.',
    );
  },
};

/** The id of the seeded type whose owner chose the week view (set before each render). */
let officeHoursId = 0;
const officeHours = freshCalHandlers({
  seed: ({ model, sub }) => {
    officeHoursId = model.eventTypes(sub).find((type) => type.slug === 'office-hours')?.id ?? 0;
  },
});

/** Back from the details: the same layout's grid of times again (what axe then checks). */
async function backToGrid(canvasElement: HTMLElement, layout: string) {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Back' }));
  await waitFor(() =>
    expect(canvasElement.querySelector('.aisq-slot-picker')).toHaveAttribute('data-layout', layout),
  );
  await expect(await canvas.findByRole('grid', { name: /Times in Europe\/London/ })).toBeVisible();
}

/**
 * In a week or column layout: the next days (so that working days show whatever today is), then by
 * keyboard from the Next button into the grid, one time down, Enter; the details step follows.
 */
async function chooseTimeByKeyboard(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const picker = () => canvasElement.querySelector<HTMLElement>('.aisq-slot-picker');
  await waitFor(() => expect(picker()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
  await userEvent.click(canvas.getByRole('button', { name: 'Next days' }));
  const grid = canvas.getByRole('grid', { name: /Times in Europe\/London/ });
  await waitFor(() => expect(grid.querySelector('button[tabindex="0"]')).not.toBeNull());
  await userEvent.tab();
  await expect(grid.querySelector('button[tabindex="0"]')).toHaveFocus();
  await userEvent.keyboard('{ArrowDown}');
  await userEvent.keyboard('{Enter}');
  await inState(canvasElement, 'details');
}

/** The event type's own layout (`bookerLayouts`: week by default, week and column enabled). */
export const WeekLayout: Story = {
  ...officeHours,
  render: (args) => <CalBooker {...({ ...args, eventTypeId: officeHoursId } as CalBookerProps)} />,
  play: async ({ canvasElement, canvas }) => {
    const group = await canvas.findByRole('group', { name: 'Layout' });
    await waitFor(() =>
      expect(within(group).getByRole('button', { name: 'Week' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    await expect(within(group).queryByRole('button', { name: 'Month' })).toBeNull();
    await chooseTimeByKeyboard(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Your details' })).toBeVisible();
    await backToGrid(canvasElement, 'week');
  },
};

/** `layout="column"`: the chosen day and the next four side by side; no layout switch. */
export const ColumnLayout: Story = {
  args: { eventTypeId: 2, layout: 'column' },
  play: async ({ canvasElement, canvas }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('.aisq-slot-picker')).toHaveAttribute(
        'data-layout',
        'column',
      ),
    );
    await expect(canvas.queryByRole('group', { name: 'Layout' })).toBeNull();
    await chooseTimeByKeyboard(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Your details' })).toBeVisible();
    await backToGrid(canvasElement, 'column');
  },
};

/** The seated type's id in the story's world, and the start the Seats story filled. */
let seatedTypeId = 0;
let fullStart = 0;

/**
 * The user's seated "Group Workshop" (3 seats, the count shown): its first time full, its second
 * with one seat taken.
 */
function seedSeats({ model, sub }: { model: CalFakeModel; sub: string }) {
  const type = model.eventTypes(sub).find((candidate) => candidate.slug === 'group-workshop');
  const from = model.now();
  const [first, second] = type ? model.slots(type.id, from, from + 28 * 86_400_000) : [];
  if (!type || !first || !second) throw new Error('no seated slots');
  seatedTypeId = type.id;
  fullStart = first.start;
  const take = (start: number, index: number) =>
    model.createBooking({
      eventTypeId: type.id,
      start,
      attendee: { name: `Guest ${index}`, email: `guest${index}@example.com`, timeZone: 'UTC' },
    });
  for (const index of [1, 2, 3]) take(first.start, index);
  take(second.start, 4);
}

/** The first day with times of the pinned event type, and its times. */
async function seatedTimes(canvasElement: HTMLElement) {
  await inState(canvasElement, 'choosingDay');
  const picker = () => canvasElement.querySelector<HTMLElement>('.aisq-slot-picker');
  await waitFor(() => expect(picker()).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
  await clickFirstDayWithTimes(picker());
  await findBySelector(picker, '.aisq-slot-picker__time');
  return [...canvasElement.querySelectorAll<HTMLButtonElement>('.aisq-slot-picker__time')];
}

/** A seated event type: seats left with each time; a full time stays listed as "Booking full". */
export const Seats: Story = {
  ...freshCalHandlers({ seed: seedSeats }),
  render: (args) => <CalBooker {...({ ...args, eventTypeId: seatedTypeId } as CalBookerProps)} />,
  play: async ({ canvasElement }) => {
    const times = await seatedTimes(canvasElement);
    const full = times.find(
      (time) => Date.parse(time.querySelector('time')?.dateTime ?? '') === fullStart,
    );
    await expect(full).toHaveAccessibleName(/Booking full/);
    await expect(full).toHaveAttribute('aria-disabled', 'true');
    await expect(times[1]).toHaveTextContent('2 seats left');
    await expect(times[2]).toHaveTextContent('3 seats left');
  },
};

/** A seat booked: the confirmation says it is a seat. */
export const SeatBooked: Story = {
  ...freshCalHandlers({ seed: seedSeats }),
  render: (args) => <CalBooker {...({ ...args, eventTypeId: seatedTypeId } as CalBookerProps)} />,
  play: async ({ canvasElement }) => {
    const times = await seatedTimes(canvasElement);
    await userEvent.click(times[1] as HTMLElement);
    await submit(canvasElement);
    await inState(canvasElement, 'confirmed');
    await expect(
      await within(canvasElement).findByText('You have a seat at this event.'),
    ).toBeVisible();
  },
};

/** The pinned type needing confirmation, in the story's world. */
let pendingTypeId = 0;

/** A type that needs the host's confirmation: the request is sent, not booked. */
export const Pending: Story = {
  ...freshCalHandlers({
    seed: ({ model, sub }) => {
      pendingTypeId = model.eventTypes(sub).find((type) => type.slug === 'intro-call')?.id ?? 0;
    },
  }),
  render: (args) => <CalBooker {...({ ...args, eventTypeId: pendingTypeId } as CalBookerProps)} />,
  play: async ({ canvasElement }) => {
    await inState(canvasElement, 'choosingDay');
    await chooseSlot(canvasElement);
    await submit(canvasElement);
    await inState(canvasElement, 'confirmed');
    const heading = await within(canvasElement).findByRole('heading', {
      name: 'Request sent, waiting for the host to confirm',
    });
    await expect(heading).toBeVisible();
    await expect(canvasElement.querySelector('.aisq-booking-confirmation')).toHaveAttribute(
      'data-state',
      'pending',
    );
  },
};

/**
 * Durations (issue 20): the 30-minute type offers 15, 30 and 45 minutes. Choosing 45 asks Cal.com
 * for 45-minute times (they step by 45 minutes), and the booking and its confirmation are 45 minutes.
 */
export const Durations: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('choose 45 minutes before the time', async () => {
      await userEvent.click(await canvas.findByRole('button', { name: /^30 Minute Meeting/ }));
      const group = await canvas.findByRole('group', { name: 'Duration' });
      await expect(within(group).getByRole('radio', { name: '30 minutes' })).toBeChecked();
      await userEvent.click(within(group).getByRole('radio', { name: '45 minutes' }));
      await expect(within(group).getByRole('radio', { name: '45 minutes' })).toBeChecked();
      await expect(canvasElement.querySelector('.aisq-booker__event-length')).toHaveTextContent(
        '45 minutes',
      );
    });
    await step('the times are 45 minutes apart', async () => {
      let starts: number[] = [];
      // The type is chosen: chooseSlot goes on from the first day with times.
      await chooseSlot(canvasElement, () => {
        starts = [...canvasElement.querySelectorAll('.aisq-slot-picker__time time')].map((time) =>
          Date.parse(time.getAttribute('dateTime') ?? ''),
        );
      });
      if (starts.length > 1) await expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBe(45 * 60_000);
    });
    await step('booked for 45 minutes', async () => {
      await submit(canvasElement);
      await inState(canvasElement, 'confirmed');
      const rows = [...canvasElement.querySelectorAll('.aisq-booking-confirmation__row')];
      const length = rows.find((row) => row.querySelector('dt')?.textContent === 'Duration');
      await expect(length?.querySelector('dd')).toHaveTextContent('45 minutes');
    });
  },
};

/** The id of the seeded `consultation` type in the Locations story's world (set before each render). */
let consultationId = 0;

/**
 * Locations (issue 20): a type held by video, by phone or in person. The attendee chooses a phone
 * call, gives their number (checked as international), books, and the confirmation says where.
 */
export const Locations: Story = {
  ...freshCalHandlers({
    seed: ({ model, sub }) => {
      consultationId = model.eventTypes(sub).find((type) => type.slug === 'consultation')?.id ?? 0;
    },
  }),
  render: (args) => <CalBooker {...(args as Props)} eventTypeId={consultationId} />,
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('choose a phone call and give a number', async () => {
      await inState(canvasElement, 'choosingDay');
      await chooseSlot(canvasElement);
      await inState(canvasElement, 'details');
      const group = await canvas.findByRole('group', { name: 'Location' });
      // The host's own phone is not public: not shown before booking.
      await expect(group).not.toHaveTextContent('+14155550123');
      await userEvent.click(within(group).getByRole('radio', { name: 'Phone call (your number)' }));
      await userEvent.type(canvas.getByRole('textbox', { name: 'Your phone number' }), '020 7946');
      await submit(canvasElement);
      await expect(canvas.getByRole('textbox', { name: 'Your phone number' })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      const phone = canvas.getByRole('textbox', { name: 'Your phone number' });
      await userEvent.clear(phone);
      await userEvent.type(phone, '+44 20 7946 0958');
    });
    await step('booked: the confirmation shows the number', async () => {
      await submit(canvasElement);
      await inState(canvasElement, 'confirmed');
      const rows = [...canvasElement.querySelectorAll('.aisq-booking-confirmation__row')];
      const where = rows.find((row) => row.querySelector('dt')?.textContent === 'Where');
      await expect(where?.querySelector('dd')).toHaveTextContent('+442079460958');
    });
  },
};

// --- Booking-page settings (issue 20): the e-mail code step, sign-in required, a locked zone -------

/** The fixture user's Cal.com username: the hidden settings types are booked by slug, as its owner. */
const STORY_USERNAME = 'ada-lovelace-cm1fake0client';
/** The model of the story's latest render, to read the code the fake "e-mailed". */
let settingsModel: CalStoryWorld['model'] | undefined;
const settingsHandlers = () =>
  freshCalHandlers({
    seed: ({ model }) => {
      settingsModel = model;
    },
  });

/** Renders the booker on one of the hidden booking-page-settings event types, by slug. */
const onSettingsType = (slug: string) => (args: Props) => (
  <CalBooker {...args} eventTypeId={undefined} eventTypeSlug={slug} username={STORY_USERNAME} />
);

/** Reaches the code step of the "Verified Intro" type (`requiresBookerEmailVerification`). */
async function reachCodeStep(canvasElement: HTMLElement): Promise<HTMLElement> {
  await chooseSlot(canvasElement);
  await submit(canvasElement);
  await inState(canvasElement, 'verifyingEmail');
  const input = await within(canvasElement).findByRole('textbox', { name: 'Code' });
  await waitFor(() =>
    expect(canvasElement.querySelector('.aisq-booker__code')).toHaveAttribute('data-state', 'sent'),
  );
  return input;
}

/** The e-mail code step: where the code went, a one-time-code input, verify or send a new one. */
export const EmailVerification: Story = {
  ...settingsHandlers(),
  render: onSettingsType('verified-intro'),
  play: async ({ canvasElement }) => {
    const input = await reachCodeStep(canvasElement);
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(input).toHaveAccessibleDescription(/We e-mailed a code to .*ada@example\.com/);
    await expect(within(canvasElement).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Verify your e-mail',
    );
    await expect(settingsModel?.emailVerificationCode('ada@example.com')).toMatch(/^\d{6}$/);
    await expect(
      within(canvasElement).getByRole('button', { name: 'Send a new code' }),
    ).toBeEnabled();
  },
};

/** A wrong code: said, and tied to the input (the right one then books: see the unit tests). */
export const EmailVerificationWrongCode: Story = {
  ...settingsHandlers(),
  render: onSettingsType('verified-intro'),
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const input = await reachCodeStep(canvasElement);
    const code = settingsModel?.emailVerificationCode('ada@example.com') ?? '';
    await step('a wrong code', async () => {
      await userEvent.type(input, code === '000000' ? '111111' : '000000');
      await userEvent.click(canvas.getByRole('button', { name: 'Verify and book' }));
      await expect(await canvas.findByRole('alert')).toHaveTextContent('Wrong or expired code.');
      await expect(input).toHaveAttribute('aria-invalid', 'true');
    });
  },
};

/** Only signed-in people may book this type (`bookingRequiresAuthentication`): a visitor is told so. */
export const SignInRequired: Story = {
  ...settingsHandlers(),
  args: { signedIn: false, onSignInRequired: fn() },
  render: onSettingsType('owner-only'),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await inState(canvasElement, 'signInRequired');
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('Sign in to book');
    await expect(canvas.getByText('Only signed-in people can book this meeting.')).toBeVisible();
    await expect(canvas.queryByRole('grid')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(args.onSignInRequired).toHaveBeenCalledTimes(1);
  },
};

/** The type locks the time zone (`lockTimeZoneToggleOnBookingPage`): a read-only field that says why. */
export const LockedTimeZone: Story = {
  ...settingsHandlers(),
  render: onSettingsType('verified-intro'),
  play: async ({ canvasElement }) => {
    const zone = await within(canvasElement).findByRole('textbox', { name: 'Time zone' });
    await expect(zone).toHaveAttribute('readonly');
    await expect(zone).toHaveAccessibleDescription('Times are shown in this zone only.');
    await expect(canvasElement.querySelector('.aisq-slot-picker__zone')).toHaveAttribute(
      'data-state',
      'locked',
    );
  },
};
