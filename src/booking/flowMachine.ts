/**
 * The booking flow as a pure transition function: `transitionCalBookingFlow(state, event) → state`.
 * It reads no clock and calls no API; `useCalBookingFlow` (or a host's own binding) dispatches the
 * person's actions, starts the booking request when a `submit` lands in `submitting`, and dispatches
 * its outcome.
 *
 * Steps: choosingEventType · choosingDay · choosingSlot · details · submitting · confirmed, and
 * slotTaken (choosing a slot again, with a message, after Cal.com refused the chosen one) · error ·
 * verifyingEmail (the e-mail code step of an event type with `requiresBookerEmailVerification`: a
 * `submit` with `verifyEmail` lands there, and `emailVerified` books with the code).
 * `fixed` is true when the host pinned the event type (`eventTypeId`, `eventTypeSlug`, or the booking
 * being rescheduled): the flow then never goes back to choosingEventType. An event a step does not
 * list (–) leaves the state as it is, the same object.
 *
 * | event \ step     | choosingEventType | choosingDay              | choosingSlot             | details                 | submitting  | confirmed | slotTaken                 | error                 | verifyingEmail |
 * |------------------|-------------------|--------------------------|--------------------------|-------------------------|-------------|-----------|---------------------------|-----------------------|----------------|
 * | selectEventType  | → choosingDay     | not fixed, other: → choosingDay | not fixed, other: → choosingDay | –             | –           | –         | not fixed, other: → choosingDay | –               | –              |
 * | selectDay        | –                 | → choosingSlot           | → choosingSlot (that day)| –                       | –           | –         | → choosingSlot            | –                     | –              |
 * | selectSlot       | –                 | → details                | → details                | → details (other slot, values kept) | – | –        | → details (values kept)   | –                     | –              |
 * | selectDuration   | –                 | duration set             | duration set             | –                       | –           | –         | → choosingSlot (that day) | –                     | –              |
 * | back             | –                 | not fixed: → choosingEventType | → choosingDay (day kept) | → choosingSlot (values kept) | – | –       | → choosingDay (day kept)  | → details (values kept) | → details (values kept) |
 * | submit(values)   | –                 | –                        | –                        | → submitting (verifyEmail: → verifyingEmail) | – | – | –                  | → submitting (retry; verifyEmail: → verifyingEmail) | – |
 * | succeeded        | –                 | –                        | –                        | –                       | → confirmed | –         | –                         | –                     | –              |
 * | slotTaken        | –                 | –                        | –                        | → slotTaken (hold refused) | → slotTaken | –      | –                         | –                     | –              |
 * | failed           | –                 | –                        | –                        | –                       | → error     | –         | –                         | –                     | –              |
 * | emailVerified(code) | –               | –                        | –                        | –                       | –           | –         | –                         | –                     | → submitting (with the code) |
 * | reset(eventType?)| → initial         | → initial                | → initial                | → initial               | → initial   | → initial | → initial                 | → initial             | → initial      |
 *
 * `submit` with `verifyEmail` goes to verifyingEmail instead of submitting, from details and error alike:
 * the code is asked for again after a refusal (it stays valid 15 minutes, so the same one will do).
 *
 * In details, `slotTaken` is Cal.com refusing to hold the chosen time (a 422 of
 * `POST /v2/slots/reservations`: someone else holds or booked it); the binding dispatches it only
 * while that time is still the chosen one.
 * `duration` (the length chosen among the event type's `lengthInMinutesOptions`) is kept by every
 * later step of the same event type; choosing another event type or `reset` drops it.
 *
 * "initial": choosingDay with the event type and `fixed: true` when `reset` carries one, else
 * choosingEventType. The outcome of a request that a `reset` overtook finds no `submitting` step and
 * is ignored.
 */
import type { CalApiError } from '../calapi/errors.js';
import type { CalBooking, CalBookingLocationInput, CalEventTypeRef } from '../calapi/types.js';
import type { BookingsApiError } from '../client/errors.js';

/** A refused booking request: React's `CalQueryError`, spelled here so this layer imports no React. */
type CalQueryError = CalApiError | BookingsApiError;

