import { BookingsApiError, type BookingsValidationIssue } from '../client/errors.js';
import type { CalToken } from './types.js';

function invalid(issues: BookingsValidationIssue[]): BookingsApiError {
  return new BookingsApiError({ kind: 'invalid_response', endpoint: 'token', issues });
}

/**
 * Turns a token response into a `CalToken`, checking again what the lifecycle depends on (the client
 * validates too, but a host schema may be lenient). Errors name the field, never its value.
 */
export function toCalToken(response: unknown, issuedAt: number): CalToken {
  if (typeof response !== 'object' || response === null) {
    throw invalid([{ path: '', message: 'expected an object' }]);
  }
  const body = response as Record<string, unknown>;
  const issues: BookingsValidationIssue[] = [];
  const accessToken = body.access_token;
  if (typeof accessToken !== 'string' || accessToken.length === 0) {
    issues.push({ path: 'access_token', message: 'expected a non-empty string' });
  }
  const expiresIn = body.expires_in;
  const expiresAt =
    typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
      ? issuedAt + expiresIn * 1000
      : Number.NaN;
  if (!Number.isFinite(expiresAt)) {
    issues.push({ path: 'expires_in', message: 'expected a finite positive number of seconds' });
  }
  if (issues.length > 0) throw invalid(issues);
  return Object.freeze({
    accessToken: accessToken as string,
    tokenType: typeof body.token_type === 'string' ? body.token_type : 'Bearer',
    expiresAt,
    calClientId: typeof body.cal_client_id === 'string' ? body.cal_client_id : '',
    integrationStatus: body.integration_status === 'created' ? 'created' : 'existing',
    refreshed: body.refreshed === true,
  });
}
