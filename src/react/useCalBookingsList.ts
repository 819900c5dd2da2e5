'use client';

import { hashKey, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  CalBooking,
  CalBookingsPage,
  CalBookingsParams,
  CalPagination,
} from '../calapi/types.js';
import { calBookingsQueryOptions } from '../session/calApiQueryOptions.js';
import { isBookingsVisitor } from '../session/visitor.js';
import { useSessionFrom } from './BookingsContext.js';
import { type CalQueryError, useCalQuery } from './useCalApi.js';
import {
  type CalBookingMutationResult,
  type CancelCalBookingResult,
  type CancelCalBookingVariables,
  useCancelCalBooking,
} from './useCalBookingMutations.js';
import { type CalBookingSeats, useCalBookingSeats } from './useCalBookingSeats.js';
import { useControllableState } from './useControllableState.js';

/**
 * The lists `CalBookingsList` shows, each one Cal.com `status` filter; `unconfirmed` holds the
 * bookings that wait for the host's confirmation (`status: 'pending'`).
 */
export type CalBookingsListTab = 'upcoming' | 'unconfirmed' | 'past' | 'cancelled';

/**
 * What the list shows: nothing asked yet (`enabled={false}`), nobody signed in (a visitor: Cal.com
 * lists bookings only to their user, so nothing is asked), the first page loading, no bookings in
 * this tab, a page of bookings, or the error of the first page.
 */
export type CalBookingsListState = 'idle' | 'signedOut' | 'loading' | 'empty' | 'ready' | 'error';

export interface UseCalBookingsListOptions {
  /** The shown tab, when the host controls it (with `onTabChange`). @default undefined */
  tab?: CalBookingsListTab;
  /** The first tab when uncontrolled. @default 'upcoming' */
  defaultTab?: CalBookingsListTab;
  /** Called when the person chooses another tab. @default undefined */
  onTabChange?: (tab: CalBookingsListTab) => void;
  /** Bookings per page (Cal.com's `take`). @default 10 */
  pageSize?: number;
  /** More `GET /v2/bookings` filters (e.g. `eventTypeId`); `status`, `take` and `skip` are the list's. */
  filters?: Omit<CalBookingsParams, 'status' | 'take' | 'skip'>;
}

export interface UseCalBookingsListResult {
  state: CalBookingsListState;
  tab: CalBookingsListTab;
  setTab: (tab: CalBookingsListTab) => void;
  /** The bookings of the page on screen (the previous page's while the next one loads). */
  bookings: CalBooking[];
  /** Cal.com's `pagination` of the page on screen. */
  pagination: CalPagination | undefined;
  /** 1-based number of the page asked for. */
  page: number;
  /** Number of pages (at least 1 once known). */
  pageCount: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  previousPage: () => void;
  nextPage: () => void;
  /** Another page of this tab is loading; the one on screen stays meanwhile. */
  isPageLoading: boolean;
  error: CalQueryError | null;
  refetch: () => void;
  /** The underlying `useCalBookings` query. */
  query: UseQueryResult<CalBookingsPage, CalQueryError>;
  /** `useCancelCalBooking`'s mutation: `cancel.mutate({ uid, cancellationReason })`. */
  cancel: CalBookingMutationResult<CancelCalBookingVariables, CancelCalBookingResult>;
  /**
   * A seated booking's seats (taken, of how many, the viewer's own with its `seatUid`, which
   * `cancel.mutate({ uid, seatUid })` cancels alone); `undefined` for a booking that is not seated.
   */
  seatsOf: (booking: CalBooking) => CalBookingSeats | undefined;
}

const SORT: Record<CalBookingsListTab, 'asc' | 'desc'> = {
  upcoming: 'asc',
  past: 'desc',
  cancelled: 'desc',
  unconfirmed: 'asc',
};

/**
 * The state behind `CalBookingsList`: one tab of the user's Cal.com bookings (upcoming soonest
 * first, past and cancelled newest first), paged with Cal.com's `take`/`skip` and `pagination`, and
 * the cancel mutation. Changing tab goes back to the first page and shows the loading state (never
 * another tab's bookings); changing page keeps the current page on screen while the next loads.
 */
export function useCalBookingsList(
  options: UseCalBookingsListOptions = {},
): UseCalBookingsListResult {
  const { pageSize = 10, filters, onTabChange } = options;
  const [tab, chooseTab] = useControllableState<CalBookingsListTab>({
    prop: options.tab,
    defaultProp: options.defaultTab ?? 'upcoming',
    onChange: onTabChange,
    // A tab the person chose while the host controlled `tab` is the host's to take or refuse.
    remember: false,
  });
  // The page belongs to the tab it was chosen in: another tab starts on its first page.
  const [paging, setPaging] = useState({ tab, skip: 0 });
  const skip = paging.tab === tab ? paging.skip : 0;
  const take = Math.max(1, Math.floor(pageSize));

  const params: CalBookingsParams = { sortStart: SORT[tab], ...filters, status: tab, take, skip };
  // `useCalBookings`, but the previous page stays only within the same list: same identity (checked by
  // `useCalQuery`), tab and filters.
  const session = useSessionFrom('useCalBookingsList');
  const query = useCalQuery<CalBookingsPage, CalBookingsPage>(
    'useCalBookings',
    (session) => calBookingsQueryOptions(session, params),
    {},
    true,
    sameListParams,
  );
  const cancel = useCancelCalBooking();

  const { data, error, isPlaceholderData } = query;
  const seatsOf = useCalBookingSeats(data?.items ?? []);
  const pagination = data?.pagination;
  const pageCount = pagination ? Math.max(1, pagination.totalPages) : 1;

  // Cancelling the last booking of the last page leaves that page empty: go to the new last page.
  const overshot = data !== undefined && !isPlaceholderData && data.items.length === 0 && skip > 0;
  useEffect(() => {
    if (overshot) setPaging({ tab, skip: Math.max(0, (pageCount - 1) * take) });
  }, [overshot, tab, pageCount, take]);

  const state: CalBookingsListState =
    data !== undefined
      ? data.items.length === 0 && !overshot
        ? 'empty'
        : 'ready'
      : error
        ? 'error'
        : query.fetchStatus !== 'idle'
          ? 'loading'
          : isBookingsVisitor(session)
            ? 'signedOut'
            : 'idle';

  const hasNextPage = !!pagination?.hasNextPage && !isPlaceholderData;
  const hasPreviousPage = skip > 0;
  return {
    state,
    tab,
    setTab(next) {
      if (next === tab) return;
      setPaging({ tab: next, skip: 0 });
      chooseTab(next);
    },
    bookings: data?.items ?? [],
    pagination,
    page: Math.floor(skip / take) + 1,
    pageCount,
    hasPreviousPage,
    hasNextPage,
    previousPage() {
      if (hasPreviousPage) setPaging({ tab, skip: Math.max(0, skip - take) });
    },
    nextPage() {
      if (hasNextPage) setPaging({ tab, skip: skip + take });
    },
    isPageLoading: isPlaceholderData,
    error: data === undefined ? error : null,
    refetch: () => void query.refetch(),
    query,
    cancel,
    seatsOf,
  };
}

/** The same list params but for `skip`, compared as the query cache compares keys (`hashKey`). */
function sameListParams(previous: unknown, next: unknown): boolean {
  const { skip: _a, ...rest } = previous as CalBookingsParams;
  const { skip: _b, ...nextRest } = next as CalBookingsParams;
  return hashKey([rest]) === hashKey([nextRest]);
}
