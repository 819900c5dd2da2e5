import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createCalApi } from '../../src/calapi/createCalApi.js';
import { isCalApiError } from '../../src/calapi/errors.js';
import type { CalApi } from '../../src/calapi/types.js';
import { createBookingsSession } from '../../src/session/createBookingsSession.js';
import { getCalApi } from '../../src/session/getCalApi.js';
import { bookingShape } from '../contract/calcom/bookings.js';
import { errorSamples } from '../contract/calcom/errors.js';
import { meShape } from '../contract/calcom/me.js';
import { slotsDataShape } from '../contract/calcom/slots.js';
import { check, obj } from '../contract/shape.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const unmounts: (() => void)[] = [];

afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

/** A mounted session for `userId` against the sandbox; Cal.com's URL comes from the sandbox's config. */
async function sessionFor(userId: string) {
  const { sandbox } = fixture;
  const jwt = await sandbox.issueJwt(userId);
  const session = createBookingsSession({
    baseUrl: sandbox.url,
    jwt,
    queryClient: new QueryClient(),
    crossTab: false,
  });
  unmounts.push(session.mount());
  await session.getAccessToken();
  return { session, calApi: getCalApi(session) };
}

async function firstSlot(calApi: CalApi, eventTypeId: number) {
  const slots = await calApi.slots({ eventTypeId, start: day(2), end: day(12), timeZone: 'UTC' });
  const first = Object.values(slots).flat()[0];
  if (!first) throw new Error('the sandbox has no slots in the next ten days');
  return first.start;
}

async function thirtyMinutes(calApi: CalApi) {
  const types = await calApi.eventTypes();
  const type = types.find((candidate) => candidate.lengthInMinutes === 30);
  if (!type) throw new Error('no 30-minute event type');
  return type.id;
}

describe('Cal.com errors', () => {
  it('the error envelope becomes a CalApiError with Cal.com’s code and request id', async () => {
    const calApi = createCalApi({
      getAccessToken: async () => 'token',
      fetch: async () =>
        Response.json(errorSamples.badRequest.body, {
          status: 400,
          headers: { 'X-Request-Id': 'req-1' },
        }),
    });
    const error = await calApi.booking('x').catch((thrown: unknown) => thrown);
    expect(isCalApiError(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      code: 'BadRequestException',
      requestId: 'req-1',
    });
  });
});

