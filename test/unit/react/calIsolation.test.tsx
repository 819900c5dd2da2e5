// What the Cal.com hooks must never do across identities, origins and unmounts: each case failed
// before its fix (found by an adversarial review).
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  useCalApi,
  useCalEventTypes,
  useCalSlots,
  useCreateCalBooking,
} from '../../../src/index.js';
import { calApiKeys } from '../../../src/session/calApiKeys.js';
import { AISQUARE, CAL, createCalWorld, dayFromNow, slotsWeek } from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { aliceHarness, providerHarness } from '../../helpers/providerHarness.js';

const attendee = { name: 'Carol', email: 'carol@private.example', timeZone: 'UTC' };

function world() {
  const calWorld = createCalWorld();
  calWorld.model.integrate({ sub: 'alice' });
  calWorld.model.integrate({ sub: 'bob' });
  const eventTypeId = calWorld.model.eventTypes('alice').find((t) => t.slug === '30min')?.id ?? 0;
  const [slot] = calWorld.model.slots(
    eventTypeId,
    Date.parse(dayFromNow(7)),
    Date.parse(dayFromNow(13)),
  );
  if (!slot) throw new Error('no slots');
  return { calWorld, eventTypeId, start: new Date(slot.start).toISOString() };
}

/** A fetch that holds Cal.com POSTs until `release()`, and records who each was sent as. */
function holdingPosts(calWorld: ReturnType<typeof createCalWorld>) {
  const senders: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let answer: (() => Response) | undefined;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    if (init?.method === 'POST' && String(input).startsWith(CAL)) {
      const token = new Headers(init.headers).get('authorization')?.replace('Bearer ', '') ?? '';
      const lookup = calWorld.model.lookupToken(token);
      senders.push(lookup.kind === 'valid' ? lookup.sub : lookup.kind);
      await held;
      if (answer) return answer();
    }
    return calWorld.fetch(input, init);
  };
  return {
    fetch,
    senders,
    release,
    failWith(status: number) {
      answer = () =>
        Response.json(
          { status: 'error', error: { code: 'BadRequestException', message: 'taken' } },
          { status },
        );
    },
  };
}

