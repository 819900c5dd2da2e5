import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CalBooker, type CalBookerProps } from '../src/index.js';
import {
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
async function chooseSlot(canvasElement: HTMLElement) {
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
  await userEvent.click(await findBySelector(picker, '.aisq-slot-picker__time'));
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
    await chooseSlot(canvasElement);
    await submit(canvasElement, 'Confirm new time');
    await inState(canvasElement, 'confirmed');
    await expect(await within(canvasElement).findByText('Your meeting was moved')).toBeVisible();
    await expect(args.onBookingSuccess).toHaveBeenCalledWith(
      expect.objectContaining({ rescheduledFromUid: seededUid }),
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
      const picker = () => canvasElement.querySelector<HTMLElement>('.aisq-slot-picker');
      await waitFor(() => expect(picker()?.getAttribute('data-state')).toMatch(/^(ready|empty)$/));
      if (picker()?.getAttribute('data-state') === 'empty') {
        await userEvent.click(canvas.getByRole('button', { name: 'Next month' }));
        await waitFor(() => expect(picker()).toHaveAttribute('data-state', 'ready'));
      }
      await clickFirstDayWithTimes(picker());
      await findBySelector(picker, '.aisq-slot-picker__time');
      const starts = [...canvasElement.querySelectorAll('.aisq-slot-picker__time time')].map(
        (time) => Date.parse(time.getAttribute('dateTime') ?? ''),
      );
      if (starts.length > 1) await expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBe(45 * 60_000);
      await userEvent.click(await findBySelector(picker, '.aisq-slot-picker__time'));
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
