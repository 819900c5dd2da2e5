import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { BookingsLabelsProvider, CalUserCard } from '../src/index.js';
import { bookingsHandlers, findServerError, freshHandlers } from './support.js';

const meta = {
  title: 'Components/CalUserCard',
  component: CalUserCard,
  args: { onConnected: fn() },
  parameters: { msw: { handlers: bookingsHandlers() } },
} satisfies Meta<typeof CalUserCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A user without a Cal.com account yet (404), with `autoConnect={false}`. */
const notConnected = {
  parameters: { bookings: { autoConnect: false } },
  ...freshHandlers(() => bookingsHandlers({ scenario: 'notConnected' })),
};

/** The user loads: a skeleton, `aria-busy`, and the loading text for screen readers. */
export const Loading: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'loading' }) } },
  play: async ({ canvas }) => {
    const card = await canvas.findByRole('article', { name: 'Cal.com account' });
    await expect(card).toHaveAttribute('data-state', 'loading');
    await expect(card).toHaveAttribute('aria-busy', 'true');
  },
};

export const Ready: Story = {
  play: async ({ canvas }) => {
    await canvas.findByText('Ada Lovelace');
    await expect(
      canvas.getByRole('img', { name: 'Avatar of \u2068Ada Lovelace\u2069' }),
    ).toBeVisible();
    await expect(canvas.getByText('ada.lovelace@example.com')).toBeVisible();
    await expect(canvas.getByText('Europe/London')).toBeVisible();
  },
};

/** No avatar: the initials stand in. */
export const Initials: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ user: { avatarUrl: null } }) } },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('img', { name: 'Avatar of \u2068Ada Lovelace\u2069' }),
    ).toHaveTextContent('AL');
  },
};

/** The provider is disabled (or nobody is signed in): nothing is fetched. */
export const Idle: Story = {
  parameters: { bookings: { enabled: false } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Sign in to see your Cal.com account.')).toBeVisible();
  },
};

/** A user without a Cal.com account yet (404), with `autoConnect={false}`: a connect button. */
export const NotConnected: Story = {
  ...notConnected,
  play: async ({ canvas }) => {
    const card = await canvas.findByRole('article', { name: 'Cal.com account' });
    await canvas.findByText('Your Cal.com account is not connected yet.');
    await expect(card).toHaveAttribute('data-state', 'not-connected');
    await expect(canvas.getByRole('button', { name: 'Connect Cal.com' })).toBeEnabled();
  },
};

/** Connecting performs the initial integration; the card then shows the new Cal.com account. */
export const ConnectFlow: Story = {
  ...notConnected,
  play: async ({ canvas, args, step }) => {
    await canvas.findByText('Your Cal.com account is not connected yet.');
    await step('connect', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Connect Cal.com' }));
    });
    await canvas.findByText('Ada Lovelace');
    await expect(args.onConnected).toHaveBeenCalledWith(
      expect.objectContaining({ integrationStatus: 'created' }),
    );
  },
};

export const Unauthorized: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'unauthorized' }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Sign in again');
  },
};

/** Every endpoint answers 500; the user query retries (1 s, 2 s, 4 s) before it shows the error. */
export const ServerError: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'serverError' }) } },
  play: async ({ canvas }) => {
    await findServerError(canvas);
  },
};

/** After the server error, the API recovers and "Try again" refetches the user. */
export const RetryAfterServerError: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'serverError' }) } },
  play: async ({ canvas, context, step }) => {
    const alert = await findServerError(canvas);
    await step('the API recovers; retry', async () => {
      context.msw.use(...bookingsHandlers());
      await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    });
    await canvas.findByText('Ada Lovelace');
  },
};

/** The API answers with a body that is not JSON: `invalid_response`, not retried. */
export const Malformed: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'malformed' }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('could not read');
  },
};

/** Details from the server, for developers and support (`showErrorDetail`). */
export const ServerErrorWithDetail: Story = {
  args: { showErrorDetail: true },
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'unauthorized' }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Details:');
  },
};

/** Labels replaced through `BookingsLabelsProvider` (and `locale` for Intl). */
export const Translated: Story = {
  ...notConnected,
  decorators: [
    (Story) => (
      <BookingsLabelsProvider
        labels={{
          locale: 'fr',
          userCardTitle: 'Compte Cal.com',
          userCardNotConnected: 'Votre compte Cal.com n’est pas encore connecté.',
          connect: 'Connecter Cal.com',
        }}
      >
        <Story />
      </BookingsLabelsProvider>
    ),
  ],
  play: async ({ canvas }) => {
    await canvas.findByText('Votre compte Cal.com n’est pas encore connecté.');
    await expect(canvas.getByRole('button', { name: 'Connecter Cal.com' })).toBeVisible();
  },
};

/** `data-theme="dark"` on an ancestor (or `prefers-color-scheme: dark`). */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: Ready.play,
};
