import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createBookingsSession } from '../../../src/session/createBookingsSession.js';
import { getCalApi } from '../../../src/session/getCalApi.js';
import type { BookingsSessionOptions } from '../../../src/session/types.js';
import { isBookingsVisitor } from '../../../src/session/visitor.js';
import { AISQUARE, CAL, createCalWorld } from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';

const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

function session(options: Partial<BookingsSessionOptions>) {
  const world = createCalWorld();
  const { user } = world.model.integrate({ sub: 'alice' });
  const seen: { origin: string; authorization: boolean }[] = [];
  const created = createBookingsSession({
    baseUrl: AISQUARE,
    queryClient: new QueryClient(),
    crossTab: false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push({
        origin: new URL(request.url).origin,
        authorization: request.headers.has('authorization'),
      });
      return world.fetch(input, init);
    },
    ...options,
  });
  unmounts.push(created.mount());
  return { session: created, world, seen, username: user.username };
}

describe('isBookingsVisitor', () => {
  it('is true when enabled and nobody is signed in: jwt null, or a getter that returns null', () => {
    expect(isBookingsVisitor(session({ jwt: null }).session)).toBe(true);
    expect(isBookingsVisitor(session({ getAuthToken: () => null }).session)).toBe(true);
  });

  it('is false when signed in, for a cookie session, and while disabled', () => {
    expect(isBookingsVisitor(session({ jwt: fakeJwt('alice') }).session)).toBe(false);
    expect(isBookingsVisitor(session({ credentials: 'include' }).session)).toBe(false);
    expect(isBookingsVisitor(session({ jwt: null, enabled: false }).session)).toBe(false);
  });

  it('follows the options: signing in ends it, signing out starts it', () => {
    const { session: visitor } = session({ jwt: null });
    const options = visitor.getOptions();
    visitor.setOptions({ ...options, jwt: fakeJwt('alice') });
    expect(isBookingsVisitor(visitor)).toBe(false);
    visitor.setOptions({ ...options, jwt: null });
    expect(isBookingsVisitor(visitor)).toBe(true);
  });
});

describe('getCalApi for a visitor', () => {
  it('books on calApiUrl without a token: no AISquare request, no Authorization header', async () => {
    const { session: visitor, world, seen, username } = session({ jwt: null, calApiUrl: CAL });
    const calApi = getCalApi(visitor);
    const [eventType] = await calApi.eventTypes({ username, eventSlug: '15min' });
    const slots = await calApi.slots({
      username,
      eventTypeSlug: '15min',
      start: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
      end: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10),
      timeZone: 'UTC',
    });
    const start = Object.values(slots).flat()[0]?.start ?? '';
    const booking = await calApi.createBooking({
      start,
      eventTypeId: eventType?.id ?? 0,
      attendee: { name: 'Vera', email: 'vera@example.com', timeZone: 'UTC' },
    });
    expect(booking.attendees[0]).toMatchObject({ name: 'Vera', email: 'vera@example.com' });
    expect(seen).toEqual(Array(3).fill({ origin: CAL, authorization: false }));
    expect(world.count('token') + world.count('config')).toBe(0);
  });

  it('without calApiUrl, Cal.com’s origin: AISquare’s config is not asked', async () => {
    const { session: visitor, seen } = session({
      jwt: null,
      fetch: async (input) => {
        seen.push({ origin: new URL(String(input)).origin, authorization: false });
        return Response.json({ status: 'success', data: [] });
      },
    });
    await getCalApi(visitor).eventTypes({ username: 'ada' });
    expect(seen.map((request) => request.origin)).toEqual(['https://api.cal.com']);
  });

  it('a new client when the session signs in, with its token source', () => {
    const { session: visitor } = session({ jwt: null, calApiUrl: CAL });
    const before = getCalApi(visitor);
    visitor.setOptions({ ...visitor.getOptions(), jwt: fakeJwt('alice') });
    expect(getCalApi(visitor)).not.toBe(before);
  });
});
