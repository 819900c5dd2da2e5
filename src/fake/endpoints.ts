/**
 * What each Cal.com endpoint answers once the request is routed, authorized and valid: slots, the
 * bookings list, event types, one booking or series, creating, cancelling and rescheduling.
 *
 * @module
 */
import { fail, fromFailure } from './calErrors.js';
import { checkBookingEmailCode } from './emailVerification.js';
import { bookingNotFound } from './failures.js';
import type {
  CalFakeBooking,
  CalFakeModel,
  CalFakeReservation,
  CalFakeUser,
} from './modelTypes.js';
import { bookingOutput, calPagination, eventTypeOutput, seriesOutput } from './outputs.js';
import {
  eventTypeIdBySlug,
  instantParam,
  intParam,
  type parseCancelBody,
  type parseCreateBody,
  type parseRescheduleBody,
  type parseReserveBody,
} from './requests.js';
import { DAY_MS, dateKey, formatInZone, isMidnightUtc, isTimeZone } from './zoneMaths.js';

const MAX_SLOT_RANGE_MS = 400 * DAY_MS;

export function slotsData(model: CalFakeModel, query: URLSearchParams) {
  const from = instantParam(query, 'start', true) as number;
  let to = instantParam(query, 'end', true) as number;
  // Cal.com reads a date-only (midnight UTC) `end` as the end of that day.
  if (isMidnightUtc(to)) to += DAY_MS - 1000;
  // apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts
  // @ f0ac6126fbf673cb8202562293bf12d976ccaa49 (the slots engine's "Invalid time range given").
  if (to < from) {
    fail(400, "Invalid time range given - check the 'start' and 'end' query parameters.");
  }
  if (to - from > MAX_SLOT_RANGE_MS)
    fail(400, 'The range from start to end must not exceed 400 days.');
  const timeZone = query.get('timeZone') ?? undefined;
  if (timeZone !== undefined && !isTimeZone(timeZone)) fail(400, `Invalid time zone: ${timeZone}`);
  const format = query.get('format') ?? 'time';
  if (format !== 'time' && format !== 'range')
    fail(400, 'format must be one of the following values: time, range');
  const duration = intParam(query, 'duration', 1);

  let eventTypeId = intParam(query, 'eventTypeId', 1);
  if (eventTypeId === undefined) {
    const slug = query.get('eventTypeSlug');
    const username = query.get('username');
    if (slug === null || username === null) {
      fail(400, 'Either eventTypeId, or eventTypeSlug with username, must be provided');
    }
    eventTypeId = eventTypeIdBySlug(model, username as string, slug as string);
  }
  if (eventTypeId === undefined || model.eventType(eventTypeId) === undefined) {
    fail(404, 'Event Type not found');
  }
  const zone = timeZone ?? 'UTC';
  const data: Record<string, Record<string, unknown>[]> = {};
  // Cal.com's slots engine keeps the first slot of each date (`_mapSlotsToDate` in
  // packages/trpc/server/routers/viewer/slots/util.ts @ 001f8e29cefd26287042709228e41c0566b350ce).
  const firstOnly = model.eventType(eventTypeId as number)?.settings?.onlyShowFirstAvailableSlot;
  for (const slot of model.slots(eventTypeId as number, from, to, {
    duration,
    ignoreBookingUid: query.get('bookingUidToReschedule') ?? undefined,
  })) {
    const start = formatInZone(slot.start, zone);
    // The local date leads the ISO string; only a year past 9999 (more digits, or a sign) asks again.
    const key = start.charAt(10) === 'T' ? start.slice(0, 10) : dateKey(slot.start, zone);
    const entry: Record<string, unknown> =
      format === 'range' ? { start, end: formatInZone(slot.end, zone) } : { start };
    // A seated type's every slot counts its seats; `bookingUid` only where a booking sits
    // (slots-output.service.ts @ 03670679c00d600615e8df2bc64545bd51c61646).
    if (slot.seats !== undefined) {
      entry.seatsBooked = slot.seats.booked;
      entry.seatsRemaining = slot.seats.total - slot.seats.booked;
      entry.seatsTotal = slot.seats.total;
      if (slot.seats.bookingUid !== undefined) entry.bookingUid = slot.seats.bookingUid;
    }
    const day = data[key] ?? [];
    if (firstOnly && day.length > 0) continue;
    day.push(entry);
    data[key] = day;
  }
  return data;
}

const STATUSES = ['upcoming', 'recurring', 'past', 'cancelled', 'unconfirmed'] as const;

