/** What the fake AISquare token endpoint answers: tokens, errors, and either after a delay. */
import { BookingsApiError, type BookingsErrorKind } from '../../../src/client/errors.js';
import type { CalTokenRefreshResponse } from '../../../src/client/schemas.js';

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
