'use client';

import { useEffect, useRef, useState } from 'react';
import {
  DEFAULT_RESERVATION_MAX_HOLD_MS,
  reservationRenewalDelay,
} from '../booking/reservationSchedule.js';
import type { CalApiError } from '../calapi/errors.js';
import type { CalReservation } from '../calapi/types.js';
import { calApiKeys } from '../session/calApiKeys.js';
import { getCalApi } from '../session/getCalApi.js';
import { useBookingsContext } from './BookingsContext.js';

export interface UseCalSlotReservationOptions {
  /** The event type of the time to hold; nothing is reserved without it. */
  eventTypeId: number | undefined;
  /** The chosen time's start (ISO 8601); nothing is reserved without it. */
  slotStart: string | undefined;
  /** For event types with several lengths: the chosen length in minutes. @default the type's length */
  slotDuration?: number | undefined;
  /** Hold the time now (e.g. while the details form is open); `false` releases it. @default true */
  enabled?: boolean | undefined;
  /**
   * How long one chosen time is held at most: renewals stop after it, and the last hold lapses at
   * Cal.com (5 minutes later at most). @default 1800000 (30 minutes)
   */
  maxHoldMs?: number | undefined;
  /**
   * Called when Cal.com refuses the hold with a 422: someone else holds or booked the time. Other
   * errors are only reported in `status`; they never block a booking, which Cal.com makes whatever
   * the reservations.
   */
  onTaken?: ((error: CalApiError) => void) | undefined;
}

/** `idle` (nothing to hold), `reserving`, `held`, `taken` (422) or `failed` (any other error). */
export type CalSlotReservationStatus = 'idle' | 'reserving' | 'held' | 'taken' | 'failed';

export interface UseCalSlotReservationResult {
  status: CalSlotReservationStatus;
  /** The live hold, while `held`. */
  reservation: CalReservation | undefined;
}

/**
 * Holds a chosen time at Cal.com (`POST /v2/slots/reservations`) so that no one else is offered it:
 * one reservation per chosen time, renewed shortly before it lapses (as `DELETE` then `POST`: Cal.com
 * refuses a `PATCH` to the same time against the hold itself) for at most `maxHoldMs`, and released
 * (`DELETE`) when the time, the event type or `enabled` changes and on unmount; the slots then refetch,
 * so the freed time shows again. A hold answered after it was given up is released at once, and a new
 * one waits for the previous release, so at most one is ever live. Used by `useCalBookingFlow`; a host
 * with its own flow can use it alone.
 */
export function useCalSlotReservation(
  options: UseCalSlotReservationOptions,
): UseCalSlotReservationResult {
  const { eventTypeId, slotStart, slotDuration, enabled = true } = options;
  const { session, client, identity } = useBookingsContext('useCalSlotReservation');
  const [result, setResult] = useState<UseCalSlotReservationResult>({
    status: 'idle',
    reservation: undefined,
  });
  const latest = useRef(options);
  latest.current = options;
  /** The last reservation or release started by this hook: the next one waits for it. */
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    if (!enabled || eventTypeId === undefined || !slotStart) {
      setResult({ status: 'idle', reservation: undefined });
      return;
    }
    const calApi = getCalApi(session);
    const heldSince = Date.now();
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** The slots refetch, so a freed time shows again and a taken one goes (this identity's only). */
    const refresh = () =>
      session.getSnapshot().identity === identity
        ? session.queryClient
            .invalidateQueries({ queryKey: calApiKeys.allSlots(client.baseUrl, identity) })
            .catch(() => {})
        : undefined;
    /** The uid of the hold this effect made, once Cal.com answered (`undefined` without one). */
    let held: Promise<string | undefined> = Promise.resolve(undefined);

    const reserve = () => {
      held = chain.current.then(async () => {
        if (!live) return undefined;
        setResult({ status: 'reserving', reservation: undefined });
        try {
          const input = { eventTypeId, slotStart, ...(slotDuration ? { slotDuration } : {}) };
          const reservation = await calApi.reserveSlot(input);
          if (live) {
            setResult({ status: 'held', reservation });
            const delay = reservationRenewalDelay(
              reservation.reservationUntil,
              Date.now(),
              heldSince,
              latest.current.maxHoldMs ?? DEFAULT_RESERVATION_MAX_HOLD_MS,
            );
            if (delay !== undefined) timer = setTimeout(renew, delay);
          }
          return reservation.reservationUid;
        } catch (error) {
          if (!live) return undefined;
          const taken = (error as CalApiError).status === 422;
          setResult({ status: taken ? 'taken' : 'failed', reservation: undefined });
          if (taken) {
            latest.current.onTaken?.(error as CalApiError);
            void refresh();
          }
          return undefined;
        }
      });
      chain.current = held;
    };
    const release = () => {
      const released = held.then(async (uid) => {
        if (uid === undefined) return;
        await calApi.deleteReservation(uid).catch(() => {});
        await refresh();
      });
      held = Promise.resolve(undefined);
      chain.current = released;
    };
    const renew = () => {
      release();
      reserve();
    };
    // Deferred, so StrictMode's immediate unmount and remount sends one reservation, not two.
    timer = setTimeout(reserve, 0);
    return () => {
      live = false;
      clearTimeout(timer);
      release();
    };
  }, [session, client.baseUrl, identity, enabled, eventTypeId, slotStart, slotDuration]);

  return result;
}
