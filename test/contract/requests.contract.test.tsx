// Every request the client builds is one Cal.com's input DTOs accept: the path, the query names and
// formats, the body and the `cal-api-version` (test/contract/calcom/inputs.ts).
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCalApi } from '../../src/calapi/createCalApi.js';
import type { CalApi, CalBookingLocationInput } from '../../src/calapi/types.js';
import { bookerWorld, chooseTime, renderBooker } from '../helpers/bookerWorld.js';
import { CAL } from '../helpers/calWorld.js';
import {
  cancelBookingInputShape,
  checkCreateLimits,
  checkQuery,
  createBookingInputShape,
  type QueryInput,
  queryInputs,
  rescheduleBookingInputShape,
} from './calcom/inputs.js';
import { sendCodeInputShape, verifyCodeInputShape } from './calcom/verification.js';
import { check, obj, type Spec } from './shape.js';

interface Sent {
  method: string;
  url: URL;
  version: string | null;
  body: unknown;
}

/** A client that records each request and answers what the typed method expects. */
function recording() {
  const sent: Sent[] = [];
  const api = createCalApi({
    getAccessToken: async () => 'cal-token',
    baseUrl: 'https://api.cal.test',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const text = await request.text();
      const url = new URL(request.url);
      sent.push({
        method: request.method,
        url,
        version: request.headers.get('cal-api-version'),
        body: text ? JSON.parse(text) : undefined,
      });
      const booking = {
        id: 1,
        uid: 'bk',
        title: 't',
        status: 'accepted',
        start: '2050-01-01T00:00:00.000Z',
        end: '2050-01-01T00:30:00.000Z',
        duration: 30,
        eventTypeId: 1,
        attendees: [],
        createdAt: '2050-01-01T00:00:00.000Z',
      };
      const data =
        url.pathname === '/v2/me'
          ? {
              id: 1,
              username: 'a',
              email: 'a@x.test',
              timeZone: 'UTC',
              weekStart: 'Monday',
              timeFormat: 24,
              defaultScheduleId: null,
              organizationId: null,
            }
          : url.pathname === '/v2/event-types'
            ? []
            : url.pathname === '/v2/slots'
              ? {}
              : url.pathname === '/v2/bookings' && request.method === 'GET'
                ? []
                : booking;
      const pagination = {
        totalItems: 0,
        remainingItems: 0,
        returnedItems: 0,
        itemsPerPage: 10,
        currentPage: 0,
        totalPages: 0,
        hasNextPage: false,
        hasPreviousPage: false,
      };
      return Response.json({ status: 'success', data, pagination });
    },
  });
  return { api, sent };
}

/** Sends one call and returns what Cal.com would say is wrong with it. */
async function issuesOf(call: (api: CalApi) => Promise<unknown>): Promise<string[]> {
  const { api, sent } = recording();
  await call(api);
  const [request] = sent;
  if (!request || sent.length !== 1) return ['expected exactly one request'];
  return requestIssues(request);
}

const BOOKING_PATH = /^\/v2\/bookings\/[^/]+(\/cancel|\/reschedule)?$/;

function requestIssues({ method, url, version, body }: Sent): string[] {
  const query = (input: QueryInput) => [
    ...(version === (input.version ?? null)
      ? []
      : [`cal-api-version ${version}, expected ${input.version}`]),
    ...checkQuery(input, url.searchParams),
  ];
  const bodyIssues = (spec: Spec) => check(spec, body);
  const path = url.pathname;
  if (method === 'GET' && path === '/v2/me') return query(queryInputs.me);
  if (method === 'GET' && path === '/v2/event-types') return query(queryInputs.eventTypes);
  if (method === 'GET' && path === '/v2/slots') return query(queryInputs.slots);
  if (method === 'GET' && path === '/v2/bookings') return query(queryInputs.bookings);
  const bookings = { ...queryInputs.bookings, params: {} };
  if (method === 'POST' && path === '/v2/bookings') {
    return [
      ...query(bookings),
      ...bodyIssues(createBookingInputShape),
      ...checkCreateLimits(body as Record<string, unknown>),
    ];
  }
  const match = BOOKING_PATH.exec(path);
  if (match && method === 'GET' && !match[1]) return query(bookings);
  if (match && method === 'POST' && match[1] === '/cancel') {
    return [...query(bookings), ...bodyIssues(cancelBookingInputShape)];
  }
  if (match && method === 'POST' && match[1] === '/reschedule') {
    return [...query(bookings), ...bodyIssues(rescheduleBookingInputShape)];
  }
  return [`${method} ${path}: not a route Cal.com serves`];
}

const attendee = { name: 'Bob', email: 'bob@example.com', timeZone: 'Europe/Paris' };

