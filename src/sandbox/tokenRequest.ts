import type { CalTokenRefreshRequest } from '../client/schemas.js';

type TokenRequestResult =
  | { ok: true; body: CalTokenRefreshRequest }
  | { ok: false; detail: string };

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses and checks the token endpoint's body: empty means `{}`; otherwise a JSON object whose known
 * fields have the right types (`force_refresh` boolean, `cal_user_id` number or string, `time_zone`
 * an IANA time zone). Unknown fields are accepted and ignored.
 */
export function parseTokenRequest(text: string): TokenRequestResult {
  if (text.trim() === '') return { ok: true, body: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'JSON parse error: the request body is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, detail: 'Invalid data. Expected a JSON object.' };
  }
  const body = value as Record<string, unknown>;
  if ('force_refresh' in body && typeof body.force_refresh !== 'boolean') {
    return { ok: false, detail: 'force_refresh: Must be a valid boolean.' };
  }
  if (
    'cal_user_id' in body &&
    typeof body.cal_user_id !== 'number' &&
    typeof body.cal_user_id !== 'string'
  ) {
    return { ok: false, detail: 'cal_user_id: Must be a number or a string.' };
  }
  if ('time_zone' in body && !isTimeZone(body.time_zone)) {
    return { ok: false, detail: 'time_zone: Must be an IANA time zone name.' };
  }
  return { ok: true, body: body as CalTokenRefreshRequest };
}
