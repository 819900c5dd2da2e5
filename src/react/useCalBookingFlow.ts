'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { calBookingInputProblem } from '../booking/caps.js';
import {
  type CalBookingFlowEvent,
  type CalBookingFlowState,
  type CalBookingFlowStep,
  type CalBookingFormValues,
  initialCalBookingFlowState,
  transitionCalBookingFlow,
} from '../booking/flowMachine.js';
import { calSignInRequired, safeSuccessRedirectUrl } from '../booking/pageSettings.js';
import {
  occurrenceToReschedule,
  toCalCreateBookingInput,
  toCalRescheduleBookingInput,
} from '../booking/request.js';
import { isCalSlotTakenError } from '../booking/slotTaken.js';
import { CalApiError } from '../calapi/errors.js';
import type {
  CalBooking,
  CalEventType,
  CalEventTypeRef,
  CalEventTypesParams,
  CalSlot,
  CalSlotsParams,
} from '../calapi/types.js';
import { dayOf, viewerTimeZone } from '../time/zones.js';
import { useBookingsIdentity } from './useBookingsIdentity.js';
import type { CalQueryError } from './useCalApi.js';
import { useCreateCalBooking, useRescheduleCalBooking } from './useCalBookingMutations.js';
import { type CalEmailVerification, useCalEmailVerification } from './useCalEmailVerification.js';
import { useCalBooking, useCalEventTypes } from './useCalQueries.js';
import { useCalSignedIn } from './useCalSignedIn.js';
import {
  type UseCalSlotReservationResult,
  useCalSlotReservation,
} from './useCalSlotReservation.js';
import { useControllableState } from './useControllableState.js';
import { useKnownTimeZone } from './useKnownTimeZone.js';
import { useRecurrenceChoice } from './useRecurrenceChoice.js';

/** Which event type the flow books: one pinned by id or by slug, or one the person chooses. */
export type CalBookingFlowEventTypeOptions =
  | {
      /** Book this event type, by id: the flow starts at choosing a day. */
      eventTypeId: number;
      eventTypeSlug?: undefined;
      /** The Cal.com user whose event types hold it. @default the signed-in user */
      username?: string | undefined;
    }
  | {
      /** Book this event type, by slug (with `username`): the flow starts at choosing a day. */
      eventTypeSlug: string;
      /** The Cal.com username of the event type's owner. */
      username: string;
      eventTypeId?: undefined;
    }
  | {
      eventTypeId?: undefined;
      eventTypeSlug?: undefined;
      /** Offer this Cal.com user's public event types. @default the signed-in user's own */
      username?: string | undefined;
    };

export type UseCalBookingFlowOptions = CalBookingFlowEventTypeOptions & {
  /**
   * The attendee's IANA time zone: the slots' zone and the booking's `attendee.timeZone`. A new value
   * replaces the one chosen with `setTimeZone`; one `Intl` does not know gives the browser's (with a
   * warning in development). @default the browser's (Intl.DateTimeFormat)
   */
  timeZone?: string | undefined;
  /**
   * Reschedule this booking: its own time counts as free and `submit` moves it instead of booking.
   * @default undefined (book a new slot)
   */
  rescheduleUid?: string | undefined;
  /**
   * Values the form starts with (e.g. the signed-in person's name and e-mail).
   * @default none: empty fields, or the attendee's name and e-mail when rescheduling
   */
  defaultFormValues?: Partial<CalBookingFormValues> | undefined;
  /** `attendee.language` sent with a new booking. @default undefined (Cal.com's 'en') */
  language?: string | undefined;
  /**
   * Whether the person booking is signed in, so that Cal.com sees their token: an event type with
   * `bookingRequiresAuthentication` asks anyone else to sign in instead of offering times. Tell it for
   * a cookie session that may be a visitor's. @default the provider's session: signed in unless it
   * has no credential (`jwt={null}`)
   */
  signedIn?: boolean | undefined;
  /**
   * Called with the new booking (or the moved one) once Cal.com has it. Not called when the flow
   * started over before Cal.com answered (another user signed in, or `reset`), so one person's
   * booking never reaches the next person's screen. `details.successRedirectUrl` is the event type's
   * page to go to next, when it is an http(s) URL: the booker never goes there itself.
   */
  onBookingSuccess?: ((booking: CalBooking, details: CalBookingSuccessDetails) => void) | undefined;
  /**
   * Called when Cal.com refuses the booking, slot taken included. Like `onBookingSuccess`, not
   * called when the flow started over before Cal.com answered.
   */
  onBookingError?: ((error: CalQueryError) => void) | undefined;
};

