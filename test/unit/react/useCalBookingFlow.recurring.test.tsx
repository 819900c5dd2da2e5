import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UseCalBookingFlowOptions } from '../../../src/react/useCalBookingFlow.js';
import { CAL, createCalWorld, seedBobBooking } from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { BOB_VALUES, firstSlot, useFlowWithSlots } from '../../helpers/flowWorld.js';
import { providerHarness } from '../../helpers/providerHarness.js';

/** Alice with the recurring type, signed in; the flow and its slots rendered in StrictMode. */
function recurringFlowWorld() {
  const world = createCalWorld({ recurringEventType: true });
  world.model.integrate({ sub: 'alice' }, { timeZone: 'UTC' });
  const id = (slug: string) =>
    world.model.eventTypes('alice').find((type) => type.slug === slug)?.id ?? 0;
  const { wrapper } = providerHarness({
    jwt: fakeJwt('alice'),
    fetch: world.fetch,
    calApiUrl: CAL,
  });
  const renderFlow = (options: UseCalBookingFlowOptions) =>
    renderHook(() => useFlowWithSlots(options), { wrapper });
  return { world, id, renderFlow };
}

describe('useCalBookingFlow and a recurring event type', () => {
  it('recurrenceCount starts at the type’s count, is kept within 1 and it, and books that many', async () => {
    const { world, id, renderFlow } = recurringFlowWorld();
    const { result } = renderFlow({
      eventTypeId: id('weekly-check-in'),
      timeZone: 'Europe/Berlin',
    });
    await waitFor(() => expect(result.current.flow.eventType).toBeDefined());
    expect(result.current.flow.recurrenceCount).toBe(4);
    expect(result.current.flow.occurrences).toEqual([]);
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    act(() => result.current.flow.selectSlot(firstSlot(result.current.slots.data)));
    expect(result.current.flow.occurrences).toHaveLength(4);

    act(() => result.current.flow.setRecurrenceCount(9));
    expect(result.current.flow.recurrenceCount).toBe(4);
    act(() => result.current.flow.setRecurrenceCount(0));
    expect(result.current.flow.recurrenceCount).toBe(1);
    act(() => result.current.flow.setRecurrenceCount(Number.NaN));
    expect(result.current.flow.recurrenceCount).toBe(1);
    act(() => result.current.flow.setRecurrenceCount(2.7));
    expect(result.current.flow.recurrenceCount).toBe(2);
    const shown = result.current.flow.occurrences;
    expect(shown).toHaveLength(2);

    act(() => result.current.flow.submit(BOB_VALUES));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    expect(world.model.bookings().map((booking) => new Date(booking.start).toISOString())).toEqual(
      shown,
    );
    // The confirmation's series is the one booked.
    expect(result.current.flow.occurrences).toEqual(shown);
  });

  it('offers no count for a one-off type, nor when rescheduling', async () => {
    const { world, id, renderFlow } = recurringFlowWorld();
    const oneOff = renderFlow({ eventTypeId: id('30min'), timeZone: 'UTC' });
    await waitFor(() => expect(oneOff.result.current.flow.eventType).toBeDefined());
    expect(oneOff.result.current.flow.recurrenceCount).toBeUndefined();

    const [slot] = world.model.slots(id('30min'), Date.now(), Date.now() + 30 * 86_400_000);
    if (!slot) throw new Error('no slots');
    const booking = seedBobBooking(world, id('30min'), slot.start);
    const moving = renderFlow({ rescheduleUid: booking.uid, timeZone: 'UTC' });
    await waitFor(() => expect(moving.result.current.flow.eventType).toBeDefined());
    expect(moving.result.current.flow.recurrenceCount).toBeUndefined();
    expect(moving.result.current.flow.occurrences).toEqual([]);
  });
});
