import { describe, expect, it } from 'vitest';
import {
  type CalBookingFlowEvent,
  type CalBookingFlowState,
  type CalBookingFlowStep,
  type CalBookingFormValues,
  initialCalBookingFlowState,
  transitionCalBookingFlow,
} from '../../../src/booking/flowMachine.js';
import { CalApiError } from '../../../src/calapi/errors.js';
import type { CalBooking } from '../../../src/calapi/types.js';
import { BOB_VALUES } from '../../helpers/flowWorld.js';

const thirty = { eventTypeId: 2 } as const;
const other = { eventTypeId: 3 } as const;
const values: CalBookingFormValues = BOB_VALUES;
const error = new CalApiError({
  kind: 'invalid_request',
  method: 'POST',
  path: '/v2/bookings',
  status: 400,
});
const booking = { uid: 'b1' } as CalBooking;
const day = '2030-01-07';
const start = '2030-01-07T09:00:00.000+00:00';
const slot = { day, start };

/** One state per step (the event type chosen, not pinned), with everything its step holds. */
type StateOf<S extends CalBookingFlowStep> = Extract<CalBookingFlowState, { step: S }>;

function states(fixed: boolean): { [S in CalBookingFlowStep]: StateOf<S> } {
  const chosen = { fixed, eventType: thirty };
  return {
    choosingEventType: { step: 'choosingEventType', fixed: false },
    choosingDay: { ...chosen, step: 'choosingDay' },
    choosingSlot: { ...chosen, step: 'choosingSlot', day },
    details: { ...chosen, step: 'details', ...slot },
    submitting: { ...chosen, step: 'submitting', ...slot, values },
    confirmed: { ...chosen, step: 'confirmed', ...slot, values, booking },
    slotTaken: { ...chosen, step: 'slotTaken', ...slot, values, error },
    error: { ...chosen, step: 'error', ...slot, values, error },
    verifyingEmail: { ...chosen, step: 'verifyingEmail', ...slot, values },
  };
}

const events: Record<CalBookingFlowEvent['type'], CalBookingFlowEvent> = {
  selectEventType: { type: 'selectEventType', eventType: other },
  selectDay: { type: 'selectDay', day: '2030-01-08' },
  selectSlot: { type: 'selectSlot', day: '2030-01-08', start: '2030-01-08T10:00:00.000+00:00' },
  selectDuration: { type: 'selectDuration', duration: 45 },
  back: { type: 'back' },
  submit: { type: 'submit', values: { ...values, name: 'Robert' } },
  succeeded: { type: 'succeeded', booking },
  slotTaken: { type: 'slotTaken', error },
  failed: { type: 'failed', error },
  reset: { type: 'reset' },
  emailVerified: { type: 'emailVerified', code: '123456' },
};

type Expected = CalBookingFlowStep | '=';
/** A row of the table: '=' for every event it does not name, and a reset always starts over. */
function row(
  changes: Partial<Record<CalBookingFlowEvent['type'], Expected>>,
): Record<CalBookingFlowEvent['type'], Expected> {
  const unchanged = Object.fromEntries(Object.keys(events).map((type) => [type, '='])) as Record<
    CalBookingFlowEvent['type'],
    Expected
  >;
  return { ...unchanged, reset: 'choosingEventType', ...changes };
}

/** Where choosing an event type, a day or a slot leads from the steps that offer all three. */
const CHOOSING = {
  selectEventType: 'choosingDay',
  selectDay: 'choosingSlot',
  selectSlot: 'details',
} as const;

// The header table of src/booking/flowMachine.ts, event type not pinned ('=': unchanged).
const TABLE: Record<CalBookingFlowStep, Record<CalBookingFlowEvent['type'], Expected>> = {
  choosingEventType: row({ selectEventType: 'choosingDay' }),
  choosingDay: row({ ...CHOOSING, selectDuration: 'choosingDay', back: 'choosingEventType' }),
  choosingSlot: row({ ...CHOOSING, selectDuration: 'choosingSlot', back: 'choosingDay' }),
  details: row({
    selectSlot: 'details',
    back: 'choosingSlot',
    submit: 'submitting',
    slotTaken: 'slotTaken',
  }),
  submitting: row({ succeeded: 'confirmed', slotTaken: 'slotTaken', failed: 'error' }),
  confirmed: row({}),
  slotTaken: row({ ...CHOOSING, selectDuration: 'choosingSlot', back: 'choosingDay' }),
  error: row({ back: 'details', submit: 'submitting' }),
  verifyingEmail: row({ back: 'details', emailVerified: 'submitting' }),
};