/** What `onBookingSuccess` gets besides the booking. */
export interface CalBookingSuccessDetails {
  /**
   * The event type's `successRedirectUrl` when it is an absolute http(s) URL (a `javascript:` or
   * other URL is dropped); the host decides whether to go there. @default undefined
   */
  successRedirectUrl?: string;
}

/** The slots query of the flow, without its range: pass it to `useCalSlots({ ...slotsParams, start, end })`. */
export type CalBookingFlowSlotsParams = CalEventTypeRef &
  Pick<CalSlotsParams, 'timeZone' | 'duration' | 'format' | 'bookingUidToReschedule'>;

export interface UseCalBookingFlowResult {
  /** The machine's state (see `CalBookingFlowState`). */
  state: CalBookingFlowState;
  step: CalBookingFlowStep;
  /** The attendee's time zone in effect. */
  timeZone: string;
  setTimeZone: (timeZone: string) => void;
  /** The event types on offer (hidden ones included, flagged `hidden`). */
  eventTypes: UseQueryResult<CalEventType[], CalQueryError>;
  /** The chosen event type, once it is known. */
  eventType: CalEventType | undefined;
  /**
   * The event type pinned by `username` and `eventTypeSlug` is not in Cal.com's answer: no such type,
   * or a hidden one and the viewer is not its owner (a visitor, say).
   */
  eventTypeNotFound: boolean;
  /** The chosen event type's reference; undefined in choosingEventType. */
  eventTypeRef: CalEventTypeRef | undefined;
  /** Everything but the range of the slots to show, or undefined before an event type is chosen. */
  slotsParams: CalBookingFlowSlotsParams | undefined;
  /** The chosen slot's start, as Cal.com listed it. */
  selectedSlot: string | undefined;
  /**
   * The meeting's length in minutes: the one chosen (`state.duration`), else the event type's
   * `lengthInMinutes`; undefined while the event type loads.
   */
  duration: number | undefined;
  /**
   * The lengths to choose from (the event type's `lengthInMinutesOptions`), when it offers several
   * and the flow books anew; undefined otherwise. Cal.com moves a booking at the event type's own
   * length, so a reschedule offers no choice.
   */
  durations: readonly number[] | undefined;
  /** The chosen day `YYYY-MM-DD` in `timeZone`. */
  selectedDay: string | undefined;
  /** Reschedule mode: the booking being moved (while it loads, `undefined`). */
  bookingToReschedule: UseQueryResult<CalBooking, CalQueryError> | undefined;
  isRescheduling: boolean;
  /** The booking made (in `confirmed`). */
  booking: CalBooking | undefined;
  /** Cal.com's refusal (in `slotTaken` and `error`). */
  error: CalQueryError | undefined;
  /** `defaultFormValues`, completed in reschedule mode with the booking's attendee. */
  formDefaults: Partial<CalBookingFormValues>;
  selectEventType: (eventType: CalEventType | CalEventTypeRef | number) => void;
  selectDay: (day: string) => void;
  /** Chooses one of `durations`; the slots are asked again with it. Other lengths are ignored. */
  selectDuration: (minutes: number) => void;
  /** Chooses a slot (its start as listed, or the slot), on its day in `timeZone`; not an unparsable one. */
  selectSlot: (slot: CalSlot | string) => void;
  back: () => void;
  /** Books (or moves) the chosen slot; ignored outside details and error. */
  submit: (values: CalBookingFormValues) => void;
  /** Starts over (at the pinned event type, if any). */
  reset: () => void;
  /**
   * A recurring event type's number of occurrences to book (sent as `recurrenceCount`): by default,
   * and at most, the type's `recurrence.occurrences`. Undefined for a one-off type and when rescheduling.
   */
  recurrenceCount: number | undefined;
  /** Chooses how many occurrences to book; kept within 1 and the type's count. */
  setRecurrenceCount: (count: number) => void;
  /** The starts (ISO 8601, UTC) of the occurrences to book from the chosen slot, as Cal.com steps them; [] for a one-off. */
  occurrences: string[];
  /** The hold on the chosen time while the form is open (see `useCalSlotReservation`). */
  reservation: UseCalSlotReservationResult;
  /**
   * The event type has `bookingRequiresAuthentication` and nobody is signed in to Cal.com: Cal.com
   * would refuse the booking (401), so ask the person to sign in instead of showing the form.
   */
  signInRequired: boolean;
  /**
   * The event type has `lockTimeZoneToggleOnBookingPage`: `setTimeZone` is ignored and the times
   * stay in the zone the flow started with (the `timeZone` option, else the browser's).
   */
  timeZoneLocked: boolean;
  /** The e-mail code of the verifyingEmail step: its status, and `send` / `verify` for it. */
  emailVerification: CalEmailVerification;
  /** In verifyingEmail: checks the code typed, then books with it. */
  verifyEmailCode: (code: string) => void;
  /** In verifyingEmail: e-mails another code (past 3 a minute, as Cal.com allows, `throttled` instead). */
  resendEmailCode: () => void;
}

