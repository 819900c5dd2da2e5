import { calApiOrigin, createCalApi, DEFAULT_CAL_API_URL } from '../calapi/createCalApi.js';
import type { CalApi } from '../calapi/types.js';
import { BookingsApiError } from '../client/errors.js';
import { nonEmpty } from '../client/validate.js';
import type { CalTokenManager } from '../token/types.js';
import { calApiKeys } from './calApiKeys.js';
import { calConfigQueryOptions } from './queryOptions.js';
import { same } from './same.js';
import type { BookingsSession } from './types.js';
import { isBookingsVisitor } from './visitor.js';

/** One Cal.com client per token manager (so per identity), remade when its options change. */
const cache = new WeakMap<
  CalTokenManager,
  { inputs: unknown[]; calApi: CalApi; controller: AbortController }
>();

/**
 * Cal.com API v2 as the session's signed-in user: every call carries the managed access token, and a
 * 498 (expired token) refreshes it once for all concurrent calls, then retries. The same object until
 * the identity, the token manager or `calApiUrl` changes; calls still in flight then are aborted.
 * The origin is the `calApiUrl` option, else the AISquare config's `cal_api_url` (fetched once
 * through the config query), else Cal.com's. For a visitor (enabled, nobody signed in) it is a
 * client without a token (see `CalApiOptions.getAccessToken`) on `calApiUrl`, else Cal.com's origin:
 * no token request and no AISquare request.
 *
 * A function rather than a session property, so that a host using only the token does not bundle
 * the Cal.com client.
 */
export function getCalApi(session: BookingsSession): CalApi {
  const { tokenManager, client } = session.getSnapshot();
  const { requestTimeoutMs, maxResponseBytes, calApiUrl, calSchemas } = session.getOptions();
  // Schemas compared entry by entry, so an inline `calSchemas={{ ... }}` recreates nothing.
  const visitor = isBookingsVisitor(session);
  const inputs = [
    requestTimeoutMs,
    maxResponseBytes,
    calApiUrl,
    visitor,
    ...Object.entries(calSchemas ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flat(),
  ];
  const cached = cache.get(tokenManager);
  if (cached && same(cached.inputs, inputs)) return cached.calApi;
  if (cached) {
    // New options for the same user: calls on the old ones stop, and what came from another Cal.com
    // origin is reset (what is on screen refetches) rather than shown as the new origin's. After
    // this render, as it changes the cache.
    cached.controller.abort();
    if (cached.inputs[2] !== calApiUrl) {
      queueMicrotask(
        () =>
          void session.queryClient.resetQueries({
            queryKey: calApiKeys.all(client.baseUrl, client.identity),
          }),
      );
    }
  }

  // Aborted once its token manager is no longer the session's: another user, sign-out, unmount.
  // (New options for the same manager replace it above.)
  const controller = new AbortController();
  const stop = session.subscribe(() => {
    if (session.getSnapshot().tokenManager === tokenManager) return;
    controller.abort();
    stop();
  });
  const calApi = createCalApi({
    // A visitor's client asks for no token at all: Cal.com's public calls go without one.
    getAccessToken: visitor
      ? undefined
      : (options) => {
          const current = session.getSnapshot();
          // Signed out or disabled: no token request at all (the manager was never started).
          return current.tokenManager === tokenManager && !current.enabled
            ? Promise.reject(
                new BookingsApiError({
                  kind: 'unauthorized',
                  endpoint: 'token',
                  message: 'AISquare bookings session is signed out or disabled',
                }),
              )
            : tokenManager.getAccessToken(options);
        },
    // An expired token is never handed out: the read then goes without one.
    peekAccessToken: () => {
      const { token } = tokenManager.getState();
      return token && token.expiresAt > Date.now() ? token.accessToken : undefined;
    },
    async baseUrl() {
      // A visitor has no AISquare session to ask for the config.
      if (visitor || calApiUrl !== undefined) return calApiUrl ?? DEFAULT_CAL_API_URL;
      const config = await session.queryClient.ensureQueryData(calConfigQueryOptions(client));
      const fromConfig = nonEmpty((config as { cal_api_url?: unknown } | null)?.cal_api_url);
      if (fromConfig === undefined) return DEFAULT_CAL_API_URL;
      try {
        return calApiOrigin(fromConfig);
      } catch (cause) {
        // The token must not follow a config that names no usable https origin.
        throw new BookingsApiError({
          kind: 'invalid_response',
          endpoint: 'config',
          message:
            'AISquare bookings config request failed: invalid_response (unusable cal_api_url)',
          cause,
        });
      }
    },
    // The latest `fetch` option is called, so an inline function recreates nothing.
    fetch: (input, init) => (session.getOptions().fetch ?? fetch)(input, init),
    requestTimeoutMs,
    maxResponseBytes,
    schemas: calSchemas,
    signal: controller.signal,
  });
  cache.set(tokenManager, { inputs, calApi, controller });
  return calApi;
}
