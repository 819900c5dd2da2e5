import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CAL_API_VERSIONS,
  type CalResponse,
  calPagination,
  handleCalRequest,
} from '../../../src/fake/handle.js';
import { CAL_MESSAGES, type CalFakeModel, createCalFakeModel } from '../../../src/fake/model.js';
import {
  addInZone,
  formatInZone,
  parseInstant,
  zonedTimeToEpoch,
} from '../../../src/fake/zoneMaths.js';

const at = (iso: string) => Date.parse(iso);

let clock = at('2025-03-21T12:00:00Z'); // a Friday
let model: CalFakeModel;

beforeEach(() => {
  clock = at('2025-03-21T12:00:00Z');
  model = createCalFakeModel({ now: () => clock });
});

interface CallOptions {
  token?: string;
  body?: unknown;
  version?: string | null;
  origin?: string;
}

function versionFor(pathname: string): string | undefined {
  if (pathname.startsWith('/v2/slots')) return CAL_API_VERSIONS.slots;
  if (pathname.startsWith('/v2/bookings')) return CAL_API_VERSIONS.bookings;
  if (pathname.startsWith('/v2/event-types')) return CAL_API_VERSIONS.eventTypes;
  return undefined;
}

function call(method: string, target: string, options: CallOptions = {}): CalResponse {
  const url = new URL(target, 'http://cal.test');
  const version = options.version === undefined ? versionFor(url.pathname) : options.version;
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (version !== undefined && version !== null) headers['cal-api-version'] = version;
  if (options.origin !== undefined) headers.origin = options.origin;
  return handleCalRequest(model, {
    method,
    pathname: url.pathname,
    query: url.searchParams,
    headers: (name) => headers[name],
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    url: `${url.pathname}${url.search}`,
  });
}

type Slots = Record<string, { start: string; end?: string }[]>;
const data = <T>(response: CalResponse) => (response.body as { data: T }).data;
const errorOf = (response: CalResponse) =>
  (response.body as { error: { code: string; message: string; details?: unknown } }).error;

function setup(timeZone = 'Europe/London', sub = 'alice') {
  const { user } = model.integrate({ sub, email: `${sub}@example.com` }, { timeZone });
  const [t15, t30, t60] = model.eventTypes(sub);
  const token = model.issueAccessToken(sub, 3600);
  return { user, t15: t15!, t30: t30!, t60: t60!, token };
}

function book(eventTypeId: number, start: string, extra: Record<string, unknown> = {}) {
  return call('POST', '/v2/bookings', {
    body: {
      eventTypeId,
      start,
      attendee: { name: 'Bob Booker', email: 'bob@example.com', timeZone: 'Europe/Paris' },
      ...extra,
    },
  });
}

describe('time helpers', () => {
  it('formats instants with the zone offset on both sides of a DST change, Z for UTC', () => {
    expect(formatInZone(at('2025-03-30T00:30:00Z'), 'Europe/London')).toBe(
      '2025-03-30T00:30:00.000+00:00',
    );
    expect(formatInZone(at('2025-03-30T01:30:00Z'), 'Europe/London')).toBe(
      '2025-03-30T02:30:00.000+01:00',
    );
    expect(formatInZone(at('2025-11-02T05:30:00Z'), 'America/New_York')).toBe(
      '2025-11-02T01:30:00.000-04:00',
    );
    expect(formatInZone(at('2025-11-02T06:30:00Z'), 'America/New_York')).toBe(
      '2025-11-02T01:30:00.000-05:00',
    );
    expect(formatInZone(at('2025-03-30T01:30:00Z'), 'UTC')).toBe('2025-03-30T01:30:00.000Z');
    expect(formatInZone(at('2025-03-30T01:30:00Z'), 'Asia/Kolkata')).toBe(
      '2025-03-30T07:00:00.000+05:30',
    );
  });

  it('maps wall-clock times to instants across gaps and overlaps', () => {
    expect(zonedTimeToEpoch(2025, 3, 31, 9, 0, 'Europe/London')).toBe(at('2025-03-31T08:00:00Z'));
    expect(zonedTimeToEpoch(2025, 3, 28, 9, 0, 'Europe/London')).toBe(at('2025-03-28T09:00:00Z'));
    // 01:30 on 2025-03-30 does not exist in London; 01:30 on 2025-11-02 happens twice in New York.
    expect(zonedTimeToEpoch(2025, 3, 30, 1, 30, 'Europe/London')).toBe(at('2025-03-30T01:30:00Z'));
    expect(zonedTimeToEpoch(2025, 11, 2, 1, 30, 'America/New_York')).toBe(
      at('2025-11-02T05:30:00Z'),
    );
  });

  it('steps weeks, months and years on a zone’s wall clock, as a recurring series does', () => {
    expect(addInZone(at('2025-03-24T10:00:00Z'), 'Europe/Paris', 'weeks', 1)).toBe(
      at('2025-03-31T09:00:00Z'),
    );
    expect(addInZone(at('2025-01-31T10:00:00.250Z'), 'UTC', 'months', 1)).toBe(
      at('2025-02-28T10:00:00.250Z'),
    );
    expect(addInZone(at('2024-02-29T10:00:00Z'), 'UTC', 'years', 1)).toBe(
      at('2025-02-28T10:00:00Z'),
    );
    expect(addInZone(at('2025-11-24T15:00:00Z'), 'America/New_York', 'months', -1)).toBe(
      at('2025-10-24T14:00:00Z'),
    );
  });

  it('parses ISO dates with offsets, bare dates as UTC, and rejects the rest', () => {
    expect(parseInstant('2025-03-24')).toBe(at('2025-03-24T00:00:00Z'));
    expect(parseInstant('2025-03-24T10:00:00+01:00')).toBe(at('2025-03-24T09:00:00Z'));
    expect(parseInstant('2025-03-24T10:00:00.123Z')).toBe(at('2025-03-24T10:00:00.123Z'));
    for (const bad of ['2025-02-30', 'tomorrow', '2025-13-01', 42, undefined]) {
      expect(parseInstant(bad)).toBeUndefined();
    }
  });
});

