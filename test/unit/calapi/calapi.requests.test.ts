import { describe, expect, it, vi } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import {
  BOOKING,
  CAL,
  EVENT_TYPE,
  json,
  ME,
  mockFetch,
  ok,
  PAGINATION,
  rejectionOf,
  setup,
  TOKEN,
} from './fakeCal.js';

describe('requests', () => {
  it('me(): GET /v2/me with the bearer token, no cal-api-version, no redirects followed', async () => {
    const { api, calls } = setup(() => ok(ME));
    await expect(api.me()).resolves.toEqual(ME);
    const [call] = calls;
    expect(call?.url).toBe(`${CAL}/v2/me`);
    expect(call?.init.method).toBe('GET');
    expect(call?.init.redirect).toBe('manual');
    expect(call?.init.body).toBeUndefined();
    expect(call?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(call?.headers.has('cal-api-version')).toBe(false);
    expect(call?.headers.has('content-type')).toBe(false);
  });

  it('eventTypes(): the 2024-06-14 version, params as the query, the data array', async () => {
    const { api, calls } = setup(() => ok([EVENT_TYPE]));
    await expect(api.eventTypes()).resolves.toEqual([EVENT_TYPE]);
    await api.eventTypes({ username: 'ada', eventSlug: 'thirty' });
    expect(calls[0]?.url).toBe(`${CAL}/v2/event-types`);
    expect(calls[1]?.url).toBe(`${CAL}/v2/event-types?username=ada&eventSlug=thirty`);
    expect(calls[0]?.headers.get('cal-api-version')).toBe('2024-06-14');
  });

  it('slots(): the 2024-09-04 version and every parameter; {} when there are none', async () => {
    const slots = { '2030-01-07': [{ start: '2030-01-07T09:00:00.000+00:00' }] };
    const { api, calls } = setup(({ url }) => ok(url.includes('eventTypeSlug') ? {} : slots));
    await expect(
      api.slots({
        eventTypeId: 11,
        start: '2030-01-07',
        end: '2030-01-13',
        timeZone: 'Europe/London',
        duration: 30,
        format: 'range',
        bookingUidToReschedule: 'bk 1',
      }),
    ).resolves.toEqual(slots);
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/v2/slots');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      eventTypeId: '11',
      start: '2030-01-07',
      end: '2030-01-13',
      timeZone: 'Europe/London',
      duration: '30',
      format: 'range',
      bookingUidToReschedule: 'bk 1',
    });
    expect(calls[0]?.headers.get('cal-api-version')).toBe('2024-09-04');
    await expect(
      api.slots({ eventTypeSlug: 'thirty', username: 'ada', start: 'a', end: 'b' }),
    ).resolves.toEqual({});
  });

  it('bookings(): statuses comma-separated, undefined left out, { items, pagination }', async () => {
    const { api, calls } = setup(() => ok([BOOKING], { pagination: PAGINATION }));
    const page = await api.bookings({
      status: ['upcoming', 'unconfirmed'],
      take: 10,
      skip: 0,
      sortStart: 'asc',
      afterStart: undefined,
    });
    expect(page).toEqual({ items: [BOOKING], pagination: PAGINATION });
    expect(calls[0]?.url).toBe(
      `${CAL}/v2/bookings?status=upcoming%2Cunconfirmed&take=10&skip=0&sortStart=asc`,
    );
    expect(calls[0]?.headers.get('cal-api-version')).toBe('2024-08-13');
    await api.bookings({ status: 'past' });
    expect(calls[1]?.url).toBe(`${CAL}/v2/bookings?status=past`);
    await api.bookings();
    expect(calls[2]?.url).toBe(`${CAL}/v2/bookings`);
  });

  it('booking(uid): the uid is one encoded path segment', async () => {
    const { api, calls } = setup(() => ok(BOOKING));
    await expect(api.booking('a/b?c#d')).resolves.toEqual(BOOKING);
    expect(calls[0]?.url).toBe(`${CAL}/v2/bookings/a%2Fb%3Fc%23d`);
    expect(calls[0]?.headers.get('cal-api-version')).toBe('2024-08-13');
  });

  it('rejects an empty uid with a TypeError before any request (it would address the list)', async () => {
    const { api, spy } = setup(() => ok(BOOKING));
    await expect(api.booking('')).rejects.toThrow(TypeError);
    await expect(api.cancelBooking('')).rejects.toThrow(TypeError);
    await expect(api.rescheduleBooking('', { start: 'x' })).rejects.toThrow(TypeError);
    expect(spy).not.toHaveBeenCalled();
  });

  it('createBooking(): POST JSON with Content-Type, the created booking (201)', async () => {
    const { api, calls } = setup(() => ok(BOOKING, {}, 201));
    const input = {
      start: '2030-01-07T09:00:00Z',
      eventTypeId: 11,
      attendee: { name: 'Bob', email: 'bob@example.test', timeZone: 'Europe/London' },
      metadata: { source: 'web', attempt: 1 },
    };
    await expect(api.createBooking(input)).resolves.toEqual(BOOKING);
    expect(calls[0]?.url).toBe(`${CAL}/v2/bookings`);
    expect(calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(input);
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.headers.get('cal-api-version')).toBe('2024-08-13');
  });

  it('createBooking() of a recurring event type resolves the first occurrence', async () => {
    const second = { ...BOOKING, id: 102, uid: 'bk-2', recurringBookingUid: 'r-1' };
    const { api } = setup(() => ok([{ ...BOOKING, recurringBookingUid: 'r-1' }, second], {}, 201));
    await expect(
      api.createBooking({
        start: '2030-01-07T09:00:00Z',
        eventTypeId: 11,
        attendee: { name: 'Bob', email: 'bob@example.test', timeZone: 'UTC' },
      }),
    ).resolves.toMatchObject({ uid: 'bk-1', recurringBookingUid: 'r-1' });
  });

  it('cancelBooking() posts {} or the reason; rescheduleBooking() posts the new start', async () => {
    const { api, calls } = setup(() => ok(BOOKING));
    await api.cancelBooking('bk-1');
    await api.cancelBooking('bk-1', { cancellationReason: 'ill' });
    await api.rescheduleBooking('bk-1', { start: '2030-01-08T09:00:00Z', reschedulingReason: 'x' });
    expect(calls.map((c) => [c.url, c.init.method, c.init.body])).toEqual([
      [`${CAL}/v2/bookings/bk-1/cancel`, 'POST', '{}'],
      [`${CAL}/v2/bookings/bk-1/cancel`, 'POST', '{"cancellationReason":"ill"}'],
      [
        `${CAL}/v2/bookings/bk-1/reschedule`,
        'POST',
        '{"start":"2030-01-08T09:00:00Z","reschedulingReason":"x"}',
      ],
    ]);
    for (const call of calls) expect(call.headers.get('cal-api-version')).toBe('2024-08-13');
  });
});

