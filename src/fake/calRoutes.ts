/**
 * The Cal.com API v2 routes the fake serves: each with its method, `cal-api-version` and auth guard,
 * and the request and response shapes the adapters (sandbox, MSW handlers) hand over.
 *
 * @module
 */

/** The names of the Cal.com routes the fake serves, the one list `CalEndpoint` comes from. */
export const CAL_ENDPOINTS = [
  'cal.me',
  'cal.eventTypes',
  'cal.slots',
  'cal.bookings',
  'cal.createBooking',
  'cal.booking',
  'cal.cancelBooking',
  'cal.rescheduleBooking',
  'cal.reserveSlot',
  'cal.reservedSlot',
  'cal.updateReservation',
  'cal.deleteReservation',
  'cal.emailVerificationCheck',
  'cal.sendEmailVerificationCode',
  'cal.verifyEmailVerificationCode',
] as const;

/** The Cal.com routes the fake serves, named as in `SandboxEndpoint`. */
export type CalEndpoint = (typeof CAL_ENDPOINTS)[number];

/** `cal-api-version` each family needs (none for `/v2/me`). */
export const CAL_API_VERSIONS = {
  slots: '2024-09-04',
  bookings: '2024-08-13',
  eventTypes: '2024-06-14',
} as const;

/** A request as the adapters hand it over. */
export interface CalRequest {
  method: string;
  /** Path from `/v2` on, without the query, e.g. `/v2/bookings/abc/cancel`. */
  pathname: string;
  query: URLSearchParams;
  /** A request header by lower-case name. */
  headers: (name: string) => string | undefined;
  /** The raw body text; `undefined` or `''` when there is none. */
  body?: string | undefined;
  /** The request target as received (path and query), echoed as `path` in error envelopes. */
  url?: string;
}

/** The answer: status, headers (`X-Request-Id`, rate limit) and a JSON body. */
export interface CalResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface CalRoute {
  endpoint: CalEndpoint;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  version: string | undefined;
  /**
   * Cal.com's guard: `required` (`ApiAuthGuard`), `optional` (`OptionalApiAuthGuard`: no token is
   * fine, a bad one still fails), or `none` (no auth guard: the token is never read).
   */
  auth: 'required' | 'optional' | 'none';
  uid?: string;
}

// Literal patterns (no `new RegExp`), so the test that every pattern in src/ runs in linear time can
// read each one.
const ROUTES: readonly [RegExp, Omit<CalRoute, 'uid'>][] = [
  [/^\/v2\/me\/?$/, { endpoint: 'cal.me', method: 'GET', version: undefined, auth: 'required' }],
  [
    /^\/v2\/event-types\/?$/,
    {
      endpoint: 'cal.eventTypes',
      method: 'GET',
      version: CAL_API_VERSIONS.eventTypes,
      auth: 'optional',
    },
  ],
  [
    // No guard on the slots controller: apps/api/v2/src/modules/slots/slots-2024-09-04/controllers/
    // slots.controller.ts @ 694613ff82bd64befca2989e44fb5b642b3a24f4.
    /^\/v2\/slots\/?$/,
    { endpoint: 'cal.slots', method: 'GET', version: CAL_API_VERSIONS.slots, auth: 'none' },
  ],
  [
    /^\/v2\/bookings\/?$/,
    {
      endpoint: 'cal.bookings',
      method: 'GET',
      version: CAL_API_VERSIONS.bookings,
      auth: 'required',
    },
  ],
  [
    /^\/v2\/bookings\/?$/,
    {
      endpoint: 'cal.createBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: 'optional',
    },
  ],
  [
    /^\/v2\/bookings\/([A-Za-z0-9_-]+)\/?$/,
    {
      endpoint: 'cal.booking',
      method: 'GET',
      version: CAL_API_VERSIONS.bookings,
      auth: 'optional',
    },
  ],
  [
    /^\/v2\/bookings\/([A-Za-z0-9_-]+)\/cancel\/?$/,
    {
      endpoint: 'cal.cancelBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: 'optional',
    },
  ],
  [
    /^\/v2\/bookings\/([A-Za-z0-9_-]+)\/reschedule\/?$/,
    {
      endpoint: 'cal.rescheduleBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: 'optional',
    },
  ],
  // POST has OptionalApiAuthGuard, GET, PATCH and DELETE no guard (slots.controller.ts
  // @ 694613ff82bd64befca2989e44fb5b642b3a24f4).
  [
    /^\/v2\/slots\/reservations\/?$/,
    {
      endpoint: 'cal.reserveSlot',
      method: 'POST',
      version: CAL_API_VERSIONS.slots,
      auth: 'optional',
    },
  ],
  [
    /^\/v2\/slots\/reservations\/([A-Za-z0-9_-]+)\/?$/,
    { endpoint: 'cal.reservedSlot', method: 'GET', version: CAL_API_VERSIONS.slots, auth: 'none' },
  ],
  [
    /^\/v2\/slots\/reservations\/([A-Za-z0-9_-]+)\/?$/,
    {
      endpoint: 'cal.updateReservation',
      method: 'PATCH',
      version: CAL_API_VERSIONS.slots,
      auth: 'none',
    },
  ],
  [
    /^\/v2\/slots\/reservations\/([A-Za-z0-9_-]+)\/?$/,
    {
      endpoint: 'cal.deleteReservation',
      method: 'DELETE',
      version: CAL_API_VERSIONS.slots,
      auth: 'none',
    },
  ],
  // The atoms' e-mail verification: `VERSION_NEUTRAL`, no auth guard
  // (apps/api/v2/src/modules/atoms/controllers/atoms.verification.controller.ts
  // @ 03670679c00d600615e8df2bc64545bd51c61646).
  [
    /^\/v2\/atoms\/verification\/email\/check\/?$/,
    { endpoint: 'cal.emailVerificationCheck', method: 'GET', version: undefined, auth: 'none' },
  ],
  [
    /^\/v2\/atoms\/verification\/email\/send-code\/?$/,
    { endpoint: 'cal.sendEmailVerificationCode', method: 'POST', version: undefined, auth: 'none' },
  ],
  [
    /^\/v2\/atoms\/verification\/email\/verify-code\/?$/,
    {
      endpoint: 'cal.verifyEmailVerificationCode',
      method: 'POST',
      version: undefined,
      auth: 'none',
    },
  ],
];

/** Whether a path is one of Cal.com's (`/v2` or below): the sandbox hands those to this module. */
export function isCalPath(pathname: string): boolean {
  return pathname === '/v2' || pathname.startsWith('/v2/');
}

/**
 * The route of a method and path, or `undefined` (Cal.com answers 404 then). `method` `undefined`
 * matches any method (for counting CORS-free requests by path).
 */
export function matchCalRoute(method: string | undefined, pathname: string): CalRoute | undefined {
  for (const [pattern, route] of ROUTES) {
    if (method !== undefined && method.toUpperCase() !== route.method) continue;
    const match = pattern.exec(pathname);
    if (match === null) continue;
    return match[1] === undefined ? { ...route } : { ...route, uid: match[1] };
  }
  return undefined;
}
