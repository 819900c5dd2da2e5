import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, type within } from 'storybook/test';
import { CalTokenStatus } from '../src/index.js';
import { bookingsHandlers, freshHandlers, stuckRefreshHandlers } from './support.js';

const meta = {
  title: 'Components/CalTokenStatus',
  component: CalTokenStatus,
  parameters: { msw: { handlers: bookingsHandlers() } },
} satisfies Meta<typeof CalTokenStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits until the status region is in `state`, and returns it. */
async function expectState(canvas: ReturnType<typeof within>, state: string, timeout = 5_000) {
  const status = await canvas.findByRole('status');
  await waitFor(() => expect(status).toHaveAttribute('data-state', state), { timeout });
  return status;
}

/** `autoConnect={false}`: nothing requested yet. */
export const Idle: Story = {
  parameters: { bookings: { autoConnect: false } },
  play: async ({ canvas }) => {
    await expect(await expectState(canvas, 'idle')).toHaveTextContent('Cal.com is not connected.');
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'loading' }) } },
  play: async ({ canvas }) => {
    await expect(await expectState(canvas, 'loading')).toHaveTextContent('Connecting to Cal.com…');
  },
};

/** A valid token, with the time until its refresh (`Intl.RelativeTimeFormat`, updated every second). */
export const Ready: Story = {
  play: async ({ canvas }) => {
    const status = await expectState(canvas, 'ready');
    await expect(status).toHaveTextContent(/Refreshes in \d+ minutes/);
  },
};

/** A 20-second token: watch it count down, refresh (1.5 s) and start again. */
export const ShortLivedToken: Story = {
  parameters: {
    msw: { handlers: bookingsHandlers({ scenario: 'slow', delayMs: 1500, tokenTtlSeconds: 20 }) },
  },
  play: async ({ canvas }) => {
    await expect(await expectState(canvas, 'ready')).toHaveTextContent(/Refreshes in \d+ seconds/);
  },
};

/** A refresh in flight (here it never answers); the previous token is still valid. */
export const Refreshing: Story = {
  ...freshHandlers(stuckRefreshHandlers),
  play: async ({ canvas }) => {
    await expect(await expectState(canvas, 'refreshing', 10_000)).toHaveTextContent(
      'Refreshing the Cal.com connection…',
    );
  },
};

/** AISquare answers 401: the session expired; nothing retries. */
export const Unauthorized: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'unauthorized' }) } },
  play: async ({ canvas }) => {
    await expect(await expectState(canvas, 'unauthorized')).toHaveTextContent(
      'Your session has expired. Sign in again to continue.',
    );
  },
};

/** 500s, retried with jittered backoff (1, 2, 4, 8 s, each up to 2×) before the error and its retry button show. */
export const ServerError: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'serverError' }) } },
  play: async ({ canvas }) => {
    await expectState(canvas, 'error', 35_000);
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** After the server error, the API recovers and "Try again" gets a token. */
export const RetryAfterServerError: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'serverError' }) } },
  play: async ({ canvas, context, step }) => {
    await expectState(canvas, 'error', 35_000);
    await step('the API recovers; retry', async () => {
      context.msw.use(...bookingsHandlers());
      await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    });
    // The retry waits out the 5 s between token requests.
    await expectState(canvas, 'ready', 10_000);
  },
};

/** The token answer is not JSON: `invalid_response`, final at once. */
export const Malformed: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'malformed' }) } },
  play: async ({ canvas }) => {
    await expect(await expectState(canvas, 'error')).toHaveTextContent('could not read');
  },
};
