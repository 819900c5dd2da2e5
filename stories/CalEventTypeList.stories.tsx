import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { CalEventTypeList } from '../src/components/index.js';
import { calHandlers, freshHandlers } from './support.js';

const meta = {
  title: 'Booking/CalEventTypeList',
  component: CalEventTypeList,
  args: { onSelect: fn() },
  ...freshHandlers(() => calHandlers()),
} satisfies Meta<typeof CalEventTypeList>;

export default meta;
type Story = StoryObj<typeof meta>;

function list(canvas: { getByRole: (role: string, options: object) => HTMLElement }) {
  return canvas.getByRole('region', { name: 'Meeting types' });
}

export const Loading: Story = {
  ...freshHandlers(() => calHandlers({ scenario: 'loading' })),
  play: async ({ canvas }) => {
    await waitFor(() => expect(list(canvas)).toHaveAttribute('data-state', 'loading'));
    await expect(list(canvas)).toHaveAttribute('aria-busy', 'true');
  },
};

export const NoEventTypes: Story = {
  ...freshHandlers(() => calHandlers({ scenario: 'noEventTypes' })),
  play: async ({ canvas }) => {
    await waitFor(() => expect(list(canvas)).toHaveAttribute('data-state', 'empty'));
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
    await canvas.findByRole('button', { name: /^30 Minute Meeting/ });
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
    await canvas.findByRole('button', { name: /^30 Minute Meeting/ });
  },
};
