import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { CalSlotPicker, type CalSlotPickerProps } from '../src/index.js';
import {
  clickFirstDayWithTimes,
  findBySelector,
  findServerError,
  freshCalHandlers,
  regionInState,
  rightToLeft,
} from './support.js';

// The story user's seeded event types in a fresh model: 1 = 15 min, 2 = 30 min, 3 = 60 min.
const THIRTY_MINUTES = 2;

/** Next month (`YYYY-MM`): always has free weekdays, whatever day the stories run on. */
function nextMonth(): string {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 7);
}

/** The picker by event type id (its props are a union of id, or slug + username). */
type Props = Extract<CalSlotPickerProps, { eventTypeId: number }>;

const meta = {
  title: 'Booking/CalSlotPicker',
  component: CalSlotPicker as (props: Props) => ReactNode,
  args: {
    eventTypeId: THIRTY_MINUTES,
    timeZone: 'Europe/London',
    defaultMonth: nextMonth(),
    onSelect: fn(),
  },
  ...freshCalHandlers(),
} satisfies Meta<Props>;

export default meta;
type Story = StoryObj<Props>;

const PICKER = 'Choose a day and time';

/** The month's slots load: the grid is busy and says so. */
export const Loading: Story = {
  ...freshCalHandlers({ scenario: 'loading' }),
  play: async ({ canvas }) => {
    await expect(await regionInState(canvas, PICKER, 'loading')).toHaveAttribute(
      'aria-busy',
      'true',
    );
    await expect(canvas.getByText('Loading times…')).toBeInTheDocument();
  },
};

/** Nothing free this month: the picker says so and offers the next month. */
export const MonthWithoutSlots: Story = {
  ...freshCalHandlers({ scenario: 'noSlots' }),
  play: async ({ canvas }) => {
    await regionInState(canvas, PICKER, 'empty');
    await expect(canvas.getByText('No times this month.')).toBeVisible();
  },
};

/** A day with times chosen: its times in the chosen zone, as toggle buttons. */
export const TimesShown: Story = {
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    await regionInState(canvas, PICKER, 'ready');
    await step('choose the first day with times', async () => {
      await clickFirstDayWithTimes(canvasElement);
    });
    const list = await findBySelector(() => canvasElement, '.aisq-slot-picker__time-list');
    const times = within(list).getAllByRole('button');
    await expect(times.length).toBeGreaterThan(0);
    await step('choose the first time', async () => {
      await userEvent.click(times[0] as HTMLElement);
    });
    await expect(times[0]).toHaveAttribute('aria-pressed', 'true');
    await expect(args.onSelect).toHaveBeenCalledTimes(1);
  },
};

/** Cal.com fails (500): after the query's retries, the error and "Try again". */
export const ServerError: Story = {
  ...freshCalHandlers({ scenario: 'serverError' }),
  play: async ({ canvas }) => {
    await findServerError(canvas);
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await regionInState(canvas, PICKER, 'ready');
  },
};

export const RightToLeft: Story = {
  decorators: [rightToLeft],
  play: DarkTheme.play,
};
