import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, HttpResponse, http } from 'msw';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CalBooker, type CalBookerProps } from '../src/index.js';
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
