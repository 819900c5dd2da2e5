import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CalSlotsParams } from '../../../src/calapi/types.js';
import {
  useCalApi,
  useCalBookings,
  useCalEventTypes,
  useCalMe,
  useCalSlots,
  useCancelCalBooking,
  useCreateCalBooking,
  useRescheduleCalBooking,
} from '../../../src/index.js';
import { calApiKeys } from '../../../src/session/calApiKeys.js';
import {
  AISQUARE,
  CAL,
  calErrorResponse,
  carolTakes,
  createCalWorld,
  dayFromNow,
  slotsWeek,
} from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { aliceHarness, providerHarness } from '../../helpers/providerHarness.js';

async function connectedWorld() {
  const world = createCalWorld();
  const { user } = world.model.integrate({ sub: 'alice' });
  const thirty = world.model.eventTypes('alice').find((type) => type.slug === '30min');
  if (!thirty) throw new Error('seed changed');
  return { world, user, eventTypeId: thirty.id };
}

describe('Cal.com hooks', () => {
  it('call Cal.com at the config’s cal_api_url with the managed token, hidden event types included', async () => {
    const { world } = await connectedWorld();
    const { wrapper } = providerHarness({ jwt: fakeJwt('alice'), fetch: world.fetch });
    const { result } = renderHook(() => useCalEventTypes(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((type) => [type.slug, type.hidden])).toEqual([
      ['15min', false],
      ['30min', false],
      ['60min', true],
      ['office-hours', true],
      ['group-workshop', true],
      ['community-qa', true],
      ['intro-call', true],
      ['consultation', true],
      ['verified-intro', true],
      ['owner-only', true],
    ]);
    expect(world.calls.map((url) => url.origin)).toEqual([CAL]);
    expect(world.count('config')).toBe(1);
    expect(world.count('token')).toBe(1);
  });

  it('calApiUrl wins over the config, which is then never requested', async () => {
    const { world, user } = await connectedWorld();
    const { wrapper } = providerHarness({
      jwt: fakeJwt('alice'),
      fetch: world.fetch,
      calApiUrl: `${CAL}/v2/`,
    });
    const { result } = renderHook(() => useCalMe(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.username).toBe(user.username);
    expect(world.count('config')).toBe(0);
    expect(world.calls[0]?.href).toBe(`${CAL}/v2/me`);
  });

  it('an expired token (498) costs one token request for every concurrent query, then succeeds', async () => {
    const { world } = await connectedWorld();
    const { wrapper, queryClient } = aliceHarness(world.fetch);
    const { result } = renderHook(
      () => ({ me: useCalMe(), types: useCalEventTypes(), bookings: useCalBookings() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.bookings.isSuccess).toBe(true));
    expect(world.count('token')).toBe(1);
    world.model.expireAccessTokens('alice');
    const before = world.calls.length;
    await act(() => queryClient.invalidateQueries());
    await waitFor(
      () => {
        expect(result.current.me.isSuccess).toBe(true);
        expect(result.current.types.isSuccess).toBe(true);
        expect(result.current.bookings.isSuccess).toBe(true);
      },
      { timeout: 8_000 },
    );
    expect(world.count('token')).toBe(2);
    // Three refetches met a 498 and were each retried once.
    expect(world.calls.length - before).toBe(6);
  });

  it('useCalSlots keeps the previous week on screen while the next loads, and prefetches the next week', async () => {
    const { world, eventTypeId } = await connectedWorld();
    const { wrapper } = aliceHarness(world.fetch);
    const { result, rerender } = renderHook((params: CalSlotsParams) => useCalSlots(params), {
      wrapper,
      initialProps: slotsWeek(eventTypeId, 0),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const first = result.current.data;
    expect(Object.keys(first ?? {}).length).toBeGreaterThan(0);
    // The next week is fetched once the browser is idle.
    await waitFor(() => expect(world.count('GET /v2/slots')).toBe(2));
    const [, prefetched] = world.calls;
    expect(prefetched?.searchParams.get('start')).toBe(dayFromNow(14));
    expect(prefetched?.searchParams.get('end')).toBe(dayFromNow(20));

    // Forward: already there, no request for it; the week after is prefetched.
    rerender(slotsWeek(eventTypeId, 1));
    expect(result.current.isPlaceholderData).toBe(false);
    // Every day shown is in the second week.
    const shown = Object.keys(result.current.data ?? {});
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((key) => key >= dayFromNow(14))).toBe(true);
    await waitFor(() => expect(world.count('GET /v2/slots')).toBe(3));
    // Back: within staleTime, nothing is requested.
    rerender(slotsWeek(eventTypeId, 0));
    expect(result.current.data).toEqual(first);
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(world.count('GET /v2/slots')).toBe(3);

    // A week never seen: the one on screen stays, marked as placeholder, until it arrives.
    rerender(slotsWeek(eventTypeId, 5));
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.data).toEqual(first);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
  });

  it('another event type’s slots are never shown as placeholder', async () => {
    const { world, eventTypeId } = await connectedWorld();
    const other = world.model.eventTypes('alice').find((type) => type.slug === '15min')?.id ?? 0;
    const { wrapper } = aliceHarness(world.fetch);
    const { result, rerender } = renderHook(
      (params: CalSlotsParams) => useCalSlots(params, { prefetchNextRange: false }),
      { wrapper, initialProps: slotsWeek(eventTypeId, 0) },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    rerender({ ...slotsWeek(eventTypeId, 0), eventTypeId: other });
    expect(result.current.data).toBeUndefined();
    expect(result.current.isPending).toBe(true);
  });

  it('booking takes the slot out of the cached slots at once, then the bookings list has it', async () => {
    const { world, eventTypeId } = await connectedWorld();
    // The booking's answer waits until the test has seen the optimistic update.
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (init?.method === 'POST' && String(input).includes('/v2/bookings')) await held;
      return world.fetch(input, init);
    };
    const { wrapper } = aliceHarness(fetch);
    const { result } = renderHook(
      () => ({
        slots: useCalSlots(slotsWeek(eventTypeId, 0), { prefetchNextRange: false }),
        bookings: useCalBookings({ status: 'upcoming' }),
        book: useCreateCalBooking(),
      }),
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.slots.isSuccess && result.current.bookings.isSuccess).toBe(true),
    );
    const [firstDay, times] = Object.entries(result.current.slots.data ?? {})[0] ?? [];
    const slot = times?.[0];
    if (!firstDay || !slot) throw new Error('no slots');
    act(() => {
      result.current.book.mutate({
        eventTypeId,
        start: new Date(slot.start).toISOString(),
        attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
      });
    });
    await waitFor(() =>
      expect(result.current.slots.data?.[firstDay]?.some((s) => s.start === slot.start)).toBe(
        false,
      ),
    );
    expect(result.current.book.isPending).toBe(true);
    expect(world.model.bookings('alice')).toHaveLength(0);
    answer();
    await waitFor(() => expect(result.current.book.isSuccess).toBe(true));
    await waitFor(() =>
      expect(result.current.bookings.data?.items.map((b) => b.uid)).toEqual([
        result.current.book.data?.uid,
      ]),
    );
    expect(world.model.bookings('alice')).toHaveLength(1);
  });

  it('a refused booking puts the slot back and reports Cal.com’s 400 (slot taken meanwhile)', async () => {
    const { world, eventTypeId } = await connectedWorld();
    const { wrapper } = aliceHarness(world.fetch);
    const { result } = renderHook(
      () => ({
        slots: useCalSlots(slotsWeek(eventTypeId, 0), { prefetchNextRange: false }),
        book: useCreateCalBooking(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    const [firstDay, times] = Object.entries(result.current.slots.data ?? {})[0] ?? [];
    const slot = times?.[0];
    if (!firstDay || !slot) throw new Error('no slots');
    // Someone else books it after the slots were shown.
    const taken = carolTakes(world, eventTypeId, Date.parse(slot.start));
    expect(taken.ok).toBe(true);
    act(() => {
      result.current.book.mutate({
        eventTypeId,
        start: slot.start,
        attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
      });
    });
    await waitFor(() => expect(result.current.book.isError).toBe(true));
    expect(result.current.book.error).toMatchObject({
      name: 'CalApiError',
      kind: 'invalid_request',
      status: 400,
    });
    expect(world.model.bookings('alice')).toHaveLength(1);
    // Refetched after the failure: the slot is gone because it is really taken now.
    await waitFor(() =>
      expect(result.current.slots.data?.[firstDay]?.some((s) => s.start === slot.start)).toBe(
        false,
      ),
    );
  });

  it('cancel and reschedule go through, and the lists follow', async () => {
    const { world, eventTypeId } = await connectedWorld();
    const starts = world.model.slots(
      eventTypeId,
      Date.parse(dayFromNow(7)),
      Date.parse(dayFromNow(13)),
    );
    const [a, b] = starts;
    if (!a || !b) throw new Error('no slots');
    const first = world.model.createBooking({
      eventTypeId,
      start: a.start,
      attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
    });
    if (!first.ok) throw new Error('seed booking failed');
    const { wrapper } = aliceHarness(world.fetch);
    const { result } = renderHook(
      () => ({
        upcoming: useCalBookings({ status: 'upcoming' }),
        cancelled: useCalBookings({ status: 'cancelled' }),
        reschedule: useRescheduleCalBooking(),
        cancel: useCancelCalBooking(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.upcoming.data?.items).toHaveLength(1));
    act(() => {
      result.current.reschedule.mutate({
        uid: first.booking.uid,
        start: new Date(b.start).toISOString(),
      });
    });
    await waitFor(() => expect(result.current.reschedule.isSuccess).toBe(true));
    const moved = result.current.reschedule.data;
    expect(moved?.rescheduledFromUid).toBe(first.booking.uid);
    await waitFor(() =>
      expect(result.current.upcoming.data?.items.map((x) => x.uid)).toEqual([moved?.uid]),
    );
    act(() => {
      result.current.cancel.mutate({
        uid: moved?.uid ?? '',
        cancellationReason: 'No longer needed',
      });
    });
    await waitFor(() => expect(result.current.cancel.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.upcoming.data?.items).toEqual([]));
    await waitFor(() => expect(result.current.cancelled.data?.items).toHaveLength(2));
  });

  it('an identity switch: a new calApi, the previous user’s Cal.com data and mutation state gone', async () => {
    const { world, eventTypeId } = await connectedWorld();
    world.model.integrate({ sub: 'bob' });
    const harness = aliceHarness(world.fetch);
    const { result, rerender } = renderHook(
      () => ({
        calApi: useCalApi(),
        types: useCalEventTypes(),
        slots: useCalSlots(slotsWeek(eventTypeId, 0), { prefetchNextRange: false }),
        book: useCreateCalBooking(),
      }),
      { wrapper: harness.wrapper },
    );
    await waitFor(() =>
      expect(result.current.types.isSuccess && result.current.slots.isSuccess).toBe(true),
    );
    const aliceApi = result.current.calApi;
    const aliceTypes = result.current.types.data;
    const aliceSlots = result.current.slots.data;
    harness.set({ jwt: fakeJwt('bob') });
    rerender();
    expect(result.current.calApi).not.toBe(aliceApi);
    expect(result.current.types.data).not.toBe(aliceTypes);
    expect(result.current.slots.data).not.toBe(aliceSlots);
    await waitFor(() => expect(result.current.types.isSuccess).toBe(true));
    expect(
      result.current.types.data?.every((type) => type.ownerId !== aliceTypes?.[0]?.ownerId),
    ).toBe(true);
    const cached = harness.queryClient
      .getQueryCache()
      .findAll({ queryKey: calApiKeys.all(AISQUARE, 'alice') });
    expect(cached).toEqual([]);
  });

  it('a 429 is retried after the time Cal.com’s reset header gives', async () => {
    const { world, eventTypeId } = await connectedWorld();
    const slotRequests: number[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (String(input).includes('/v2/slots')) {
        slotRequests.push(performance.now());
        if (slotRequests.length === 1) {
          return calErrorResponse(
            '/v2/slots',
            429,
            { code: 'ThrottlerException', message: 'Too Many Requests' },
            { headers: { 'X-RateLimit-Reset-Default': '1' } },
          );
        }
      }
      return world.fetch(input, init);
    };
    const { wrapper } = aliceHarness(fetch);
    const { result } = renderHook(
      () => useCalSlots(slotsWeek(eventTypeId, 0), { prefetchNextRange: false }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 5_000 });
    expect(slotRequests).toHaveLength(2);
    const [first = 0, second = 0] = slotRequests;
    expect(second - first).toBeGreaterThanOrEqual(900);
  });

  it('a failed booking is not retried: one request, the error shown', async () => {
    const { world, eventTypeId } = await connectedWorld();
    let posts = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (init?.method === 'POST' && String(input).includes('/v2/bookings')) {
        posts += 1;
        return calErrorResponse('/v2/bookings', 500, {
          code: 'InternalServerErrorException',
          message: 'boom',
        });
      }
      return world.fetch(input, init);
    };
    const { wrapper } = aliceHarness(fetch);
    const { result } = renderHook(() => useCreateCalBooking(), { wrapper });
    const [slot] = world.model.slots(
      eventTypeId,
      Date.parse(dayFromNow(7)),
      Date.parse(dayFromNow(13)),
    );
    if (!slot) throw new Error('no slots');
    act(() => {
      result.current.mutate({
        eventTypeId,
        start: new Date(slot.start).toISOString(),
        attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
      });
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({
      name: 'CalApiError',
      kind: 'server',
      status: 500,
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 1_500)));
    expect(posts).toBe(1);
  });

  it('calSchemas replace a method’s schema; an inline object recreates nothing', async () => {
    const { world } = await connectedWorld();
    const seen: unknown[] = [];
    const meSchema = {
      '~standard': {
        version: 1 as const,
        vendor: 'test',
        validate: (value: unknown) => {
          seen.push(value);
          return { value: { ...(value as object), checked: true } };
        },
      },
    };
    const harness = aliceHarness(world.fetch);
    harness.set({ calSchemas: { me: meSchema as never } });
    const { result, rerender } = renderHook(() => ({ me: useCalMe(), calApi: useCalApi() }), {
      wrapper: harness.wrapper,
    });
    await waitFor(() => expect(result.current.me.isSuccess).toBe(true));
    expect(result.current.me.data).toMatchObject({ checked: true });
    expect(seen).toHaveLength(1);
    const first = result.current.calApi;
    harness.set({ calSchemas: { me: meSchema as never } });
    rerender();
    expect(result.current.calApi).toBe(first);
  });
});