describe('Cal.com hooks across identities', () => {
  it('a booking started as alice is never sent with bob’s token', async () => {
    const { calWorld, eventTypeId, start } = world();
    const harness = aliceHarness(calWorld.fetch);
    const { result, rerender } = renderHook(() => useCreateCalBooking(), {
      wrapper: harness.wrapper,
    });
    await waitFor(() => expect(calWorld.count('token')).toBe(1));
    let outcome: Promise<unknown> = Promise.resolve();
    act(() => {
      outcome = result.current.mutateAsync({ eventTypeId, start, attendee }).catch((e) => e);
      harness.set({ jwt: fakeJwt('bob') });
      rerender();
    });
    expect(await outcome).toMatchObject({ kind: 'aborted' });
    const posts = calWorld.calls.filter((url) => url.pathname === '/v2/bookings');
    expect(posts).toHaveLength(0);
    expect(calWorld.model.bookings()).toHaveLength(0);
  });

  it('the previous user’s booking result is not rendered for the next user, not even once', async () => {
    const { calWorld, eventTypeId, start } = world();
    const harness = aliceHarness(calWorld.fetch);
    const seen: { user: string; success: boolean; email: string | undefined }[] = [];
    let user = 'alice';
    const { result, rerender } = renderHook(
      () => {
        const book = useCreateCalBooking();
        seen.push({ user, success: book.isSuccess, email: book.data?.attendees[0]?.email });
        return book;
      },
      { wrapper: harness.wrapper },
    );
    act(() => result.current.mutate({ eventTypeId, start, attendee }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    user = 'bob';
    act(() => {
      harness.set({ jwt: fakeJwt('bob') });
      rerender();
    });
    const asBob = seen.filter((render) => render.user === 'bob');
    expect(asBob.length).toBeGreaterThan(0);
    expect(asBob.filter((render) => render.success || render.email)).toEqual([]);
  });

  it('a failed booking’s rollback after a switch does not bring the previous user’s slots back', async () => {
    const { calWorld, eventTypeId, start } = world();
    const posts = holdingPosts(calWorld);
    posts.failWith(400);
    const harness = aliceHarness(posts.fetch);
    const { result, rerender } = renderHook(
      () => ({
        slots: useCalSlots(slotsWeek(eventTypeId), { prefetchNextRange: false }),
        book: useCreateCalBooking(),
      }),
      { wrapper: harness.wrapper },
    );
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    act(() => result.current.book.mutate({ eventTypeId, start, attendee }));
    await waitFor(() => expect(posts.senders).toEqual(['alice']));
    act(() => {
      harness.set({ jwt: fakeJwt('bob') });
      rerender();
    });
    const aliceScope = calApiKeys.all(AISQUARE, 'alice');
    await waitFor(() =>
      expect(harness.queryClient.getQueryCache().findAll({ queryKey: aliceScope })).toEqual([]),
    );
    posts.release();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(harness.queryClient.getQueryCache().findAll({ queryKey: aliceScope })).toEqual([]);
  });

  it('a rollback does not overwrite slots fetched while the booking was pending', async () => {
    const { calWorld, eventTypeId, start } = world();
    const posts = holdingPosts(calWorld);
    posts.failWith(500);
    const harness = aliceHarness(posts.fetch);
    const params = slotsWeek(eventTypeId);
    const key = calApiKeys.slots(AISQUARE, 'alice', params);
    // What the cache holds right after the hook's own rollback (the host's onError runs after it).
    let afterRollback: unknown;
    const { result } = renderHook(
      () => ({
        slots: useCalSlots(params, { prefetchNextRange: false }),
        book: useCreateCalBooking({
          onError: () => {
            afterRollback = harness.queryClient.getQueryData(key);
          },
        }),
      }),
      { wrapper: harness.wrapper },
    );
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    act(() => result.current.book.mutate({ eventTypeId, start, attendee }));
    await waitFor(() => expect(posts.senders).toEqual(['alice']));
    // Someone else books another slot; the list is refetched while ours is pending.
    const [, other] = calWorld.model.slots(
      eventTypeId,
      Date.parse(dayFromNow(7)),
      Date.parse(dayFromNow(13)),
    );
    calWorld.model.createBooking({ eventTypeId, start: other?.start ?? 0, attendee });
    await act(() => harness.queryClient.refetchQueries({ queryKey: key }));
    const fresh = harness.queryClient.getQueryData(key);
    posts.release();
    await waitFor(() => expect(result.current.book.isError).toBe(true));
    expect(afterRollback).toEqual(fresh);
  });
});

describe('Cal.com hooks that must do nothing', () => {
  it('a disabled slots hook prefetches no next range, even with its range cached', async () => {
    const { calWorld, eventTypeId } = world();
    const harness = aliceHarness(calWorld.fetch);
    const params = slotsWeek(eventTypeId);
    harness.queryClient.setQueryData(calApiKeys.slots(AISQUARE, 'alice', params), {
      [dayFromNow(7)]: [{ start: `${dayFromNow(7)}T09:00:00.000Z` }],
    });
    const { result } = renderHook(() => useCalSlots(params, { enabled: false }), {
      wrapper: harness.wrapper,
    });
    expect(result.current.isSuccess).toBe(true);
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(calWorld.count('GET /v2/slots')).toBe(0);
  });

  it('signed out: a direct Cal.com call rejects without any token request', async () => {
    const { calWorld } = world();
    const harness = providerHarness({ jwt: null, fetch: calWorld.fetch, calApiUrl: CAL });
    const { result } = renderHook(() => useCalApi(), { wrapper: harness.wrapper });
    const error = await result.current.eventTypes().catch((thrown: unknown) => thrown);
    // Signed out and enabled is a visitor (issue 20): its Cal.com client has no token source, so a
    // call Cal.com serves only with a token is refused by that client, unsent.
    expect(error).toMatchObject({ name: 'CalApiError', kind: 'unauthorized' });
    expect(calWorld.count('token')).toBe(0);
    expect(calWorld.calls).toHaveLength(0);
  });

  it('signed out and disabled: a direct Cal.com call rejects as the AISquare session', async () => {
    const { calWorld } = world();
    const harness = providerHarness({
      jwt: null,
      enabled: false,
      fetch: calWorld.fetch,
      calApiUrl: CAL,
    });
    const { result } = renderHook(() => useCalApi(), { wrapper: harness.wrapper });
    const error = await result.current.eventTypes().catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'BookingsApiError', kind: 'unauthorized' });
    expect(calWorld.count('token')).toBe(0);
    expect(calWorld.calls).toHaveLength(0);
  });
});

describe('the Cal.com origin and the provider’s life', () => {
  it('a new calApiUrl takes effect at once and drops what came from the previous origin', async () => {
    const { calWorld } = world();
    const harness = aliceHarness(calWorld.fetch);
    const { result, rerender } = renderHook(() => useCalEventTypes(), { wrapper: harness.wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const other = 'https://eu.cal.test';
    const seen: string[] = [];
    harness.set({
      calApiUrl: other,
      fetch: async (input, init) => {
        seen.push(new URL(String(input)).origin);
        return calWorld.fetch(String(input).replace(other, CAL), init);
      },
    });
    act(() => rerender());
    await waitFor(() => expect(seen).toContain(other));
    expect(seen.filter((origin) => origin === CAL)).toEqual([]);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await act(() => result.current.refetch());
    expect(seen.filter((origin) => origin === CAL)).toEqual([]);
  });

  it('unmounting the provider aborts a Cal.com request in flight', async () => {
    const { calWorld } = world();
    let signal: AbortSignal | undefined;
    const fetch: typeof globalThis.fetch = (input, init) => {
      if (String(input).startsWith(CAL)) {
        signal = init?.signal ?? undefined;
        return new Promise<Response>(() => {});
      }
      return calWorld.fetch(input, init);
    };
    const harness = aliceHarness(fetch);
    const { unmount } = renderHook(() => useCalEventTypes(), { wrapper: harness.wrapper });
    await waitFor(() => expect(signal).toBeDefined());
    unmount();
    await waitFor(() => expect(signal?.aborted).toBe(true));
  });
});