export function bookingsList(model: CalFakeModel, sub: string, query: URLSearchParams) {
  const take = intParam(query, 'take') ?? 100;
  const skip = intParam(query, 'skip') ?? 0;
  const statuses = (query.get('status') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  for (const status of statuses) {
    if (!(STATUSES as readonly string[]).includes(status)) {
      fail(400, `status must be one of the following values: ${STATUSES.join(', ')}`);
    }
  }
  const sortStart = query.get('sortStart');
  if (sortStart !== null && sortStart !== 'asc' && sortStart !== 'desc') {
    fail(400, 'sortStart must be one of the following values: asc, desc');
  }
  const afterStart = instantParam(query, 'afterStart', false);
  const beforeEnd = instantParam(query, 'beforeEnd', false);
  const eventTypeId = intParam(query, 'eventTypeId', 1);
  const attendeeEmail = query.get('attendeeEmail');
  const now = model.now();
  const live = (booking: CalFakeBooking) =>
    booking.status === 'accepted' || booking.status === 'pending';
  const matchesStatus = (booking: CalFakeBooking, status: (typeof STATUSES)[number]) => {
    switch (status) {
      case 'upcoming':
        return booking.end >= now && live(booking);
      case 'past':
        return booking.end <= now && live(booking);
      case 'cancelled':
        return booking.status === 'cancelled' || booking.status === 'rejected';
      case 'unconfirmed':
        return booking.end >= now && booking.status === 'pending';
      case 'recurring':
        // The occurrences of series still to come and not cancelled or rejected.
        return booking.recurringEventId !== undefined && booking.end >= now && live(booking);
    }
  };
  const matching = model
    .bookings(sub)
    .filter(
      (booking) =>
        (statuses.length === 0 ||
          statuses.some((status) => matchesStatus(booking, status as (typeof STATUSES)[number]))) &&
        (afterStart === undefined || booking.start >= afterStart) &&
        (beforeEnd === undefined || booking.end <= beforeEnd) &&
        (eventTypeId === undefined || booking.eventTypeId === eventTypeId) &&
        (attendeeEmail === null ||
          booking.attendee.email === attendeeEmail ||
          booking.seats?.some((seat) => seat.attendee.email === attendeeEmail) === true),
    );
  // Cal.com's default order: past and cancelled lists newest first, every other list oldest first.
  const descending =
    sortStart === 'desc' ||
    (sortStart === null &&
      statuses.length === 1 &&
      (statuses[0] === 'past' || statuses[0] === 'cancelled'));
  matching.sort((a, b) => (descending ? b.start - a.start : a.start - b.start) || a.id - b.id);
  return {
    data: matching
      .slice(skip, skip + take)
      .map((booking) => bookingOutput(booking, model, { list: true })),
    pagination: calPagination(skip, take, matching.length),
  };
}

export function eventTypesData(
  model: CalFakeModel,
  sub: string | undefined,
  query: URLSearchParams,
) {
  const username = query.get('username');
  const eventSlug = query.get('eventSlug');
  let ownerSub = sub;
  let includeHidden = true;
  if (username !== null) {
    ownerSub = model.findSubByUsername(username);
    if (ownerSub === undefined) return [];
    includeHidden = ownerSub === sub;
  }
  // Neither a token nor a username: an empty list (ET/services/event-types.service.ts
  // @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96, `getEventTypes`).
  if (ownerSub === undefined) return [];
  const owner = model.getUser(ownerSub) as CalFakeUser;
  return model
    .eventTypes(ownerSub)
    .filter(
      (type) => (includeHidden || !type.hidden) && (eventSlug === null || type.slug === eventSlug),
    )
    .map((type) => eventTypeOutput(type, owner));
}

/**
 * `GET /v2/bookings/{uid}` (bookings.service.ts @ 015b57aa35e8f11ded25dc1cedd7460a58440f72,
 * `getBooking`): the booking with that uid (an occurrence of a series as such), else every occurrence
 * of the series whose uid it is, whatever their status, else 404.
 */
export function bookingOrSeries(model: CalFakeModel, uid: string, viewer?: string) {
  const booking = model.booking(uid);
  if (booking !== undefined) return bookingOutput(booking, model, { viewer });
  const series = model.series(uid);
  if (series.length === 0) return fromFailure(bookingNotFound(uid));
  return seriesOutput(series, model);
}

/**
 * `POST /v2/bookings/{uid}/cancel`, as Cal.com's bookings service runs it (bookings.service.ts
 * @ 015b57aa35e8f11ded25dc1cedd7460a58440f72 `cancelBooking`, input.service.ts
 * @ 01598ed41a205884e52f5c03577b81e41bce0fff `transformInputCancelBooking`): a series' uid cancels its
 * occurrences still to come and answers the whole series; `cancelSubsequentBookings` on one occurrence
 * cancels it and the later ones and answers the series; on a booking outside a series it cancels the
 * booking, then answers 400 (Cal.com checks only while building the answer).
 */
export function cancel(
  model: CalFakeModel,
  uid: string,
  input: ReturnType<typeof parseCancelBody>,
  cancelledBy: string | undefined,
  viewer?: string,
) {
  const by = cancelledBy === undefined ? {} : { cancelledBy };
  const reason =
    input.cancellationReason === undefined ? {} : { cancellationReason: input.cancellationReason };
  if (input.seatUid !== undefined) {
    // Only that seat goes (seats.ts); the answer is the booking read afterwards, without it.
    const result = model.cancelSeat(uid, input.seatUid, { ...reason, ...by });
    if (!result.ok) return fromFailure(result.failure);
    return bookingOutput(result.booking, model, { viewer });
  }
  if (model.booking(uid) === undefined && model.series(uid).length > 0) {
    if (input.cancelSubsequentBookings) {
      fail(
        400,
        'Cannot cancel subsequent bookings for recurring event - you have to provide uid of one of the individual bookings of a recurring booking.',
      );
    }
    const result = model.cancelSeries(uid, { ...reason, ...by });
    if (!result.ok) return fromFailure(result.failure);
    return seriesOutput(result.bookings, model);
  }
  if (model.booking(uid) === undefined) return fail(404, `Booking with uid=${uid} not found`);
  const result = model.cancelBooking(uid, {
    ...reason,
    ...by,
    cancelSubsequentBookings: input.cancelSubsequentBookings,
  });
  if (!result.ok) return fromFailure(result.failure);
  if (input.cancelSubsequentBookings) {
    const seriesUid = result.booking.recurringEventId;
    if (seriesUid === undefined) {
      return fail(400, `Booking with bookingUid=${uid} is not part of a recurring booking.`);
    }
    return seriesOutput(model.series(seriesUid), model);
  }
  return bookingOutput(result.booking, model);
}

/**
 * `bookingRequiresAuthentication`: only the event type's owner books it (the fake has no teams or
 * organizations, whose admins Cal.com also lets in): 401 without a token, 403 with another user's
 * (apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts
 * @ 015b57aa35e8f11ded25dc1cedd7460a58440f72, `checkBookingRequiresAuthenticationSetting`, run right
 * after the event type is found).
 */
function checkRequiresAuthentication(ownerSub: string, sub: string | undefined): void {
  if (sub === undefined) {
    fail(
      401,
      'checkBookingRequiresAuthentication - request must be authenticated by passing credentials belonging to event type owner, host or team or org admin or owner.',
    );
  }
  if (sub !== ownerSub) {
    fail(
      403,
      'checkBookingRequiresAuthentication - user is not authorized to access this event type. User has to be either event type owner, host, team admin or owner or org admin or owner.',
    );
  }
}

/** The answer data of `POST /v2/bookings`, and its status (201). `sub`: the token's user, if any. */
export function createBookingData(
  model: CalFakeModel,
  body: ReturnType<typeof parseCreateBody>,
  sub?: string,
) {
  const { recurrenceCount, instant, emailVerificationCode, ...input } = body;
  const eventType = model.eventType(input.eventTypeId);
  if (eventType === undefined) {
    return fail(404, `Event type with id ${input.eventTypeId} not found.`);
  }
  const settings = eventType.settings ?? {};
  if (settings.bookingRequiresAuthentication) checkRequiresAuthentication(eventType.ownerSub, sub);
  // Every event type of the fake belongs to a user (bookings.service.ts createInstantBooking).
  if (instant) {
    fail(
      400,
      'Instant bookings are only supported for team event types, not individual user event types.',
    );
  }
  if (settings.requiresBookerEmailVerification) {
    checkBookingEmailCode(model, input.attendee.email, emailVerificationCode);
  }
  // Cal.com picks the output by the event type, not the body (bookings.service.ts
  // `createBooking`): a recurring type books its series and answers it, sorted by start; on any
  // other type `recurrenceCount` is accepted by the pipe and then unused (the regular path,
  // input.service.ts `transformInputCreateBooking`, never reads it).
  if (eventType.recurrence !== null) {
    const result = model.createRecurringBooking({ ...input, recurrenceCount });
    if (!result.ok) return fromFailure(result.failure);
    return seriesOutput(result.bookings, model);
  }
  const result = model.createBooking(input);
  if (!result.ok) return fromFailure(result.failure);
  return bookingOutput(result.booking, model, { viewer: sub, seatUid: result.seatUid });
}

/** The answer data of `POST /v2/bookings/{uid}/reschedule`: the new booking. */
export function rescheduleData(
  model: CalFakeModel,
  uid: string,
  input: ReturnType<typeof parseRescheduleBody>,
  viewer?: string,
) {
  const booking = model.booking(uid);
  if (booking === undefined) return fromFailure(bookingNotFound(uid));
  if (input.seatUid !== undefined)
    return rescheduleSeat(model, booking, input.seatUid, input, viewer);
  if (booking.seats !== undefined) {
    // input.service.ts (index id 112734906): a seated booking is moved seat by seat.
    return fail(
      400,
      `Booking with uid=${uid} is a seated booking which means you have to provide seatUid in the request body to specify which seat specifically you want to reschedule. First, fetch the booking using https://cal.com/docs/api-reference/v2/bookings/get-a-booking and then within the attendees array you will find the seatUid of the booking you want to reschedule. Second, provide the seatUid in the request body to specify which seat specifically you want to reschedule using the reschedule endpoint https://cal.com/docs/api-reference/v2/bookings/reschedule-a-booking#option-2`,
    );
  }
  const result = model.rescheduleBooking(uid, {
    start: input.start,
    ...(input.reschedulingReason !== undefined
      ? { reschedulingReason: input.reschedulingReason }
      : {}),
    ...(input.rescheduledBy !== undefined ? { rescheduledBy: input.rescheduledBy } : {}),
  });
  if (!result.ok) return fromFailure(result.failure);
  return bookingOutput(result.booking, model);
}

/** The reservation as Cal.com's `ReserveSlotOutput_2024_09_04` (GET leaves out `reservationDuration`). */
export function reservationOutput(row: CalFakeReservation, withDuration: boolean) {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    eventTypeId: row.eventTypeId,
    slotStart: iso(row.start),
    slotEnd: iso(row.end),
    slotDuration: Math.round((row.end - row.start) / 60_000),
    reservationUid: row.uid,
    ...(withDuration ? { reservationDuration: row.reservationDuration } : {}),
    reservationUntil: iso(row.releaseAt),
  };
}

