import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BookingsProvider, useBookingsIdentity } from '../../../src/index.js';
import {
  type UseCalBookingFlowOptions,
  useCalBookingFlow,
} from '../../../src/react/useCalBookingFlow.js';
import {
  AISQUARE,
  CAL,
  carolTakes,
  createCalWorld,
  seedBobBooking,
} from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import {
  BOB_VALUES,
  dayFromNow,
  firstSlot,
  flowWorld,
  submitFirstSlot,
  useFlowWithSlots,
} from '../../helpers/flowWorld.js';

const values = BOB_VALUES;

describe('useCalBookingFlow', () => {
  it('happy path: event type, day, slot, details, booked at the chosen instant', async () => {
    const { world, id, renderFlow } = flowWorld();
    const onBookingSuccess = vi.fn();
    const { result } = renderFlow({ timeZone: 'America/New_York', onBookingSuccess });
    expect(result.current.flow.step).toBe('choosingEventType');
    await waitFor(() => expect(result.current.flow.eventTypes.isSuccess).toBe(true));
    expect(result.current.flow.slotsParams).toBeUndefined();

    act(() => result.current.flow.selectEventType(id('30min')));
    expect(result.current.flow.step).toBe('choosingDay');
    expect(result.current.flow.eventType?.slug).toBe('30min');
    expect(result.current.flow.slotsParams).toEqual({
      eventTypeId: id('30min'),
      timeZone: 'America/New_York',
    });
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    const slot = firstSlot(result.current.slots.data);
    act(() => result.current.flow.selectDay(slot.start.slice(0, 10)));
    expect(result.current.flow.step).toBe('choosingSlot');
    act(() => result.current.flow.selectSlot(slot));
    expect(result.current.flow.step).toBe('details');
    expect(result.current.flow.selectedSlot).toBe(slot.start);
    expect(result.current.flow.selectedDay).toBe(slot.start.slice(0, 10));

    act(() =>
      result.current.flow.submit({
        ...values,
        notes: '  Agenda attached  ',
        guests: ['carol@example.com'],
        responses: { company: 'Acme' },
      }),
    );
    expect(result.current.flow.step).toBe('submitting');
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    const [made] = world.model.bookings('alice');
    expect(made?.start).toBe(Date.parse(slot.start));
    expect(made?.attendee).toMatchObject({
      name: 'Bob',
      email: 'bob@example.com',
      timeZone: 'America/New_York',
    });
    expect(made?.guests).toEqual(['carol@example.com']);
    expect(made?.responses).toMatchObject({ notes: 'Agenda attached', company: 'Acme' });
    expect(result.current.flow.booking?.uid).toBe(made?.uid);
    expect(onBookingSuccess).toHaveBeenCalledExactlyOnceWith(result.current.flow.booking, {});

    act(() => result.current.flow.reset());
    expect(result.current.flow.step).toBe('choosingEventType');
  });

  it('slot taken: back to the slots with the error, the slots refetched, the values kept', async () => {
    const { world, id, renderFlow } = flowWorld();
    const onBookingError = vi.fn();
    const { result } = renderFlow({ eventTypeId: id('30min'), timeZone: 'UTC', onBookingError });
    expect(result.current.flow.step).toBe('choosingDay');
    expect(result.current.flow.state.fixed).toBe(true);
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    const slot = firstSlot(result.current.slots.data);
    act(() => result.current.flow.selectSlot(slot.start));
    // Someone else takes it meanwhile.
    expect(carolTakes(world, id('30min'), Date.parse(slot.start)).ok).toBe(true);
    const slotRequests = world.count('GET /v2/slots');
    act(() => result.current.flow.submit(values));
    await waitFor(() => expect(result.current.flow.step).toBe('slotTaken'));
    expect(result.current.flow.error).toMatchObject({ name: 'CalApiError', status: 400 });
    expect(result.current.flow.state).toMatchObject({ values, day: slot.start.slice(0, 10) });
    expect(onBookingError).toHaveBeenCalledExactlyOnceWith(result.current.flow.error);
    await waitFor(() => expect(world.count('GET /v2/slots')).toBeGreaterThan(slotRequests));
    await waitFor(() =>
      expect(
        Object.values(result.current.slots.data ?? {})
          .flat()
          .some((s) => s.start === slot.start),
      ).toBe(false),
    );
    // Pinned: no way back to the event types.
    act(() => result.current.flow.back());
    expect(result.current.flow.step).toBe('choosingDay');
    act(() => result.current.flow.back());
    expect(result.current.flow.step).toBe('choosingDay');

    const next = firstSlot(result.current.slots.data);
    act(() => result.current.flow.selectSlot(next));
    expect(result.current.flow.state).toMatchObject({ step: 'details', values });
    act(() => result.current.flow.submit(values));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    expect(world.model.bookings('alice').map((b) => b.attendee.name)).toEqual(['Carol', 'Bob']);
  });

  it('another refusal is an error; submit again from there', async () => {
    const { id, world, renderFlow } = flowWorld();
    const { result } = renderFlow({ eventTypeId: id('60min'), timeZone: 'UTC' });
    // The 60-minute type requires its `topic` field: Cal.com answers 400 (not a taken slot).
    await submitFirstSlot(result, values);
    await waitFor(() => expect(result.current.flow.step).toBe('error'));
    expect(result.current.flow.error).toMatchObject({ kind: 'invalid_request' });
    act(() => result.current.flow.submit({ ...values, responses: { topic: 'Onboarding' } }));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    expect(world.model.bookings('alice')[0]?.responses).toMatchObject({ topic: 'Onboarding' });
  });

  it('by slug and username: the slots and the booking name the event type that way', async () => {
    const { user, world, renderFlow } = flowWorld();
    const { result } = renderFlow({
      eventTypeSlug: '15min',
      username: user.username,
      timeZone: 'UTC',
    });
    await waitFor(() => expect(result.current.flow.eventType?.slug).toBe('15min'));
    expect(result.current.flow.slotsParams).toEqual({
      eventTypeSlug: '15min',
      username: user.username,
      timeZone: 'UTC',
    });
    await submitFirstSlot(result, values);
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    expect(world.model.bookings('alice')[0]?.eventTypeId).toBe(
      world.model.eventTypes('alice').find((type) => type.slug === '15min')?.id,
    );
  });

  it('reschedule: the booking’s event type pinned, its own time free, submit moves it', async () => {
    const { world, id, wrapper } = flowWorld();
    const [a] = world.model.slots(
      id('30min'),
      Date.parse(dayFromNow(2)),
      Date.parse(dayFromNow(14)),
    );
    if (!a) throw new Error('no slots');
    const original = seedBobBooking(world, id('30min'), a.start);
    const onBookingSuccess = vi.fn();
    const { result } = renderHook(
      () =>
        useFlowWithSlots({
          rescheduleUid: original.uid,
          timeZone: 'UTC',
          onBookingSuccess,
        }),
      { wrapper },
    );
    expect(result.current.flow.isRescheduling).toBe(true);
    // The booking loads, then its event type is pinned.
    await waitFor(() => expect(result.current.flow.step).toBe('choosingDay'));
    expect(result.current.flow.state.fixed).toBe(true);
    expect(result.current.flow.eventTypeRef).toEqual({ eventTypeId: id('30min') });
    expect(result.current.flow.formDefaults).toMatchObject({
      name: 'Bob',
      email: 'bob@example.com',
    });
    expect(result.current.flow.slotsParams).toMatchObject({
      bookingUidToReschedule: original.uid,
    });
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    const slots = Object.values(result.current.slots.data ?? {}).flat();
    // The booking's own time is offered (free for itself).
    expect(slots.some((s) => Date.parse(s.start) === a.start)).toBe(true);
    const target = slots.find((s) => Date.parse(s.start) > a.start + 3_600_000);
    if (!target) throw new Error('no later slot');
    act(() => result.current.flow.selectSlot(target));
    act(() =>
      result.current.flow.submit({
        ...values,
        rescheduleReason: 'Conflict',
      }),
    );
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    const moved = result.current.flow.booking;
    expect(moved?.rescheduledFromUid).toBe(original.uid);
    expect(Date.parse(moved?.start ?? '')).toBe(Date.parse(target.start));
    expect(world.model.booking(original.uid)?.status).toBe('cancelled');
    expect(world.model.bookings('alice')).toHaveLength(2);
    expect(world.model.booking(moved?.uid ?? '')?.reschedulingReason).toBe('Conflict');
    expect(onBookingSuccess).toHaveBeenCalledOnce();
    // reset goes back to the pinned event type.
    act(() => result.current.flow.reset());
    expect(result.current.flow.state).toEqual({
      step: 'choosingDay',
      fixed: true,
      eventType: { eventTypeId: id('30min') },
    });
  });

  it('setTimeZone changes the slots’ zone; a new timeZone prop wins over it', async () => {
    const { id, wrapper } = flowWorld();
    const { result, rerender } = renderHook(
      ({ zone }: { zone: string }) =>
        useCalBookingFlow({ eventTypeId: id('15min'), timeZone: zone }),
      { wrapper, initialProps: { zone: 'UTC' } },
    );
    expect(result.current.timeZone).toBe('UTC');
    act(() => result.current.setTimeZone('Asia/Tokyo'));
    expect(result.current.timeZone).toBe('Asia/Tokyo');
    expect(result.current.slotsParams?.timeZone).toBe('Asia/Tokyo');
    rerender({ zone: 'Europe/Paris' });
    expect(result.current.timeZone).toBe('Europe/Paris');
  });

  it('a timeZone prop that changes back to an earlier zone wins over a choice made under it', () => {
    const { id, wrapper } = flowWorld();
    const { result, rerender } = renderHook(
      ({ zone }: { zone: string | undefined }) =>
        useCalBookingFlow({ eventTypeId: id('15min'), timeZone: zone }),
      { wrapper, initialProps: { zone: 'UTC' as string | undefined } },
    );
    act(() => result.current.setTimeZone('Asia/Tokyo'));
    rerender({ zone: 'Europe/Paris' });
    rerender({ zone: 'UTC' });
    // The host said UTC again: that is the zone (before issue 19, Tokyo came back).
    expect(result.current.timeZone).toBe('UTC');
    // A prop taken away leaves the zone in effect.
    rerender({ zone: undefined });
    expect(result.current.timeZone).toBe('UTC');
  });

  it('without timeZone, the browser’s zone', () => {
    const { id, wrapper } = flowWorld();
    const { result } = renderHook(() => useCalBookingFlow({ eventTypeId: id('15min') }), {
      wrapper,
    });
    expect(result.current.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('selectSlot: an unparsable start is ignored; the day is the start’s in the flow’s zone', () => {
    const { id, wrapper } = flowWorld();
    const { result } = renderHook(
      () => useCalBookingFlow({ eventTypeId: id('30min'), timeZone: 'Asia/Tokyo' }),
      { wrapper },
    );
    act(() => result.current.selectSlot('tomorrow 9am'));
    expect(result.current.step).toBe('choosingDay');
    expect(() => act(() => result.current.submit(values))).not.toThrow();
    expect(result.current.step).toBe('choosingDay');
    // 20:00 UTC on March 1 is 05:00 on March 2 in Tokyo.
    act(() => result.current.selectSlot({ start: '2027-03-01T20:00:00.000Z' }));
    expect(result.current.state).toMatchObject({ step: 'details', day: '2027-03-02' });
    expect(result.current.selectedDay).toBe('2027-03-02');
  });

  it('an unknown timeZone: the viewer’s zone everywhere, said once in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { id, wrapper } = flowWorld();
    const { result } = renderHook(
      () => useCalBookingFlow({ eventTypeId: id('30min'), timeZone: 'Mars/Olympus' }),
      { wrapper },
    );
    const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(result.current.timeZone).toBe(viewer);
    expect(result.current.slotsParams?.timeZone).toBe(viewer);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('Mars/Olympus');
  });

  it('an outcome that a reset overtook is ignored', async () => {
    const { id, world, renderFlow } = flowWorld();
    const { result } = renderFlow({ eventTypeId: id('30min'), timeZone: 'UTC' });
    await submitFirstSlot(result, values);
    act(() => result.current.flow.reset());
    await waitFor(() => expect(world.model.bookings('alice')).toHaveLength(1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(result.current.flow.step).toBe('choosingDay');
  });
});

describe('useCalBookingFlow: another user signs in', () => {
  /** Alice signed in, bob integrated too; `signIn(sub)` then `rerender()` switches the JWT. */
  function switchable(fetch?: typeof globalThis.fetch) {
    const world = createCalWorld();
    world.model.integrate({ sub: 'alice' });
    world.model.integrate({ sub: 'bob' });
    const id = (slug: string) =>
      world.model.eventTypes('alice').find((type) => type.slug === slug)?.id ?? 0;
    let jwt = fakeJwt('alice');
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <BookingsProvider
          baseUrl={AISQUARE}
          jwt={jwt}
          fetch={fetch ?? world.fetch}
          calApiUrl={CAL}
          queryClient={queryClient}
        >
          {children}
        </BookingsProvider>
      </StrictMode>
    );
    const signIn = (sub: string) => {
      jwt = fakeJwt(sub);
    };
    return { world, id, wrapper, signIn };
  }

  /** Every render's identity and what the flow held then. */
  function useRecorded(options: UseCalBookingFlowOptions, seen: unknown[][]) {
    const identity = useBookingsIdentity();
    const result = useFlowWithSlots(options);
    const { state } = result.flow;
    seen.push([identity, state.step, 'values' in state, result.flow.booking]);
    return result;
  }

  it('while a booking is on its way: starts over at once, ignores its outcome, the next user books', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let world!: ReturnType<typeof switchable>['world'];
    const gated: typeof globalThis.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (init?.method === 'POST' && url.endsWith('/v2/bookings')) await gate;
      return world.fetch(input, init);
    };
    const setup = switchable(gated);
    world = setup.world;
    const onBookingSuccess = vi.fn();
    const onBookingError = vi.fn();
    const seen: unknown[][] = [];
    const options = { eventTypeId: setup.id('30min'), timeZone: 'UTC' } as const;
    const { result, rerender } = renderHook(
      () => useRecorded({ ...options, onBookingSuccess, onBookingError }, seen),
      { wrapper: setup.wrapper },
    );
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    act(() => result.current.flow.selectSlot(firstSlot(result.current.slots.data)));
    act(() => result.current.flow.submit(values));
    expect(result.current.flow.step).toBe('submitting');

    setup.signIn('bob');
    rerender();
    // Not one render for bob held alice's step or values.
    const bobs = seen.filter(([identity]) => identity === 'bob');
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.every(([, step, hasValues]) => step === 'choosingDay' && !hasValues)).toBe(true);
    expect(result.current.flow.state).toEqual({
      step: 'choosingDay',
      fixed: true,
      eventType: { eventTypeId: options.eventTypeId },
    });

    // Alice's request settles (or is aborted with her token) after bob signed in.
    act(() => release());
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(result.current.flow.step).toBe('choosingDay');
    expect(onBookingSuccess).not.toHaveBeenCalled();
    expect(onBookingError).not.toHaveBeenCalled();

    // Bob is not stuck: his own booking goes through.
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    act(() => result.current.flow.selectSlot(firstSlot(result.current.slots.data)));
    act(() => result.current.flow.submit({ ...values, name: 'Carol' }));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    expect(onBookingSuccess).toHaveBeenCalledExactlyOnceWith(result.current.flow.booking, {});
  });

  it('on the confirmation: the next user never sees the booking', async () => {
    const setup = switchable();
    const seen: unknown[][] = [];
    const { result, rerender } = renderHook(() => useRecorded({ timeZone: 'UTC' }, seen), {
      wrapper: setup.wrapper,
    });
    act(() => result.current.flow.selectEventType(setup.id('30min')));
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    act(() => result.current.flow.selectSlot(firstSlot(result.current.slots.data)));
    act(() => result.current.flow.submit(values));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));

    setup.signIn('bob');
    rerender();
    const bobs = seen.filter(([identity]) => identity === 'bob');
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.every(([, step, , booking]) => step === 'choosingEventType' && !booking)).toBe(
      true,
    );
    expect(result.current.flow.eventTypeRef).toBeUndefined();
  });
});