/** What the booking form collects; `responses` holds the event type's other booking fields by slug. */
export interface CalBookingFormValues {
  /** The attendee's name (Cal.com's `attendee.name`). */
  name: string;
  /** The attendee's e-mail address (Cal.com's `attendee.email`). */
  email: string;
  /** Cal.com's `notes` booking field. @default '' */
  notes: string;
  /** Extra attendees' e-mail addresses (Cal.com's `guests`). @default [] */
  guests: string[];
  /** Answers to the event type's other booking fields, by the field's slug. @default {} */
  responses: Record<string, unknown>;
  /** Reschedule mode: the reason passed to Cal.com as `reschedulingReason`. */
  rescheduleReason?: string;
  /**
   * Where the meeting takes place, as Cal.com's booking `location` (one of the event type's
   * locations, with the attendee's phone, address or place where it needs one).
   * @default undefined (Cal.com books the event type's only location)
   */
  location?: CalBookingLocationInput;
}

/** Where the flow is, from choosing an event type to the confirmation (see `CalBookingFlowState`). */
export type CalBookingFlowStep =
  | 'choosingEventType'
  | 'choosingDay'
  | 'choosingSlot'
  | 'details'
  | 'submitting'
  | 'confirmed'
  | 'slotTaken'
  | 'error'
  | 'verifyingEmail';

interface Chosen {
  /** Whether the host pinned the event type (no going back to choosingEventType). */
  readonly fixed: boolean;
  readonly eventType: CalEventTypeRef;
  /**
   * The length chosen in minutes, among the event type's `lengthInMinutesOptions`; undefined for its
   * default `lengthInMinutes`. Slots are asked and the booking made with it.
   */
  readonly duration?: number;
  /** What the person last entered or submitted, kept when they go back and forth. */
  readonly values?: CalBookingFormValues;
}

interface WithSlot extends Chosen {
  /** The slot's local date `YYYY-MM-DD` in the flow's time zone. */
  readonly day: string;
  /** The slot's start as Cal.com listed it (ISO 8601 with the zone's offset). */
  readonly start: string;
}

/** The flow's state: one object per step, holding what has been chosen so far. */
export type CalBookingFlowState =
  | { readonly step: 'choosingEventType'; readonly fixed: false }
  | (Chosen & { readonly step: 'choosingDay'; readonly day?: string })
  | (Chosen & { readonly step: 'choosingSlot'; readonly day: string })
  | (WithSlot & { readonly step: 'details' })
  | (WithSlot & {
      readonly step: 'submitting';
      readonly values: CalBookingFormValues;
      /** The e-mail code the booking is sent with (after verifyingEmail). */
      readonly emailCode?: string;
    })
  | (WithSlot & { readonly step: 'verifyingEmail'; readonly values: CalBookingFormValues })
  | (WithSlot & {
      readonly step: 'confirmed';
      readonly values: CalBookingFormValues;
      readonly booking: CalBooking;
    })
  | (WithSlot & {
      readonly step: 'slotTaken';
      /** Absent when the time was refused as held before anything was submitted. */
      readonly values?: CalBookingFormValues;
      readonly error: CalQueryError;
    })
  | (WithSlot & {
      readonly step: 'error';
      readonly values: CalBookingFormValues;
      readonly error: CalQueryError;
    });

/** What can happen to the flow. */
export type CalBookingFlowEvent =
  | { readonly type: 'selectEventType'; readonly eventType: CalEventTypeRef }
  | { readonly type: 'selectDay'; readonly day: string }
  | { readonly type: 'selectSlot'; readonly start: string; readonly day: string }
  | { readonly type: 'selectDuration'; readonly duration: number }
  | { readonly type: 'back' }
  | {
      readonly type: 'submit';
      readonly values: CalBookingFormValues;
      /** The event type wants the booker's e-mail verified first: go to verifyingEmail. */
      readonly verifyEmail?: boolean;
    }
  | { readonly type: 'emailVerified'; readonly code: string }
  | { readonly type: 'succeeded'; readonly booking: CalBooking }
  | { readonly type: 'slotTaken'; readonly error: CalQueryError }
  | { readonly type: 'failed'; readonly error: CalQueryError }
  | { readonly type: 'reset'; readonly eventType?: CalEventTypeRef | undefined };