describe('fetch(path, init)', () => {
  it('resolves the envelope as is, with the family version, query, body and extra headers', async () => {
    const envelope = { status: 'success', data: { id: 1 } };
    const { api, calls } = setup(() => json(envelope));
    const result = await api.fetch<typeof envelope>('/v2/bookings/bk-1/mark-absent', {
      method: 'POST',
      query: { ids: [1, 2], flag: true, skip: undefined },
      body: { host: false },
      headers: { 'x-trace': 't1', Authorization: 'Bearer stolen' },
    });
    expect(result).toEqual(envelope);
    const [call] = calls;
    expect(call?.url).toBe(`${CAL}/v2/bookings/bk-1/mark-absent?ids=1%2C2&flag=true`);
    expect(call?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(call?.headers.get('x-trace')).toBe('t1');
    expect(call?.headers.get('cal-api-version')).toBe('2024-08-13');
    expect(call?.init.body).toBe('{"host":false}');
  });

  it('an explicit version wins; a path with its own query gets the rest appended', async () => {
    const { api, calls } = setup(() => json({ status: 'success', data: [] }));
    await api.fetch('/v2/schedules?a=1', { version: '2024-06-11', query: { b: 2 } });
    await api.fetch('/v2/slots/reserve', { headers: { 'cal-api-version': '2099-01-01' } });
    expect(calls[0]?.url).toBe(`${CAL}/v2/schedules?a=1&b=2`);
    expect(calls[0]?.headers.get('cal-api-version')).toBe('2024-06-11');
    expect(calls[1]?.headers.get('cal-api-version')).toBe('2099-01-01');
  });

  it('an empty body resolves undefined (e.g. 204)', async () => {
    const { api } = setup(() => new Response(null, { status: 204 }));
    await expect(api.fetch('/v2/bookings/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it.each([
    'v2/me',
    '/v1/me',
    '//evil.test/v2/me',
    'https://evil.test/v2/me',
    'http:/v2/me',
    '/v2',
  ])('rejects the path %j with a TypeError and sends nothing', async (path) => {
    const { api, spy, getAccessToken } = setup(() => json({}));
    const error = await rejectionOf(api.fetch(path));
    expect(error).toBeInstanceOf(TypeError);
    expect(spy).not.toHaveBeenCalled();
    expect(getAccessToken).not.toHaveBeenCalled();
  });

  it('rejects a body that cannot be serialised as invalid_request, without a request', async () => {
    const { api, spy } = setup(() => json({}));
    const body: Record<string, unknown> = {};
    body.self = body;
    const error = await rejectionOf(api.fetch('/v2/bookings', { method: 'POST', body }));
    expect(error).toMatchObject({ name: 'CalApiError', kind: 'invalid_request', method: 'POST' });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('baseUrl', () => {
  it.each([
    ['https://api.cal.com', 'https://api.cal.com/v2/me'],
    ['https://api.cal.com/', 'https://api.cal.com/v2/me'],
    ['https://api.cal.com/v2', 'https://api.cal.com/v2/me'],
    [' https://api.cal.com/v2/ \n', 'https://api.cal.com/v2/me'],
    ['https://proxy.test/cal', 'https://proxy.test/cal/v2/me'],
  ])('%j → %s', async (baseUrl, expected) => {
    const { api, calls } = setup(() => ok(ME), { baseUrl });
    await api.me();
    expect(calls[0]?.url).toBe(expected);
  });

  it('defaults to https://api.cal.com and to globalThis.fetch, looked up at call time', async () => {
    const api = createCalApi({ getAccessToken: async () => TOKEN });
    const { fetch, calls } = mockFetch(() => ok(ME));
    vi.stubGlobal('fetch', fetch);
    try {
      await api.me();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(calls[0]?.url).toBe('https://api.cal.com/v2/me');
  });

  it('a function is called per request until it resolves, then reused', async () => {
    const baseUrl = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('config unavailable'))
      .mockResolvedValue('https://cal.example.test/v2/');
    const { api, calls, getAccessToken } = setup(() => ok(ME), { baseUrl });
    const error = await rejectionOf(api.me());
    // Passed on as is, like a getAccessToken failure: the session routes its own errors.
    expect(error).toEqual(new Error('config unavailable'));
    expect(getAccessToken).not.toHaveBeenCalled();
    await api.me();
    await api.me();
    expect(baseUrl).toHaveBeenCalledTimes(2);
    expect(calls.map((c) => c.url)).toEqual([
      'https://cal.example.test/v2/me',
      'https://cal.example.test/v2/me',
    ]);
  });

  it('a sync function works too', async () => {
    const { api, calls } = setup(() => ok(ME), { baseUrl: () => 'https://sync.test' });
    await api.me();
    expect(calls[0]?.url).toBe('https://sync.test/v2/me');
  });
});

describe('options', () => {
  it.each([
    [{ requestTimeoutMs: -1 }, /requestTimeoutMs/],
    [{ requestTimeoutMs: Number.NaN }, /requestTimeoutMs/],
    [{ requestTimeoutMs: '5' as unknown as number }, /requestTimeoutMs/],
    [{ maxResponseBytes: 0 }, /maxResponseBytes/],
    [{ maxResponseBytes: 1.5 }, /maxResponseBytes/],
  ])('%o throws a TypeError at creation', (extra, message) => {
    expect(() => createCalApi({ getAccessToken: async () => TOKEN, ...extra })).toThrow(
      expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(message) }),
    );
  });
});