/** The answer data of the four reservation routes; `undefined` for DELETE (no `data` key). */
export function reservationData(
  model: CalFakeModel,
  endpoint:
    | 'cal.reserveSlot'
    | 'cal.reservedSlot'
    | 'cal.updateReservation'
    | 'cal.deleteReservation',
  uid: string | undefined,
  body: () => ReturnType<typeof parseReserveBody>,
  sub: string | undefined,
) {
  if (endpoint === 'cal.reservedSlot') {
    // Unknown uid: `data: null` with 200 (get-reserved-slot.output.ts declares it nullable).
    const row = model.reservation(uid as string);
    return row === undefined ? null : reservationOutput(row, false);
  }
  if (endpoint === 'cal.deleteReservation') {
    model.deleteReservation(uid as string);
    return undefined;
  }
  const result =
    endpoint === 'cal.reserveSlot'
      ? model.reserveSlot(body(), sub)
      : model.updateReservation(uid as string, body());
  if (!result.ok) return fromFailure(result.failure);
  return reservationOutput(result.reservation, true);
}

/**
 * A seat moved to `start`: Cal.com's e2e (bookings seated e2e-spec, index id 591619386) answers 201 with
 * the seated booking at the new time, `seatUid` set and the moved attendee. The fake books the seat
 * there (joining a seated booking already at that time) and then frees the old seat, the last one
 * cancelling its booking. UNVERIFIED: whether Cal.com keeps the seat's uid, and how it marks the old
 * booking; the fake gives a new uid and marks nothing.
 */
function rescheduleSeat(
  model: CalFakeModel,
  booking: CalFakeBooking,
  seatUid: string,
  input: ReturnType<typeof parseRescheduleBody>,
  viewer: string | undefined,
) {
  const seat = booking.seats?.find((candidate) => candidate.seatUid === seatUid);
  // input.service.ts transformInputRescheduleSeatedBooking.
  if (seat === undefined) return fail(404, `Seat with uid=${seatUid} does not exist.`);
  const { email: _email, ...answers } = seat.responses;
  const result = model.createBooking({
    eventTypeId: booking.eventTypeId,
    start: input.start,
    attendee: seat.attendee,
    bookingFieldsResponses: answers,
  });
  if (!result.ok) return fromFailure(result.failure);
  model.cancelSeat(booking.uid, seatUid, {});
  return bookingOutput(result.booking, model, { viewer, seatUid: result.seatUid });
}
