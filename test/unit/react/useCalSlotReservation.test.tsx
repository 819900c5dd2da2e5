import { act, render, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type UseCalSlotReservationOptions,
  type UseCalSlotReservationResult,
  useCalSlotReservation,
} from '../../../src/react/useCalSlotReservation.js';
import { calErrorResponse, createCalWorld, dayFromNow } from '../../helpers/calWorld.js';
import { BOB_VALUES, firstSlot, flowWorld, shownStarts } from '../../helpers/flowWorld.js';
import { aliceHarness } from '../../helpers/providerHarness.js';

const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

/** A world with alice signed in, the hook rendered with `options`, and a free start of 30min. */
function setup(
  options: Partial<UseCalSlotReservationOptions> = {},
  fetch?: typeof globalThis.fetch,
) {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  vi.setSystemTime(Date.UTC(2030, 0, 7, 6));
  const world = createCalWorld();
  world.model.integrate({ sub: 'alice' });
  const typeId = world.model.eventTypes('alice').find((type) => type.slug === '30min')!.id;
  const starts = world.model
    .slots(typeId, Date.UTC(2030, 0, 8), Date.UTC(2030, 0, 9))
    .map((slot) => new Date(slot.start).toISOString());
  const [a, b] = starts;
  const { wrapper } = aliceHarness(fetch ?? world.fetch);
  // The hook in a child of the provider, so that unmounting it leaves the provider (and its calls) on.
  const result: { current: UseCalSlotReservationResult } = {
    current: { status: 'idle', reservation: undefined },
  };
  const base = { eventTypeId: typeId, slotStart: a, ...options };
  function Probe(props: Partial<UseCalSlotReservationOptions>) {
    result.current = useCalSlotReservation({ ...base, ...props });
    return null;
  }
  const view = render(<Probe />, { wrapper });
  const hook = {
    result,
    rerender: (props: Partial<UseCalSlotReservationOptions>) => view.rerender(<Probe {...props} />),
    unmount: () => view.rerender(<span />),
    destroy: () => view.unmount(),
  };
  const settle = () => act(() => vi.advanceTimersByTimeAsync(50));
  const live = () => world.model.liveReservations().map((row) => new Date(row.start).toISOString());
  return { world, typeId, a: a!, b: b!, starts, hook, settle, live };
}

describe('useCalSlotReservation', () => {
  it('holds the chosen time with one POST, even in StrictMode; unmount releases it', async () => {
    const { world, a, hook, settle, live } = setup();
    await settle();
    await settle();
    expect(hook.result.current.status).toBe('held');
    expect(hook.result.current.reservation?.slotStart).toBe(a);
    expect(world.count('POST /v2/slots/reservations')).toBe(1);
    expect(live()).toEqual([a]);
    hook.unmount();
    await settle();
    expect(live()).toEqual([]);
    expect(world.count('POST /v2/slots/reservations')).toBe(1);
  });

  it('another time: the first is released before the second is held; disabled releases it', async () => {
    const { world, a, b, hook, settle, live } = setup();
    await settle();
    expect(live()).toEqual([a]);
    hook.rerender({ slotStart: b });
    await settle();
    await settle();
    expect(live()).toEqual([b]);
    expect(world.count('POST /v2/slots/reservations')).toBe(2);
    hook.rerender({ slotStart: b, enabled: false });
    await settle();
    expect(live()).toEqual([]);
    expect(hook.result.current.status).toBe('idle');
  });

  it('a hold answered after the time was given up is released at once', async () => {
    const { a, b, hook, settle, live } = setup();
    // The first POST has left (the deferral ran) but its answer is not read yet.
    await act(() => vi.advanceTimersByTimeAsync(0));
    hook.rerender({ slotStart: b });
    hook.rerender({ slotStart: a });
    hook.unmount();
    await settle();
    await settle();
    expect(live()).toEqual([]);
  });

  it('renews (DELETE then POST) 2 s before the hold lapses, and stops after maxHoldMs', async () => {
    const { world, a, hook, settle, live } = setup({ maxHoldMs: 12 * MINUTE });
    await settle();
    const first = hook.result.current.reservation!.reservationUid;
    await act(() => vi.advanceTimersByTimeAsync(5 * MINUTE - 2_000));
    await settle();
    expect(world.count(`DELETE /v2/slots/reservations/${first}`)).toBe(1);
    expect(world.count('POST /v2/slots/reservations')).toBe(2);
    expect(hook.result.current.reservation?.reservationUid).not.toBe(first);
    expect(live()).toEqual([a]);
    // The second renewal comes at ~10 min; a third would pass 12 min, so the hold lapses at ~15 min.
    await act(() => vi.advanceTimersByTimeAsync(5 * MINUTE));
    await settle();
    expect(world.count('POST /v2/slots/reservations')).toBe(3);
    await act(() => vi.advanceTimersByTimeAsync(10 * MINUTE));
    expect(world.count('POST /v2/slots/reservations')).toBe(3);
    expect(live()).toEqual([]);
    hook.unmount();
  });

  it('a time someone else holds: taken (422) and onTaken; any other error: failed, not taken', async () => {
    const onTaken = vi.fn();
    const { world, typeId, a, hook, settle } = setup({ onTaken, slotStart: undefined });
    world.model.reserveSlot({ eventTypeId: typeId, slotStart: a });
    hook.rerender({ slotStart: a });
    await settle();
    expect(hook.result.current.status).toBe('taken');
    expect(onTaken).toHaveBeenCalledTimes(1);
    expect(onTaken.mock.calls[0]?.[0]).toMatchObject({ status: 422 });
    expect(JSON.stringify(onTaken.mock.calls[0]?.[0])).not.toMatch(/cal_|Bearer/);
    hook.unmount();
  });

  it('a 503 of the reservation: failed, onTaken not called', async () => {
    const onTaken = vi.fn();
    const world = createCalWorld();
    const fetch: typeof globalThis.fetch = async (input, init) =>
      new Request(input, init).url.includes('/v2/slots/reservations')
        ? calErrorResponse('/v2/slots/reservations', 503)
        : world.fetch(input, init);
    const { hook, settle } = setup({ onTaken }, fetch);
    await settle();
    await settle();
    expect(hook.result.current.status).toBe('failed');
    expect(onTaken).not.toHaveBeenCalled();
    hook.unmount();
  });
});

