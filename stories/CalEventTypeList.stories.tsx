import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { CalEventTypeList } from '../src/index.js';
import { findServerError, freshCalHandlers, regionInState, rightToLeft } from './support.js';

const meta = {
  title: 'Booking/CalEventTypeList',
  component: CalEventTypeList,
  args: { onSelect: fn() },
  ...freshCalHandlers(),
} satisfies Meta<typeof CalEventTypeList>;

export default meta;
type Story = StoryObj<typeof meta>;

const LIST = 'Meeting types';

export const Loading: Story = {
  ...freshCalHandlers({ scenario: 'loading' }),
  play: async ({ canvas }) => {
    await expect(await regionInState(canvas, LIST, 'loading')).toHaveAttribute('aria-busy', 'true');
  },
};

export const NoEventTypes: Story = {
  ...freshCalHandlers({ scenario: 'noEventTypes' }),
  play: async ({ canvas }) => {
    await regionInState(canvas, LIST, 'empty');
    await expect(canvas.getByText('There is nothing to book here yet.')).toBeVisible();
  },
};

/** The user's visible event types (the hidden 60-minute one left out); choosing one calls onSelect. */
export const List: Story = {
  play: async ({ canvas, args }) => {
    const thirty = await canvas.findByRole('button', { name: /^30 Minute Meeting/ });
    await expect(canvas.getAllByRole('button')).toHaveLength(2);
    await userEvent.click(thirty);
    await expect(args.onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ slug: '30min', lengthInMinutes: 30 }),
    );
  },
};

/** `selected` presses the chosen event type's button. */
export const Selected: Story = {
  args: { selected: 2 },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: /^30 Minute Meeting/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  },
};

export const ServerError: Story = {
  ...freshCalHandlers({ scenario: 'serverError' }),
  play: async ({ canvas }) => {
    await findServerError(canvas);
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await canvas.findByRole('button', { name: /^30 Minute Meeting/ });
  },
};

export const RightToLeft: Story = {
  decorators: [rightToLeft],
  play: DarkTheme.play,
};
