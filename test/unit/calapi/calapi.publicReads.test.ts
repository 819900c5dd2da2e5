import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import { createBookingsSession } from '../../../src/session/createBookingsSession.js';
import { getCalApi } from '../../../src/session/getCalApi.js';
import { AISQUARE, createCalWorld, CAL as WORLD_CAL } from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { CAL, mockFetch, ok } from './fakeCal.js';

/** A client whose token request never ends, with `peek` saying what token is at hand. */
function waitingForToken(peek: () => string | undefined) {
  const mock = mockFetch((call) =>
    ok(new URL(call.url).pathname === '/v2/slots' ? {} : [], {}, 200),
  );
  const getAccessToken = vi.fn(() => new Promise<string>(() => {}));
  const api = createCalApi({
    getAccessToken,
    peekAccessToken: peek,
    baseUrl: CAL,
    fetch: mock.fetch,
  });
  return { ...mock, api, getAccessToken };
}

const range = { start: '2050-09-05', end: '2050-09-06', timeZone: 'UTC' };

describe('reads Cal.com serves without a token do not wait for one', () => {
  it('slots and a user’s public event types go out at once, without a token while none is at hand', async () => {
    const { api, calls, getAccessToken } = waitingForToken(() => undefined);
    expect(await api.slots({ eventTypeSlug: '30min', username: 'ada', ...range })).toEqual({});
    expect(await api.eventTypes({ username: 'ada', eventSlug: '30min' })).toEqual([]);
    expect(calls.map((call) => call.headers.get('authorization'))).toEqual([null, null]);
    expect(calls.map((call) => call.headers.get('cal-api-version'))).toEqual([
      '2024-09-04',
      '2024-06-14',
    ]);
    expect(getAccessToken).not.toHaveBeenCalled();
  });

  it('with the token at hand they carry it', async () => {
    const { api, calls } = waitingForToken(() => 'cal-token-now');
    await api.slots({ eventTypeId: 4, ...range });
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer cal-token-now');
  });

  it('what needs the token still waits for it: the own event types, me, bookings', async () => {
    const { api, calls } = waitingForToken(() => undefined);
    const pending = [api.eventTypes(), api.me(), api.bookings()];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(0);
    void pending;
  });

  it('a peek that throws counts as no token at hand', async () => {
    const { api, calls } = waitingForToken(() => {
      throw new Error('no state yet');
    });
    expect(await api.slots({ eventTypeId: 4, ...range })).toEqual({});
    expect(calls[0]?.headers.has('authorization')).toBe(false);
  });

  it('without peekAccessToken every call waits for getAccessToken, as before', async () => {
    const mock = mockFetch(() => ok({}));
    const api = createCalApi({
      getAccessToken: () => new Promise<string>(() => {}),
      baseUrl: CAL,
      fetch: mock.fetch,
    });
    void api.slots({ eventTypeId: 4, ...range });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.calls).toHaveLength(0);
  });
});

describe('a session: public reads go out beside the token request, not after it', () => {
  it('the slots of a named event type are answered while the token request is still open', async () => {
    const world = createCalWorld();
    world.model.integrate({ sub: 'host' }, { timeZone: 'UTC' });
    const { username } = world.model.getUser('host') ?? { username: '' };
    let release: () => void = () => {};
    const tokenGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const order: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(new Request(input, init).url);
      if (url.pathname.endsWith('/token/refresh/')) {
        order.push('token sent');
        await tokenGate;
        order.push('token answered');
      }
      const response = await world.fetch(input, init);
      if (url.pathname === '/v2/slots') order.push('slots answered');
      return response;
    };
    const session = createBookingsSession({
      baseUrl: AISQUARE,
      jwt: fakeJwt('visitor'),
      fetch,
      calApiUrl: WORLD_CAL,
      queryClient: new QueryClient(),
      crossTab: false,
    });
    const unmount = session.mount();
    try {
      const calApi = getCalApi(session);
      void session.getAccessToken();
      const slots = await calApi.slots({
        eventTypeSlug: '30min',
        username,
        start: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
        end: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10),
        timeZone: 'UTC',
      });
      expect(Object.keys(slots).length).toBeGreaterThan(0);
      expect(order).toEqual(['token sent', 'slots answered']);
      release();
      await session.getAccessToken();
      // Once the token is at hand, the next read carries it.
      await calApi.slots({ eventTypeSlug: '30min', username, ...range });
      const last = world.calls.filter((call) => call.pathname === '/v2/slots').length;
      expect(last).toBe(2);
    } finally {
      release();
      unmount();
    }
  });
});
