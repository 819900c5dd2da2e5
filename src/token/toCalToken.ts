import { BookingsApiError } from '../client/errors.js';
import type { CalTokenRefreshResponse } from '../client/schemas.js';
import { nonEmpty } from '../client/validate.js';
import type { CalToken } from './types.js';

/**
 * Turns a token response into a `CalToken`. The client validated it against its schema already, but a
 * host schema may be lenient, so what the lifecycle depends on (`access_token`, `expires_in`) is
 * checked again. Errors name the field, never its value.
 */
export function toCalToken(response: unknown, issuedAt: number): CalToken {
  const body = (response ?? {}) as Partial<Record<keyof CalTokenRefreshResponse, unknown>>;
  const { access_token: accessToken, expires_in: expiresIn } = body;
  const expiresAt = issuedAt + (expiresIn as number) * 1000;
  const issues = [
    nonEmpty(accessToken) ? '' : 'access_token',
    typeof expiresIn === 'number' && expiresIn > 0 && Number.isFinite(expiresAt)
      ? ''
      : 'expires_in',
  ]
    .filter(Boolean)
    .map((path) => ({ path, message: 'invalid value' }));
  if (issues.length > 0) {
    throw new BookingsApiError({ kind: 'invalid_response', endpoint: 'token', issues });
  }
  return Object.freeze({
    accessToken: accessToken as string,
    tokenType: typeof body.token_type === 'string' ? body.token_type : 'Bearer',
    expiresAt,
    calClientId: typeof body.cal_client_id === 'string' ? body.cal_client_id : '',
    integrationStatus: body.integration_status === 'created' ? 'created' : 'existing',
    refreshed: body.refreshed === true,
  });
}
