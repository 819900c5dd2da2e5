// @vitest-environment node
// The sandbox (real HTTP on 127.0.0.1) and the MSW handlers answer with exactly the keys Cal.com sends:
// no key Cal.com lacks, none it always sends missing, each of Cal.com's type. Both adapters run the same
// scenario over the same kind of model, so a difference between them fails here too.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  anyBookingShape,
  bookingOrSeriesShape,
  bookingShape,
  paginationShape,
  recurringBookingShape,
  seatedBookingShape,
} from './calcom/bookings.js';
import { errorShape } from './calcom/errors.js';
import { eventTypeShape } from './calcom/eventTypes.js';
import { meShape } from './calcom/me.js';
import { slotsDataShape } from './calcom/slots.js';
import { sendCodeDataShape, verifyCodeDataShape } from './calcom/verification.js';
import { tokenFrom, unsignedJwt, withContractFakes } from './contractFakes.js';
import { arrayOf, check, obj, type Shape, type Spec } from './shape.js';

interface Answer {
  status: number;
  headers: Headers;
  body: { status?: string; data?: unknown; pagination?: unknown; error?: unknown };
}

interface Fake {
  name: string;
  /** Signs in a new AISquare user and returns a Cal.com access token for it. */
  connect(userId: string): Promise<string>;
  cal(
    method: 'GET' | 'POST',
    path: string,
    options?: { token?: string; version?: string; body?: unknown },
  ): Promise<Answer>;
  /** Expires every Cal.com token now. */
  expireTokens(): void;
  /** Turns on a rate limit of `limit` requests a minute. */
  setRateLimit(limit: number | undefined): void;
  /** The e-mail verification code the fake "sent" to `email`. */
  emailCode(email: string): string | undefined;
}

const VERSIONS: Record<string, string> = {
  slots: '2024-09-04',
  bookings: '2024-08-13',
  'event-types': '2024-06-14',
};