describe('the requests the client builds are ones Cal.com accepts', () => {
  it('GET /v2/me and /v2/event-types, with each filter', async () => {
    expect(await issuesOf((api) => api.me())).toEqual([]);
    expect(await issuesOf((api) => api.eventTypes())).toEqual([]);
    expect(
      await issuesOf((api) => api.eventTypes({ username: 'ada', eventSlug: '30min' })),
    ).toEqual([]);
    expect(
      await issuesOf((api) =>
        api.eventTypes({ usernames: ['ada', 'bob'], orgSlug: 'acme', orgId: 4 }),
      ),
    ).toEqual([]);
  });

  it('GET /v2/slots: by id and by username and slug, with every option', async () => {
    const range = { start: '2050-09-05', end: '2050-09-30' };
    expect(await issuesOf((api) => api.slots({ eventTypeId: 7, ...range }))).toEqual([]);
    expect(
      await issuesOf((api) =>
        api.slots({
          eventTypeSlug: '30min',
          username: 'ada',
          start: '2050-09-05T00:00:00.000Z',
          end: '2050-09-06T00:00:00+02:00',
          timeZone: 'America/New_York',
          duration: 45,
          format: 'range',
          bookingUidToReschedule: 'bk_1',
        }),
      ),
    ).toEqual([]);
  });

  it('GET /v2/bookings: every filter, paging and sort the client offers', async () => {
    expect(await issuesOf((api) => api.bookings())).toEqual([]);
    expect(
      await issuesOf((api) =>
        api.bookings({
          status: ['upcoming', 'unconfirmed'],
          take: 250,
          skip: 20,
          sortStart: 'desc',
          afterStart: '2050-01-01T00:00:00.000Z',
          beforeEnd: '2050-12-31T23:59:59.000Z',
          eventTypeId: 7,
        }),
      ),
    ).toEqual([]);
  });

  it('POST /v2/bookings: by id and by slug; every location variant; metadata, guests, length, recurrence', async () => {
    const locations: CalBookingLocationInput[] = [
      { type: 'address' },
      { type: 'link' },
      { type: 'phone' },
      { type: 'integration', integration: 'cal-video' },
      { type: 'attendeeAddress', address: '1 Main St' },
      { type: 'attendeePhone', phone: '+442079460000' },
      { type: 'attendeeDefined', location: 'The café' },
      { type: 'organizersDefaultApp' },
    ];
    for (const location of locations) {
      expect(
        await issuesOf((api) =>
          api.createBooking({ eventTypeId: 7, start: '2050-09-05T09:00:00Z', attendee, location }),
        ),
      ).toEqual([]);
    }
    expect(
      await issuesOf((api) =>
        api.createBooking({
          eventTypeSlug: '30min',
          username: 'ada',
          start: '2050-09-05T09:00:00Z',
          attendee: { ...attendee, language: 'fr', phoneNumber: '+33123456789' },
          guests: ['a@example.com'],
          bookingFieldsResponses: { company: 'Acme' },
          metadata: { source: 'web', attempt: 2, test: true },
          lengthInMinutes: 45,
        }),
      ),
    ).toEqual([]);
    expect(
      await issuesOf((api) =>
        api.createBooking({
          eventTypeId: 8,
          start: '2050-09-05T09:00:00Z',
          attendee,
          recurrenceCount: 3,
        }),
      ),
    ).toEqual([]);
  });

  it('GET one booking, cancel (with and without the rest of a series) and reschedule', async () => {
    expect(await issuesOf((api) => api.booking('bk_1'))).toEqual([]);
    expect(await issuesOf((api) => api.cancelBooking('bk_1'))).toEqual([]);
    expect(
      await issuesOf((api) =>
        api.cancelBooking('bk_1', { cancellationReason: 'Ill', cancelSubsequentBookings: true }),
      ),
    ).toEqual([]);
    expect(
      await issuesOf((api) =>
        api.rescheduleBooking('bk_1', {
          start: '2050-09-06T09:00:00Z',
          reschedulingReason: 'Clash',
          rescheduledBy: 'ada@example.com',
        }),
      ),
    ).toEqual([]);
  });

  it('the checks catch what Cal.com refuses', () => {
    const sent = (method: string, path: string, body?: unknown): Sent => ({
      method,
      url: new URL(`https://api.cal.test${path}`),
      version: path.startsWith('/v2/slots') ? '2024-09-04' : '2024-08-13',
      body,
    });
    expect(
      requestIssues(
        sent('GET', '/v2/slots?eventTypeId=1&start=2050-01-01&end=2050-01-02&slotFormat=range'),
      ),
    ).toEqual(['slotFormat: Cal.com refuses this parameter']);
    const booking = (extra: object) =>
      sent('POST', '/v2/bookings', {
        eventTypeId: 1,
        start: '2050-01-01T00:00:00Z',
        attendee,
        ...extra,
      });
    expect(requestIssues(booking({ instant: false }))).not.toEqual([]);
    expect(requestIssues(booking({ location: { type: 'attendeePhone' } }))).not.toEqual([]);
    expect(requestIssues(sent('POST', '/v2/bookings/bk/cancel', { reason: 'x' }))).not.toEqual([]);
  });
});

