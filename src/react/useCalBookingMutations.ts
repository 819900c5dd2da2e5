'use client';

import {
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
} from '@tanstack/react-query';
import type {
  CalApi,
  CalBooking,
  CalBookingSeries,
  CalCancelBookingInput,
  CalCreateBookingInput,
  CalRescheduleBookingInput,
  CalSlots,
} from '../calapi/types.js';
import { calApiKeys } from '../session/calApiKeys.js';
import { getCalApi } from '../session/getCalApi.js';
import { useBookingsContext } from './BookingsContext.js';
import type { CalQueryError } from './useCalApi.js';
import { useScopedMutation } from './useScopedMutation.js';

/**
 * Callbacks a caller may add to a booking mutation hook; they run after the hook's own cache updates.
 * `TData` is what the mutation resolves to: a booking (a series' occurrences for a cancel).
 */
export type CalBookingMutationOptions<TVariables, TData = CalBooking> = Pick<
  UseMutationOptions<TData, CalQueryError, TVariables>,
  'onSuccess' | 'onError' | 'onSettled' | 'throwOnError' | 'meta'
>;

export type CalBookingMutationResult<TVariables, TData = CalBooking> = UseMutationResult<
  TData,
  CalQueryError,
  TVariables
>;

/** What `useCancelCalBooking` resolves to: the booking, or every occurrence of a cancelled series. */
export type CancelCalBookingResult = CalBooking | CalBookingSeries;

/** Variables of `useCancelCalBooking`: which booking, and an optional reason shown to the attendees. */
export interface CancelCalBookingVariables extends CalCancelBookingInput {
  /** The booking's uid. */
  uid: string;
}

/** Variables of `useRescheduleCalBooking`: which booking, and its new start. */
export interface RescheduleCalBookingVariables extends CalRescheduleBookingInput {
  /** The uid of the booking to move. */
  uid: string;
}

/** Slots lists as they were before a booking took a slot, and when the optimistic update wrote them. */
type Saved = { key: readonly unknown[]; data: CalSlots | undefined; at: number | undefined }[];

/** `slots` without the slot starting at `instant` (compared as instants: Cal's offsets vary). */
function withoutSlot(slots: CalSlots, instant: number): CalSlots {
  const result: CalSlots = {};
  for (const [day, list] of Object.entries(slots)) {
    result[day] = list.filter((slot) => Date.parse(slot.start) !== instant);
  }
  return result;
}

/**
 * The shared body of the booking mutations. Never retried here (a booking is not idempotent; the
 * Cal.com client already retried once after a 498). The slot being taken leaves every cached slots
 * list at once and comes back if the call fails; afterwards the identity's slots and bookings refetch.
 */
function useCalBookingMutation<TVariables, TData>(
  hookName: string,
  name: 'create' | 'cancel' | 'reschedule',
  run: (calApi: CalApi, variables: TVariables) => Promise<TData>,
  takes: ((variables: TVariables) => string) | undefined,
  options: CalBookingMutationOptions<TVariables, TData>,
): CalBookingMutationResult<TVariables, TData> {
  const { session, client, identity } = useBookingsContext(hookName);
  const { queryClient } = session;
  // Bound at render: a call started for this identity runs on its token manager, which rejects
  // (`aborted`) once another user signs in, so it is never sent with the next user's token.
  const calApi = getCalApi(session);
  const slotsKey = calApiKeys.allSlots(client.baseUrl, identity);
  /** Still the identity this hook rendered for: cache updates for a user who left are skipped. */
  const current = () => session.getSnapshot().identity === identity;
  const mutation = useMutation<TData, CalQueryError, TVariables, Saved | undefined>(
    {
      ...options,
      mutationKey: calApiKeys.mutation(client.baseUrl, identity, name),
      mutationFn: (variables) => run(calApi, variables),
      retry: false,
      async onMutate(variables) {
        if (!takes) return undefined;
        const instant = Date.parse(takes(variables));
        await queryClient.cancelQueries({ queryKey: slotsKey });
        if (!current()) return undefined;
        const previous = queryClient.getQueriesData<CalSlots>({ queryKey: slotsKey });
        queryClient.setQueriesData<CalSlots>(
          { queryKey: slotsKey },
          (slots) => slots && withoutSlot(slots, instant),
        );
        // When each entry was written by this update: a rollback restores only what nothing newer replaced.
        return previous.map(([key, data]) => ({
          key,
          data,
          at: queryClient.getQueryState(key)?.dataUpdatedAt,
        }));
      },
      onError(...args) {
        if (current()) {
          for (const { key, data, at } of args[2] ?? []) {
            if (queryClient.getQueryState(key)?.dataUpdatedAt === at) {
              queryClient.setQueryData(key, data);
            }
          }
        }
        return options.onError?.(...args);
      },
      onSettled(...args) {
        // Not awaited: the mutation settles now; fresh slots and bookings follow.
        if (current()) {
          void queryClient.invalidateQueries({ queryKey: slotsKey });
          void queryClient.invalidateQueries({
            queryKey: calApiKeys.allBookings(client.baseUrl, identity),
          });
        }
        return options.onSettled?.(...args);
      },
    },
    queryClient,
  );
  // Another user signed in: what this mutation said was about the previous one.
  return useScopedMutation(mutation, identity);
}

/**
 * Books a slot: `mutate({ start, eventTypeId, attendee: { name, email, timeZone } })`. The slot leaves
 * the cached slots at once (restored if Cal.com refuses, e.g. `invalid_request` when it was just taken).
 */
export function useCreateCalBooking(
  options: CalBookingMutationOptions<CalCreateBookingInput> = {},
): CalBookingMutationResult<CalCreateBookingInput> {
  return useCalBookingMutation(
    'useCreateCalBooking',
    'create',
    (calApi, input) => calApi.createBooking(input),
    (input) => input.start,
    options,
  );
}

/**
 * Cancels a booking: `mutate({ uid, cancellationReason? })`; resolves to the cancelled booking, or to
 * every occurrence of a recurring series when `uid` is the series' `recurringBookingUid` or
 * `cancelSubsequentBookings` is set.
 */
export function useCancelCalBooking(
  options: CalBookingMutationOptions<CancelCalBookingVariables, CancelCalBookingResult> = {},
): CalBookingMutationResult<CancelCalBookingVariables, CancelCalBookingResult> {
  return useCalBookingMutation(
    'useCancelCalBooking',
    'cancel',
    (calApi, { uid, ...input }) => calApi.cancelBooking(uid, input),
    undefined,
    options,
  );
}

/**
 * Moves a booking: `mutate({ uid, start, reschedulingReason? })`; resolves to the new booking (its
 * `rescheduledFromUid` is the old one, which Cal.com cancels). The new slot leaves the cache at once.
 */
export function useRescheduleCalBooking(
  options: CalBookingMutationOptions<RescheduleCalBookingVariables> = {},
): CalBookingMutationResult<RescheduleCalBookingVariables> {
  return useCalBookingMutation(
    'useRescheduleCalBooking',
    'reschedule',
    (calApi, { uid, ...input }) => calApi.rescheduleBooking(uid, input),
    (variables) => variables.start,
    options,
  );
}