async function send(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; version?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers = new Headers();
  const version = options.version ?? VERSIONS[path.split(/[/?]/)[2] ?? ''];
  if (version) headers.set('cal-api-version', version);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const MSW_AISQUARE = 'https://aisquare.contract.test';
const MSW_CAL = 'https://cal.contract.test';
const fixture = withContractFakes({ aisquare: MSW_AISQUARE, cal: MSW_CAL });
const { mswModel } = fixture;

const fakes: (() => Fake)[] = [
  () => ({
    name: 'sandbox',
    connect: async (userId) =>
      tokenFrom(fixture.sandbox.url, await fixture.sandbox.issueJwt(userId)),
    cal: (method, path, options) => send(fixture.sandbox.url, method, path, options),
    expireTokens: () => fixture.sandbox.expireCalTokens(),
    setRateLimit: (limit) => fixture.sandbox.setCalRateLimit(limit),
    emailCode: (email) => fixture.sandbox.calModel.emailVerificationCode(email),
  }),
  () => ({
    name: 'MSW handlers',
    connect: async (userId) => tokenFrom(MSW_AISQUARE, unsignedJwt(userId)),
    cal: (method, path, options) => send(MSW_CAL, method, path, options),
    expireTokens: () => mswModel.expireAccessTokens(),
    setRateLimit: (limit) => mswModel.setRateLimit(limit),
    emailCode: (email) => mswModel.emailVerificationCode(email),
  }),
];

const success = (data: Spec, extra: Shape = {}): Spec => obj({ status: 'string', data, ...extra });

/** The answer's status and shape, as one comparable value. */
function shapeOf(answer: Answer, spec: Spec) {
  return { status: answer.status, issues: check(spec, answer.body) };
}

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

for (const make of fakes) {
  const fake = make();
  describe(`${fake.name} answers with Cal.com's keys and types`, () => {
    let token: string;
    let username: string;
    let typeId: number;
    let recurringTypeId: number;
    let seatedTypeId: number;

    beforeAll(async () => {
      token = await fake.connect(`contract-${fake.name.replace(/\W/g, '')}`);
      const me = await fake.cal('GET', '/v2/me', { token });
      username = (me.body.data as { username: string }).username;
      const types = (await fake.cal('GET', '/v2/event-types', { token })).body.data as {
        id: number;
        slug: string;
        recurrence: unknown;
      }[];
      typeId = types.find((type) => type.slug === '30min')!.id;
      recurringTypeId = types.find((type) => type.recurrence !== null)!.id;
      seatedTypeId = types.find((type) => type.slug === 'group-workshop')!.id;
    });

    async function firstSlots(eventTypeId: number, count: number): Promise<string[]> {
      const answer = await fake.cal(
        'GET',
        `/v2/slots?eventTypeId=${eventTypeId}&start=${day(2)}&end=${day(20)}&timeZone=UTC`,
      );
      return (Object.values(answer.body.data as Record<string, { start: string }[]>) ?? [])
        .flat()
        .slice(0, count)
        .map((slot) => slot.start);
    }

    const attendee = { name: 'Bob Okafor', email: 'bob@example.com', timeZone: 'Europe/Paris' };

    it('GET /v2/me: exactly the keys Cal.com always sends', async () => {
      const answer = await fake.cal('GET', '/v2/me', { token });
      expect(shapeOf(answer, success(obj(meShape)))).toEqual({ status: 200, issues: [] });
      // Cal.com's October 2025 answer, which the fake models: no name, avatar or bio.
      expect(Object.keys(answer.body.data as object).sort()).toEqual(
        [
          'defaultScheduleId',
          'email',
          'id',
          'organizationId',
          'timeFormat',
          'timeZone',
          'username',
          'weekStart',
        ].sort(),
      );
    });

    it('GET /v2/event-types: own, by username, by username and slug, and none', async () => {
      const list = success(arrayOf(obj(eventTypeShape)));
      expect(shapeOf(await fake.cal('GET', '/v2/event-types', { token }), list)).toEqual({
        status: 200,
        issues: [],
      });
      const byUsername = await fake.cal('GET', `/v2/event-types?username=${username}`);
      expect(shapeOf(byUsername, list)).toEqual({ status: 200, issues: [] });
      const bySlug = await fake.cal('GET', `/v2/event-types?username=${username}&eventSlug=30min`);
      expect(shapeOf(bySlug, list)).toEqual({ status: 200, issues: [] });
      expect(bySlug.body.data).toHaveLength(1);
      const none = await fake.cal('GET', `/v2/event-types?username=${username}&eventSlug=nope`);
      expect({ status: none.status, data: none.body.data }).toEqual({ status: 200, data: [] });
    });

    it('GET /v2/event-types: bookerLayouts only where set, in its place, out of metadata', async () => {
      const types = (await fake.cal('GET', '/v2/event-types', { token })).body.data as Record<
        string,
        unknown
      >[];
      const office = types.find((type) => type.slug === 'office-hours')!;
      expect(JSON.stringify(office.bookerLayouts)).toBe(
        '{"defaultLayout":"week","enabledLayouts":["week","column"]}',
      );
      const keys = Object.keys(office);
      expect(keys.indexOf('bookerLayouts')).toBe(keys.indexOf('bookingWindow') + 1);
      expect(keys.indexOf('confirmationPolicy')).toBe(keys.indexOf('bookerLayouts') + 1);
      expect(office.metadata).toEqual({});
      expect(types.filter((type) => 'bookerLayouts' in type).map((type) => type.slug)).toEqual([
        'office-hours',
      ]);
    });

    it('GET /v2/slots: time and range formats, and {} when none', async () => {
      const base = `/v2/slots?eventTypeId=${typeId}&start=${day(2)}&end=${day(9)}&timeZone=Europe/Rome`;
      const time = await fake.cal('GET', base);
      expect(shapeOf(time, success(slotsDataShape))).toEqual({ status: 200, issues: [] });
      expect(Object.keys(time.body.data as object).length).toBeGreaterThan(0);
      const range = await fake.cal('GET', `${base}&format=range`);
      expect(shapeOf(range, success(slotsDataShape))).toEqual({ status: 200, issues: [] });
      const first = Object.values(range.body.data as Record<string, object[]>)[0]?.[0];
      expect(Object.keys(first ?? {}).sort()).toEqual(['end', 'start']);
      const none = await fake.cal(
        'GET',
        `/v2/slots?eventTypeId=${typeId}&start=2000-01-01&end=2000-01-02`,
      );
      expect({ status: none.status, data: none.body.data }).toEqual({ status: 200, data: {} });
    });

    it('bookings: create, read, list, reschedule (both bookings), cancel', async () => {
      const [start, later] = await firstSlots(typeId, 2);
      const created = await fake.cal('POST', '/v2/bookings', {
        body: { eventTypeId: typeId, start, attendee, guests: ['guest@example.com'] },
      });
      expect(shapeOf(created, success(obj(bookingShape)))).toEqual({ status: 201, issues: [] });
      const uid = (created.body.data as { uid: string }).uid;

      const read = await fake.cal('GET', `/v2/bookings/${uid}`);
      expect(shapeOf(read, success(bookingOrSeriesShape))).toEqual({ status: 200, issues: [] });

      const list = await fake.cal('GET', '/v2/bookings?take=10', { token });
      expect(
        shapeOf(list, success(arrayOf(anyBookingShape), { pagination: obj(paginationShape) })),
      ).toEqual({ status: 200, issues: [] });

      const moved = await fake.cal('POST', `/v2/bookings/${uid}/reschedule`, {
        body: { start: later, reschedulingReason: 'Clash' },
      });
      expect(shapeOf(moved, success(obj(bookingShape)))).toEqual({ status: 201, issues: [] });
      const old = await fake.cal('GET', `/v2/bookings/${uid}`);
      expect(shapeOf(old, success(obj(bookingShape)))).toEqual({ status: 200, issues: [] });
      expect(old.body.data).toMatchObject({
        status: 'cancelled',
        rescheduledToUid: (moved.body.data as { uid: string }).uid,
      });

      const newUid = (moved.body.data as { uid: string }).uid;
      const cancelled = await fake.cal('POST', `/v2/bookings/${newUid}/cancel`, {
        body: { cancellationReason: 'No longer needed' },
      });
      expect(shapeOf(cancelled, success(obj(bookingShape)))).toEqual({ status: 200, issues: [] });
      expect(cancelled.body.data).toMatchObject({ status: 'cancelled' });
    });

    it('a recurring series: created, read and cancelled as an array', async () => {
      const [start] = await firstSlots(recurringTypeId, 1);
      const series = success(arrayOf(obj(recurringBookingShape)));
      const created = await fake.cal('POST', '/v2/bookings', {
        body: { eventTypeId: recurringTypeId, start, attendee, recurrenceCount: 3 },
      });
      expect(shapeOf(created, series)).toEqual({ status: 201, issues: [] });
      const items = created.body.data as { uid: string; recurringBookingUid: string }[];
      expect(items).toHaveLength(3);
      const seriesUid = items[0]!.recurringBookingUid;

      const one = await fake.cal('GET', `/v2/bookings/${items[1]!.uid}`);
      expect(shapeOf(one, success(obj(recurringBookingShape)))).toEqual({
        status: 200,
        issues: [],
      });
      const read = await fake.cal('GET', `/v2/bookings/${seriesUid}`);
      expect(shapeOf(read, series)).toEqual({ status: 200, issues: [] });
      expect(read.body.data).toHaveLength(3);

      const cancelled = await fake.cal('POST', `/v2/bookings/${seriesUid}/cancel`, { body: {} });
      expect(shapeOf(cancelled, series)).toEqual({ status: 200, issues: [] });
      expect((cancelled.body.data as { status: string }[]).map((item) => item.status)).toEqual([
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
    });

    it('a seated event type: seated slots, seats joined, 409 when full, a seat cancelled', async () => {
      const slotsPath = `/v2/slots?eventTypeId=${seatedTypeId}&start=${day(2)}&end=${day(9)}&timeZone=UTC`;
      const free = await fake.cal('GET', slotsPath);
      expect(shapeOf(free, success(slotsDataShape))).toEqual({ status: 200, issues: [] });
      const first = Object.values(free.body.data as Record<string, { start: string }[]>)[0]![0]!;
      expect(Object.keys(first).sort()).toEqual([
        'seatsBooked',
        'seatsRemaining',
        'seatsTotal',
        'start',
      ]);
      const seat = (name: string) =>
        fake.cal('POST', '/v2/bookings', {
          body: {
            eventTypeId: seatedTypeId,
            start: first.start,
            attendee: { ...attendee, name, email: `${name}@example.com` },
          },
        });
      const created = await seat('ann');
      expect(shapeOf(created, success(obj(seatedBookingShape)))).toEqual({
        status: 201,
        issues: [],
      });
      const { uid, seatUid } = created.body.data as { uid: string; seatUid: string };
      expect(seatUid).toEqual(expect.any(String));
      await seat('ben');
      await seat('cy');
      const full = await seat('di');
      expect(shapeOf(full, obj(errorShape))).toEqual({ status: 409, issues: [] });
      const listed = await fake.cal('GET', slotsPath);
      const again = Object.values(listed.body.data as Record<string, { start: string }[]>)[0]![0]!;
      expect(again).toEqual({ ...first, seatsBooked: 3, seatsRemaining: 0, bookingUid: uid });
      const list = await fake.cal('GET', '/v2/bookings?take=50', { token });
      expect(
        shapeOf(list, success(arrayOf(anyBookingShape), { pagination: obj(paginationShape) })),
      ).toEqual({ status: 200, issues: [] });
      const cancelled = await fake.cal('POST', `/v2/bookings/${uid}/cancel`, {
        body: { seatUid },
      });
      expect(shapeOf(cancelled, success(obj(seatedBookingShape)))).toEqual({
        status: 200,
        issues: [],
      });
    });

    it('errors: 400, 404, 401 and 498 in the envelope, with X-Request-Id', async () => {
      const answers = [
        await fake.cal('POST', '/v2/bookings', { body: { eventTypeId: typeId } }),
        await fake.cal('GET', '/v2/bookings/no-such-uid'),
        await fake.cal('GET', '/v2/me'),
        await fake.cal('GET', '/v2/me', { token: 'not-a-token' }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([400, 404, 401, 401]);
      for (const answer of answers) {
        expect(check(obj(errorShape), answer.body)).toEqual([]);
        expect(answer.headers.get('x-request-id')).toBeTruthy();
      }
      const expiring = await fake.connect(`expiring-${fake.name.replace(/\W/g, '')}`);
      fake.expireTokens();
      const expired = await fake.cal('GET', '/v2/me', { token: expiring });
      expect(expired.status).toBe(498);
      expect(expired.body.error).toEqual({
        code: 'TokenExpiredException',
        message: 'ACCESS_TOKEN_IS_EXPIRED',
        details: 'ACCESS_TOKEN_IS_EXPIRED',
      });
      // GET /v2/slots has no auth guard: Cal.com never reads the token there.
      const slots = await fake.cal(
        'GET',
        `/v2/slots?eventTypeId=${typeId}&start=${day(2)}&end=${day(3)}`,
        { token: expiring },
      );
      expect(slots.status).toBe(200);
    });

    it('429: the envelope and X-RateLimit-*-Default headers, seconds to reset', async () => {
      const limited = await fake.connect(`limited-${fake.name.replace(/\W/g, '')}`);
      fake.setRateLimit(2);
      try {
        await fake.cal('GET', '/v2/me', { token: limited });
        await fake.cal('GET', '/v2/me', { token: limited });
        const answer = await fake.cal('GET', '/v2/me', { token: limited });
        expect(answer.status).toBe(429);
        expect(check(obj(errorShape), answer.body)).toEqual([]);
        expect(answer.headers.get('x-ratelimit-limit-default')).toBe('2');
        expect(answer.headers.get('x-ratelimit-remaining-default')).toBe('0');
        expect(Number(answer.headers.get('x-ratelimit-reset-default'))).toBeGreaterThan(0);
        expect(answer.headers.get('retry-after')).toBeNull();
      } finally {
        fake.setRateLimit(undefined);
      }
    });

    it('the atoms e-mail verification: check, send-code and verify-code answer their DTOs', async () => {
      const email = `verify-${fake.name.replace(/\W/g, '')}@example.com`;
      const path = '/v2/atoms/verification/email';
      const required = await fake.cal('GET', `${path}/check?email=${encodeURIComponent(email)}`);
      expect(shapeOf(required, success('boolean'))).toEqual({ status: 200, issues: [] });
      const sent = await fake.cal('POST', `${path}/send-code`, { body: { email } });
      expect(shapeOf(sent, success(obj(sendCodeDataShape)))).toEqual({ status: 200, issues: [] });
      const code = fake.emailCode(email);
      const verified = await fake.cal('POST', `${path}/verify-code`, { body: { email, code } });
      expect(shapeOf(verified, success(obj(verifyCodeDataShape)))).toEqual({
        status: 200,
        issues: [],
      });
      const wrong = await fake.cal('POST', `${path}/verify-code`, {
        body: { email, code: code === '000000' ? '111111' : '000000' },
      });
      expect(wrong.status).toBe(400);
      expect(check(obj(errorShape), wrong.body)).toEqual([]);
    });
  });
}
