'use client';

import {
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
} from '@tanstack/react-query';
import type {
  CalApi,
  CalBooking,
  CalCancelBookingInput,
  CalCreateBookingInput,
  CalRescheduleBookingInput,
  CalSlots,
} from '../calapi/types.js';
import { calApiKeys } from '../session/calApiKeys.js';
import { getCalApi } from '../session/getCalApi.js';
import { useBookingsContext } from './BookingsContext.js';
import type { CalQueryError } from './useCalApi.js';
import { useResetOnChange } from './useResetOnChange.js';

/** Callbacks a caller may add to a booking mutation hook; they run after the hook's own cache updates. */
export type CalBookingMutationOptions<TVariables> = Pick<
  UseMutationOptions<CalBooking, CalQueryError, TVariables>,
  'onSuccess' | 'onError' | 'onSettled' | 'throwOnError' | 'meta'
>;

export type CalBookingMutationResult<TVariables> = UseMutationResult<
  CalBooking,
  CalQueryError,
  TVariables
>;

/** Variables of `useCancelCalBooking`: which booking, and an optional reason shown to the attendees. */
export interface CancelCalBookingVariables extends CalCancelBookingInput {
  uid: string;
}

/** Variables of `useRescheduleCalBooking`: which booking, and its new start. */
export interface RescheduleCalBookingVariables extends CalRescheduleBookingInput {
  uid: string;
}

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
function useCalBookingMutation<TVariables>(
  hookName: string,
  name: 'create' | 'cancel' | 'reschedule',
  run: (calApi: CalApi, variables: TVariables) => Promise<CalBooking>,
  takes: ((variables: TVariables) => string) | undefined,
  options: CalBookingMutationOptions<TVariables>,
): CalBookingMutationResult<TVariables> {
  const { session, client, identity } = useBookingsContext(hookName);
  const { queryClient } = session;
  const slotsKey = calApiKeys.allSlots(client.baseUrl, identity);
  type Snapshot = [readonly unknown[], CalSlots | undefined][];
  const mutation = useMutation<CalBooking, CalQueryError, TVariables, Snapshot | undefined>(
    {
      ...options,
      mutationKey: calApiKeys.mutation(client.baseUrl, identity, name),
      mutationFn: (variables) => run(getCalApi(session), variables),
      retry: false,
      async onMutate(variables) {
        if (!takes) return undefined;
        const instant = Date.parse(takes(variables));
        await queryClient.cancelQueries({ queryKey: slotsKey });
        const previous = queryClient.getQueriesData<CalSlots>({ queryKey: slotsKey });
        queryClient.setQueriesData<CalSlots>(
          { queryKey: slotsKey },
          (slots) => slots && withoutSlot(slots, instant),
        );
        return previous;
      },
      onError(...args) {
        for (const [key, data] of args[2] ?? []) queryClient.setQueryData(key, data);
        return options.onError?.(...args);
      },
      onSettled(...args) {
        // Not awaited: the mutation settles now; fresh slots and bookings follow.
        void queryClient.invalidateQueries({ queryKey: slotsKey });
        void queryClient.invalidateQueries({
          queryKey: calApiKeys.allBookings(client.baseUrl, identity),
        });
        return options.onSettled?.(...args);
      },
    },
    queryClient,
  );
  // Another user signed in: what this mutation said was about the previous one.
  useResetOnChange(identity, mutation.reset);
  return mutation;
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

/** Cancels a booking: `mutate({ uid, cancellationReason? })`; resolves to the cancelled booking. */
export function useCancelCalBooking(
  options: CalBookingMutationOptions<CancelCalBookingVariables> = {},
): CalBookingMutationResult<CancelCalBookingVariables> {
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
