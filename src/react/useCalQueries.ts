'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type {
  CalBooking,
  CalBookingSeries,
  CalBookingsPage,
  CalBookingsParams,
  CalEventType,
  CalEventTypesParams,
  CalMe,
} from '../calapi/types.js';
import {
  calBookingQueryOptions,
  calBookingsQueryOptions,
  calEventTypesQueryOptions,
  calMeQueryOptions,
} from '../session/calApiQueryOptions.js';
import { type CalQueryError, type CalQueryHookOptions, useCalQuery } from './useCalApi.js';

/** The signed-in user's Cal.com profile (`GET /v2/me`): time zone, week start, 12/24 h format. */
export function useCalMe<TData = CalMe>(
  options: CalQueryHookOptions<CalMe, TData> = {},
): UseQueryResult<TData, CalQueryError> {
  return useCalQuery('useCalMe', calMeQueryOptions, options);
}

/**
 * The user's own Cal.com event types (hidden ones included, with `hidden: true`), or with
 * `params.username` that user's public ones, which a visitor (`jwt={null}`) can see too.
 */
export function useCalEventTypes<TData = CalEventType[]>(
  params?: CalEventTypesParams,
  options: CalQueryHookOptions<CalEventType[], TData> = {},
): UseQueryResult<TData, CalQueryError> {
  return useCalQuery(
    'useCalEventTypes',
    (source) => calEventTypesQueryOptions(source, params),
    options,
    true,
    undefined,
    params?.username !== undefined,
  );
}

/**
 * One page of the user's bookings (`take`/`skip`, `status`, dates), with Cal.com's `pagination`. The
 * page on screen stays while the next one loads (`isPlaceholderData` tells).
 */
export function useCalBookings<TData = CalBookingsPage>(
  params?: CalBookingsParams,
  options: CalQueryHookOptions<CalBookingsPage, TData> = {},
): UseQueryResult<TData, CalQueryError> {
  return useCalQuery(
    'useCalBookings',
    (source) => calBookingsQueryOptions(source, params),
    options,
    true,
    () => true,
  );
}

/**
 * One booking by uid, or every occurrence of a recurring series (an array) when `uid` is the series'
 * `recurringBookingUid`; nothing is fetched while `uid` is empty or undefined. Cal.com serves it to a
 * visitor too (whoever has the uid).
 */
export function useCalBooking<TData = CalBooking | CalBookingSeries>(
  uid: string | undefined,
  options: CalQueryHookOptions<CalBooking | CalBookingSeries, TData> = {},
): UseQueryResult<TData, CalQueryError> {
  return useCalQuery(
    'useCalBooking',
    (source) => calBookingQueryOptions(source, uid ?? ''),
    options,
    !!uid,
    undefined,
    true,
  );
}
