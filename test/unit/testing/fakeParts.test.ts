// The fake's parts on their own, below the model and the request handler that calUserFixture,
// calFake.test.ts and the contract tests drive.
import { describe, expect, it } from 'vitest';
import { integrate, issueAccessToken, lookupToken } from '../../../src/fake/accounts.js';
import {
  checkFieldResponses,
  checkLength,
  resolveLocation,
} from '../../../src/fake/bookingChecks.js';
import { calErrorResponse, HttpFailure, rateLimitHeaders } from '../../../src/fake/calErrors.js';
import { isCalPath, matchCalRoute } from '../../../src/fake/calRoutes.js';
import { createCalFakeModel } from '../../../src/fake/model.js';
import type { CalFakeBooking, CalFakeEventType } from '../../../src/fake/modelTypes.js';
import { randomBase64Url, randomString } from '../../../src/fake/random.js';
import { seedEventTypes } from '../../../src/fake/seed.js';
import { checkRateLimit, hitRateLimit } from '../../../src/fake/throttle.js';
import { formatInvalid, validator } from '../../../src/fake/validation.js';
import { type CalFakeWorld, copyBooking, emptyState } from '../../../src/fake/world.js';

const T0 = Date.UTC(2030, 0, 7, 8, 0);

function world(rateLimit?: number, at = { now: T0 }): CalFakeWorld {
  return { now: () => at.now, recurringEventType: true, ...emptyState(rateLimit) };
}

const thirty = (): CalFakeEventType => ({
  ...(seedEventTypes(false)[1] as Omit<CalFakeEventType, 'id' | 'ownerId' | 'scheduleId'>),
  id: 2,
  ownerId: 1001,
  scheduleId: 10010,
});

describe('world', () => {
  it('starts empty, with ids from 1001 (users) and 1 (event types, bookings)', () => {
    const state = emptyState(5);
    expect(state.users.size + state.eventTypes.size + state.bookings.length).toBe(0);
    expect(state).toMatchObject({
      rateLimit: 5,
      nextUserId: 1001,
      nextEventTypeId: 1,
      nextBookingId: 1,
    });
  });

  it('copies a booking so that changing the copy leaves the record alone', () => {
    const booking = {
      attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC', language: 'en' },
      guests: ['a@example.com'],
      responses: { notes: 'x' },
      metadata: { k: 'v' },
    } as unknown as CalFakeBooking;
    const copy = copyBooking(booking);
    copy.attendee.name = 'Eve';
    copy.guests.push('b@example.com');
    copy.responses.notes = 'y';
    copy.metadata.k = 'w';
    expect(booking).toMatchObject({
      attendee: { name: 'Bob' },
      guests: ['a@example.com'],
      responses: { notes: 'x' },
      metadata: { k: 'v' },
    });
  });

  it('makes random ids of the length and alphabet asked for', () => {
    expect(randomString(22)).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(randomString(8, 'ab')).toMatch(/^[ab]{8}$/);
    expect(randomBase64Url(24)).toMatch(/^[\w-]{32}$/);
  });
});

describe('accounts', () => {
  it('integrates a user once, with the seeded event types and the work week', () => {
    const w = world();
    const first = integrate(w, { sub: 'ada lovelace' });
    expect(first).toMatchObject({
      created: true,
      user: { id: 1001, username: 'ada-lovelace-1001', name: 'Ada Lovelace' },
    });
    expect(integrate(w, { sub: 'ada lovelace' }).created).toBe(false);
    // Four, and issue 20's hidden layouts, seated, confirmation, locations and settings types.
    expect(w.eventTypes.size).toBe(11);
    expect(w.availabilityBySub.get('ada lovelace')?.days).toEqual([1, 2, 3, 4, 5]);
  });

  it('looks tokens up as valid, expired or unknown; a lenient world accepts unknown ones', () => {
    const at = { now: T0 };
    const w = world(undefined, at);
    integrate(w, { sub: 'ada' });
    const token = issueAccessToken(w, 'ada', 60);
    expect(token.startsWith('cal_at_')).toBe(true);
    expect(lookupToken(w, token, undefined)).toEqual({ kind: 'valid', sub: 'ada' });
    at.now += 60_000;
    expect(lookupToken(w, token, undefined)).toEqual({ kind: 'expired' });
    expect(lookupToken(w, 'other', undefined)).toEqual({ kind: 'unknown' });
    expect(lookupToken(w, 'other', { sub: 'bob' })).toEqual({ kind: 'valid', sub: 'bob' });
    expect(w.users.has('bob')).toBe(true);
  });
});