describe('what CalBooker sends when a person books', () => {
  it("the create body is Cal.com's input", async () => {
    const { world } = bookerWorld();
    const bodies: unknown[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.origin === CAL && url.pathname === '/v2/bookings' && request.method === 'POST') {
        bodies.push(await request.clone().json());
      }
      return world.fetch(request);
    };
    const user = userEvent.setup();
    renderBooker(world, { timeZone: 'America/New_York' }, fetch);
    await user.click(await screen.findByRole('button', { name: /30 Minute Meeting/ }));
    await chooseTime(user);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
    await user.type(screen.getByRole('textbox', { name: 'Company (optional)' }), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(bodies).toHaveLength(1);
    expect(check(createBookingInputShape, bodies[0])).toEqual([]);
    expect(checkCreateLimits(bodies[0] as Record<string, unknown>)).toEqual([]);
  });

  it("the booker's create body with a chosen length and location is Cal.com's input", async () => {
    const { world, id } = bookerWorld();
    const bodies: Record<string, unknown>[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.origin === CAL && url.pathname === '/v2/bookings' && request.method === 'POST') {
        bodies.push(await request.clone().json());
      }
      return world.fetch(request);
    };
    const user = userEvent.setup();
    // The 30-minute type offers 15, 30 and 45 minutes: `lengthInMinutes` is one of them.
    const first = renderBooker(world, { eventTypeId: id('30min'), timeZone: 'UTC' }, fetch);
    await user.click(await screen.findByRole('radio', { name: '15 minutes' }));
    await chooseTime(user);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    first.unmount();
    // The consultation type's locations: the attendee's address, as Cal.com's location object.
    renderBooker(world, { eventTypeId: id('consultation'), timeZone: 'UTC' }, fetch);
    await chooseTime(user);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
    await user.click(screen.getByRole('radio', { name: 'In person (your address)' }));
    await user.type(screen.getByRole('textbox', { name: 'Your address' }), '5 Rue Lepic, Paris');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.lengthInMinutes).toBe(15);
    expect(bodies[0]).not.toHaveProperty('location');
    expect(bodies[1]?.location).toEqual({ type: 'attendeeAddress', address: '5 Rue Lepic, Paris' });
    expect(bodies[1]).not.toHaveProperty('lengthInMinutes');
    for (const body of bodies) {
      expect(check(createBookingInputShape, body)).toEqual([]);
      expect(checkCreateLimits(body)).toEqual([]);
    }
  });

  it("on a type that verifies e-mail: send-code, verify-code and the create (with the code) are Cal.com's inputs", async () => {
    const { world, id } = bookerWorld('UTC');
    const sent: { path: string; version: string | null; body: unknown }[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.origin === CAL && request.method === 'POST') {
        const version = request.headers.get('cal-api-version');
        // Holds of the chosen time are pinned by the reservations contract.
        if (!url.pathname.startsWith('/v2/slots/reservations')) {
          sent.push({ path: url.pathname, version, body: await request.clone().json() });
        }
      }
      return world.fetch(request);
    };
    const user = userEvent.setup();
    renderBooker(world, { eventTypeId: id('verified-intro'), timeZone: 'UTC' }, fetch);
    await chooseTime(user);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    const input = await screen.findByRole('textbox', { name: 'Code' });
    await screen.findByText(/We e-mailed a code/);
    await expect.poll(() => world.model.emailVerificationCode('bob@example.com')).toBeTruthy();
    await user.type(input, world.model.emailVerificationCode('bob@example.com') ?? '');
    await user.click(screen.getByRole('button', { name: 'Verify and book' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    const paths = sent.map((request) => request.path);
    expect(paths).toEqual([
      '/v2/atoms/verification/email/send-code',
      '/v2/atoms/verification/email/verify-code',
      '/v2/bookings',
    ]);
    const [send, verify, create] = sent;
    // VERSION_NEUTRAL: no cal-api-version on the atoms routes; the create has its own.
    expect([send?.version, verify?.version, create?.version]).toEqual([null, null, '2024-08-13']);
    expect(check(obj(sendCodeInputShape), send?.body)).toEqual([]);
    expect(check(obj(verifyCodeInputShape), verify?.body)).toEqual([]);
    expect(check(createBookingInputShape, create?.body)).toEqual([]);
    expect(create?.body).toMatchObject({
      emailVerificationCode: world.model.emailVerificationCode('bob@example.com'),
    });
  });
});
