import { act, renderHook, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { CalBookingFormValues } from '../../src/booking/flowMachine.js';
import type { CalSlots } from '../../src/calapi/types.js';
import { useCalSlots } from '../../src/index.js';
import {
  type UseCalBookingFlowOptions,
  useCalBookingFlow,
} from '../../src/react/useCalBookingFlow.js';
import { CAL, createCalWorld, dayFromNow } from './calWorld.js';

export { dayFromNow };

import { fakeJwt } from './fakeBookingsApi.js';
import { providerHarness } from './providerHarness.js';

/** Bob's details as the booking form hands them over: no notes, no guests, no answers. */
export const BOB_VALUES: CalBookingFormValues = {
  name: 'Bob',
  email: 'bob@example.com',
  notes: '',
  guests: [],
  responses: {},
};

/** The shared Cal.com fake with alice integrated and signed in, for `renderHook`'s `wrapper`. */
export function flowWorld() {
  const world = createCalWorld();
  const { user } = world.model.integrate({ sub: 'alice' });
  const types = world.model.eventTypes('alice');
  const id = (slug: string) => types.find((type) => type.slug === slug)?.id ?? 0;
  const { wrapper, queryClient } = providerHarness({
    jwt: fakeJwt('alice'),
    fetch: world.fetch,
    calApiUrl: CAL,
  });
  /** `useFlowWithSlots(options)` rendered in this world. */
  const renderFlow = (options: UseCalBookingFlowOptions) =>
    renderHook(() => useFlowWithSlots(options), { wrapper });
  return { world, user, id, wrapper, queryClient, renderFlow };
}

/** The flow plus the slots a picker would show for the next two weeks. */
export function useFlowWithSlots(options: UseCalBookingFlowOptions) {
  const flow = useCalBookingFlow(options);
  const slots = useCalSlots(
    flow.slotsParams && { ...flow.slotsParams, start: dayFromNow(1), end: dayFromNow(14) },
    { prefetchNextRange: false },
  );
  return { flow, slots };
}

/** Every start the slots list, in order. */
export const shownStarts = (slots: CalSlots | undefined) =>
  Object.values(slots ?? {})
    .flat()
    .map((slot) => slot.start);

export const firstSlot = (slots: CalSlots | undefined) => {
  const [first] = Object.values(slots ?? {}).flat();
  if (!first) throw new Error('no slots');
  return first;
};

/** Waits for the slots, picks the first one and submits `values`. */
export async function submitFirstSlot(
  result: { current: ReturnType<typeof useFlowWithSlots> },
  values: CalBookingFormValues,
) {
  await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
  act(() => result.current.flow.selectSlot(firstSlot(result.current.slots.data)));
  act(() => result.current.flow.submit(values));
}
