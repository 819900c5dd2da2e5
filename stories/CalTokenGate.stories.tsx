import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { CalTokenGate, CalTokenStatus } from '../src/index.js';
import type { CalToken } from '../src/token/types.js';
import { bookingsHandlers } from './support.js';

function TokenDetails({ token }: { token: CalToken }) {
  return (
    <p>
      Cal.com token for client <code>{token.calClientId}</code> ({token.tokenType}, ends in{' '}
      <code>…{token.accessToken.slice(-6)}</code>)
    </p>
  );
}

const meta = {
  title: 'Components/CalTokenGate',
  component: CalTokenGate,
  args: {
    children: (token: CalToken) => <TokenDetails token={token} />,
    fallback: <CalTokenStatus />,
  },
  argTypes: { children: { control: false }, fallback: { control: false } },
  parameters: { msw: { handlers: bookingsHandlers() } },
} satisfies Meta<typeof CalTokenGate>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A token is ready: the render function receives it. */
export const Ready: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/Cal.com token for client/)).toHaveTextContent('…only-1');
  },
};

/** No token yet: the fallback (here a `CalTokenStatus`) shows. */
export const Loading: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'loading' }) } },
  play: async ({ canvas }) => {
    const status = await canvas.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Connecting to Cal.com…'));
    await expect(canvas.queryByText(/Cal.com token for client/)).toBeNull();
  },
};

export const Unauthorized: Story = {
  parameters: { msw: { handlers: bookingsHandlers({ scenario: 'unauthorized' }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/Your session has expired/)).toBeVisible();
  },
};