describe('Cal.com API v2 against the sandbox, over real HTTP', () => {
  // The fake's keys are pinned key by key in test/contract/fake.contract.test.ts; this is the
  // client's round trip over real HTTP, each answer also held against Cal.com's shape.
  it('every endpoint answers what the schemas accept, in Cal.com’s shape', async () => {
    const { calApi } = await sessionFor('contract');
    const raw = <T>(path: string, init?: Parameters<CalApi['fetch']>[1]) =>
      calApi.fetch<{ data: T; pagination?: unknown }>(path, init);

    const me = await calApi.me();
    expect(check(obj(meShape), (await raw('/v2/me')).data)).toEqual([]);

    const eventTypeId = await thirtyMinutes(calApi);

    const start = await firstSlot(calApi, eventTypeId);
    const created = await calApi.createBooking({
      eventTypeId,
      start: new Date(start).toISOString(),
      attendee: { name: 'Bob Okafor', email: 'bob@example.com', timeZone: 'America/New_York' },
      guests: ['guest@example.com'],
    });
    expect(created.attendees[0]?.email).toBe('bob@example.com');
    expect(Date.parse(created.start)).toBe(Date.parse(start));
    const fetched = await raw(`/v2/bookings/${created.uid}`);
    expect(check(obj(bookingShape), fetched.data)).toEqual([]);
    expect(await calApi.booking(created.uid)).toMatchObject({ uid: created.uid });

    const list = await calApi.bookings({ status: 'upcoming', take: 10 });
    expect(list.items.map((booking) => booking.uid)).toEqual([created.uid]);

    const later = Object.values(
      await calApi.slots({ eventTypeId, start: day(2), end: day(12), timeZone: 'UTC' }),
    ).flat()[3];
    if (!later) throw new Error('not enough slots');
    const moved = await calApi.rescheduleBooking(created.uid, { start: later.start });
    expect(moved.rescheduledFromUid).toBe(created.uid);
    expect(check(obj(bookingShape), moved)).toEqual([]);
    const old = await calApi.booking(created.uid);
    expect(old).toMatchObject({ status: 'cancelled', rescheduledToUid: moved.uid });

    const cancelled = await calApi.cancelBooking(moved.uid, {
      cancellationReason: 'No longer needed',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'No longer needed',
    });
    expect(check(obj(bookingShape), cancelled)).toEqual([]);

    const slots = await raw<Record<string, { start: string; end?: string }[]>>('/v2/slots', {
      query: {
        eventTypeId,
        start: day(2),
        end: day(12),
        timeZone: 'Asia/Kolkata',
        format: 'range',
      },
    });
    expect(check(slotsDataShape, slots.data)).toEqual([]);
    expect(Object.keys(Object.values(slots.data)[0]?.[0] ?? {}).sort()).toEqual(['end', 'start']);
    for (const [key, times] of Object.entries(slots.data)) {
      expect(key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const slot of times) expect(slot.start).toMatch(/\+05:30$/);
    }
    expect(me.username).toBeTruthy();
  });

  it('20 concurrent calls with an expired token: one AISquare token request, 40 Cal.com requests', async () => {
    const { sandbox } = fixture;
    const { calApi } = await sessionFor('storm');
    await calApi.me();
    const before = sandbox.counts();
    expect(sandbox.expireCalTokens('storm')).toBe(1);
    // The token manager keeps 5 s between token requests; the storm's refresh waits that out.
    const results = await Promise.all(Array.from({ length: 20 }, () => calApi.me()));
    const after = sandbox.counts();
    expect(results.every((me) => me.username === results[0]?.username)).toBe(true);
    expect(after.token - before.token).toBe(1);
    expect(after['cal.me'] - before['cal.me']).toBe(40);
  }, 15_000);

  it('a second 498 is final: token_expired, no loop', async () => {
    const { sandbox } = fixture;
    const { calApi } = await sessionFor('twice');
    await calApi.me();
    const before = sandbox.counts();
    sandbox.failNext('cal.me', 498, 2);
    const error = await calApi.me().catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'CalApiError', kind: 'token_expired', status: 498 });
    const after = sandbox.counts();
    expect(after['cal.me'] - before['cal.me']).toBe(2);
    expect(after.token - before.token).toBe(1);
  }, 15_000);

  it('401 (a token Cal.com does not know): one forced refresh; the same token back is final', async () => {
    const { sandbox } = fixture;
    const asked: unknown[] = [];
    const calApi = createCalApi({
      baseUrl: sandbox.url,
      getAccessToken: async (options) => {
        asked.push(options);
        return 'cal_at_forged';
      },
    });
    const error = await calApi.me().catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'CalApiError', kind: 'unauthorized', status: 401 });
    expect(asked).toEqual([undefined, { forceRefresh: true }]);
    expect(sandbox.counts()['cal.me']).toBe(1);
  });

  it('429 carries retryAfterMs from Cal.com’s reset header', async () => {
    const { sandbox } = fixture;
    const { calApi } = await sessionFor('busy');
    sandbox.setCalRateLimit(3);
    for (let index = 0; index < 3; index += 1) await calApi.me();
    const error = await calApi.me().catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'CalApiError', kind: 'rate_limited', status: 429 });
    const { retryAfterMs } = error as { retryAfterMs?: number };
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('a double booking is a CalApiError 400 and nothing is booked twice', async () => {
    const { sandbox } = fixture;
    const { calApi } = await sessionFor('double');
    const eventTypeId = await thirtyMinutes(calApi);
    const start = new Date(await firstSlot(calApi, eventTypeId)).toISOString();
    const attendee = { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' };
    const [first, second] = await Promise.allSettled([
      calApi.createBooking({ eventTypeId, start, attendee }),
      calApi.createBooking({ eventTypeId, start, attendee }),
    ]);
    const outcomes = [first, second].map((outcome) => outcome.status).sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const failure = [first, second].find((outcome) => outcome.status === 'rejected');
    expect((failure as PromiseRejectedResult).reason).toMatchObject({
      name: 'CalApiError',
      kind: 'invalid_request',
      status: 400,
      code: 'BadRequestException',
    });
    expect(
      sandbox.calModel.bookings().filter((booking) => booking.status === 'accepted'),
    ).toHaveLength(1);
    const past = await calApi
      .createBooking({ eventTypeId, start: new Date(Date.now() - DAY_MS).toISOString(), attendee })
      .catch((thrown: unknown) => thrown);
    expect(past).toMatchObject({ kind: 'invalid_request', status: 400 });
  });
});
