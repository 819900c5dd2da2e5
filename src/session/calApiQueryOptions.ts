import type { DataTag } from '@tanstack/react-query';
import { isCalApiError } from '../calapi/errors.js';
import type {
  CalBooking,
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
import { retryBookingsQuery } from './retryPolicy.js';
import type { BookingsSession } from './types.js';

/** What a Cal.com `…QueryOptions` factory returns: the object `useQuery` and `prefetchQuery` take. */
export interface CalQueryOptions<TData> {
  queryKey: DataTag<readonly unknown[], TData, Error>;
  queryFn: () => Promise<TData>;
  staleTime: number;
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
}

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

function scope(session: BookingsSession): [string, string] {
  const { client } = session.getSnapshot();
  return [client.baseUrl, client.identity];
}

// The query's AbortSignal is left unread, as for the AISquare queries: reading it would make
// StrictMode's remount cancel and resend every request.
function calQuery<T>(
  queryKey: readonly unknown[],
  queryFn: () => Promise<T>,
  staleTime: number,
): CalQueryOptions<T> {
  return {
    queryKey: queryKey as DataTag<readonly unknown[], T, Error>,
    queryFn,
    staleTime,
    retry: retryCalQuery,
    retryDelay: calRetryDelay,
  };
}

/** The query behind `useCalMe`: the signed-in user's Cal.com profile (`GET /v2/me`), fresh for 5 minutes. */
export function calMeQueryOptions(session: BookingsSession): CalQueryOptions<CalMe> {
  const calApi = getCalApi(session);
  return calQuery(calApiKeys.me(...scope(session)), () => calApi.me(), 5 * 60_000);
}

/** The query behind `useCalEventTypes`: the user's own event types unless `params` say otherwise. */
export function calEventTypesQueryOptions(
  session: BookingsSession,
  params: CalEventTypesParams = {},
): CalQueryOptions<CalEventType[]> {
  const calApi = getCalApi(session);
  return calQuery(
    calApiKeys.eventTypes(...scope(session), params),
    () => calApi.eventTypes(params),
    5 * 60_000,
  );
}

/** The query behind `useCalSlots`: free slots per day of `params.timeZone`; fresh for 30 seconds. */
export function calSlotsQueryOptions(
  session: BookingsSession,
  params: CalSlotsParams,
): CalQueryOptions<CalSlots> {
  const calApi = getCalApi(session);
  return calQuery(calApiKeys.slots(...scope(session), params), () => calApi.slots(params), 30_000);
}

/** The query behind `useCalBookings`: one page of the user's bookings. */
export function calBookingsQueryOptions(
  session: BookingsSession,
  params: CalBookingsParams = {},
): CalQueryOptions<CalBookingsPage> {
  const calApi = getCalApi(session);
  return calQuery(
    calApiKeys.bookings(...scope(session), params),
    () => calApi.bookings(params),
    30_000,
  );
}

/** The query behind `useCalBooking`: one booking by uid. */
export function calBookingQueryOptions(
  session: BookingsSession,
  uid: string,
): CalQueryOptions<CalBooking> {
  const calApi = getCalApi(session);
  return calQuery(calApiKeys.booking(...scope(session), uid), () => calApi.booking(uid), 30_000);
}
