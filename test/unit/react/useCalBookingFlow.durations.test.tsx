import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BOB_VALUES, flowWorld } from '../../helpers/flowWorld.js';

describe('useCalBookingFlow: durations', () => {
  it('offers the type’s lengths; selectDuration sets state.duration, the slots query and the booking', async () => {
    const { world, id, renderFlow } = flowWorld();
    const { result } = renderFlow({ eventTypeId: id('30min'), timeZone: 'UTC' });
    await waitFor(() => expect(result.current.flow.durations).toEqual([15, 30, 45]));
    expect(result.current.flow.duration).toBe(30);
    expect(result.current.flow.slotsParams).not.toHaveProperty('duration');

    // A length the type does not offer is ignored.
    act(() => result.current.flow.selectDuration(20));
    expect(result.current.flow.state).not.toHaveProperty('duration');
    act(() => result.current.flow.selectDuration(45));
    expect(result.current.flow.state).toMatchObject({ step: 'choosingDay', duration: 45 });
    expect(result.current.flow.duration).toBe(45);
    expect(result.current.flow.slotsParams).toMatchObject({ duration: 45 });
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    expect(
      world.calls.some(
        (url) => url.pathname === '/v2/slots' && url.searchParams.get('duration') === '45',
      ),
    ).toBe(true);
    const slot = Object.values(result.current.slots.data ?? {}).flat()[0];
    if (!slot) throw new Error('no slots');
    act(() => result.current.flow.selectSlot(slot));
    act(() => result.current.flow.submit(BOB_VALUES));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    expect(result.current.flow.booking?.duration).toBe(45);
  });

  it('a type with one length has no durations, and selectDuration does nothing', async () => {
    const { id, renderFlow } = flowWorld();
    const { result } = renderFlow({ eventTypeId: id('15min'), timeZone: 'UTC' });
    await waitFor(() => expect(result.current.flow.eventType).toBeDefined());
    expect(result.current.flow.durations).toBeUndefined();
    expect(result.current.flow.duration).toBe(15);
    const before = result.current.flow.state;
    act(() => result.current.flow.selectDuration(15));
    expect(result.current.flow.state).toBe(before);
  });
});
