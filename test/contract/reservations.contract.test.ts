// @vitest-environment node
// Slot reservations: the client sends Cal.com's request and reads its answer; the sandbox (real HTTP on
// 127.0.0.1) and the MSW handlers answer with Cal.com's keys, codes and rules (reserveSlot and
// updateReservedSlot in slots.service.ts @ f0ac6126fbf673cb8202562293bf12d976ccaa49).
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalApi } from '../../src/calapi/createCalApi.js';
import { isCalApiError } from '../../src/calapi/errors.js';
import { createCalFakeModel } from '../../src/fake/model.js';
import { errorShape } from './calcom/errors.js';
import {
  reservationSample,
  reservationShape,
  reservedSlotShape,
  reserveInputShape,
} from './calcom/reservations.js';
import { tokenFrom, unsignedJwt, withContractFakes } from './contractFakes.js';
import { check, obj } from './shape.js';

const MINUTE = 60_000;

describe('the client: requests and answers of /v2/slots/reservations', () => {
  const sent: { method: string; url: string; headers: Headers; body: unknown }[] = [];
  function answering(data: unknown, status = 200) {
    return createCalApi({
      getAccessToken: async () => 'cal-token',
      baseUrl: 'https://api.cal.test',
      fetch: async (url, init) => {
        const body = init?.body === undefined ? undefined : JSON.parse(String(init.body));
        sent.push({
          method: init?.method ?? 'GET',
          url: String(url),
          headers: new Headers(init?.headers),
          body,
        });
        return Response.json(
          data === undefined ? { status: 'success' } : { status: 'success', data },
          { status },
        );
      },
    });
  }

  it('each method: its method, path, cal-api-version 2024-09-04 and a body of ReserveSlotInput', async () => {
    sent.length = 0;
    const input = { eventTypeId: 10, slotStart: '2050-09-05T10:00:00Z', slotDuration: 60 };
    expect(await answering(reservationSample, 201).reserveSlot(input)).toEqual(reservationSample);
    const { reservationDuration: _d, ...got } = reservationSample;
    expect(await answering(got).reservedSlot('e84be5a3')).toEqual(got);
    expect(await answering(null).reservedSlot('unknown')).toBeNull();
    expect(await answering(reservationSample).updateReservation('e84be5a3', input)).toEqual(
      reservationSample,
    );
    expect(await answering(undefined).deleteReservation('e84be5a3')).toBeUndefined();
    expect(sent.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST https://api.cal.test/v2/slots/reservations',
      'GET https://api.cal.test/v2/slots/reservations/e84be5a3',
      'GET https://api.cal.test/v2/slots/reservations/unknown',
      'PATCH https://api.cal.test/v2/slots/reservations/e84be5a3',
      'DELETE https://api.cal.test/v2/slots/reservations/e84be5a3',
    ]);
    for (const request of sent) expect(request.headers.get('cal-api-version')).toBe('2024-09-04');
    for (const request of [sent[0], sent[3]]) {
      expect(check(obj(reserveInputShape), request?.body)).toEqual([]);
    }
    expect(sent[4]?.body).toBeUndefined();
  });

  it('an answer without a key Cal.com always sends is invalid_response; an empty uid a TypeError', async () => {
    const { reservationUid: _uid, ...broken } = reservationSample;
    const error = await answering(broken, 201)
      .reserveSlot({ eventTypeId: 1, slotStart: '2050-01-01T00:00:00Z' })
      .catch((e: unknown) => e);
    expect(isCalApiError(error) && error.kind).toBe('invalid_response');
    await expect(answering(null).deleteReservation('')).rejects.toThrow(TypeError);
  });

  it("a 422 is a CalApiError of kind invalid_request with Cal.com's sentence", async () => {
    const api = createCalApi({
      getAccessToken: async () => 'cal-token',
      baseUrl: 'https://api.cal.test',
      fetch: async () =>
        Response.json(
          { status: 'error', error: { code: 'UnprocessableEntityException', message: 'taken' } },
          { status: 422 },
        ),
    });
    const error = await api
      .reserveSlot({ eventTypeId: 1, slotStart: '2050-01-01T00:00:00Z' })
      .catch((e: unknown) => e);
    expect(isCalApiError(error) && [error.kind, error.status, error.detail]).toEqual([
      'invalid_request',
      422,
      'taken',
    ]);
    expect(JSON.stringify(error)).not.toContain('cal-token');
  });
});

