import { describe, expect, it } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import { BOOKING, CAL, calError, EVENT_TYPE, mockFetch, ok } from './fakeCal.js';

/** A visitor's client: no `getAccessToken`, Cal.com answering each path with `answer`. */
function visitorClient(answer = (path: string) => ok(path === '/v2/slots' ? {} : [EVENT_TYPE])) {
  const mock = mockFetch((call) => {
    const path = new URL(call.url).pathname;
    return path.startsWith('/v2/bookings') ? ok(BOOKING, {}, 201) : answer(path);
  });
  return { ...mock, api: createCalApi({ baseUrl: CAL, fetch: mock.fetch }) };
}

const attendee = { name: 'Vera Visitor', email: 'vera@example.test', timeZone: 'Europe/Paris' };

describe("a visitor's client (no getAccessToken)", () => {
  it('sends what Cal.com serves to anyone without an Authorization header, each with its version', async () => {
    const { api, calls } = visitorClient();
    await api.eventTypes({ username: 'ada', eventSlug: 'thirty' });
    await api.slots({
      username: 'ada',
      eventTypeSlug: 'thirty',
      start: '2050-09-05',
      end: '2050-09-06',
      timeZone: 'UTC',
    });
    await api.createBooking({ start: BOOKING.start, eventTypeId: 11, attendee });
    await api.booking('bk-1');
    await api.rescheduleBooking('bk-1', { start: '2030-01-08T09:00:00.000Z' });
    await api.cancelBooking('bk-1', {});
    expect(
      calls.map((call) => `${call.init.method ?? 'GET'} ${new URL(call.url).pathname}`),
    ).toEqual([
      'GET /v2/event-types',
      'GET /v2/slots',
      'POST /v2/bookings',
      'GET /v2/bookings/bk-1',
      'POST /v2/bookings/bk-1/reschedule',
      'POST /v2/bookings/bk-1/cancel',
    ]);
    expect(calls.map((call) => call.headers.has('authorization'))).toEqual(Array(6).fill(false));
    expect(calls.map((call) => call.headers.get('cal-api-version'))).toEqual([
      '2024-06-14',
      '2024-09-04',
      '2024-08-13',
      '2024-08-13',
      '2024-08-13',
      '2024-08-13',
    ]);
  });

  it('a caller’s own Authorization header never goes out either', async () => {
    const { api, calls } = visitorClient();
    await api.fetch('/v2/slots', { headers: { Authorization: 'Bearer stolen' } }).catch(() => {});
    await api.slots(
      { username: 'ada', eventTypeSlug: 'thirty', start: '2050-09-05', end: '2050-09-06' },
      {},
    );
    expect(calls.every((call) => !call.headers.has('authorization'))).toBe(true);
  });

  it('sends its own calls (`fetch`) without a credential, for Cal.com to decide', async () => {
    const { api, calls } = visitorClient();
    await api
      .fetch('/v2/atoms/verification/email/send-code', {
        method: 'POST',
        body: { email: 'vera@example.com' },
      })
      .catch(() => {});
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.has('authorization')).toBe(false);
  });

  it('refuses what Cal.com serves only with a token, unsent, as unauthorized', async () => {
    const { api, calls } = visitorClient();
    for (const call of [() => api.me(), () => api.bookings(), () => api.eventTypes()]) {
      await expect(call()).rejects.toMatchObject({ name: 'CalApiError', kind: 'unauthorized' });
    }
    expect(calls).toHaveLength(0);
  });

  it('a 401 (an event type that requires a signed-in booker) is final: no token to retry with', async () => {
    const { api, calls } = visitorClient();
    const refusing = createCalApi({
      baseUrl: CAL,
      fetch: mockFetch(() => calError(401, 'UnauthorizedException')).fetch,
    });
    await expect(
      refusing.createBooking({ start: BOOKING.start, eventTypeId: 11, attendee }),
    ).rejects.toMatchObject({ name: 'CalApiError', kind: 'unauthorized', status: 401 });
    expect(calls).toHaveLength(0);
    await expect(
      api.createBooking({ start: BOOKING.start, eventTypeId: 11, attendee }),
    ).resolves.toMatchObject({ uid: 'bk-1' });
  });
});
