import type { CalConfig, CalTokenRefreshResponse, CalUser } from '../client/schemas.js';

/** The Cal.com platform OAuth client id every fixture agrees on (a made-up cuid). */
export const FIXTURE_CAL_CLIENT_ID = 'cm1fake0client0aisquare0dev';

/**
 * The access token the fixtures hand out. Obviously fake, so that it can never be mistaken for a real
 * secret in a log, a snapshot or a screenshot. The handlers append `-1`, `-2`, ... per token call.
 */
export const FAKE_CAL_ACCESS_TOKEN = 'fake-cal-access-token-for-tests-only';

/** A Cal.com configuration as AISquare returns it from `GET /api/v1/bookings/config/`. */
export const calConfigFixture: Readonly<CalConfig> = Object.freeze({
  cal_client_id: FIXTURE_CAL_CLIENT_ID,
  cal_oauth_client_id: FIXTURE_CAL_CLIENT_ID,
  cal_api_url: 'https://api.cal.com/v2',
  cal_web_app_url: 'https://app.cal.com',
  cal_embed_url: 'https://app.cal.com/embed/embed.js',
});

/** A small inline avatar (initials on a circle), so that stories never load an image from the network. */
const AVATAR_DATA_URL = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="#4f46e5"/><text x="32" y="41" font-family="sans-serif" font-size="24" fill="#fff" text-anchor="middle">AL</text></svg>',
)}`;

/** A Cal.com managed user as AISquare returns it from `GET /api/v1/bookings/user/`. */
export const calUserFixture: Readonly<CalUser> = Object.freeze({
  id: 1742,
  email: 'ada.lovelace@example.com',
  username: 'ada-lovelace-cm1fake0client',
  name: 'Ada Lovelace',
  avatarUrl: AVATAR_DATA_URL,
  timeZone: 'Europe/London',
  weekStart: 'Monday',
  timeFormat: 24,
  defaultScheduleId: 5310,
  locale: 'en',
  bio: null,
  createdDate: '2024-03-18T09:30:00.000Z',
});

/**
 * A token answer as AISquare returns it from `POST /api/v1/bookings/token/refresh/`: by default a
 * refresh of an existing integration (`integration_status: 'existing'`, `refreshed: true`) valid for an
 * hour, with a fake access token. Every call returns a new object; `overrides` win.
 */
export function createCalTokenFixture(
  overrides: Partial<CalTokenRefreshResponse> = {},
): CalTokenRefreshResponse {
  return {
    access_token: FAKE_CAL_ACCESS_TOKEN,
    expires_in: 3600,
    token_type: 'Bearer',
    refreshed: true,
    integration_status: 'existing',
    cal_client_id: FIXTURE_CAL_CLIENT_ID,
    ...overrides,
  };
}
