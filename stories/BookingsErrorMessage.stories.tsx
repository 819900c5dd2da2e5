import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { BookingsApiError } from '../src/client/errors.js';
import { BookingsErrorMessage } from '../src/index.js';

const meta = {
  title: 'Components/BookingsErrorMessage',
  component: BookingsErrorMessage,
  // No requests: the error is given directly.
  parameters: { bookings: false },
  argTypes: { error: { control: false } },
  args: {
    error: new BookingsApiError({ kind: 'server', endpoint: 'user', status: 500 }),
  },
} satisfies Meta<typeof BookingsErrorMessage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Unauthorized: Story = {
  args: { error: new BookingsApiError({ kind: 'unauthorized', endpoint: 'user', status: 401 }) },
};

export const InvalidRequest: Story = {
  args: {
    error: new BookingsApiError({ kind: 'invalid_request', endpoint: 'token', status: 400 }),
  },
};

export const NotFound: Story = {
  args: { error: new BookingsApiError({ kind: 'not_found', endpoint: 'user', status: 404 }) },
};

export const ServerError: Story = {};

export const Network: Story = {
  args: { error: new BookingsApiError({ kind: 'network', endpoint: 'token' }) },
};

export const Timeout: Story = {
  args: { error: new BookingsApiError({ kind: 'timeout', endpoint: 'config' }) },
};

export const InvalidResponse: Story = {
  args: {
    error: new BookingsApiError({ kind: 'invalid_response', endpoint: 'user', status: 200 }),
  },
};

export const Aborted: Story = {
  args: { error: new BookingsApiError({ kind: 'aborted', endpoint: 'token' }) },
};

/** `showDetail` adds the server's own words, for developers and support. */
export const WithDetail: Story = {
  args: {
    showDetail: true,
    error: new BookingsApiError({
      kind: 'server',
      endpoint: 'token',
      status: 502,
      detail: 'Cal.com did not answer in time.',
    }),
  },
};

/** With `onRetry`, a retry button. */
export const WithRetry: Story = {
  args: { onRetry: fn() },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};