const MSW_AISQUARE = 'https://aisquare.reserve.test';
const MSW_CAL = 'https://cal.reserve.test';
const fixture = withContractFakes({ aisquare: MSW_AISQUARE, cal: MSW_CAL });
const { mswModel } = fixture;

const fakes = [
  {
    name: 'sandbox',
    base: () => fixture.sandbox.url,
    jwt: (id: string) => fixture.sandbox.issueJwt(id),
    otherToken: async () =>
      tokenFrom(fixture.sandbox.url, await fixture.sandbox.issueJwt('reserve-other')),
  },
  {
    name: 'MSW handlers',
    base: () => MSW_CAL,
    aisquare: MSW_AISQUARE,
    jwt: async (id: string) => unsignedJwt(id),
    // The handlers sign in their one fixture user whatever the JWT says: another user from the model.
    otherToken: async () =>
      mswModel.connect({ sub: 'reserve-other' }, { ttlSeconds: 3600 }).accessToken,
  },
];

for (const fake of fakes) {
  describe(`${fake.name}: reservations as Cal.com keeps them`, () => {
    let token: string;
    let api: ReturnType<typeof createCalApi>;
    let typeId: number;
    let otherTypeId: number;
    const range = () => {
      const day = (offset: number) =>
        new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      return { start: day(2), end: day(20), timeZone: 'UTC' };
    };
    const starts = async (eventTypeId: number) =>
      Object.values(await api.slots({ eventTypeId, ...range() }))
        .flat()
        .map((slot) => Date.parse(slot.start));
    const send = async (method: string, path: string, body?: unknown, auth = true) => {
      const response = await fetch(`${fake.base()}${path}`, {
        method,
        headers: {
          'cal-api-version': '2024-09-04',
          'content-type': 'application/json',
          ...(auth ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    beforeAll(async () => {
      const id = `reserve-${fake.name.replace(/\W/g, '')}`;
      token = await tokenFrom(fake.aisquare ?? fake.base(), await fake.jwt(id));
      api = createCalApi({ getAccessToken: async () => token, baseUrl: fake.base() });
      const types = await api.eventTypes();
      typeId = types.find((type) => type.slug === '30min')!.id;
      otherTypeId = types.find((type) => type.slug !== '30min' && !type.hidden)!.id;
    });

    it("POST 201 with Cal.com's keys; the time leaves GET /v2/slots for everyone, on all the host's types; DELETE brings it back", async () => {
      const first = (await starts(typeId))[0]!;
      const slotStart = new Date(first).toISOString();
      const posted = await send('POST', '/v2/slots/reservations', {
        eventTypeId: typeId,
        slotStart,
        extra: 1,
      });
      expect(posted.status).toBe(201);
      expect(check(obj({ status: 'string', data: obj(reservationShape) }), posted.body)).toEqual(
        [],
      );
      const data = posted.body.data as typeof reservationSample;
      expect(data).toMatchObject({
        eventTypeId: typeId,
        slotStart,
        slotDuration: 30,
        reservationDuration: 5,
      });
      expect(Date.parse(data.reservationUntil) - Date.now()).toBeGreaterThan(4 * MINUTE);
      expect(Date.parse(data.slotEnd) - Date.parse(data.slotStart)).toBe(30 * MINUTE);
      // Hidden from everyone, the reserver too, and on the host's other event types.
      expect(await starts(typeId)).not.toContain(first);
      expect(await starts(otherTypeId)).not.toContain(first);

      const got = await send(
        'GET',
        `/v2/slots/reservations/${data.reservationUid}`,
        undefined,
        false,
      );
      expect(got.status).toBe(200);
      expect(check(obj({ status: 'string', data: obj(reservedSlotShape) }), got.body)).toEqual([]);

      // Someone else (no token) asking for an overlapping time: 422, with Cal.com's sentence.
      const again = await send(
        'POST',
        '/v2/slots/reservations',
        { eventTypeId: typeId, slotStart },
        false,
      );
      expect(again.status).toBe(422);
      expect(check(obj(errorShape), again.body)).toEqual([]);
      expect((again.body.error as { message: string }).message).toBe(
        'This time slot is already reserved by another user. Please choose a different time.',
      );
      // A PATCH to its own time fails against itself, as Cal.com's overlap check keeps the row in.
      const patched = await send(
        'PATCH',
        `/v2/slots/reservations/${data.reservationUid}`,
        { eventTypeId: typeId, slotStart },
        false,
      );
      expect(patched.status).toBe(422);

      const deleted = await send(
        'DELETE',
        `/v2/slots/reservations/${data.reservationUid}`,
        undefined,
        false,
      );
      expect(deleted).toEqual({ status: 200, body: { status: 'success' } });
      expect(await starts(typeId)).toContain(first);
      expect((await send('GET', `/v2/slots/reservations/${data.reservationUid}`)).body).toEqual({
        status: 'success',
        data: null,
      });
      // deleteMany: an unknown uid is fine too.
      expect((await send('DELETE', '/v2/slots/reservations/unknown')).status).toBe(200);
    });

    it('PATCH moves a hold; back-to-back holds do not overlap; a booked time is 422', async () => {
      const [a, b] = await starts(typeId);
      const hold = await api.reserveSlot({
        eventTypeId: typeId,
        slotStart: new Date(a!).toISOString(),
      });
      const moved = await api.updateReservation(hold.reservationUid, {
        eventTypeId: typeId,
        slotStart: new Date(b!).toISOString(),
      });
      expect(moved.slotStart).toBe(new Date(b!).toISOString());
      expect(await starts(typeId)).toContain(a);
      const next = await api.reserveSlot({
        eventTypeId: typeId,
        slotStart: new Date(b! + 30 * MINUTE).toISOString(),
      });
      await api.deleteReservation(next.reservationUid);
      await api.deleteReservation(hold.reservationUid);
      await api.createBooking({
        eventTypeId: typeId,
        start: new Date(a!).toISOString(),
        attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
      });
      const booked = await send('POST', '/v2/slots/reservations', {
        eventTypeId: typeId,
        slotStart: new Date(a!).toISOString(),
      });
      expect([booked.status, (booked.body.error as { message: string }).message]).toEqual([
        422,
        "Can't reserve a slot if the event is already booked.",
      ]);
    });

    it('checks in order: 400 body, 401 and 403 for reservationDuration, 404, 400 slotDuration; PATCH unknown 404', async () => {
      const slotStart = new Date((await starts(typeId))[2]!).toISOString();
      const status = async (body: unknown, auth = true) =>
        (await send('POST', '/v2/slots/reservations', body, auth)).status;
      expect(await status({ eventTypeId: '1', slotStart })).toBe(400);
      expect(await status({ eventTypeId: typeId, slotStart: 'soon' })).toBe(400);
      expect(
        await status({ eventTypeId: 999_999, slotStart, reservationDuration: 10 }, false),
      ).toBe(401);
      expect(await status({ eventTypeId: 999_999, slotStart })).toBe(404);
      expect(await status({ eventTypeId: typeId, slotStart, slotDuration: 60 })).toBe(400);
      const other = await fake.otherToken();
      const forbidden = await fetch(`${fake.base()}/v2/slots/reservations`, {
        method: 'POST',
        headers: {
          'cal-api-version': '2024-09-04',
          'content-type': 'application/json',
          authorization: `Bearer ${other}`,
        },
        body: JSON.stringify({ eventTypeId: typeId, slotStart, reservationDuration: 10 }),
      });
      expect(forbidden.status).toBe(403);
      const own = await api.reserveSlot({
        eventTypeId: typeId,
        slotStart,
        reservationDuration: 10,
      });
      expect(own.reservationDuration).toBe(10);
      await api.deleteReservation(own.reservationUid);
      expect(
        (await send('PATCH', '/v2/slots/reservations/nope', { eventTypeId: typeId, slotStart }))
          .status,
      ).toBe(404);
    });
  });
}

describe('the model: expiry', () => {
  it('a hold stops counting at releaseAt, and the next slot search deletes it', () => {
    let now = Date.UTC(2030, 0, 7, 6);
    const model = createCalFakeModel({ now: () => now });
    model.integrate({ sub: 'expiry', email: 'e@example.com' });
    const type = model.eventTypes('expiry').find((t) => t.slug === '30min')!;
    const day = [Date.UTC(2030, 0, 8), Date.UTC(2030, 0, 9)] as const;
    const first = model.slots(type.id, ...day)[0]!;
    const result = model.reserveSlot({
      eventTypeId: type.id,
      slotStart: new Date(first.start).toISOString(),
    });
    if (!result.ok) throw new Error(result.failure.message);
    expect(model.slots(type.id, ...day)[0]?.start).not.toBe(first.start);
    now += 5 * MINUTE + 1;
    expect(model.liveReservations()).toEqual([]);
    expect(model.reservation(result.reservation.uid)).toBeDefined();
    expect(model.slots(type.id, ...day)[0]?.start).toBe(first.start);
    expect(model.reservation(result.reservation.uid)).toBeUndefined();
  });
});