describe('slots', () => {
  it('Europe/London: Monday–Friday 09:00–17:00 local across the March DST change', () => {
    const { t30 } = setup('Europe/London');
    const response = call(
      'GET',
      `/v2/slots?eventTypeId=${t30.id}&start=2025-03-24&end=2025-03-31&timeZone=Europe/London`,
    );
    expect(response.status).toBe(200);
    const slots = data<Slots>(response);
    expect(Object.keys(slots)).toEqual([
      '2025-03-24',
      '2025-03-25',
      '2025-03-26',
      '2025-03-27',
      '2025-03-28',
      '2025-03-31',
    ]);
    for (const day of Object.values(slots)) expect(day).toHaveLength(16); // 09:00 … 16:30
    expect(slots['2025-03-28']?.[0]).toEqual({ start: '2025-03-28T09:00:00.000+00:00' });
    expect(slots['2025-03-28']?.at(-1)).toEqual({ start: '2025-03-28T16:30:00.000+00:00' });
    expect(slots['2025-03-31']?.[0]).toEqual({ start: '2025-03-31T09:00:00.000+01:00' });
    expect(Date.parse(slots['2025-03-31']?.[0]?.start ?? '')).toBe(at('2025-03-31T08:00:00Z'));
  });

  it('America/New_York: hours stay 09:00 local across the DST change; keyed by the asked zone', () => {
    clock = at('2025-03-01T12:00:00Z');
    const { t30 } = setup('America/New_York');
    const ny = data<Slots>(
      call(
        'GET',
        `/v2/slots?eventTypeId=${t30.id}&start=2025-03-03&end=2025-03-14&timeZone=America/New_York&format=range`,
      ),
    );
    expect(ny['2025-03-07']?.[0]).toEqual({
      start: '2025-03-07T09:00:00.000-05:00',
      end: '2025-03-07T09:30:00.000-05:00',
    });
    expect(ny['2025-03-10']?.[0]).toEqual({
      start: '2025-03-10T09:00:00.000-04:00',
      end: '2025-03-10T09:30:00.000-04:00',
    });
    expect(ny['2025-03-08']).toBeUndefined();
    // Seen from Tokyo, New York's afternoon is the next morning: keys follow the asked zone.
    const tokyo = data<Slots>(
      call(
        'GET',
        `/v2/slots?eventTypeId=${t30.id}&start=2025-03-10&end=2025-03-10&timeZone=Asia/Tokyo`,
      ),
    );
    expect(Object.keys(tokyo)).toEqual(['2025-03-10', '2025-03-11']);
    expect(tokyo['2025-03-10']?.[0]?.start).toBe('2025-03-10T22:00:00.000+09:00');
    expect(tokyo['2025-03-11']?.at(-1)?.start).toBe('2025-03-11T05:30:00.000+09:00');
    // Without a time zone: UTC, written with Z.
    const utc = data<Slots>(
      call('GET', `/v2/slots?eventTypeId=${t30.id}&start=2025-03-10&end=2025-03-10`),
    );
    expect(utc['2025-03-10']?.[0]?.start).toBe('2025-03-10T13:00:00.000Z');
  });

  it('honours slot interval, length options, minimum notice and hidden event types', () => {
    clock = at('2025-03-24T09:40:00Z'); // Monday 09:40 in London (GMT)
    const { t15, t30, t60 } = setup();
    const day = (id: number, extra = '') =>
      data<Slots>(
        call(
          'GET',
          `/v2/slots?eventTypeId=${id}&start=2025-03-24&end=2025-03-25&timeZone=Europe/London${extra}`,
        ),
      );
    // 15 min, 60 min notice: from 10:45; interval 15.
    expect(day(t15.id)['2025-03-24']?.[0]?.start).toBe('2025-03-24T10:45:00.000+00:00');
    // 30 min, 120 min notice: from 11:40, so 12:00.
    expect(day(t30.id)['2025-03-24']?.[0]?.start).toBe('2025-03-24T12:00:00.000+00:00');
    // 60 min (hidden, still bookable by id), one day notice, every 30 min: Tuesday 10:00 … 16:00.
    const t60Slots = day(t60.id);
    expect(t60Slots['2025-03-24']).toBeUndefined();
    expect(t60Slots['2025-03-25']?.map((slot) => slot.start.slice(11, 16))).toEqual([
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
    ]);
    // duration is the slots' length and, without an interval, their step (Cal.com's
    // `frequency = slotInterval || duration || length`): 09:00, 09:45, ... 15:45 ends by 17:00.
    const long = day(t30.id, '&duration=45&format=range')['2025-03-25'] ?? [];
    expect(long.at(1)?.start).toBe('2025-03-25T09:45:00.000+00:00');
    expect(long.at(-1)).toEqual({
      start: '2025-03-25T15:45:00.000+00:00',
      end: '2025-03-25T16:30:00.000+00:00',
    });
  });

  it('is {} when there is nothing free, and finds event types by slug and username', () => {
    const { user } = setup();
    const weekend = call(
      'GET',
      `/v2/slots?eventTypeSlug=30min&username=${user.username}&start=2025-03-22&end=2025-03-23`,
    );
    expect(weekend.status).toBe(200);
    expect(data(weekend)).toEqual({});
    expect(
      call('GET', `/v2/slots?eventTypeSlug=30min&username=nobody&start=2025-03-22&end=2025-03-23`)
        .status,
    ).toBe(404);
    expect(
      errorOf(call('GET', '/v2/slots?eventTypeId=999&start=2025-03-22&end=2025-03-23')).message,
    ).toBe('Event Type not found');
    expect(call('GET', '/v2/slots?eventTypeId=1&start=nope&end=2025-03-23').status).toBe(400);
    expect(
      errorOf(call('GET', '/v2/slots?eventTypeId=1&start=2025-03-24&end=2025-03-23')).message,
    ).toBe("Invalid time range given - check the 'start' and 'end' query parameters.");
  });

  it('bookings remove the slots they overlap, buffers included', () => {
    const { t15, t30 } = setup();
    expect(book(t30.id, '2025-03-24T10:00:00Z').status).toBe(201);
    const starts = (id: number) =>
      (
        data<Slots>(
          call('GET', `/v2/slots?eventTypeId=${id}&start=2025-03-24&end=2025-03-24&timeZone=UTC`),
        )['2025-03-24'] ?? []
      ).map((slot) => slot.start.slice(11, 16));
    // Busy 09:50–10:40 (10 min buffers of the booked type), plus the asking type's own buffers.
    expect(starts(t30.id).slice(0, 4)).toEqual(['09:00', '11:00', '11:30', '12:00']);
    expect(starts(t15.id).slice(0, 4)).toEqual(['09:00', '09:15', '09:30', '10:45']);
  });
});