/** The first state: choosingDay of a pinned event type, else choosingEventType. */
export function initialCalBookingFlowState(eventType?: CalEventTypeRef): CalBookingFlowState {
  return eventType
    ? { step: 'choosingDay', fixed: true, eventType }
    : { step: 'choosingEventType', fixed: false };
}

/** Whether two references name the same event type. */
function sameEventTypeRef(a: CalEventTypeRef, b: CalEventTypeRef): boolean {
  if ('eventTypeId' in a) return 'eventTypeId' in b && a.eventTypeId === b.eventTypeId;
  return 'eventTypeSlug' in b && a.eventTypeSlug === b.eventTypeSlug && a.username === b.username;
}

/** The flow's transition function; see the table at the top of this file. */
export function transitionCalBookingFlow(
  state: CalBookingFlowState,
  event: CalBookingFlowEvent,
): CalBookingFlowState {
  if (event.type === 'reset') return initialCalBookingFlowState(event.eventType);
  if (state.step === 'choosingEventType') {
    return event.type === 'selectEventType'
      ? { step: 'choosingDay', fixed: false, eventType: event.eventType }
      : state;
  }
  // What every later step keeps: the event type, whether it is pinned, the values entered and the
  // length chosen.
  const { fixed, eventType, duration } = state;
  const kept = {
    fixed,
    eventType,
    ...(state.values ? { values: state.values } : {}),
    ...(duration !== undefined ? { duration } : {}),
  };
  switch (state.step) {
    case 'choosingDay':
    case 'choosingSlot':
    case 'slotTaken':
      switch (event.type) {
        case 'selectEventType': {
          if (fixed || sameEventTypeRef(eventType, event.eventType)) return state;
          // Another event type has lengths of its own.
          const { duration: _length, ...other } = kept;
          return { ...other, step: 'choosingDay', eventType: event.eventType };
        }
        case 'selectDuration':
          if (event.duration === duration) return state;
          return state.step === 'slotTaken'
            ? { ...kept, step: 'choosingSlot', day: state.day, duration: event.duration }
            : { ...state, duration: event.duration };
        case 'selectDay':
          return { ...kept, step: 'choosingSlot', day: event.day };
        case 'selectSlot':
          return { ...kept, step: 'details', day: event.day, start: event.start };
        case 'back':
          if (state.step !== 'choosingDay') return { ...kept, step: 'choosingDay', day: state.day };
          return fixed ? state : { step: 'choosingEventType', fixed: false };
        default:
          return state;
      }
    case 'details':
      switch (event.type) {
        case 'selectSlot':
          return { ...state, day: event.day, start: event.start };
        case 'back':
          return { ...kept, step: 'choosingSlot', day: state.day };
        case 'submit':
          return {
            ...state,
            step: event.verifyEmail ? 'verifyingEmail' : 'submitting',
            values: event.values,
          };
        case 'slotTaken':
          return { ...state, step: 'slotTaken', error: event.error };
        default:
          return state;
      }
    case 'verifyingEmail':
      if (event.type === 'back')
        return { ...kept, step: 'details', day: state.day, start: state.start };
      if (event.type === 'emailVerified')
        return { ...state, step: 'submitting', emailCode: event.code };
      return state;
    case 'submitting':
      switch (event.type) {
        case 'succeeded':
          return { ...state, step: 'confirmed', booking: event.booking };
        case 'slotTaken':
          return { ...state, step: 'slotTaken', error: event.error };
        case 'failed':
          return { ...state, step: 'error', error: event.error };
        default:
          return state;
      }
    case 'error': {
      const { error: _error, ...rest } = state;
      if (event.type === 'back') return { ...rest, step: 'details' };
      if (event.type === 'submit') {
        return {
          ...rest,
          step: event.verifyEmail ? 'verifyingEmail' : 'submitting',
          values: event.values,
        };
      }
      return state;
    }
    default:
      // confirmed: only `reset` (handled above) leaves it.
      return state;
  }
}
