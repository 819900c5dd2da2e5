/**
 * One request to the Cal.com API v2 fake: routing, Cal.com's throttler, auth (498 / 401 / origin),
 * `cal-api-version`, validation and the envelopes, over a `CalFakeModel`. Transport-free: the sandbox
 * adapts Node's `IncomingMessage` to `CalRequest`, the MSW handlers adapt a fetch `Request`. No `node:`
 * import.
 *
 * The rule: the fake sends no key Cal.com lacks and every key Cal.com always sends, as Cal.com's code
 * builds them (each output in outputs.ts cites its source); test/contract pins it. It models Cal.com as
 * of October 2025: `GET /v2/me` without the `name`, `avatarUrl` and `bio` added at the end of 2025, and
 * event types without the keys added in December 2025 (`bookingUrl`, `disableCancelling`, ...).
 *
 * The steps live here; the routes in calRoutes.ts, the errors in calErrors.ts, the request checks in
 * validation.ts and requests.ts, the endpoints in endpoints.ts and the answers' shapes in outputs.ts.
 *
 * @module
 */
import {
  calErrorResponse,
  fail,
  HttpFailure,
  NO_AUTH,
  rateLimitHeaders,
  THROTTLED,
} from './calErrors.js';
import { type CalRequest, type CalResponse, type CalRoute, matchCalRoute } from './calRoutes.js';
import { checkEmailData, sendCodeData, verifyCodeData } from './emailVerification.js';
import {
  bookingOrSeries,
  bookingsList,
  cancel,
  createBookingData,
  eventTypesData,
  rescheduleData,
  reservationData,
  slotsData,
} from './endpoints.js';
import type { CalFakeModel, CalFakeUser } from './modelTypes.js';
import { meOutput } from './outputs.js';
import {
  parseCancelBody,
  parseCreateBody,
  parseJsonBody,
  parseRescheduleBody,
  parseReserveBody,
} from './requests.js';

export { calErrorResponse } from './calErrors.js';
export {
  CAL_API_VERSIONS,
  CAL_ENDPOINTS,
  type CalEndpoint,
  type CalRequest,
  type CalResponse,
  isCalPath,
  matchCalRoute,
} from './calRoutes.js';
export { calPagination } from './outputs.js';
export { isEmailAddress } from './validation.js';

/**
 * The route's auth guard: the bearer token's user, `undefined` without a token (or on a route that
 * never reads it). The auth guards rethrow a bad token even where authentication is optional
 * (apps/api/v2/src/modules/auth/guards/optional-api-auth/optional-api-auth.guard.ts
 * @ 30f11f51f04983191e1299b9001063944e5f8ecd).
 */
function authenticate(
  model: CalFakeModel,
  request: CalRequest,
  route: CalRoute,
  token: string,
): string | undefined {
  if (route.auth === 'none' || token === '') return undefined;
  const lookup = model.lookupToken(token);
  if (lookup.kind === 'expired') throw new HttpFailure(498, 'ACCESS_TOKEN_IS_EXPIRED');
  if (lookup.kind === 'unknown') throw new HttpFailure(401, 'Invalid Access Token.');
  const origin = request.headers('origin');
  if (origin !== undefined && !model.isOriginAllowed(origin)) {
    fail(
      401,
      `Invalid request origin - please open https://app.cal.com/settings/platform and add the origin '${origin}' to the 'Redirect uris' of your OAuth client.`,
    );
  }
  return lookup.sub;
}

/** The `cal-api-version` check (see `handleCalRequest` for why the fake refuses where Cal.com does not). */
function checkVersion(request: CalRequest, route: CalRoute): void {
  if (route.version === undefined) return;
  const received = request.headers('cal-api-version');
  if (received !== route.version) {
    fail(
      400,
      `Missing or unsupported cal-api-version header: ${route.method} ${request.pathname} needs "cal-api-version: ${route.version}" (received ${received === undefined ? 'none' : `"${received}"`}). Cal.com would silently answer from an older version of this endpoint; the fake refuses instead.`,
    );
  }
}