describe('bookings', () => {
  it('creates a booking (201) in Cal.com’s shape', () => {
    const { t30, user } = setup();
    const response = book(t30.id, '2025-03-24T10:00:00.000Z', {
      bookingFieldsResponses: { notes: 'Agenda attached', company: 'Acme' },
      guests: ['carol@example.com'],
      metadata: { source: 'test' },
    });
    expect(response.status).toBe(201);
    expect(response.headers['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(data(response)).toMatchObject({
      id: 1,
      uid: expect.stringMatching(/^[A-Za-z0-9]{22}$/),
      title: `30 Minute Meeting between ${user.name} and Bob Booker`,
      description: 'Agenda attached',
      status: 'accepted',
      start: '2025-03-24T10:00:00.000Z',
      end: '2025-03-24T10:30:00.000Z',
      duration: 30,
      eventTypeId: t30.id,
      eventType: { id: t30.id, slug: '30min' },
      hosts: [{ id: user.id, email: user.email, username: user.username }],
      attendees: [
        {
          name: 'Bob Booker',
          email: 'bob@example.com',
          timeZone: 'Europe/Paris',
          language: 'en',
          absent: false,
        },
      ],
      guests: ['carol@example.com'],
      bookingFieldsResponses: {
        notes: 'Agenda attached',
        company: 'Acme',
        name: 'Bob Booker',
        email: 'bob@example.com',
        guests: ['carol@example.com'],
      },
      metadata: { source: 'test' },
      absentHost: false,
      createdAt: '2025-03-21T12:00:00.000Z',
    });
  });

  it('answers Cal.com’s 400s: double booking, inside a buffer, past, minimum notice, not a slot', () => {
    const { t30, t60 } = setup();
    expect(book(t30.id, '2025-03-24T10:00:00Z').status).toBe(201);
    for (const start of ['2025-03-24T10:00:00Z', '2025-03-24T10:30:00Z']) {
      const taken = book(t30.id, start);
      expect(taken.status).toBe(400);
      expect(errorOf(taken)).toEqual({
        code: 'BadRequestException',
        message: CAL_MESSAGES.unavailable,
        details: { message: CAL_MESSAGES.unavailable, error: 'Bad Request', statusCode: 400 },
      });
    }
    expect(errorOf(book(t30.id, '2025-03-20T10:00:00Z')).message).toBe(CAL_MESSAGES.past);
    expect(errorOf(book(t30.id, '2025-03-21T13:00:00Z')).message).toBe(CAL_MESSAGES.outOfBounds);
    expect(errorOf(book(t30.id, '2025-03-24T10:05:00Z')).message).toBe(CAL_MESSAGES.unavailable);
    expect(errorOf(book(t30.id, '2025-03-22T10:00:00Z')).message).toBe(CAL_MESSAGES.unavailable);
    // A required custom booking field, and a length the event type does not offer.
    expect(errorOf(book(t60.id, '2025-03-25T10:00:00Z')).message).toMatch(
      /^Missing required booking field response: topic/,
    );
    expect(
      book(t60.id, '2025-03-25T10:00:00Z', { bookingFieldsResponses: { topic: 'Other' } }).status,
    ).toBe(201);
    expect(book(t30.id, '2025-03-25T10:00:00Z', { lengthInMinutes: 20 }).status).toBe(400);
    expect(book(999, '2025-03-25T10:00:00Z').status).toBe(404);
    expect(call('POST', '/v2/bookings', { body: { eventTypeId: t30.id } }).status).toBe(400);
    expect(model.bookings('alice')).toHaveLength(2);
  });

  it('reschedules (201, linked both ways) and cancels (200) as Cal.com does', () => {
    const { t30, token } = setup();
    const first = data<{ uid: string }>(book(t30.id, '2025-03-24T10:00:00Z'));
    // The booking being rescheduled does not hide its own slot.
    const withOwn = data<Slots>(
      call(
        'GET',
        `/v2/slots?eventTypeId=${t30.id}&start=2025-03-24&end=2025-03-24&timeZone=UTC&bookingUidToReschedule=${first.uid}`,
      ),
    );
    expect(withOwn['2025-03-24']?.[2]?.start).toBe('2025-03-24T10:00:00.000Z');

    const moved = call('POST', `/v2/bookings/${first.uid}/reschedule`, {
      token,
      body: {
        start: '2025-03-24T10:30:00Z',
        reschedulingReason: 'Clash',
        rescheduledBy: 'alice@example.com',
      },
    });
    expect(moved.status).toBe(201);
    const second = data<Record<string, unknown>>(moved);
    expect(second).toMatchObject({
      status: 'accepted',
      start: '2025-03-24T10:30:00.000Z',
      rescheduledFromUid: first.uid,
      reschedulingReason: 'Clash',
      rescheduledByEmail: 'alice@example.com',
    });
    const old = data<Record<string, unknown>>(call('GET', `/v2/bookings/${first.uid}`));
    expect(old).toMatchObject({ status: 'cancelled', rescheduledToUid: second.uid });
    expect(
      errorOf(
        call('POST', `/v2/bookings/${first.uid}/reschedule`, {
          body: { start: '2025-03-24T12:00:00Z' },
        }),
      ).message,
    ).toMatch(/rescheduled already to booking with uid=/);

    const cancelled = call('POST', `/v2/bookings/${String(second.uid)}/cancel`, {
      token,
      body: { cancellationReason: 'No longer needed' },
    });
    expect(cancelled.status).toBe(200);
    expect(data(cancelled)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'No longer needed',
      cancelledByEmail: 'alice@example.com',
    });
    const again = call('POST', `/v2/bookings/${String(second.uid)}/cancel`, { body: {} });
    expect(errorOf(again)).toEqual({
      code: 'BadRequestException',
      message: CAL_MESSAGES.alreadyCancelled,
      details: { message: CAL_MESSAGES.alreadyCancelled, error: 'Bad Request', statusCode: 400 },
    });
    expect(call('GET', '/v2/bookings/nope').status).toBe(404);
    // Both slots are free again.
    expect(book(t30.id, '2025-03-24T10:00:00Z').status).toBe(201);
  });

  it('lists with status filters, sorting and Cal.com’s pagination object', () => {
    const { t15, token } = setup();
    for (const hour of ['09', '10', '11', '12', '13']) book(t15.id, `2025-03-24T${hour}:00:00Z`);
    const uids = model.bookings('alice').map((booking) => booking.uid);
    call('POST', `/v2/bookings/${uids[4]}/cancel`, { token, body: {} });
    const page = call('GET', '/v2/bookings?status=upcoming&take=2&skip=2', { token });
    expect(page.status).toBe(200);
    expect((page.body as { pagination: unknown }).pagination).toEqual({
      returnedItems: 2,
      totalItems: 4,
      itemsPerPage: 2,
      remainingItems: 0,
      currentPage: 2,
      totalPages: 2,
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect(data<{ uid: string }[]>(page).map((booking) => booking.uid)).toEqual([uids[2], uids[3]]);
    const desc = data<{ uid: string }[]>(
      call('GET', '/v2/bookings?sortStart=desc&take=1', { token }),
    );
    expect(desc.map((booking) => booking.uid)).toEqual([uids[4]]);
    expect(data<unknown[]>(call('GET', '/v2/bookings?status=cancelled', { token }))).toHaveLength(
      1,
    );
    expect(data<unknown[]>(call('GET', '/v2/bookings?status=past', { token }))).toHaveLength(0);
    clock = at('2025-03-25T00:00:00Z');
    const later = model.issueAccessToken('alice', 3600);
    expect(data<unknown[]>(call('GET', '/v2/bookings?status=past', { token: later }))).toHaveLength(
      4,
    );
    expect(
      data<unknown[]>(
        call('GET', '/v2/bookings?afterStart=2025-03-24T10:00:00Z&beforeEnd=2025-03-24T11:15:00Z', {
          token: later,
        }),
      ),
    ).toHaveLength(2);
    expect(call('GET', '/v2/bookings?status=soon', { token: later }).status).toBe(400);
    expect(call('GET', '/v2/bookings').status).toBe(401);
  });

  it('pagination matches Cal.com’s own cases', () => {
    expect(calPagination(0, 10, 35)).toMatchObject({
      returnedItems: 10,
      remainingItems: 25,
      currentPage: 1,
      totalPages: 4,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    expect(calPagination(30, 10, 35)).toMatchObject({
      returnedItems: 5,
      remainingItems: 0,
      currentPage: 4,
      hasNextPage: false,
    });
    expect(calPagination(40, 10, 35)).toMatchObject({
      returnedItems: 0,
      currentPage: 4,
      hasPreviousPage: true,
    });
    expect(calPagination(0, 0, 35)).toMatchObject({
      returnedItems: 0,
      remainingItems: 35,
      currentPage: 0,
      totalPages: 0,
      hasNextPage: true,
    });
    expect(calPagination(0, 10, 0)).toMatchObject({
      currentPage: 0,
      totalPages: 0,
      hasNextPage: false,
    });
  });
});

describe('me and event types', () => {
  it('GET /v2/me is the integrated user; event types are the user’s own, hidden included', () => {
    const { user, token } = setup();
    const me = call('GET', '/v2/me', { token, version: null });
    expect(me.status).toBe(200);
    expect(data(me)).toMatchObject({
      id: user.id,
      email: user.email,
      username: user.username,
      timeZone: 'Europe/London',
    });
    const types = data<
      { slug: string; hidden: boolean; lengthInMinutes: number; bookingFields: unknown[] }[]
    >(call('GET', '/v2/event-types', { token }));
    expect(types.map((type) => [type.slug, type.lengthInMinutes, type.hidden])).toEqual([
      ['15min', 15, false],
      ['30min', 30, false],
      ['60min', 60, true],
      ['weekly-check-in', 30, true],
      ['office-hours', 30, true],
      ['group-workshop', 60, true],
      ['community-qa', 30, true],
      ['intro-call', 30, true],
      ['consultation', 30, true],
      ['verified-intro', 20, true],
      ['owner-only', 30, true],
    ]);
    expect(types[2]?.bookingFields).toContainEqual(
      expect.objectContaining({ slug: 'topic', required: true }),
    );
    const publicList = data<unknown[]>(call('GET', `/v2/event-types?username=${user.username}`));
    expect(publicList).toHaveLength(2);
    // Neither a token nor a username: Cal.com's empty list.
    const nobody = call('GET', '/v2/event-types');
    expect({ status: nobody.status, data: data(nobody) }).toEqual({ status: 200, data: [] });
  });
});

describe('auth, versions, throttling and envelopes', () => {
  it('expired token: 498 TokenExpiredException, also where auth is optional; slots never read it', () => {
    const { t30, token } = setup();
    clock += 3600 * 1000;
    for (const [method, target] of [
      ['GET', '/v2/me'],
      ['GET', '/v2/event-types'],
      ['POST', '/v2/bookings'],
    ] as const) {
      const response = call(method, target, { token, body: {} });
      expect(response.status).toBe(498);
      expect(response.body).toEqual({
        status: 'error',
        timestamp: new Date(clock).toISOString(),
        path: target,
        error: {
          code: 'TokenExpiredException',
          message: 'ACCESS_TOKEN_IS_EXPIRED',
          details: 'ACCESS_TOKEN_IS_EXPIRED',
        },
      });
      expect(response.headers['X-Request-Id']).toBeTruthy();
    }
    // Cal.com's slots controller has no auth guard: an expired or unknown token is not looked at.
    const slots = `/v2/slots?eventTypeId=${t30.id}&start=2025-03-24&end=2025-03-24`;
    expect(call('GET', slots, { token }).status).toBe(200);
    expect(call('GET', slots, { token: 'cal_at_nope' }).status).toBe(200);
    const fresh = model.issueAccessToken('alice', 60);
    expect(call('GET', '/v2/me', { token: fresh }).status).toBe(200);
    expect(model.expireAccessTokens('alice')).toBe(1);
    expect(call('GET', '/v2/me', { token: fresh }).status).toBe(498);
  });

  it('unknown token, no token where required, or an origin not allowed: 401', () => {
    model = createCalFakeModel({
      now: () => clock,
      isOriginAllowed: (origin) => origin === 'http://localhost:5173',
    });
    const { t30, token } = setup();
    expect(errorOf(call('GET', '/v2/me', { token: 'cal_at_nope' }))).toEqual({
      code: 'UnauthorizedException',
      message: 'Invalid Access Token.',
      details: { message: 'Invalid Access Token.', error: 'Unauthorized', statusCode: 401 },
    });
    expect(errorOf(call('GET', '/v2/me')).message).toMatch(
      /^ApiAuthStrategy - No authentication method provided\./,
    );
    expect(call('GET', '/v2/me', { token, origin: 'http://localhost:5173' }).status).toBe(200);
    const denied = call('GET', '/v2/me', { token, origin: 'https://evil.example' });
    expect(denied.status).toBe(401);
    expect(errorOf(denied).message).toMatch(/^Invalid request origin .*'https:\/\/evil\.example'/);
    // Slots need no auth, so no origin check, with a token or without.
    for (const withToken of [{}, { token }]) {
      expect(
        call('GET', `/v2/slots?eventTypeId=${t30.id}&start=2025-03-24&end=2025-03-24`, {
          origin: 'https://evil.example',
          ...withToken,
        }).status,
      ).toBe(200);
    }
  });

  it('a missing or wrong cal-api-version is a 400 that names the expected one', () => {
    const { token } = setup();
    const missing = call('GET', '/v2/bookings', { token, version: null });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).message).toMatch(
      /needs "cal-api-version: 2024-08-13" \(received none\)/,
    );
    // Nest's getResponse() of a BadRequestException, as every Cal.com 400 made from a message.
    expect(errorOf(missing).details).toEqual({
      message: errorOf(missing).message,
      error: 'Bad Request',
      statusCode: 400,
    });
    expect(call('GET', '/v2/event-types', { token, version: '2024-08-13' }).status).toBe(400);
    expect(call('GET', '/v2/me', { token, version: 'anything' }).status).toBe(200);
    expect(call('GET', '/v2/nope', { token }).status).toBe(404);
    expect(call('DELETE', '/v2/me', { token }).status).toBe(404);
  });

  it('rate limit: Cal.com’s headers on every answer, 429 ThrottlerException, a 60 s block', () => {
    model.setRateLimit(3);
    const { token } = setup();
    const remaining = [1, 2, 3].map(() => call('GET', '/v2/me', { token }).headers);
    expect(remaining.map((headers) => headers['X-RateLimit-Remaining-Default'])).toEqual([
      '2',
      '1',
      '0',
    ]);
    expect(remaining[0]).toMatchObject({
      'X-RateLimit-Limit-Default': '3',
      'X-RateLimit-Reset-Default': '60',
    });
    clock += 10_000;
    const blocked = call('GET', '/v2/me', { token });
    expect(blocked.status).toBe(429);
    expect(errorOf(blocked)).toEqual({
      code: 'ThrottlerException',
      message: 'CustomThrottlerGuard - Too many requests. Please try again later.',
      details: 'CustomThrottlerGuard - Too many requests. Please try again later.',
    });
    expect(blocked.headers['Retry-After']).toBeUndefined();
    expect(blocked.headers).toMatchObject({
      'X-RateLimit-Remaining-Default': '0',
      'X-RateLimit-Reset-Default': '60',
    });
    // Another token has its own budget; the blocked one waits out the block.
    expect(call('GET', '/v2/me', { token: model.issueAccessToken('alice', 60) }).status).toBe(200);
    clock += 59_000;
    expect(call('GET', '/v2/me', { token }).status).toBe(429);
    clock += 1_000;
    const after = call('GET', '/v2/me', { token });
    expect(after.status).toBe(200);
    expect(after.headers['X-RateLimit-Remaining-Default']).toBe('2');
    model.setRateLimit(undefined);
    expect(call('GET', '/v2/me', { token }).headers['X-RateLimit-Limit-Default']).toBeUndefined();
  });

  it('reset() forgets users, tokens and bookings', () => {
    const { t30, token } = setup();
    book(t30.id, '2025-03-24T10:00:00Z');
    model.reset();
    expect(model.getUser('alice')).toBeUndefined();
    expect(model.bookings()).toEqual([]);
    expect(call('GET', '/v2/me', { token }).status).toBe(401);
  });
});

describe('what each answer holds, key for key', () => {
  it('GET /v2/me: Cal.com’s October 2025 keys only; the name stays on AISquare’s user', () => {
    const { user, token } = setup();
    const me = data<Record<string, unknown>>(call('GET', '/v2/me', { token }));
    expect(me).toEqual({
      id: user.id,
      email: user.email,
      timeFormat: user.timeFormat,
      defaultScheduleId: user.defaultScheduleId,
      weekStart: user.weekStart,
      timeZone: 'Europe/London',
      username: user.username,
      organizationId: null,
    });
    expect(model.getUser('alice')).toMatchObject({ name: 'Alice', avatarUrl: null, bio: null });
  });

  it('event types: Cal.com’s booking field variants, users as objects, no seat keys', () => {
    const { user, token } = setup();
    const types = data<Record<string, unknown>[]>(call('GET', '/v2/event-types', { token }));
    const thirty = types[1] as Record<string, unknown>;
    expect(thirty).not.toHaveProperty('seatsPerTimeSlot');
    expect(thirty).not.toHaveProperty('seatsShowAvailabilityCount');
    expect(thirty).toMatchObject({
      description: 'A half-hour conversation: a demo, a review or a planning session.',
      lengthInMinutesOptions: [15, 30, 45],
      metadata: { multipleDuration: [15, 30, 45] },
      recurrence: null,
      seats: { disabled: true },
      confirmationPolicy: { disabled: true },
      bookingWindow: { disabled: true },
      bookerActiveBookingsLimit: { disabled: true },
      users: [
        {
          id: user.id,
          name: user.name,
          username: user.username,
          avatarUrl: null,
          brandColor: null,
          darkBrandColor: null,
          weekStart: 'Monday',
          metadata: {},
        },
      ],
    });
    const fields = thirty.bookingFields as Record<string, unknown>[];
    expect(fields[0]).toEqual({
      isDefault: true,
      type: 'name',
      slug: 'name',
      required: true,
      label: 'Your name',
      disableOnPrefill: false,
    });
    expect(fields[1]).toMatchObject({ slug: 'email', hidden: false, disableOnPrefill: false });
    expect(fields.at(-1)).toEqual({
      isDefault: false,
      type: 'text',
      slug: 'company',
      required: false,
      disableOnPrefill: false,
      hidden: false,
      label: 'Company',
      placeholder: 'Acme Ltd.',
    });
    expect(
      (types[2]?.bookingFields as Record<string, unknown>[] | undefined)?.at(-1),
    ).toMatchObject({
      isDefault: false,
      type: 'select',
      slug: 'topic',
      options: ['Onboarding', 'Integration', 'Other'],
    });
    expect(types[3]?.recurrence).toEqual({
      disabled: false,
      interval: 1,
      occurrences: 4,
      frequency: 'weekly',
    });
  });

  it('a booking: every key Cal.com always sends, empty reasons as "", displayEmail', () => {
    const { t30, user } = setup();
    const created = data<Record<string, unknown>>(book(t30.id, '2025-03-24T10:00:00Z'));
    expect(created).toMatchObject({
      description: null,
      cancellationReason: '',
      cancelledByEmail: '',
      rescheduledByEmail: null,
      updatedAt: null,
      rating: null,
      icsUid: `${String(created.uid)}@Cal.com`,
      hosts: [{ id: user.id, displayEmail: user.email, timeZone: 'Europe/London' }],
      attendees: [{ displayEmail: 'bob@example.com', language: 'en', absent: false }],
      bookingFieldsResponses: { displayEmail: 'bob@example.com' },
    });
    expect(created).not.toHaveProperty('recurringBookingUid');
  });

  it('a 498 is counted by the throttler and carries its headers, as Cal.com’s guard runs first', () => {
    model.setRateLimit(5);
    const { t30, token } = setup();
    clock += 3600 * 1000;
    const expired = call('GET', '/v2/me', { token });
    expect(expired.status).toBe(498);
    expect(expired.headers['X-RateLimit-Remaining-Default']).toBe('4');
    const slots = call('GET', `/v2/slots?eventTypeId=${t30.id}&start=2025-03-24&end=2025-03-24`, {
      token,
    });
    expect(slots.status).toBe(200);
    expect(slots.headers['X-RateLimit-Remaining-Default']).toBe('3');
  });
});

describe('recurring series', () => {
  /** The weekly check-in: 30 min, every week, four times. */
  const weekly = () => model.eventTypes('alice')[3]!;
  const series = (extra: Record<string, unknown> = {}) =>
    book(weekly().id, '2025-03-24T10:00:00Z', extra);
  type Occurrence = Record<string, unknown> & { uid: string; recurringBookingUid: string };

  it('books each occurrence a week apart on the attendee’s wall clock and answers the series', () => {
    setup();
    const created = series({
      recurrenceCount: 3,
      attendee: {
        name: 'Bob Booker',
        email: 'bob@example.com',
        timeZone: 'Europe/Paris',
        phoneNumber: '+33612345678',
      },
    });
    expect(created.status).toBe(201);
    const items = data<Occurrence[]>(created);
    // Paris moves to summer time on 30 March: 11:00 in Paris is 10:00Z, then 09:00Z.
    expect(items.map((item) => item.start)).toEqual([
      '2025-03-24T10:00:00.000Z',
      '2025-03-31T09:00:00.000Z',
      '2025-04-07T09:00:00.000Z',
    ]);
    expect(new Set(items.map((item) => item.recurringBookingUid)).size).toBe(1);
    for (const item of items) {
      expect(item).not.toHaveProperty('rescheduledToUid');
      expect(item).not.toHaveProperty('rescheduledByEmail');
      expect(item.attendees).toEqual([
        {
          name: 'Bob Booker',
          email: 'bob@example.com',
          displayEmail: 'bob@example.com',
          timeZone: 'Europe/Paris',
          language: 'en',
          absent: false,
        },
      ]);
      expect(item).toMatchObject({
        duration: 30,
        bookingFieldsResponses: { attendeePhoneNumber: '+33612345678' },
      });
    }
    // Without a count, the event type's: four.
    clock = at('2025-03-28T12:00:00Z');
    const all = data<Occurrence[]>(book(weekly().id, '2025-04-01T13:00:00Z'));
    expect(all).toHaveLength(4);
  });

  it('refuses a count over the event type’s, and checks only the first occurrence', () => {
    setup();
    const over = series({ recurrenceCount: 5 });
    expect(over.status).toBe(400);
    expect(errorOf(over).message).toBe(
      "Provided recurrence count is higher than the event type's recurring event count.",
    );
    expect(errorOf(series({ recurrenceCount: 0 })).message).toBe(
      'recurrenceCount property is wrong,recurrenceCount must not be less than 1 ',
    );
    // A booking where the second occurrence falls: Cal.com checks only the first one.
    const [, t30] = model.eventTypes('alice');
    expect(book(t30!.id, '2025-03-31T09:00:00Z').status).toBe(201);
    expect(data<Occurrence[]>(series({ recurrenceCount: 2 }))).toHaveLength(2);
    // The first one taken: Cal.com's double-booking 400.
    expect(errorOf(series()).message).toBe(CAL_MESSAGES.unavailable);
  });

  it('a recurrenceCount on a one-off event type is accepted and unused: one booking', () => {
    const { t30 } = setup();
    const single = book(t30.id, '2025-03-24T10:00:00Z', { recurrenceCount: 3 });
    expect(single.status).toBe(201);
    expect(Array.isArray(data(single))).toBe(false);
    expect(model.bookings('alice')).toHaveLength(1);
  });

  it('reads one occurrence as an object, the series by its uid as an array; lists status=recurring', () => {
    const { token } = setup();
    const items = data<Occurrence[]>(series());
    const one = call('GET', `/v2/bookings/${items[1]!.uid}`);
    expect(one.status).toBe(200);
    expect(data(one)).toMatchObject({
      uid: items[1]!.uid,
      recurringBookingUid: items[0]!.recurringBookingUid,
    });
    const all = data<Occurrence[]>(call('GET', `/v2/bookings/${items[0]!.recurringBookingUid}`));
    expect(all.map((item) => item.uid)).toEqual(items.map((item) => item.uid));
    const listed = data<Occurrence[]>(call('GET', '/v2/bookings?status=recurring', { token }));
    expect(listed.map((item) => item.uid)).toEqual(items.map((item) => item.uid));
  });

  it('cancels what is left of a series by its uid, or one occurrence and those after it', () => {
    const { t30, token } = setup();
    const items = data<Occurrence[]>(series());
    const seriesUid = items[0]!.recurringBookingUid;
    const statuses = (answer: CalResponse) =>
      data<{ status: string }[]>(answer).map((item) => item.status);

    const subsequent = call('POST', `/v2/bookings/${items[2]!.uid}/cancel`, {
      token,
      body: { cancelSubsequentBookings: true },
    });
    expect(subsequent.status).toBe(200);
    expect(statuses(subsequent)).toEqual(['accepted', 'accepted', 'cancelled', 'cancelled']);

    const refused = call('POST', `/v2/bookings/${seriesUid}/cancel`, {
      body: { cancelSubsequentBookings: true },
    });
    expect(errorOf(refused).message).toBe(
      'Cannot cancel subsequent bookings for recurring event - you have to provide uid of one of the individual bookings of a recurring booking.',
    );

    const rest = call('POST', `/v2/bookings/${seriesUid}/cancel`, {
      token,
      body: { cancellationReason: 'Project over' },
    });
    expect(rest.status).toBe(200);
    expect(statuses(rest)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(data<Occurrence[]>(rest)[0]).toMatchObject({
      cancellationReason: 'Project over',
      cancelledByEmail: 'alice@example.com',
    });
    expect(call('POST', `/v2/bookings/${seriesUid}/cancel`, { body: {} }).status).toBe(400);
    expect(data<unknown[]>(call('GET', '/v2/bookings?status=recurring', { token }))).toEqual([]);

    // Outside a series: Cal.com cancels the booking, then refuses to answer with a series.
    const single = data<{ uid: string }>(book(t30.id, '2025-03-25T10:00:00Z'));
    const notSeries = call('POST', `/v2/bookings/${single.uid}/cancel`, {
      body: { cancelSubsequentBookings: true },
    });
    expect(notSeries.status).toBe(400);
    expect(errorOf(notSeries).message).toBe(
      `Booking with bookingUid=${single.uid} is not part of a recurring booking.`,
    );
    expect(model.booking(single.uid)?.status).toBe('cancelled');
  });
});

describe('request bodies, as Cal.com’s pipes and input service take them', () => {
  it('refuses a key Cal.com’s create input lacks, at the top and in attendee', () => {
    const { t30 } = setup();
    const unknown = book(t30.id, '2025-03-24T10:00:00Z', { notes: 'Hi' });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown)).toEqual({
      code: 'BadRequestException',
      message: 'notes property is wrong,property notes should not exist ',
      details: {
        message: 'notes property is wrong,property notes should not exist ',
        error: 'Bad Request',
        statusCode: 400,
      },
    });
    expect(errorOf(book(t30.id, '2025-03-24T10:00:00Z', { instant: false })).message).toBe(
      'instant property is wrong,property instant should not exist ',
    );
    expect(errorOf(book(t30.id, '2025-03-24T10:00:00Z', { instant: true })).message).toBe(
      'Instant bookings are only supported for team event types, not individual user event types.',
    );
    const nested = book(t30.id, '2025-03-24T10:00:00Z', {
      attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC', nickname: 'B' },
    });
    expect(errorOf(nested).message).toBe(
      'attendee property is wrong, nickname property is wrong,property nickname should not exist ',
    );
    expect(
      errorOf(
        book(t30.id, '2025-03-24T10:00:00Z', {
          attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC', language: 'en-US' },
        }),
      ).message,
    ).toMatch(/^attendee property is wrong, language property is wrong,language must be one of/);
    expect(errorOf(call('POST', '/v2/bookings', { body: {} })).message).toBe(
      'start property is wrong,start must be a valid ISO 8601 date string , attendee property is wrong,attendee should not be null or undefined , eventTypeId or eventTypeSlug + username property is wrong,Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided ',
    );
    expect(model.bookings()).toEqual([]);
  });

  it('location: a string, or an object of a type the event type has', () => {
    const { t30 } = setup();
    const video = data<Record<string, unknown>>(
      book(t30.id, '2025-03-24T10:00:00Z', {
        location: { type: 'integration', integration: 'cal-video' },
      }),
    );
    expect(video).toMatchObject({
      location: `https://app.cal.com/video/${String(video.uid)}`,
      bookingFieldsResponses: { location: { value: 'integrations:daily', optionValue: '' } },
    });
    const link = data<Record<string, unknown>>(
      book(t30.id, '2025-03-24T11:00:00Z', { location: 'https://meet.example.com/bob' }),
    );
    expect(link).toMatchObject({
      location: 'https://meet.example.com/bob',
      meetingUrl: 'https://meet.example.com/bob',
      bookingFieldsResponses: {
        location: { value: 'link', optionValue: 'https://meet.example.com/bob' },
      },
    });
    const room = data<Record<string, unknown>>(
      book(t30.id, '2025-03-24T12:00:00Z', { location: 'Room 4' }),
    );
    expect(room.bookingFieldsResponses).toMatchObject({
      location: { value: 'somewhereElse', optionValue: 'Room 4' },
    });
    const locationError = (location: Record<string, unknown>) =>
      errorOf(book(t30.id, '2025-03-24T13:00:00Z', { location })).message;
    expect(locationError({ type: 'attendeePhone', phone: '+37120993151' })).toBe(
      `Booking location with type attendeePhone not valid for event type with id=${t30.id}. The event type has following location types: integration, and only these types are allowed for booking location.`,
    );
    expect(locationError({ type: 'integration', integration: 'zoom' })).toBe(
      `Booking location with integration zoom not valid for event type with id=${t30.id}. The event type has following integrations: cal-video, and only these integrations are allowed for booking location.`,
    );
    expect(model.bookings('alice')).toHaveLength(3);
  });

  it("location: each event type's own locations; the stored location is the place itself", () => {
    setup();
    const consultation = model.eventTypes('alice').find((type) => type.slug === 'consultation');
    if (!consultation) throw new Error('no consultation type');
    const listed = data<{ slug: string; locations: unknown[] }[]>(
      call('GET', '/v2/event-types', { token: model.issueAccessToken('alice', 60) }),
    ).find((type) => type.slug === 'consultation');
    expect(listed?.locations).toEqual([
      { type: 'integration', integration: 'cal-video' },
      { type: 'attendeePhone' },
      { type: 'address', address: '1 Market St, San Francisco, CA 94105', public: true },
      { type: 'attendeeAddress' },
      { type: 'attendeeDefined' },
      { type: 'phone', phone: '+14155550123', public: false },
    ]);
    const placed = (start: string, location: Record<string, unknown>) =>
      data<{ location: string; bookingFieldsResponses: { location: unknown } }>(
        book(consultation.id, start, { location }),
      );
    const phone = placed('2025-03-24T10:00:00Z', { type: 'attendeePhone', phone: '+442079460958' });
    expect(phone.location).toBe('+442079460958');
    expect(phone.bookingFieldsResponses.location).toEqual({
      value: 'phone',
      optionValue: '+442079460958',
    });
    expect(placed('2025-03-24T11:00:00Z', { type: 'address' })).toMatchObject({
      location: '1 Market St, San Francisco, CA 94105',
      bookingFieldsResponses: { location: { value: 'inPerson', optionValue: '' } },
    });
    expect(placed('2025-03-24T12:00:00Z', { type: 'phone' }).location).toBe('+14155550123');
    expect(
      placed('2025-03-24T13:00:00Z', { type: 'attendeeAddress', address: '5 Rue Lepic, Paris' }),
    ).toMatchObject({
      location: '5 Rue Lepic, Paris',
      bookingFieldsResponses: {
        location: { value: 'attendeeInPerson', optionValue: '5 Rue Lepic, Paris' },
      },
    });
    expect(
      placed('2025-03-24T14:00:00Z', { type: 'attendeeDefined', location: 'Café Lepic' }),
    ).toMatchObject({
      location: 'Café Lepic',
      bookingFieldsResponses: { location: { value: 'somewhereElse', optionValue: 'Café Lepic' } },
    });
    const refused = (location: Record<string, unknown>) =>
      errorOf(book(consultation.id, '2025-03-24T15:00:00Z', { location }));
    expect(refused({ type: 'link' }).message).toBe(
      `Booking location with type link not valid for event type with id=${consultation.id}. The event type has following location types: integration, attendeePhone, address, attendeeAddress, attendeeDefined, phone, and only these types are allowed for booking location.`,
    );
    expect(refused({ type: 'attendeePhone' }).message).toMatch(/^location property is wrong/);
    expect(model.bookings('alice')).toHaveLength(5);
  });

  it('metadata: at most 50 keys of at most 40 characters; strings up to 500, numbers, booleans', () => {
    const { t30 } = setup();
    const message =
      'metadata property is wrong,Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters. ';
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    for (const metadata of [
      many,
      { ['k'.repeat(41)]: 'v' },
      { note: 'x'.repeat(501) },
      { nested: { a: 1 } },
    ]) {
      expect(errorOf(book(t30.id, '2025-03-24T10:00:00Z', { metadata })).message).toBe(message);
    }
    const fine = book(t30.id, '2025-03-24T10:00:00Z', {
      metadata: { ['k'.repeat(40)]: 'x'.repeat(500), count: 2, vip: true },
    });
    expect(fine.status).toBe(201);
  });

  it('cancel and reschedule bodies: only Cal.com’s keys', () => {
    const { t30 } = setup();
    const { uid } = data<{ uid: string }>(book(t30.id, '2025-03-24T10:00:00Z'));
    expect(
      errorOf(call('POST', `/v2/bookings/${uid}/cancel`, { body: { reason: 'x' } })).message,
    ).toBe('reason property is wrong,property reason should not exist ');
    expect(
      errorOf(
        call('POST', `/v2/bookings/${uid}/cancel`, { body: { cancelSubsequentBookings: 'yes' } }),
      ).message,
    ).toBe(
      'cancelSubsequentBookings property is wrong,cancelSubsequentBookings must be a boolean value ',
    );
    expect(
      errorOf(
        call('POST', `/v2/bookings/${uid}/reschedule`, {
          body: { start: '2025-03-24T11:00:00Z', lengthInMinutes: 45 },
        }),
      ).message,
    ).toBe('lengthInMinutes property is wrong,property lengthInMinutes should not exist ');
    expect(model.booking(uid)?.status).toBe('accepted');
  });
});

describe('the fake is framework-free', () => {
  it('imports no node: module and nothing outside its folder at runtime', () => {
    const dir = join(import.meta.dirname, '../../../src/fake');
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
      const source = readFileSync(join(dir, name), 'utf8');
      const specifiers = [
        ...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms),
      ].map((match) => match[1]);
      for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[\w]+\.js$/);
      expect(source).not.toMatch(/from\s+'node:/);
    }
  });
});
