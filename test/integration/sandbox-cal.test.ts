import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import {
  createBookingsHandlers,
  createCalApiHandlers,
  createCalFakeModel,
} from '../../src/testing/index.js';
import { onePagePagination } from '../contract/calcom/bookings.js';
import { type CalAnswer, calAnswer, calFetch } from '../helpers/calFetch.js';
import { preflightPost } from '../helpers/preflight.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const TOKEN = '/api/v1/bookings/token/refresh/';
const USER = '/api/v1/bookings/user/';
const UNAVAILABLE = 'User either already has booking at this time or is not available';

async function connect(
  sub = 'alice',
  timeZone = 'Europe/London',
  base = fixture.sandbox.url,
): Promise<{ jwt: string; token: string; expiresIn: number }> {
  const jwt = await fixture.sandbox.issueJwt(sub);
  const answer = await calAnswer(
    await fetch(`${base}${TOKEN}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ time_zone: timeZone }),
    }),
  );
  expect(answer.status).toBe(200);
  return { jwt, token: answer.body.access_token, expiresIn: answer.body.expires_in };
}

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const attendee = { name: 'Bob Booker', email: 'bob@example.com', timeZone: 'Europe/Paris' };

async function freeSlots(base: string, token: string, eventTypeId: number, timeZone = 'UTC') {
  const answer = await calFetch(
    base,
    `/v2/slots?eventTypeId=${eventTypeId}&start=${day(3)}&end=${day(13)}&timeZone=${timeZone}`,
    token,
  );
  expect(answer.status).toBe(200);
  return Object.values(answer.body.data as Record<string, { start: string }[]>).flat();
}

describe('Cal.com API v2 in the sandbox', () => {
  it('config reports the sandbox as the Cal.com API; its tokens are the Cal.com tokens', async () => {
    const { jwt, token } = await connect('alice', 'America/New_York');
    const config = await calAnswer(
      await fetch(`${fixture.sandbox.url}/api/v1/bookings/config/`, {
        headers: { Authorization: `Bearer ${jwt}` },
      }),
    );
    expect(config.body.cal_api_url).toBe(`${fixture.sandbox.url}/v2`);
    const aisquareUser = await calAnswer(
      await fetch(`${fixture.sandbox.url}${USER}`, { headers: { Authorization: `Bearer ${jwt}` } }),
    );
    const me = await calFetch(fixture.sandbox.url, '/v2/me', token);
    expect(me.status).toBe(200);
    expect(me.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(me.body).toMatchObject({
      status: 'success',
      data: {
        id: aisquareUser.body.id,
        email: aisquareUser.body.email,
        username: aisquareUser.body.username,
        timeZone: 'America/New_York',
      },
    });
  });

  it('serves event types, slots and the whole booking lifecycle over HTTP', async () => {
    const base = fixture.sandbox.url;
    const { token } = await connect('alice', 'America/New_York');
    const types = await calFetch(base, '/v2/event-types', token);
    expect(
      types.body.data.map((type: { slug: string; hidden: boolean }) => [type.slug, type.hidden]),
    ).toEqual([
      ['15min', false],
      ['30min', false],
      ['60min', true],
      ['weekly-check-in', true],
      ['office-hours', true],
      ['group-workshop', true],
      ['community-qa', true],
      ['intro-call', true],
      ['consultation', true],
      ['verified-intro', true],
      ['owner-only', true],
    ]);
    const eventTypeId = types.body.data[1].id as number;

    const slots = await freeSlots(base, token, eventTypeId, 'America/New_York');
    expect(slots.length).toBeGreaterThan(30);
    for (const slot of slots) expect(slot.start).toMatch(/T(09|1[0-6]):(00|30):00\.000-0[45]:00$/);
    const [first, second] = slots;
    if (first === undefined || second === undefined) throw new Error('no slots');

    const created = await calFetch(base, '/v2/bookings', token, {
      method: 'POST',
      body: { eventTypeId, start: new Date(first.start).toISOString(), attendee },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      status: 'accepted',
      start: new Date(first.start).toISOString(),
      duration: 30,
      eventType: { id: eventTypeId, slug: '30min' },
    });
    const uid = created.body.data.uid as string;

    const again = await calFetch(base, '/v2/bookings', undefined, {
      method: 'POST',
      body: { eventTypeId, start: first.start, attendee },
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      status: 'error',
      path: '/v2/bookings',
      error: { code: 'BadRequestException', message: UNAVAILABLE },
    });
    expect(again.body.timestamp).toMatch(/Z$/);
    expect(fixture.sandbox.calModel.bookings()).toHaveLength(1);
    expect(
      (await freeSlots(base, token, eventTypeId)).map((slot) => Date.parse(slot.start)),
    ).not.toContain(Date.parse(first.start));

    const moved = await calFetch(base, `/v2/bookings/${uid}/reschedule`, token, {
      method: 'POST',
      body: { start: slots[4]?.start, reschedulingReason: 'Clash' },
    });
    expect(moved.status).toBe(201);
    expect(moved.body.data.rescheduledFromUid).toBe(uid);
    const old = await calFetch(base, `/v2/bookings/${uid}`, token);
    expect(old.body.data).toMatchObject({
      status: 'cancelled',
      rescheduledToUid: moved.body.data.uid,
    });

    const list = await calFetch(base, '/v2/bookings?status=upcoming&take=10', token);
    expect(list.body.data.map((booking: { uid: string }) => booking.uid)).toEqual([
      moved.body.data.uid,
    ]);
    expect(list.body.pagination).toEqual(onePagePagination(1, 10));
    const cancelled = await calFetch(base, `/v2/bookings/${moved.body.data.uid}/cancel`, token, {
      method: 'POST',
      body: { cancellationReason: 'Done' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
  });

  it('seats over HTTP: join until full (409), the full time still listed, a seat cancelled alone; a pending booking listed as unconfirmed', async () => {
    const base = fixture.sandbox.url;
    const { token } = await connect('seats-user', 'Europe/London');
    const types = (await calFetch(base, '/v2/event-types', token)).body.data as {
      id: number;
      slug: string;
    }[];
    const idOf = (slug: string) => types.find((type) => type.slug === slug)?.id ?? 0;
    const workshop = idOf('group-workshop');
    const [first] = await freeSlots(base, token, workshop);
    if (!first) throw new Error('no seated slot');
    const seat = (name: string) =>
      calFetch(base, '/v2/bookings', token, {
        method: 'POST',
        body: {
          eventTypeId: workshop,
          start: new Date(first.start).toISOString(),
          attendee: { ...attendee, name, email: `${name}@example.com` },
        },
      });
    const made = [await seat('ann'), await seat('ben'), await seat('cy')];
    expect(made.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const uid = made[0]?.body.data.uid as string;
    expect(new Set(made.map((answer) => answer.body.data.uid))).toEqual(new Set([uid]));
    const full = await seat('di');
    expect({ status: full.status, message: full.body.error.message }).toEqual({
      status: 409,
      message: 'No more seats left at this seated booking.',
    });
    const listed = (await freeSlots(base, token, workshop)).find(
      (slot) => slot.start === first.start,
    );
    expect(listed).toMatchObject({
      seatsBooked: 3,
      seatsRemaining: 0,
      seatsTotal: 3,
      bookingUid: uid,
    });
    const cancelled = await calFetch(base, `/v2/bookings/${uid}/cancel`, token, {
      method: 'POST',
      body: { seatUid: made[1]?.body.data.seatUid },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('accepted');
    expect(cancelled.body.data.attendees.map((a: { name: string }) => a.name)).toEqual([
      'ann',
      'cy',
    ]);

    const intro = idOf('intro-call');
    const [time] = await freeSlots(base, token, intro);
    const pending = await calFetch(base, '/v2/bookings', token, {
      method: 'POST',
      body: { eventTypeId: intro, start: new Date(time!.start).toISOString(), attendee },
    });
    expect(pending.body.data.status).toBe('pending');
    const unconfirmed = await calFetch(base, '/v2/bookings?status=unconfirmed', token);
    expect(unconfirmed.body.data.map((b: { uid: string }) => b.uid)).toEqual([
      pending.body.data.uid,
    ]);
  });

  it('a token past its expires_in answers 498, also where auth is optional, never on /v2/slots; expireCalTokens; unknown is 401', async () => {
    fixture.sandbox.setTokenTtl(1);
    const { token, expiresIn } = await connect();
    expect(expiresIn).toBe(1);
    const eventTypeId = fixture.sandbox.calModel.eventTypes('alice')[0]?.id as number;
    expect((await calFetch(fixture.sandbox.url, '/v2/me', token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (const path of ['/v2/me', '/v2/event-types']) {
      const expired = await calFetch(fixture.sandbox.url, path, token);
      expect(expired.status).toBe(498);
      expect(expired.body).toMatchObject({
        status: 'error',
        path,
        error: {
          code: 'TokenExpiredException',
          message: 'ACCESS_TOKEN_IS_EXPIRED',
          details: 'ACCESS_TOKEN_IS_EXPIRED',
        },
      });
      expect(expired.headers.get('x-request-id')).toBeTruthy();
    }
    // Cal.com's slots have no auth guard: the token is never read there.
    const slots = `/v2/slots?eventTypeId=${eventTypeId}&start=${day(3)}&end=${day(4)}`;
    expect((await calFetch(fixture.sandbox.url, slots, token)).status).toBe(200);
    expect((await calFetch(fixture.sandbox.url, slots, 'cal_at_unknown')).status).toBe(200);
    fixture.sandbox.setTokenTtl(3600);
    const { token: fresh } = await connect();
    expect(fixture.sandbox.expireCalTokens('alice')).toBe(1);
    expect((await calFetch(fixture.sandbox.url, '/v2/me', fresh)).status).toBe(498);
    expect((await calFetch(fixture.sandbox.url, '/v2/me', 'cal_at_unknown')).status).toBe(401);
  });

  it('CORS: preflight allows cal-api-version, answers expose X-Request-Id; a foreign origin is 401', async () => {
    const origin = 'http://localhost:5173';
    const preflight = await preflightPost(
      `${fixture.sandbox.url}/v2/bookings`,
      origin,
      'authorization,content-type,cal-api-version',
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'cal-api-version'])
      expect(allowed).toContain(header);

    const { token } = await connect();
    const answer = await calFetch(fixture.sandbox.url, '/v2/me', token, {
      headers: { Origin: origin },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/);
    expect(answer.headers.get('access-control-expose-headers')).toMatch(
      /X-RateLimit-Reset-Default/,
    );

    const foreign = await calFetch(fixture.sandbox.url, '/v2/me', token, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(401);
    expect(foreign.body.error.message).toMatch(/Invalid request origin/);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${fixture.sandbox.url}/v2/nothing`, { method: 'OPTIONS' })).status).toBe(
      404,
    );
  });

  it('failNext, latency, counts and reset cover the Cal.com routes', async () => {
    const { token } = await connect();
    const base = fixture.sandbox.url;
    fixture.sandbox.failNext('cal.slots', 503);
    const failed = await calFetch(
      base,
      `/v2/slots?eventTypeId=1&start=${day(3)}&end=${day(4)}`,
      token,
    );
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({
      status: 'error',
      error: { code: 'ServiceUnavailableException' },
    });
    expect(
      (await calFetch(base, `/v2/slots?eventTypeId=1&start=${day(3)}&end=${day(4)}`, token)).status,
    ).toBe(200);
    fixture.sandbox.failNext('cal.me', 'malformed');
    const malformed = await fetch(`${base}/v2/me`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    await expect(malformed.json()).rejects.toThrow();
    fixture.sandbox.failNext('cal.me', 498);
    expect((await calFetch(base, '/v2/me', token)).body.error.code).toBe('TokenExpiredException');
    expect(() => fixture.sandbox.failNext('cal.nope' as 'cal.me', 500)).toThrow(TypeError);

    fixture.sandbox.setLatency(150);
    const started = performance.now();
    await calFetch(base, '/v2/me', token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    fixture.sandbox.setLatency(0);

    await calFetch(base, '/v2/unknown', token);
    expect(fixture.sandbox.counts()).toMatchObject({ token: 1, 'cal.slots': 2, 'cal.me': 3 });
    fixture.sandbox.reset();
    expect(Object.values(fixture.sandbox.counts()).every((count) => count === 0)).toBe(true);
    expect((await calFetch(base, '/v2/me', token)).status).toBe(401);
  });

  it('calRateLimit: Cal.com headers on every answer, then 429 ThrottlerException', async () => {
    const limited = await fixture.startExtra({ calRateLimit: 2 });
    const { token } = await connect('alice', 'Europe/London', limited.url);
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await calFetch(limited.url, '/v2/me', token));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
    expect(answers.map((answer) => answer.headers.get('x-ratelimit-remaining-default'))).toEqual([
      '1',
      '0',
      '0',
    ]);
    expect(answers[0]?.headers.get('x-ratelimit-limit-default')).toBe('2');
    expect(Number(answers[2]?.headers.get('x-ratelimit-reset-default'))).toBe(60);
    expect(answers[2]?.body.error).toEqual({
      code: 'ThrottlerException',
      message: 'CustomThrottlerGuard - Too many requests. Please try again later.',
      details: 'CustomThrottlerGuard - Too many requests. Please try again later.',
    });
    expect(answers[2]?.headers.get('retry-after')).toBeNull();
    limited.setCalRateLimit(undefined);
    expect(
      (await calFetch(limited.url, '/v2/me', token)).headers.get('x-ratelimit-limit-default'),
    ).toBeNull();
  });

  it('MSW handlers answer like the sandbox for the same request sequence', async () => {
    const model = createCalFakeModel();
    const aisquare = 'https://api.example.com';
    const calBase = 'https://api.cal.com';
    const msw = setupServer(
      ...createBookingsHandlers({ baseUrl: aisquare, model, identity: { sub: 'alice' } }),
      ...createCalApiHandlers({ baseUrl: calBase, model }),
      http.all('https://unused.example/*', () => HttpResponse.text('')),
    );
    msw.listen({ onUnhandledRequest: 'bypass' });
    try {
      const jwt = await fixture.sandbox.issueJwt('alice');
      async function sequence(aisquareBase: string, cal: string): Promise<unknown[]> {
        const tokenAnswer = await calAnswer(
          await fetch(`${aisquareBase}${TOKEN}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
            body: '{}',
          }),
        );
        const token = tokenAnswer.body.access_token as string;
        const answers: CalAnswer[] = [];
        answers.push(await calFetch(cal, '/v2/me', token));
        answers.push(await calFetch(cal, '/v2/event-types', token));
        const eventTypeId = answers[1]?.body.data[0].id as number;
        const slotsPath = `/v2/slots?eventTypeId=${eventTypeId}&start=${day(3)}&end=${day(6)}&timeZone=Asia/Kolkata&format=range`;
        answers.push(await calFetch(cal, slotsPath, token));
        const start = (Object.values(answers[2]?.body.data)[0] as { start: string }[])[0]?.start;
        const booking = { eventTypeId, start, attendee, bookingFieldsResponses: { notes: 'Hi' } };
        answers.push(await calFetch(cal, '/v2/bookings', token, { method: 'POST', body: booking }));
        answers.push(await calFetch(cal, '/v2/bookings', token, { method: 'POST', body: booking }));
        answers.push(await calFetch(cal, '/v2/bookings?take=1', token));
        answers.push(
          await calFetch(cal, '/v2/bookings', token, { headers: { 'cal-api-version': '' } }),
        );
        answers.push(await calFetch(cal, '/v2/me', 'cal_at_nobody'));
        const uid = answers[3]?.body.data.uid as string;
        answers.push(
          await calFetch(cal, `/v2/bookings/${uid}/cancel`, token, { method: 'POST', body: {} }),
        );
        answers.push(
          await calFetch(cal, `/v2/bookings/${uid}/cancel`, token, { method: 'POST', body: {} }),
        );
        const uids = new Set<string>([uid]);
        const normalized = JSON.stringify(
          answers.map((answer) => ({
            status: answer.status,
            requestId: answer.headers.get('x-request-id') !== null,
            body: answer.body,
          })),
          (key, value) =>
            ['timestamp', 'createdAt', 'updatedAt', 'createdDate'].includes(key) ? '<time>' : value,
        );
        let text = normalized;
        for (const id of uids) text = text.replaceAll(id, '<uid>');
        return JSON.parse(text) as unknown[];
      }
      const viaSandbox = await sequence(fixture.sandbox.url, fixture.sandbox.url);
      const viaMsw = await sequence(aisquare, calBase);
      expect(viaMsw).toEqual(viaSandbox);
      expect((viaSandbox as { status: number }[]).map((answer) => answer.status)).toEqual([
        200, 200, 200, 201, 400, 200, 400, 401, 200, 400,
      ]);
    } finally {
      msw.close();
    }
  });
});