function refOf(eventType: CalEventType | CalEventTypeRef | number): CalEventTypeRef {
  if (typeof eventType === 'number') return { eventTypeId: eventType };
  if ('id' in eventType) return { eventTypeId: eventType.id };
  if ('eventTypeId' in eventType) return { eventTypeId: eventType.eventTypeId };
  return eventType;
}

function matches(type: CalEventType, ref: CalEventTypeRef): boolean {
  return 'eventTypeId' in ref ? type.id === ref.eventTypeId : type.slug === ref.eventTypeSlug;
}

/** The event type the host pins: by id, by slug, or the rescheduled booking's (once it is loaded). */
function usePinnedEventType(
  { eventTypeId, eventTypeSlug, username }: CalBookingFlowEventTypeOptions,
  rescheduled: CalBooking | undefined,
): [pinnedKey: string, pinned: CalEventTypeRef | undefined] {
  const pinnedKey =
    eventTypeId !== undefined
      ? `id:${eventTypeId}`
      : eventTypeSlug !== undefined
        ? `slug:${username ?? ''}/${eventTypeSlug}`
        : rescheduled?.eventTypeId != null
          ? `id:${rescheduled.eventTypeId}`
          : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pinnedKey` stands for its inputs.
  const pinned = useMemo<CalEventTypeRef | undefined>(() => {
    if (eventTypeId !== undefined) return { eventTypeId };
    if (eventTypeSlug !== undefined) return { eventTypeSlug, username: username ?? '' };
    if (rescheduled?.eventTypeId != null) return { eventTypeId: rescheduled.eventTypeId };
    return undefined;
  }, [pinnedKey]);
  return [pinnedKey, pinned];
}

type Dispatch = (event: CalBookingFlowEvent) => CalBookingFlowState;

/**
 * The machine's state, which belongs to the identity it was made for: another user starts over, in
 * this very render. `current` is the latest state, for callbacks that outlive a render.
 */
function useFlowState(pinned: CalEventTypeRef | undefined): {
  state: CalBookingFlowState;
  current: { current: CalBookingFlowState };
  dispatch: Dispatch;
} {
  const identity = useBookingsIdentity();
  const [held, setHeld] = useState(() => ({ identity, state: initialCalBookingFlowState(pinned) }));
  let state = held.state;
  if (held.identity !== identity) {
    state = initialCalBookingFlowState(pinned);
    setHeld({ identity, state });
  }
  const current = useRef(state);
  current.current = state;
  const dispatch = useCallback(
    (event: CalBookingFlowEvent): CalBookingFlowState => {
      const next = transitionCalBookingFlow(current.current, event);
      if (next !== current.current) {
        current.current = next;
        setHeld({ identity, state: next });
      }
      return next;
    },
    [identity],
  );
  return { state, current, dispatch };
}

/**
 * Whether `body` breaks a cap: then it is refused here, as Cal.com would answer a bad request, and
 * never sent. `onError` gets the refusal after this call, as a request's would: the submitting step
 * is seen first.
 */
function refusedOverCaps(
  body: Parameters<typeof calBookingInputProblem>[0],
  path: string,
  onError: (error: CalApiError) => void,
): boolean {
  const detail = calBookingInputProblem(body);
  if (detail === undefined) return false;
  const error = new CalApiError({ kind: 'invalid_request', method: 'POST', path, detail });
  Promise.resolve(error).then(onError);
  return true;
}

/**
 * `book`: books (or moves) the slot of a submitting state and dispatches Cal.com's answer, unless the
 * flow started over meanwhile (then the answer settles unseen, without callbacks). `eventType` is the
 * chosen event type as last rendered, for its booking-page settings.
 */
function useBook(
  current: { current: CalBookingFlowState },
  dispatch: Dispatch,
  callbacks: { current: UseCalBookingFlowOptions },
  eventType: { current: CalEventType | undefined },
  rescheduleTarget: string | undefined,
  timeZone: string,
  language: string | undefined,
  recurrenceCount: number | undefined,
): (submitting: CalBookingFlowState) => void {
  const create = useCreateCalBooking();
  const reschedule = useRescheduleCalBooking();
  return useCallback(
    (submitting: CalBookingFlowState) => {
      if (submitting.step !== 'submitting') return;
      const { values } = submitting;
      const settle = {
        onSuccess(booking: CalBooking) {
          if (current.current !== submitting) return;
          dispatch({ type: 'succeeded', booking });
          // Only an http(s) URL reaches the host, which decides whether to go there.
          const url = safeSuccessRedirectUrl(eventType.current?.successRedirectUrl);
          callbacks.current.onBookingSuccess?.(booking, url ? { successRedirectUrl: url } : {});
        },
        onError(error: CalQueryError) {
          if (current.current !== submitting) return;
          dispatch({ type: isCalSlotTakenError(error) ? 'slotTaken' : 'failed', error });
          callbacks.current.onBookingError?.(error);
        },
      };
      const start = submitting.start;
      if (rescheduleTarget) {
        const body = { uid: rescheduleTarget, ...toCalRescheduleBookingInput(values, { start }) };
        const path = `/v2/bookings/${rescheduleTarget}/reschedule`;
        if (refusedOverCaps(body, path, settle.onError)) return;
        reschedule.mutateAsync(body).then(settle.onSuccess, settle.onError);
        return;
      }
      // The flow holds a duration only for an event type offering several (see `selectDuration`).
      const body = toCalCreateBookingInput(values, {
        eventType: submitting.eventType,
        start,
        timeZone,
        language,
        recurrenceCount,
        lengthInMinutes: submitting.duration,
      });
      if (submitting.emailCode) body.emailVerificationCode = submitting.emailCode;
      if (refusedOverCaps(body, '/v2/bookings', settle.onError)) return;
      create.mutateAsync(body).then(settle.onSuccess, settle.onError);
    },
    [
      current,
      dispatch,
      callbacks,
      eventType,
      rescheduleTarget,
      reschedule.mutateAsync,
      create.mutateAsync,
      timeZone,
      language,
      recurrenceCount,
    ],
  );
}

/**
 * The booking flow, from choosing an event type to the confirmation, as an explicit state machine
 * (`state.step`: choosingEventType → choosingDay → choosingSlot → details → submitting → confirmed,
 * or slotTaken / error), wired to the Cal.com hooks. Renders nothing: `CalBooker` is a view over it,
 * and a host can build its own. A slot Cal.com refuses as taken leads back to the slots (`slotTaken`)
 * with the values entered kept; the slots refetch. With `rescheduleUid`, the booking's event type is
 * pinned, its own time shows as free, and `submit` moves it. Another user signing in starts the flow
 * over in that very render; a request made for the previous user then settles unseen (no callbacks).
 */
export function useCalBookingFlow(options: UseCalBookingFlowOptions): UseCalBookingFlowResult {
  const {
    eventTypeSlug,
    username,
    rescheduleUid,
    defaultFormValues,
    language,
    timeZone: timeZoneOption,
  } = options;

  // Host callbacks are read when the request settles, so a new inline function every render is fine.
  const callbacks = useRef(options);
  callbacks.current = options;

  // The prop is where the zone starts; a new `timeZone` prop replaces what was chosen since.
  const [chosenZone, setTimeZone] = useControllableState({
    prop: timeZoneOption,
    defaultProp: () => timeZoneOption ?? viewerTimeZone(),
    controlled: false,
    follow: true,
  });
  const timeZone = useKnownTimeZone(chosenZone);

  // A series' uid stands for its next occurrence still on: Cal.com moves one occurrence at a time.
  const rescheduling = useCalBooking(rescheduleUid, { select: occurrenceToReschedule });
  const rescheduled = rescheduleUid ? rescheduling.data : undefined;
  const rescheduleTarget = rescheduleUid && (rescheduled?.uid ?? rescheduleUid);

  const [pinnedKey, pinned] = usePinnedEventType(options, rescheduled);
  const { state, current, dispatch } = useFlowState(pinned);

  // Another pinned event type (or the rescheduled booking's, once loaded): start over with it.
  const pinnedFor = useRef(pinnedKey);
  useEffect(() => {
    if (pinnedFor.current === pinnedKey) return;
    pinnedFor.current = pinnedKey;
    dispatch({ type: 'reset', eventType: pinned });
  }, [pinnedKey, pinned, dispatch]);

  const eventTypesParams: CalEventTypesParams | undefined =
    eventTypeSlug !== undefined
      ? { username: username ?? '', eventSlug: eventTypeSlug }
      : username !== undefined
        ? { username }
        : undefined;
  const eventTypes = useCalEventTypes(eventTypesParams);
  const eventTypeRef = state.step === 'choosingEventType' ? undefined : state.eventType;
  const eventType = eventTypeRef
    ? eventTypes.data?.find((type) => matches(type, eventTypeRef))
    : undefined;

  // Several lengths, when booking anew: Cal.com's reschedule takes none and books the type's own.
  const lengths = eventType?.lengthInMinutesOptions;
  const durations = !rescheduleUid && lengths && lengths.length > 1 ? lengths : undefined;
  const chosenLength = 'duration' in state ? state.duration : undefined;
  const slotsParams = useMemo<CalBookingFlowSlotsParams | undefined>(() => {
    if (!eventTypeRef) return undefined;
    return {
      ...eventTypeRef,
      timeZone,
      ...(rescheduleTarget ? { bookingUidToReschedule: rescheduleTarget } : {}),
      ...(chosenLength !== undefined ? { duration: chosenLength } : {}),
    };
  }, [eventTypeRef, timeZone, rescheduleTarget, chosenLength]);

  const selectedSlot = 'start' in state ? state.start : undefined;
  const recurrence = useRecurrenceChoice(eventType, selectedSlot, timeZone, !!rescheduleUid);
  // The chosen event type as last rendered, for the settings read when a request settles.
  const shownType = useRef(eventType);
  shownType.current = eventType;
  const book = useBook(
    current,
    dispatch,
    callbacks,
    shownType,
    rescheduleTarget,
    timeZone,
    language,
    recurrence.recurrenceCount,
  );
  // Cal.com asks for the code on a new booking only, never on a reschedule (handleNewBooking).
  const verifyEmail = eventType?.requiresBookerEmailVerification === true && !rescheduleUid;
  const { submit, ...codeStep } = useEmailCodeStep(current, dispatch, book, verifyEmail);
  const timeZoneLocked = eventType?.lockTimeZoneToggleOnBookingPage === true;
  const signedIn = useCalSignedIn(options.signedIn);

  const reservation = useFlowReservation(
    state,
    current,
    dispatch,
    eventType?.id,
    slotsParams,
    !rescheduleUid,
  );

  const formDefaults = useMemo<Partial<CalBookingFormValues>>(() => {
    const attendee = rescheduled?.attendees[0];
    return attendee
      ? { name: attendee.name, email: attendee.email, ...defaultFormValues }
      : { ...defaultFormValues };
  }, [rescheduled, defaultFormValues]);

  const actions = useFlowActions(dispatch, pinned, timeZone, durations);

  return {
    state,
    step: state.step,
    timeZone,
    // Locked: the zone stays the one the flow started with (the v2 event type carries no zone of its own).
    setTimeZone: timeZoneLocked ? ignoreTimeZone : setTimeZone,
    eventTypes,
    eventType,
    eventTypeNotFound:
      eventTypeSlug !== undefined && !!eventTypeRef && !!eventTypes.data && !eventType,
    eventTypeRef,
    slotsParams,
    selectedSlot,
    duration: chosenLength ?? eventType?.lengthInMinutes,
    durations,
    selectedDay: 'day' in state ? state.day : undefined,
    bookingToReschedule: rescheduleUid ? rescheduling : undefined,
    isRescheduling: !!rescheduleUid,
    booking: state.step === 'confirmed' ? state.booking : undefined,
    error: state.step === 'slotTaken' || state.step === 'error' ? state.error : undefined,
    formDefaults,
    submit,
    reservation,
    ...actions,
    ...recurrence,
    signInRequired: calSignInRequired(eventType, signedIn),
    timeZoneLocked,
    ...codeStep,
  };
}

/**
 * The chosen time held while the form (or its e-mail code step) is open, until the booking is made or
 * the person leaves. Not while rescheduling (`enabled` false): Cal.com's reservation counts the
 * booking being moved as a conflict.
 */
function useFlowReservation(
  state: CalBookingFlowState,
  current: { current: CalBookingFlowState },
  dispatch: Dispatch,
  eventTypeId: number | undefined,
  slotsParams: CalBookingFlowSlotsParams | undefined,
  enabled: boolean,
): UseCalSlotReservationResult {
  const holding =
    state.step === 'details' ||
    state.step === 'verifyingEmail' ||
    state.step === 'submitting' ||
    state.step === 'error';
  return useCalSlotReservation({
    eventTypeId,
    slotStart: holding ? state.start : undefined,
    // The length chosen for a type with several (`slotsParams.duration`).
    slotDuration: slotsParams?.duration,
    enabled,
    // Only while the form is still open on that time: the booking itself ignores reservations.
    onTaken: (error) => {
      if (current.current.step === 'details') dispatch({ type: 'slotTaken', error });
    },
  });
}

/** The person's actions as stable callbacks over `dispatch`. */
function useFlowActions(
  dispatch: Dispatch,
  pinned: CalEventTypeRef | undefined,
  timeZone: string,
  durations: readonly number[] | undefined,
) {
  return useMemo(
    () => ({
      selectEventType: (type: CalEventType | CalEventTypeRef | number) =>
        void dispatch({ type: 'selectEventType', eventType: refOf(type) }),
      selectDay: (day: string) => void dispatch({ type: 'selectDay', day }),
      selectDuration: (minutes: number) => {
        if (durations?.includes(minutes)) dispatch({ type: 'selectDuration', duration: minutes });
      },
      selectSlot: (slot: CalSlot | string) => {
        const start = typeof slot === 'string' ? slot : slot.start;
        const ms = Date.parse(start);
        // An unparsable start is ignored; the day is the instant's in the flow's zone.
        if (!Number.isNaN(ms)) dispatch({ type: 'selectSlot', start, day: dayOf(ms, timeZone) });
      },
      back: () => void dispatch({ type: 'back' }),
      reset: () => void dispatch({ type: 'reset', eventType: pinned }),
    }),
    [dispatch, pinned, timeZone, durations],
  );
}

function ignoreTimeZone(_timeZone: string): void {}

/**
 * `submit`, and the e-mail code step of an event type with `requiresBookerEmailVerification`: with
 * `verifyEmail` a submit e-mails a code (verifyingEmail) instead of booking; the code Cal.com accepts
 * books, unless the person went back or the flow started over while it was being checked.
 */
function useEmailCodeStep(
  current: { current: CalBookingFlowState },
  dispatch: Dispatch,
  book: (submitting: CalBookingFlowState) => void,
  verifyEmail: boolean,
): Pick<
  UseCalBookingFlowResult,
  'submit' | 'emailVerification' | 'verifyEmailCode' | 'resendEmailCode'
> {
  const emailVerification = useCalEmailVerification((code) => {
    const before = current.current;
    const next = dispatch({ type: 'emailVerified', code });
    if (next !== before) book(next);
  });
  /** The address of the code step's values, when the flow is at that step. */
  const codeEmail = () => {
    const at = current.current;
    return at.step === 'verifyingEmail' ? at.values.email.trim() : undefined;
  };
  return {
    submit(values) {
      const before = current.current;
      const next = dispatch({ type: 'submit', values, verifyEmail });
      if (next === before) return;
      if (next.step === 'verifyingEmail') emailVerification.send(values.email.trim());
      else book(next);
    },
    emailVerification,
    verifyEmailCode(code) {
      const email = codeEmail();
      if (email) emailVerification.verify(email, code.trim());
    },
    resendEmailCode() {
      const email = codeEmail();
      if (email) emailVerification.send(email);
    },
  };
}
