import { describe, expect, it } from 'vitest';
import {
  CAL_SLOT_TAKEN_MESSAGE,
  type CalApiHandlersScenario,
  calUserFixture,
  createBookingsHandlers,
  createCalApiHandlers,
  createCalFakeModel,
  FAKE_CAL_ACCESS_TOKEN,
} from '../../../src/testing/index.js';
import { calFetch } from '../../helpers/calFetch.js';
import { withMswServer } from '../../helpers/mswServer.js';

const server = withMswServer();

const AISQUARE = 'https://api.example.com';
const CAL = 'https://api.cal.com';
/** A Cal.com request to the handlers, with `token` as its bearer. */
const cal = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
  calFetch(CAL, path, token, init);

async function aisquareToken(): Promise<string> {
  const response = await fetch(`${AISQUARE}/api/v1/bookings/token/refresh/`, {
    method: 'POST',
    headers: { Authorization: 'Bearer any-jwt', 'Content-Type': 'application/json' },
    body: '{}',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function firstSlot(token: string, eventTypeId: number): Promise<string> {
  const slots = await cal(
    `/v2/slots?eventTypeId=${eventTypeId}&start=${days(2)}&end=${days(12)}`,
    token,
  );
  const first = (Object.values(slots.body.data)[0] as { start: string }[] | undefined)?.[0]?.start;
  if (first === undefined) throw new Error('no slot');
  return first;
}

const attendee = { name: 'Bob', email: 'bob@example.com', timeZone: 'Europe/Paris' };

describe('createCalApiHandlers', () => {
  it('shares one model with createBookingsHandlers: the token they issue is the one Cal.com accepts', async () => {
    const model = createCalFakeModel();
    server.use(
      ...createBookingsHandlers({ baseUrl: AISQUARE, model, scenario: 'notConnected' }),
      ...createCalApiHandlers({ model }),
    );
    const user = await fetch(`${AISQUARE}/api/v1/bookings/user/`);
    expect(user.status).toBe(404);
    const token = await aisquareToken();
    expect(token).toMatch(/^cal_at_/);
    const aisquareUser = (await (await fetch(`${AISQUARE}/api/v1/bookings/user/`)).json()) as {
      id: number;
    };
    const me = await cal('/v2/me', token);
    expect(me.status).toBe(200);
    expect(me.body.data.id).toBe(aisquareUser.id);
    expect(me.headers.get('x-request-id')).toBeTruthy();
    expect((await cal('/v2/me', 'cal_at_someone_else')).status).toBe(401);
    model.expireAccessTokens();
    expect((await cal('/v2/me', token)).status).toBe(498);
  });

  it('without a model, accepts any token as the fixture user', async () => {
    server.use(...createCalApiHandlers());
    const me = await cal('/v2/me', `${FAKE_CAL_ACCESS_TOKEN}-1`);
    expect(me.body.data).toMatchObject({ id: calUserFixture.id, email: calUserFixture.email });
    const types = await cal('/v2/event-types', `${FAKE_CAL_ACCESS_TOKEN}-2`);
    expect(types.body.data.map((type: { slug: string }) => type.slug)).toEqual([
      '15min',
      '30min',
      '60min',
      'weekly-check-in',
      'office-hours',
      'group-workshop',
      'community-qa',
      'intro-call',
      'consultation',
      'verified-intro',
      'owner-only',
    ]);
  });

  it("'noEventTypes' and 'noSlots' answer empty data", async () => {
    server.use(...createCalApiHandlers({ scenario: 'noEventTypes' }));
    expect((await cal('/v2/event-types', 't')).body).toEqual({ status: 'success', data: [] });
    server.resetHandlers(...createCalApiHandlers({ scenario: 'noSlots' }));
    const slots = await cal(`/v2/slots?eventTypeId=2&start=${days(1)}&end=${days(9)}`, 't');
    expect(slots.body).toEqual({ status: 'success', data: {} });
  });

  it("'slotTaken': the next booking meets Cal.com's double-booking 400; the slot is then gone", async () => {
    const model = createCalFakeModel({ acceptUnknownTokensAs: { sub: 'ada' } });
    server.use(...createCalApiHandlers({ model, scenario: 'slotTaken' }));
    const eventTypeId = (await cal('/v2/event-types', 't')).body.data[0].id as number;
    const start = await firstSlot('t', eventTypeId);
    const taken = await cal('/v2/bookings', 't', {
      method: 'POST',
      body: { eventTypeId, start, attendee },
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error).toEqual({
      code: 'BadRequestException',
      message: CAL_SLOT_TAKEN_MESSAGE,
      details: { message: CAL_SLOT_TAKEN_MESSAGE, error: 'Bad Request', statusCode: 400 },
    });
    const next = await firstSlot('t', eventTypeId);
    expect(next).not.toBe(start);
    const booked = await cal('/v2/bookings', 't', {
      method: 'POST',
      body: { eventTypeId, start: next, attendee },
    });
    expect(booked.status).toBe(201);
  });

  it("'serverError', 'expiredToken' and 'loading'", async () => {
    server.use(...createCalApiHandlers({ scenario: 'serverError' }));
    const failed = await cal('/v2/me', 't');
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({
      status: 'error',
      path: '/v2/me',
      error: { code: 'InternalServerErrorException' },
    });

    server.resetHandlers(...createCalApiHandlers({ scenario: 'expiredToken' }));
    expect((await cal('/v2/me', 't')).status).toBe(498);
    expect((await cal('/v2/me', 't')).status).toBe(200);

    server.resetHandlers(...createCalApiHandlers({ scenario: 'loading' }));
    const controller = new AbortController();
    const pending = fetch(`${CAL}/v2/me`, { signal: controller.signal });
    const outcome = await Promise.race([
      pending.then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('pending'), 100)),
    ]);
    expect(outcome).toBe('pending');
    controller.abort();
    await pending.catch(() => undefined);

    expect(() => createCalApiHandlers({ scenario: 'nope' as CalApiHandlersScenario })).toThrow(
      TypeError,
    );
  });

  it('honours baseUrl with a path prefix and a trailing /v2', async () => {
    server.use(...createCalApiHandlers({ baseUrl: 'https://cal.internal.example/api/v2/' }));
    const response = await fetch('https://cal.internal.example/api/v2/me', {
      headers: { Authorization: 'Bearer t' },
    });
    expect(response.status).toBe(200);
  });
});
