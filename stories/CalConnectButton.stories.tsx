import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { CalConnectButton } from '../src/index.js';
import { bookingsHandlers, freshHandlers } from './support.js';

const meta = {
  title: 'Components/CalConnectButton',
  component: CalConnectButton,
  args: { onConnected: fn(), onError: fn() },
  // An explicit connect step: the provider waits for the button.
  parameters: { bookings: { autoConnect: false }, msw: { handlers: bookingsHandlers() } },
} satisfies Meta<typeof CalConnectButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Connect Cal.com' })).toBeEnabled();
  },
};

/** The request is in flight (it never answers here): the button is disabled. */
export const Connecting: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'loading' }) } },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Cal.com' }));
    await expect(await canvas.findByRole('button', { name: 'Connecting…' })).toBeDisabled();
  },
};

/** A first-time user: the initial integration creates the Cal.com account. */
export const ConnectCreatesAccount: Story = {
  ...freshHandlers(() => bookingsHandlers({ scenario: 'notConnected', delayMs: 300 })),
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Cal.com' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent(
      'Your Cal.com account was created and connected.',
    );
    await expect(args.onConnected).toHaveBeenCalledWith(
      expect.objectContaining({ integrationStatus: 'created' }),
    );
  },
};

/** A returning user: the account already existed. */
export const ConnectExistingAccount: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Cal.com' }));
    await canvas.findByText('Connected to your existing Cal.com account.');
    await expect(canvas.getByRole('button', { name: 'Reconnect Cal.com' })).toBeEnabled();
    await expect(args.onConnected).toHaveBeenCalledWith(
      expect.objectContaining({ integrationStatus: 'existing' }),
    );
  },
};

export const Unauthorized: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'unauthorized' }) } },
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Cal.com' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Sign in again');
    await expect(args.onError).toHaveBeenCalledTimes(1);
  },
};

/** 500s are retried with jittered backoff (1, 2, 4, 8 s, each up to 2×: at most 30 s) before the error shows. */
export const ServerError: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'serverError' }) } },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Cal.com' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 35_000 })).toHaveTextContent(
      'having trouble',
    );
  },
};

export const Malformed: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'malformed' }) } },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Connect Cal.com' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('could not read');
  },
};
