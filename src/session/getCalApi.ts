import { createCalApi, DEFAULT_CAL_API_URL } from '../calapi/createCalApi.js';
import type { CalApi } from '../calapi/types.js';
import { nonEmpty } from '../client/validate.js';
import type { CalTokenManager } from '../token/types.js';
import { calConfigQueryOptions } from './queryOptions.js';
import type { BookingsSession } from './types.js';

/** One Cal.com client per token manager (so per identity), remade when its limits change. */
const cache = new WeakMap<CalTokenManager, [unknown, unknown, CalApi]>();

/**
 * Cal.com API v2 as the session's signed-in user: every call carries the managed access token, and a
 * 498 (expired token) refreshes it once for all concurrent calls, then retries. The same object until
 * the identity or the token manager changes. Its origin is read per call: the `calApiUrl` option, else
 * the AISquare config's `cal_api_url` (fetched once through the config query), else Cal.com's.
 *
 * A function rather than a session property, so that a host using only the token does not bundle
 * the Cal.com client.
 */
export function getCalApi(session: BookingsSession): CalApi {
  const { tokenManager, client } = session.getSnapshot();
  const { requestTimeoutMs, maxResponseBytes } = session.getOptions();
  const cached = cache.get(tokenManager);
  if (cached && cached[0] === requestTimeoutMs && cached[1] === maxResponseBytes) return cached[2];
  const calApi = createCalApi({
    getAccessToken: (options) => tokenManager.getAccessToken(options),
    async baseUrl() {
      const { calApiUrl, queryClient } = session.getOptions();
      if (calApiUrl !== undefined) return calApiUrl;
      const config = await queryClient.ensureQueryData(calConfigQueryOptions(client));
      return (
        nonEmpty((config as { cal_api_url?: unknown } | null)?.cal_api_url) ?? DEFAULT_CAL_API_URL
      );
    },
    // The latest `fetch` option is called, so an inline function recreates nothing.
    fetch: (input, init) => (session.getOptions().fetch ?? fetch)(input, init),
    requestTimeoutMs,
    maxResponseBytes,
  });
  cache.set(tokenManager, [requestTimeoutMs, maxResponseBytes, calApi]);
  return calApi;
}