describe('booking checks', () => {
  it('takes a length only among the options', () => {
    const eventType = thirty();
    expect(checkLength(eventType, undefined)).toBeUndefined();
    expect(checkLength(eventType, 45)).toBeUndefined();
    expect(checkLength(eventType, 20)?.message).toMatch(/not one of the possible lengths/);
    expect(checkLength({ ...eventType, lengthInMinutesOptions: undefined }, 30)?.status).toBe(400);
  });

  it('checks each custom field by type, then by option', () => {
    const eventType = thirty();
    const select = {
      type: 'select',
      slug: 'topic',
      required: true,
      hidden: false,
      isDefault: false,
      options: ['A', 'B'],
    };
    const withTopic = { ...eventType, bookingFields: [...eventType.bookingFields, select] };
    expect(checkFieldResponses(withTopic, { topic: 'A' })).toBeUndefined();
    expect(checkFieldResponses(withTopic, {})?.message).toMatch(/^Missing required/);
    expect(checkFieldResponses(withTopic, { topic: true })?.message).toMatch(/^Invalid type/);
    expect(checkFieldResponses(withTopic, { topic: 'C' })?.message).toMatch(/^Invalid option 'C'/);
    expect(checkFieldResponses(eventType, { company: 3 })?.message).toMatch(
      /Expected type string .* but received number/,
    );
  });

  it('maps a location to where the booking takes place', () => {
    const eventType = thirty();
    expect(resolveLocation(eventType, undefined, 'u1')).toEqual({
      ok: true,
      location: 'https://app.cal.com/video/u1',
    });
    expect(resolveLocation(eventType, '+44 20 7946 0000', 'u1')).toMatchObject({
      response: { value: 'phone' },
    });
    expect(resolveLocation(eventType, { type: 'address' }, 'u1')).toMatchObject({ ok: false });
  });
});

describe('throttle', () => {
  it('keeps no limit for undefined or 0 and refuses anything but a positive integer', () => {
    expect(checkRateLimit(undefined)).toBeUndefined();
    expect(checkRateLimit(0)).toBeUndefined();
    expect(checkRateLimit(3)).toBe(3);
    expect(() => checkRateLimit(1.5, 'calRateLimit')).toThrow(/^calRateLimit must be/);
  });

  it('counts a window of 60 s, then blocks for 60 s', () => {
    const at = { now: T0 };
    const w = world(2, at);
    expect(hitRateLimit(w, 'a')).toEqual({
      limit: 2,
      remaining: 1,
      resetSeconds: 60,
      blocked: false,
    });
    hitRateLimit(w, 'a');
    expect(hitRateLimit(w, 'a')).toMatchObject({ blocked: true, remaining: 0 });
    expect(hitRateLimit(w, 'b')).toMatchObject({ blocked: false });
    at.now += 60_000;
    expect(hitRateLimit(w, 'a')).toMatchObject({ blocked: false, remaining: 1 });
    expect(hitRateLimit(world(), 'a')).toBeUndefined();
  });
});

describe('routes and errors', () => {
  it('matches a route by method and path, with the uid', () => {
    expect(isCalPath('/v2')).toBe(true);
    expect(isCalPath('/v20')).toBe(false);
    expect(matchCalRoute('post', '/v2/bookings/abc/cancel')).toMatchObject({
      endpoint: 'cal.cancelBooking',
      uid: 'abc',
    });
    expect(matchCalRoute('GET', '/v2/bookings/abc/cancel')).toBeUndefined();
    expect(matchCalRoute(undefined, '/v2/slots')?.auth).toBe('none');
  });

  it("builds Cal.com's error envelope and the throttler's headers", () => {
    const model = createCalFakeModel({ now: () => T0 });
    const answer = calErrorResponse(model, '/v2/me', 404, 'Nope');
    expect(answer.body).toEqual({
      status: 'error',
      timestamp: new Date(T0).toISOString(),
      path: '/v2/me',
      error: {
        code: 'NotFoundException',
        message: 'Nope',
        details: { message: 'Nope', error: 'Not Found', statusCode: 404 },
      },
    });
    expect(new HttpFailure(498, 'x').code).toBe('TokenExpiredException');
    expect(rateLimitHeaders(undefined)).toEqual({});
    expect(rateLimitHeaders({ limit: 5, remaining: 4, resetSeconds: 60, blocked: false })).toEqual({
      'X-RateLimit-Limit-Default': '5',
      'X-RateLimit-Remaining-Default': '4',
      'X-RateLimit-Reset-Default': '60',
    });
  });

  it("writes class-validator's errors as the bookings pipes do", () => {
    const { errors, add } = validator({ extra: 1, name: 2 }, ['name']);
    add('name', ['name must be a string']);
    expect(formatInvalid(errors)).toBe(
      'extra property is wrong,property extra should not exist , name property is wrong,name must be a string ',
    );
  });
});
