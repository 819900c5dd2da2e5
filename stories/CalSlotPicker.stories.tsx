import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CalSlotPicker, type CalSlotPickerProps } from '../src/components/index.js';
import { calHandlers, freshHandlers } from './support.js';

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
  ...freshHandlers(() => calHandlers()),
} satisfies Meta<Props>;

export default meta;
type Story = StoryObj<Props>;

function picker(canvas: { getByRole: (role: string, options: object) => HTMLElement }) {
  return canvas.getByRole('region', { name: 'Choose a day and time' });
}

/** The month's slots load: the grid is busy and says so. */
export const Loading: Story = {
  ...freshHandlers(() => calHandlers({ scenario: 'loading' })),
  play: async ({ canvas }) => {
    await waitFor(() => expect(picker(canvas)).toHaveAttribute('data-state', 'loading'));
    await expect(picker(canvas)).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByText('Loading times…')).toBeInTheDocument();
  },
};

/** Nothing free this month: the picker says so and offers the next month. */
export const MonthWithoutSlots: Story = {
  ...freshHandlers(() => calHandlers({ scenario: 'noSlots' })),
  play: async ({ canvas }) => {
    await waitFor(() => expect(picker(canvas)).toHaveAttribute('data-state', 'empty'));
    await expect(canvas.getByText('No times this month.')).toBeVisible();
  },
};

/** A day with times chosen: its times in the chosen zone, as toggle buttons. */
export const TimesShown: Story = {
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(picker(canvas)).toHaveAttribute('data-state', 'ready'));
    await step('choose the first day with times', async () => {
      const day = canvasElement.querySelector<HTMLElement>(
        '[role="gridcell"][data-available="true"]:not([aria-disabled="true"])',
      );
      if (!day) throw new Error('no day with times');
      await userEvent.click(day);
    });
    const list = await waitFor(() => {
      const element = canvasElement.querySelector('.aisq-slot-picker__time-list');
      if (!element) throw new Error('no times yet');
      return element as HTMLElement;
    });
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
  ...freshHandlers(() => calHandlers({ scenario: 'serverError' })),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert', {}, { timeout: 20_000 })).toHaveTextContent(
      'having trouble',
    );
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await waitFor(() => expect(picker(canvas)).toHaveAttribute('data-state', 'ready'));
  },
};

export const RightToLeft: Story = {
  decorators: [
    (Story) => (
      <div dir="rtl" lang="ar">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    await waitFor(() => expect(picker(canvas)).toHaveAttribute('data-state', 'ready'));
  },
};