const cases = Object.entries(TABLE).flatMap(([step, cells]) =>
  Object.entries(cells).map(
    ([event, expected]) =>
      [step as CalBookingFlowStep, event as CalBookingFlowEvent['type'], expected] as const,
  ),
);

describe('transitionCalBookingFlow', () => {
  it('the table covers every step × event', () => {
    expect(cases).toHaveLength(9 * 11);
  });

  it.each(cases)('%s + %s → %s (not pinned)', (step, type, expected) => {
    const state = states(false)[step];
    const next = transitionCalBookingFlow(state, events[type]);
    if (expected === '=') expect(next).toBe(state);
    else expect(next.step).toBe(expected);
  });

  it.each(cases)('%s + %s (pinned event type)', (step, type, expected) => {
    if (step === 'choosingEventType') return; // a pinned flow never is there
    const state = states(true)[step];
    const next = transitionCalBookingFlow(state, events[type]);
    // Pinned: no other event type, no way back to choosingEventType; reset lands on the pinned one.
    const pinned: Expected =
      type === 'selectEventType' && expected === 'choosingDay'
        ? '='
        : step === 'choosingDay' && type === 'back'
          ? '='
          : expected;
    if (pinned === '=') expect(next).toBe(state);
    else if (type === 'reset') expect(next.step).toBe('choosingEventType');
    else expect(next.step).toBe(pinned);
    if (next.step !== 'choosingEventType') expect(next.fixed).toBe(true);
  });

  it('keeps the chosen duration through the steps; another event type or reset drops it', () => {
    let state = transitionCalBookingFlow(states(false).choosingSlot, {
      type: 'selectDuration',
      duration: 45,
    });
    expect(state).toMatchObject({ step: 'choosingSlot', day, duration: 45 });
    // The same length again changes nothing.
    expect(transitionCalBookingFlow(state, { type: 'selectDuration', duration: 45 })).toBe(state);
    state = transitionCalBookingFlow(state, events.selectSlot);
    expect(state).toMatchObject({ step: 'details', duration: 45 });
    state = transitionCalBookingFlow(state, { type: 'submit', values });
    expect(state).toMatchObject({ step: 'submitting', duration: 45 });
    state = transitionCalBookingFlow(state, { type: 'slotTaken', error });
    expect(state).toMatchObject({ step: 'slotTaken', duration: 45 });
    // A length chosen after a refusal asks that day's times again.
    const other30 = transitionCalBookingFlow(state, { type: 'selectDuration', duration: 30 });
    expect(other30).toMatchObject({
      step: 'choosingSlot',
      day: '2030-01-08',
      duration: 30,
      values,
    });
    expect('error' in other30).toBe(false);
    const back = transitionCalBookingFlow(other30, events.back);
    expect(back).toMatchObject({ step: 'choosingDay', duration: 30 });
    const otherType = transitionCalBookingFlow(back, events.selectEventType);
    expect(otherType).toMatchObject({ step: 'choosingDay', eventType: other });
    expect('duration' in otherType).toBe(false);
    expect('duration' in transitionCalBookingFlow(back, { type: 'reset' })).toBe(false);
  });

  it('reset with an event type starts at its days, pinned', () => {
    for (const state of Object.values(states(false))) {
      expect(transitionCalBookingFlow(state, { type: 'reset', eventType: other })).toEqual({
        step: 'choosingDay',
        fixed: true,
        eventType: other,
      });
    }
    expect(initialCalBookingFlowState(thirty)).toEqual({
      step: 'choosingDay',
      fixed: true,
      eventType: thirty,
    });
    expect(initialCalBookingFlowState()).toEqual({ step: 'choosingEventType', fixed: false });
  });

  it('carries the choices along the happy path', () => {
    let state = initialCalBookingFlowState();
    const run = (event: CalBookingFlowEvent) => {
      state = transitionCalBookingFlow(state, event);
      return state;
    };
    expect(run({ type: 'selectEventType', eventType: thirty })).toEqual({
      step: 'choosingDay',
      fixed: false,
      eventType: thirty,
    });
    expect(run({ type: 'selectDay', day })).toMatchObject({ step: 'choosingSlot', day });
    expect(run({ type: 'selectSlot', ...slot })).toMatchObject({ step: 'details', day, start });
    expect(run({ type: 'submit', values })).toMatchObject({ step: 'submitting', values, start });
    expect(run({ type: 'succeeded', booking })).toMatchObject({
      step: 'confirmed',
      booking,
      eventType: thirty,
      start,
      values,
    });
  });

  it('the same event type chosen again changes nothing', () => {
    const state = states(false).choosingSlot;
    expect(transitionCalBookingFlow(state, { type: 'selectEventType', eventType: thirty })).toBe(
      state,
    );
    const bySlug = { eventTypeSlug: '30min', username: 'alice' };
    const slugState = { ...state, eventType: bySlug };
    expect(
      transitionCalBookingFlow(slugState, {
        type: 'selectEventType',
        eventType: { eventTypeSlug: '30min', username: 'alice' },
      }),
    ).toBe(slugState);
    expect(
      transitionCalBookingFlow(slugState, {
        type: 'selectEventType',
        eventType: { eventTypeSlug: '30min', username: 'bob' },
      }),
    ).toMatchObject({ eventType: { eventTypeSlug: '30min', username: 'bob' } });
  });

  it('a hold refused in details: slotTaken on that time, and another time leads to details again', () => {
    const details = states(false).details;
    const taken = transitionCalBookingFlow(details, { type: 'slotTaken', error });
    expect(taken).toMatchObject({ step: 'slotTaken', day, start, error });
    expect(taken).not.toHaveProperty('values');
    const next = transitionCalBookingFlow(taken, events.selectSlot);
    expect(next).toMatchObject({ step: 'details', start: '2030-01-08T10:00:00.000+00:00' });
    expect(next).not.toHaveProperty('error');
  });

  it('slot taken: back among the slots of that day, the values entered kept for the next slot', () => {
    const taken = transitionCalBookingFlow(states(false).submitting, { type: 'slotTaken', error });
    expect(taken).toMatchObject({ step: 'slotTaken', day, start, values, error });
    const next = transitionCalBookingFlow(taken, events.selectSlot);
    expect(next).toMatchObject({
      step: 'details',
      day: '2030-01-08',
      start: '2030-01-08T10:00:00.000+00:00',
      values,
    });
    expect(next).not.toHaveProperty('error');
  });

  it('error: back to the details with the values, or submit again', () => {
    const failed = transitionCalBookingFlow(states(false).submitting, { type: 'failed', error });
    expect(failed).toMatchObject({ step: 'error', error, values });
    const back = transitionCalBookingFlow(failed, { type: 'back' });
    expect(back).toEqual({ step: 'details', fixed: false, eventType: thirty, ...slot, values });
    const retry = transitionCalBookingFlow(failed, events.submit);
    expect(retry).toMatchObject({ step: 'submitting', values: { name: 'Robert' } });
    expect(retry).not.toHaveProperty('error');
  });

  it('values entered survive going back to the slots and choosing another', () => {
    const details = { ...states(false).details, values };
    const slots = transitionCalBookingFlow(details, { type: 'back' });
    expect(slots).toEqual({ step: 'choosingSlot', fixed: false, eventType: thirty, day, values });
    const days = transitionCalBookingFlow(slots, { type: 'back' });
    expect(days).toEqual({ step: 'choosingDay', fixed: false, eventType: thirty, day, values });
    expect(transitionCalBookingFlow(days, events.selectSlot)).toMatchObject({ values });
    // Only going back to the event types forgets them.
    expect(transitionCalBookingFlow(days, { type: 'back' })).toEqual({
      step: 'choosingEventType',
      fixed: false,
    });
  });

  it('changing the slot in details keeps the rest', () => {
    const details = { ...states(false).details, values };
    expect(transitionCalBookingFlow(details, events.selectSlot)).toEqual({
      ...details,
      day: '2030-01-08',
      start: '2030-01-08T10:00:00.000+00:00',
    });
  });

  it('the e-mail code step: submit with verifyEmail asks for the code, emailVerified books with it', () => {
    const { details, error: failed } = states(false);
    const asking = transitionCalBookingFlow(details, { type: 'submit', values, verifyEmail: true });
    expect(asking).toEqual({ ...details, step: 'verifyingEmail', values });
    // Back keeps what was typed; the code step is asked again after a refusal too.
    expect(transitionCalBookingFlow(asking, { type: 'back' })).toEqual({ ...details, values });
    const retried = transitionCalBookingFlow(failed, { type: 'submit', values, verifyEmail: true });
    expect(retried.step).toBe('verifyingEmail');
    expect('error' in retried).toBe(false);
    const booking = transitionCalBookingFlow(asking, { type: 'emailVerified', code: '042042' });
    expect(booking).toEqual({ ...details, step: 'submitting', values, emailCode: '042042' });
    // Elsewhere the code means nothing.
    expect(transitionCalBookingFlow(details, { type: 'emailVerified', code: '1' })).toBe(details);
  });
});
