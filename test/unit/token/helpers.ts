import { afterEach, beforeEach, vi } from 'vitest';
import { BookingsApiError, type BookingsErrorKind } from '../../../src/client/errors.js';
import type {
  CalTokenRefreshRequest,
  CalTokenRefreshResponse,
} from '../../../src/client/schemas.js';
import type { BookingsRequestOptions } from '../../../src/client/types.js';
import { createCalTokenManager } from '../../../src/token/createCalTokenManager.js';
import type {
  CalTokenChannel,
  CalTokenLocks,
  CalTokenManager,
  CalTokenManagerOptions,
} from '../../../src/token/types.js';

export const BASE_URL = 'https://api.example.test';
export const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

let serial = 0;

/** A token response whose access token is unique and easy to search for in output. */
export function tokenResponse(
  overrides: Partial<Record<keyof CalTokenRefreshResponse, unknown>> = {},
): CalTokenRefreshResponse {
  serial += 1;
  return {
    access_token: `cal-secret-${serial}-${Math.random().toString(36).slice(2)}`,
    expires_in: 3600,
    token_type: 'Bearer',
    refreshed: true,
    integration_status: 'existing',
    cal_client_id: 'cal-client-1',
    ...overrides,
  } as CalTokenRefreshResponse;
}

export function apiError(kind: BookingsErrorKind, status?: number): BookingsApiError {
  return new BookingsApiError(
    status === undefined ? { kind, endpoint: 'token' } : { kind, endpoint: 'token', status },
  );
}

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

/** Resolves after `ms` of (fake) time, like a server with latency; rejects when aborted. */
export function delayed<T>(ms: number, value: () => T, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const id = setTimeout(() => {
      try {
        resolve(value());
      } catch (error) {
        reject(error);
      }
    }, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(id);
      reject(apiError('aborted'));
    });
  });
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

let visibility: DocumentVisibilityState | null = null;

/** Overrides `document.visibilityState`; dispatches `visibilitychange` unless told not to. */
export function setVisibility(state: DocumentVisibilityState, dispatch = true): void {
  visibility = state;
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => visibility,
  });
  if (dispatch) document.dispatchEvent(new Event('visibilitychange'));
}

export function resetVisibility(): void {
  visibility = null;
  delete (document as { visibilityState?: unknown }).visibilityState;
}

export function goOnline(): void {
  window.dispatchEvent(new Event('online'));
}

/** Lets pending promise callbacks run without moving the clock. */
export async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

/** An in-memory stand-in for `BroadcastChannel`: delivers to the other channels of the same name. */
export function createChannelBus() {
  const open = new Set<FakeChannel>();
  const created: FakeChannel[] = [];
  interface FakeChannel extends CalTokenChannel {
    readonly name: string;
    closed: boolean;
    readonly listeners: Set<(event: { readonly data: unknown }) => void>;
    readonly posted: unknown[];
  }
  function factory(name: string): CalTokenChannel {
    const channel: FakeChannel = {
      name,
      closed: false,
      listeners: new Set(),
      posted: [],
      postMessage(message) {
        if (channel.closed) throw new Error('closed');
        channel.posted.push(message);
        const data = structuredClone(message);
        for (const other of open) {
          if (other === channel || other.name !== name) continue;
          queueMicrotask(() => {
            if (other.closed) return;
            for (const listener of Array.from(other.listeners)) listener({ data });
          });
        }
      },
      addEventListener(_type, listener) {
        channel.listeners.add(listener);
      },
      removeEventListener(_type, listener) {
        channel.listeners.delete(listener);
      },
      close() {
        channel.closed = true;
        open.delete(channel);
      },
    };
    open.add(channel);
    created.push(channel);
    return channel;
  }
  return { factory: vi.fn(factory), created };
}

/**
 * A Web Locks stand-in: exclusive per name, in request order; honours `signal` and `ifAvailable`
 * (`null` to the callback when the lock is held or awaited). `grantDelayMs` makes every answer that
 * much later (in fake time), like Chromium's lock manager while a page boots.
 */
export function createFakeLocks(
  options: { grantDelayMs?: number } = {},
): CalTokenLocks & { readonly granted: () => number } {
  const tails = new Map<string, Promise<unknown>>();
  /** Requests held or waiting, per name. */
  const open = new Map<string, number>();
  const slow = () =>
    options.grantDelayMs
      ? new Promise((resolve) => setTimeout(resolve, options.grantDelayMs))
      : null;
  let granted = 0;
  return {
    granted: () => granted,
    request<T>(
      name: string,
      requestOptions: { signal?: AbortSignal; ifAvailable?: boolean },
      callback: (lock: unknown) => Promise<T>,
    ) {
      if (requestOptions.ifAvailable && (open.get(name) ?? 0) > 0) {
        return Promise.resolve(slow()).then(() => callback(null));
      }
      open.set(name, (open.get(name) ?? 0) + 1);
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous
        .then(slow)
        .then(() => {
          if (requestOptions.signal?.aborted) throw new DOMException('aborted', 'AbortError');
          granted += 1;
          return callback({ name, mode: 'exclusive' });
        })
        .finally(() => open.set(name, (open.get(name) ?? 1) - 1));
      tails.set(
        name,
        run.catch(() => {}),
      );
      return run;
    },
  };
}

/** What the token tests fake: timers, `Date` and `performance` (the monotonic clock). */
export const FAKED: NonNullable<Parameters<typeof vi.useFakeTimers>[0]>['toFake'] = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'Date',
  'performance',
];

/** Fake timers at `T0`, a visible page, and every manager disposed after each test. */
export function installTokenTestEnvironment(): void {
  beforeEach(() => {
    // `performance` too: the manager's monotonic clock moves with the timers, while
    // `vi.setSystemTime` moves only the wall clock (sleep, a clock set back).
    vi.useFakeTimers({ toFake: FAKED });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    disposeManagers();
    resetVisibility();
    vi.useRealTimers();
  });
}
