/**
 * The in-memory Cal.com world shared by the sandbox (Node HTTP) and the MSW handlers (`/testing`):
 * users, the access tokens issued for them (each with its own expiry), their event types, weekly
 * availability and bookings, and rate-limit counters. Pure and framework-free: no `node:` import, only
 * `globalThis.crypto`, `Date` and `Intl`, and a clock injected as `now()`.
 *
 * This file puts the model together; each part is its own module: accounts.ts (users and tokens),
 * seed.ts, slots.ts, bookingChecks.ts, bookings.ts, series.ts, throttle.ts, and the types in
 * modelTypes.ts.
 *
 * @module
 */
import {
  expireAccessTokens,
  integrate,
  issueAccessToken,
  lookupToken,
  revokeAccessTokens,
} from './accounts.js';
import {
  cancelBooking,
  createBooking,
  findBooking,
  rescheduleBooking,
  seriesOf,
} from './bookings.js';
import { emailCode, isUserEmail, sendEmailCode } from './emailVerification.js';
import type { CalFakeModel, CalFakeModelOptions } from './modelTypes.js';
import {
  deleteReservation,
  findReservation,
  reserveSlot,
  updateReservation,
} from './reservations.js';
import { cancelSeat } from './seats.js';
import { cancelSeries, createRecurringBooking } from './series.js';
import { slots } from './slots.js';
import { checkRateLimit, hitRateLimit } from './throttle.js';
import { type CalFakeWorld, copyBooking, emptyState } from './world.js';

export { bookingNotFound, CAL_MESSAGES } from './failures.js';
export type * from './modelTypes.js';
export { EVENT_TYPE_LOCATIONS } from './seed.js';
export { checkRateLimit } from './throttle.js';

/** Creates an empty Cal.com world; users appear through `integrate` (the AISquare token call). */
export function createCalFakeModel(options: CalFakeModelOptions = {}): CalFakeModel {
  const initialRateLimit = checkRateLimit(options.rateLimit);
  const world: CalFakeWorld = {
    now: options.now ?? (() => Date.now()),
    recurringEventType: options.recurringEventType ?? true,
    ...emptyState(initialRateLimit),
  };
  const lenient = options.acceptUnknownTokensAs;

  return {
    now: world.now,
    getUser: (sub) => world.users.get(sub),
    findSubByUsername(username) {
      for (const [sub, user] of world.users) if (user.username === username) return sub;
      return undefined;
    },
    integrate: (identity, integrateOptions) => integrate(world, identity, integrateOptions),
    issueAccessToken: (sub, ttlSeconds) => issueAccessToken(world, sub, ttlSeconds),
    connect(identity, { ttlSeconds, timeZone, user }) {
      const { created } = integrate(world, identity, {
        timeZone,
        ...(user !== undefined ? { user } : {}),
      });
      return { created, accessToken: issueAccessToken(world, identity.sub, ttlSeconds) };
    },
    lookupToken: (token) => lookupToken(world, token, lenient),
    revokeAccessTokens: (sub) => revokeAccessTokens(world, sub),
    expireAccessTokens: (sub) => expireAccessTokens(world, sub),
    eventTypes: (sub) =>
      [...world.eventTypes.values()]
        .filter((eventType) => eventType.ownerSub === sub)
        .map(({ ownerSub: _owner, ...eventType }) => ({
          ...eventType,
          bookingFields: eventType.bookingFields.map((field) => ({ ...field })),
        })),
    eventType: (id) => world.eventTypes.get(id),
    availability: (sub) => world.availabilityBySub.get(sub),
    bookings: (sub) =>
      world.bookings
        .filter((booking) => sub === undefined || booking.ownerSub === sub)
        .map(copyBooking),
    booking: (uid) => {
      const booking = findBooking(world, uid);
      return booking === undefined ? undefined : copyBooking(booking);
    },
    slots: (eventTypeId, from, to, slotOptions) => slots(world, eventTypeId, from, to, slotOptions),
    createBooking: (input, createOptions) => createBooking(world, input, createOptions),
    createRecurringBooking: (input) => createRecurringBooking(world, input),
    series: (recurringEventId) => seriesOf(world, recurringEventId).map(copyBooking),
    cancelBooking: (uid, input) => cancelBooking(world, uid, input),
    cancelSeat(uid, seatUid, input) {
      const result = cancelSeat(world, findBooking(world, uid), seatUid);
      return result.ok && result.last ? cancelBooking(world, uid, input) : result;
    },
    cancelSeries: (recurringEventId, input) => cancelSeries(world, recurringEventId, input),
    rescheduleBooking: (uid, input) => rescheduleBooking(world, uid, input),
    reserveSlot: (input, authSub) => reserveSlot(world, input, authSub),
    updateReservation: (uid, input) => updateReservation(world, uid, input),
    reservation: (uid) => findReservation(world, uid),
    deleteReservation: (uid) => deleteReservation(world, uid),
    liveReservations: () =>
      world.reservations.filter((row) => row.releaseAt > world.now()).map((row) => ({ ...row })),
    hitRateLimit: (tracker) => hitRateLimit(world, tracker),
    setRateLimit(limit) {
      world.rateLimit = checkRateLimit(limit);
      world.rate = new Map();
    },
    isOriginAllowed:
      options.isOriginAllowed ?? ((origin: string) => origin !== '' && origin !== 'null'),
    requestId: () => globalThis.crypto.randomUUID(),
    emailVerificationCode: (email) => emailCode(world, email),
    sendEmailVerificationCode: (email, tracker) => sendEmailCode(world, email, tracker),
    isUserEmail: (email) => isUserEmail(world, email),
    reset() {
      Object.assign(world, emptyState(initialRateLimit));
    },
  };
}