/** The endpoint's status and data, and the extra envelope keys (`pagination`). */
function endpointAnswer(
  model: CalFakeModel,
  request: CalRequest,
  route: CalRoute,
  sub: string | undefined,
  tracker: string,
): { status: number; data: unknown; extra?: Record<string, unknown> } {
  const authUser = sub === undefined ? undefined : model.getUser(sub);
  switch (route.endpoint) {
    case 'cal.me':
      return { status: 200, data: meOutput(authUser as CalFakeUser) };
    case 'cal.eventTypes':
      return { status: 200, data: eventTypesData(model, sub, request.query) };
    case 'cal.slots':
      return { status: 200, data: slotsData(model, request.query) };
    case 'cal.bookings': {
      const { data, pagination } = bookingsList(model, sub as string, request.query);
      return { status: 200, data, extra: { pagination } };
    }
    case 'cal.createBooking': {
      const body = parseCreateBody(parseJsonBody(request.body), model);
      return { status: 201, data: createBookingData(model, body, sub) };
    }
    case 'cal.booking':
      return { status: 200, data: bookingOrSeries(model, route.uid as string, sub) };
    case 'cal.cancelBooking': {
      const input = parseCancelBody(parseJsonBody(request.body));
      return { status: 200, data: cancel(model, route.uid as string, input, authUser?.email, sub) };
    }
    case 'cal.rescheduleBooking': {
      const input = parseRescheduleBody(parseJsonBody(request.body));
      return { status: 201, data: rescheduleData(model, route.uid as string, input, sub) };
    }
    case 'cal.emailVerificationCheck':
      return { status: 200, data: checkEmailData(model, request.query) };
    case 'cal.sendEmailVerificationCode':
      return { status: 200, data: sendCodeData(model, parseJsonBody(request.body), tracker) };
    case 'cal.verifyEmailVerificationCode':
      return { status: 200, data: verifyCodeData(model, parseJsonBody(request.body)) };
    // The four slot-reservation routes.
    default: {
      const body = () => parseReserveBody(parseJsonBody(request.body));
      const data = reservationData(model, route.endpoint, route.uid, body, sub);
      return { status: route.endpoint === 'cal.reserveSlot' ? 201 : 200, data };
    }
  }
}

/**
 * Answers one Cal.com API v2 request. Steps, in Cal.com's order: route (404), the throttler (a global
 * guard: it counts every request, by its bearer token when there is one, before any auth; 429), the
 * route's auth guard (498 for an expired token, 401 for an unknown one or from an origin not allowed,
 * also where auth is optional; `GET /v2/slots` has none and never reads the token), `cal-api-version`
 * (400 here, see below), authentication required (401), validation (400), the handler.
 *
 * A missing or unknown `cal-api-version` makes Cal.com silently serve an older version of the endpoint,
 * with other shapes. The fake answers 400 instead, so a client that forgets the header fails loudly in
 * tests rather than parsing an old shape.
 */
export function handleCalRequest(model: CalFakeModel, request: CalRequest): CalResponse {
  /** The rate-limit headers, once the throttler has counted the request. */
  let limitHeaders: Record<string, string> = {};
  const path = request.url ?? request.pathname;
  const error = (failure: HttpFailure): CalResponse => {
    const answer = calErrorResponse(model, path, failure.status, failure.message, failure.code);
    return { ...answer, headers: { ...answer.headers, ...limitHeaders } };
  };
  try {
    const route = matchCalRoute(request.method, request.pathname);
    if (route === undefined)
      return error(
        new HttpFailure(404, `Cannot ${request.method.toUpperCase()} ${request.pathname}`),
      );

    const authorization = request.headers('authorization');
    const token = authorization?.replace(/^Bearer\s+/i, '').trim() ?? '';

    // Cal.com's throttler tracks a request by its bearer value, whatever it is, without checking it
    // (apps/api/v2/src/lib/throttler-guard.ts @ 42e7dc494dfba03e5ca5224a418c57c012bdac3e).
    const tracker = token !== '' ? `access_token_${token}` : 'anonymous';
    const limit = model.hitRateLimit(tracker);
    limitHeaders = rateLimitHeaders(limit);
    if (limit?.blocked) return error(new HttpFailure(429, THROTTLED));

    const sub = authenticate(model, request, route, token);
    checkVersion(request, route);
    if (route.auth === 'required' && sub === undefined) fail(401, NO_AUTH);

    const { status, data, extra } = endpointAnswer(model, request, route, sub, tracker);
    return {
      status,
      headers: { 'X-Request-Id': model.requestId(), ...limitHeaders },
      body: { status: 'success', data, ...extra },
    };
  } catch (thrown) {
    if (thrown instanceof HttpFailure) return error(thrown);
    throw thrown;
  }
}
