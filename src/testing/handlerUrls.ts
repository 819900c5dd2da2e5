import type { BookingsEndpoint } from '../client/errors.js';
import type { BookingsEndpoints } from '../client/types.js';
import { joinUrl } from '../client/url.js';

/** The endpoint paths AISquare serves by default (the client's defaults). */
export const DEFAULT_HANDLER_ENDPOINTS: Readonly<Record<BookingsEndpoint, string>> = Object.freeze({
  config: '/api/v1/bookings/config/',
  token: '/api/v1/bookings/token/refresh/',
  user: '/api/v1/bookings/user/',
});

/**
 * The MSW URL pattern of each endpoint, joined the way the client joins its URLs: `'*'` gives
 * `*\/api/v1/bookings/config/` (any origin), a base URL with or without a trailing slash gives one
 * slash between it and the path, and an absolute endpoint URL is used as is.
 */
export function resolveHandlerUrls(
  baseUrl: string,
  endpoints: BookingsEndpoints = {},
): Record<BookingsEndpoint, string> {
  return {
    config: joinUrl(baseUrl, endpoints.config ?? DEFAULT_HANDLER_ENDPOINTS.config),
    token: joinUrl(baseUrl, endpoints.token ?? DEFAULT_HANDLER_ENDPOINTS.token),
    user: joinUrl(baseUrl, endpoints.user ?? DEFAULT_HANDLER_ENDPOINTS.user),
  };
}
