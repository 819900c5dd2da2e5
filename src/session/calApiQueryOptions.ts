import { isCalApiError } from '../calapi/errors.js';
import type {
  CalApi,
  CalBooking,
  CalBookingSeries,
  CalBookingsPage,
  CalBookingsParams,
  CalEventType,
  CalEventTypesParams,
  CalMe,
  CalSlots,
  CalSlotsParams,
} from '../calapi/types.js';
import { backoffDelay } from '../token/backoff.js';
import { calApiKeys } from './calApiKeys.js';
import { getCalApi } from './getCalApi.js';
import { type BookingsQueryOptions, bookingsQuery } from './queryOptions.js';
import { retryBookingsQuery } from './retryPolicy.js';
import type { BookingsSession } from './types.js';

/** What a Cal.com `…QueryOptions` factory returns: the object `useQuery` and `prefetchQuery` take. */
export type CalQueryOptions<TData> = BookingsQueryOptions<TData, Error>;

const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Retries what waiting can cure, a few times: network, time-out, 5xx, and a 429 (after the time
 * Cal.com's reset header gives). 401, 498 after its one refresh, 4xx and bad bodies are final.
 */
export function retryCalQuery(failureCount: number, error: unknown): boolean {
  if (!isCalApiError(error)) return retryBookingsQuery(failureCount, error);
  if (failureCount >= 3) return false;
  const { kind, status } = error;
  return (
    kind === 'network' ||
    kind === 'timeout' ||
    kind === 'rate_limited' ||
    (kind === 'server' && (status === undefined || status >= 500))
  );
}

/**
 * Waits out a 429's reset time (at most a minute) plus up to 10% (at most 1 s) of jitter, so the
 * queries of a page do not all retry at the same instant; otherwise the package's capped backoff.
 */
export function calRetryDelay(failureCount: number, error: unknown): number {
  const wait = isCalApiError(error) ? error.retryAfterMs : undefined;
  if (wait === undefined) return backoffDelay(failureCount + 1);
  const capped = Math.min(Math.max(wait, 0), MAX_RATE_LIMIT_WAIT_MS);
  return capped + Math.round(Math.random() * Math.min(1_000, capped / 10));
}

/** A Cal.com query of the session's current identity, on its Cal.com client. */
function calQuery<T>(
  session: BookingsSession,
  key: (baseUrl: string, identity: string) => readonly unknown[],
  run: (calApi: CalApi) => Promise<T>,
  staleTime: number,
): CalQueryOptions<T> {
  const { client } = session.getSnapshot();
  const calApi = getCalApi(session);
  return bookingsQuery<T, Error>(
    key(client.baseUrl, client.identity),
    () => run(calApi),
    staleTime,
    retryCalQuery,
    calRetryDelay,
  );
}

/** The query behind `useCalMe`: the signed-in user's Cal.com profile (`GET /v2/me`), fresh for 5 minutes. */
export function calMeQueryOptions(session: BookingsSession): CalQueryOptions<CalMe> {
  return calQuery(session, calApiKeys.me, (calApi) => calApi.me(), 5 * 60_000);
}

/** The query behind `useCalEventTypes`: the user's own event types unless `params` say otherwise. */
export function calEventTypesQueryOptions(
  session: BookingsSession,
  params: CalEventTypesParams = {},
): CalQueryOptions<CalEventType[]> {
  return calQuery(
    session,
    (baseUrl, identity) => calApiKeys.eventTypes(baseUrl, identity, params),
    (calApi) => calApi.eventTypes(params),
    5 * 60_000,
  );
}

/** The query behind `useCalSlots`: free slots per day of `params.timeZone`; fresh for 30 seconds. */
export function calSlotsQueryOptions(
  session: BookingsSession,
  params: CalSlotsParams,
): CalQueryOptions<CalSlots> {
  return calQuery(
    session,
    (baseUrl, identity) => calApiKeys.slots(baseUrl, identity, params),
    (calApi) => calApi.slots(params),
    30_000,
  );
}

/** The query behind `useCalBookings`: one page of the user's bookings. */
export function calBookingsQueryOptions(
  session: BookingsSession,
  params: CalBookingsParams = {},
): CalQueryOptions<CalBookingsPage> {
  return calQuery(
    session,
    (baseUrl, identity) => calApiKeys.bookings(baseUrl, identity, params),
    (calApi) => calApi.bookings(params),
    30_000,
  );
}

/** The query behind `useCalBooking`: one booking by uid, or a series' occurrences by its uid. */
export function calBookingQueryOptions(
  session: BookingsSession,
  uid: string,
): CalQueryOptions<CalBooking | CalBookingSeries> {
  return calQuery(
    session,
    (baseUrl, identity) => calApiKeys.booking(baseUrl, identity, uid),
    (calApi) => calApi.booking(uid),
    30_000,
  );
}
