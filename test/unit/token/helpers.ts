/** The token manager under test: a fake client, managers disposed after each test, a flush. */
import { vi } from 'vitest';
import type {
  CalTokenRefreshRequest,
  CalTokenRefreshResponse,
} from '../../../src/client/schemas.js';
import type { BookingsRequestOptions } from '../../../src/client/types.js';
import { createCalTokenManager } from '../../../src/token/createCalTokenManager.js';
import type { CalTokenManager, CalTokenManagerOptions } from '../../../src/token/types.js';
import { tokenResponse } from './answers.js';
import type { createChannelBus } from './browserFakes.js';

export const BASE_URL = 'https://api.example.test';

type RefreshToken = (
  body?: CalTokenRefreshRequest,
  options?: BookingsRequestOptions,
) => Promise<CalTokenRefreshResponse>;

export interface FakeClient {
  readonly baseUrl: string;
  readonly refreshToken: ReturnType<typeof vi.fn<RefreshToken>>;
}

/** A client whose `refreshToken` answers with `handler` (default: a fresh 1-hour token at once). */
export function createFakeClient(handler?: RefreshToken): FakeClient {
  return {
    baseUrl: BASE_URL,
    refreshToken: vi.fn<RefreshToken>(handler ?? (async () => tokenResponse())),
  };
}

const managers: CalTokenManager[] = [];

/** Creates a manager with a deterministic jitter (`random: () => 0`) and disposes it after the test. */
export function createManager(
  options: Partial<CalTokenManagerOptions> & { client: CalTokenManagerOptions['client'] },
): CalTokenManager {
  const manager = createCalTokenManager({ random: () => 0, ...options });
  managers.push(manager);
  return manager;
}

export function disposeManagers(): void {
  for (const manager of managers.splice(0)) manager.dispose();
}

/** A manager with `options`, started, once what its start set off has run (the clock unmoved). */
export async function startedManager(
  options: Partial<CalTokenManagerOptions> & { client: CalTokenManagerOptions['client'] },
): Promise<CalTokenManager> {
  const manager = createManager(options);
  manager.start();
  await flush();
  return manager;
}

/** Lets pending promise callbacks run without moving the clock. */
export async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

/** A manager for `identity` on `bus`, as one tab, with a fresh fake client unless `options` has one. */
export function createTab(
  bus: ReturnType<typeof createChannelBus>,
  identity: string,
  options: Partial<CalTokenManagerOptions> = {},
): CalTokenManager {
  return createManager({
    client: options.client ?? createFakeClient(),
    identity,
    createChannel: bus.factory,
    ...options,
  });
}