describe('useCalSlotReservation, model-based', () => {
  type Step = { kind: 'choose'; index: number } | { kind: 'back' } | { kind: 'wait'; ms: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('choose' as const), index: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant('back' as const) }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 7 * MINUTE }) }),
  );

  it('any sequence of choices, Back and waits: at most one hold, the chosen one, never past the bound', async () => {
    const maxHoldMs = 12 * MINUTE;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        const { starts, hook, settle, live } = setup({ slotStart: undefined, maxHoldMs });
        try {
          let chosen: string | undefined;
          let since = Date.now();
          for (const next of steps) {
            if (next.kind === 'wait') await act(() => vi.advanceTimersByTimeAsync(next.ms));
            else {
              const start = next.kind === 'choose' ? starts[next.index] : undefined;
              if (start !== chosen) since = Date.now();
              chosen = start;
              hook.rerender({ slotStart: chosen });
            }
            await settle();
            await settle();
            const held = live();
            const elapsed = Date.now() - since;
            if (chosen === undefined || elapsed > maxHoldMs + 5 * MINUTE) expect(held).toEqual([]);
            else if (elapsed < maxHoldMs) expect(held).toEqual([chosen]);
            else expect(held.filter((start) => start !== chosen)).toEqual([]);
          }
          hook.unmount();
          await settle();
          expect(live()).toEqual([]);
        } finally {
          hook.destroy();
          vi.useRealTimers();
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('useCalBookingFlow holds the chosen time', () => {
  it('details holds it (gone from the slots); Back releases it and the slots refetch with it', async () => {
    const { world, id, renderFlow } = flowWorld();
    const { result } = renderFlow({ eventTypeId: id('30min') });
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.flow.eventType).toBeDefined());
    const slot = firstSlot(result.current.slots.data);
    act(() => result.current.flow.selectSlot(slot));
    await waitFor(() => expect(result.current.flow.reservation.status).toBe('held'));
    expect(world.model.liveReservations()).toHaveLength(1);
    const others = world.model.slots(id('30min'), Date.now(), Date.parse(dayFromNow(14)));
    expect(others.map((s) => s.start)).not.toContain(Date.parse(slot.start));
    act(() => result.current.flow.back());
    await waitFor(() => expect(world.model.liveReservations()).toHaveLength(0));
    await waitFor(() => expect(shownStarts(result.current.slots.data)).toContain(slot.start));
    expect(world.count('POST /v2/slots/reservations')).toBe(1);
  });

  it('a booking made releases the hold; a hold refused with 422 leads to slotTaken', async () => {
    const { world, id, renderFlow } = flowWorld();
    const { result } = renderFlow({ eventTypeId: id('30min') });
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.flow.eventType).toBeDefined());
    const [first, second] = Object.values(result.current.slots.data ?? {}).flat();
    act(() => result.current.flow.selectSlot(first!));
    await waitFor(() => expect(result.current.flow.reservation.status).toBe('held'));
    act(() => result.current.flow.submit(BOB_VALUES));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    await waitFor(() => expect(world.model.liveReservations()).toHaveLength(0));

    act(() => result.current.flow.reset());
    world.model.reserveSlot({ eventTypeId: id('30min'), slotStart: second!.start });
    act(() => result.current.flow.selectSlot(second!));
    await waitFor(() => expect(result.current.flow.step).toBe('slotTaken'));
    expect(result.current.flow.error).toMatchObject({ status: 422 });
    expect(world.model.liveReservations()).toHaveLength(1);
  });
});
