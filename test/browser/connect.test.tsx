import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { CalTokenSummary } from '../../src/index.js';
import {
  CalConnectButton,
  CalTokenStatus,
  CalUserCard,
  defaultBookingsLabels,
} from '../../src/index.js';
import { issueJwt, sandboxCounts, TestProvider, uniqueUserId } from './helpers.js';

beforeEach(async () => {
  await commands.sandboxReset();
});

describe('connect flow against the sandbox', () => {
  it('waits for the click with autoConnect off, then integrates a first-time user ("created")', async () => {
    const jwt = await issueJwt(uniqueUserId('connect'), {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    });
    const onConnected = vi.fn<(summary: CalTokenSummary) => void>();
    const screen = await render(
      <TestProvider jwt={jwt} autoConnect={false}>
        <section aria-label="connect">
          <CalConnectButton onConnected={onConnected} />
        </section>
        <CalTokenStatus />
        <CalUserCard />
      </TestProvider>,
    );
    const card = screen.getByRole('article', { name: defaultBookingsLabels.userCardTitle });
    const status = screen.getByRole('status').filter({ hasText: defaultBookingsLabels.tokenIdle });

    // No Cal.com user yet: the card says so (404), and no token was asked for.
    await expect.element(card).toHaveAttribute('data-state', 'not-connected');
    await expect.element(status).toBeVisible();
    expect((await sandboxCounts()).token).toBe(0);

    const connect = screen.getByRole('region', { name: 'connect' });
    await connect.getByRole('button', { name: defaultBookingsLabels.connect }).click();

    const root = connect.getByText(defaultBookingsLabels.connectedCreated);
    await expect.element(root).toBeVisible();
    expect(onConnected).toHaveBeenCalledTimes(1);
    // A summary, never the token itself.
    expect(onConnected.mock.calls[0]?.[0]).toEqual({
      integrationStatus: 'created',
      expiresAt: expect.any(Number),
    });
    expect((await sandboxCounts()).token).toBe(1);

    // The provider refetches the user after the integration: the card shows the new Cal.com user.
    await expect.element(card).toHaveAttribute('data-state', 'ready');
    await expect.element(card.getByText('Ada Lovelace')).toBeVisible();
    await expect.element(card.getByText('ada@example.com')).toBeVisible();
    await expect
      .element(screen.getByRole('status').filter({ hasText: defaultBookingsLabels.tokenReady }))
      .toHaveAttribute('data-state', 'ready');

    // Connecting again refreshes: the account already exists.
    await connect.getByRole('button', { name: defaultBookingsLabels.reconnect }).click();
    await expect.element(connect.getByText(defaultBookingsLabels.connectedExisting)).toBeVisible();
    expect(onConnected.mock.calls[1]?.[0]).toEqual({
      integrationStatus: 'existing',
      expiresAt: expect.any(Number),
    });
    expect((await sandboxCounts()).token).toBe(2);
  });
});

describe('user card after integration', () => {
  it('connects on mount (autoConnect) and shows the Cal.com user the integration created', async () => {
    const jwt = await issueJwt(uniqueUserId('card'), {
      name: 'Katherine Johnson',
      email: 'katherine@example.com',
    });
    const screen = await render(
      <TestProvider jwt={jwt} tokenRequest={{ time_zone: 'America/New_York' }}>
        <CalUserCard />
        <CalTokenStatus />
      </TestProvider>,
    );
    const card = screen.getByRole('article', { name: defaultBookingsLabels.userCardTitle });

    await expect.element(card).toHaveAttribute('data-state', 'ready');
    await expect.element(card.getByText('Katherine Johnson')).toBeVisible();
    await expect.element(card.getByText('katherine@example.com')).toBeVisible();
    // The token request's body reached the sandbox: the account was created in that time zone.
    await expect.element(card.getByText('America/New_York')).toBeVisible();
    await expect
      .element(
        card.getByRole('img', {
          // The card isolates the name it passes to the label (FSI…PDI).
          name: defaultBookingsLabels.userCardAvatarAlt('\u2068Katherine Johnson\u2069'),
        }),
      )
      .toHaveTextContent('KJ');
    await expect.element(screen.getByRole('status')).toHaveAttribute('data-state', 'ready');
    // One integration; the user was asked for on mount (in parallel with it) and once after it. The
    // mount request may reach the server after the integration: its answer is dropped either way.
    expect(await sandboxCounts()).toMatchObject({ token: 1, user: 2 });
  });
});
