import { describe, expect, it, vi } from 'vitest';
import { isBookingsApiError } from '../../../src/client/errors.js';
import { apiError, tokenResponse } from './answers.js';
import { createChannelBus } from './browserFakes.js';
import { HOUR, MINUTE, SECOND } from './clock.js';
import { installTokenTestEnvironment } from './environment.js';
import { createFakeClient, createManager, createTab, flush } from './helpers.js';

installTokenTestEnvironment();

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

function spyOnConsole() {
  return CONSOLE_METHODS.map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
}

function everything(error: unknown): string {
  if (!isBookingsApiError(error)) return String(error);
  return [
    error.message,
    String(error),
    error.stack ?? '',
    JSON.stringify({ ...error, issues: error.issues, detail: error.detail }),
  ].join('\n');
}

describe('secrecy', () => {
  it('the token never appears in console output through a full lifecycle', async () => {
    const spies = spyOnConsole();
    const secrets: string[] = [];
    const answers: (() => unknown)[] = [
      () => tokenResponse(),
      () => {
        throw apiError('server', 500);
      },
      () => tokenResponse({ expires_in: '60' }),
      () => {
        throw apiError('unauthorized', 401);
      },
    ];
    const client = createFakeClient(async () => {
      const response = (answers.shift() ?? (() => tokenResponse()))() as ReturnType<
        typeof tokenResponse
      >;
      secrets.push(response.access_token);
      return response;
    });
    const bus = createChannelBus();
    const manager = createManager({
      client,
      identity: 'u1',
      createChannel: bus.factory,
      onError: () => {},
    });
    const peer = createTab(bus, 'u1');
    await manager.getToken();
    await peer.getToken();
    secrets.push(peer.getState().token?.accessToken ?? '');
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    for (let i = 0; i < 2; i += 1) {
      const forced = manager.getToken({ forceRefresh: true }).catch(() => {});
      await vi.advanceTimersByTimeAsync(10 * SECOND);
      await forced;
    }
    manager.dispose();
    await flush();
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const output = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' ')));
    for (const secret of secrets) {
      for (const line of output) expect(line).not.toContain(secret);
    }
  });

  it('the token never appears in error messages, even for a rejected response carrying one', async () => {
    const response = tokenResponse({ expires_in: -1 });
    const client = createFakeClient(async () => response);
    const manager = createManager({ client });
    const error = await manager.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(everything(error)).not.toContain(response.access_token);
    expect(everything(manager.getState().error)).not.toContain(response.access_token);
  });

  it('errors after a token was held do not mention it', async () => {
    const client = createFakeClient();
    const manager = createManager({ client });
    const token = await manager.getAccessToken();
    client.refreshToken.mockImplementation(async () => {
      throw apiError('invalid_request', 400);
    });
    const failed = manager.getToken({ forceRefresh: true }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    const error = await failed;
    expect(isBookingsApiError(error)).toBe(true);
    expect(everything(error)).not.toContain(token);
    await vi.advanceTimersByTimeAsync(MINUTE);
  });
});
