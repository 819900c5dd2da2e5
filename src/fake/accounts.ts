/**
 * Cal.com users and their access tokens: the initial integration of an AISquare user (its Cal.com
 * user, seeded event types and availability), and minting, looking up, expiring and revoking tokens.
 *
 * @module
 */
import type { CalFakeIdentity, CalFakeTokenLookup, CalFakeUser } from './modelTypes.js';
import { randomBase64Url } from './random.js';
import { seedEventTypes, WORK_WEEK } from './seed.js';
import type { CalFakeWorld } from './world.js';
import { isTimeZone } from './zoneMaths.js';

/** Time zone of users created without one. */
const DEFAULT_TIME_ZONE = 'Europe/London';
/** Prefix of the access tokens `issueAccessToken` mints. */
const TOKEN_PREFIX = 'cal_at_';

function usernameFor(sub: string): string {
  // Words joined by single dashes: no dash at either end, and no pattern that can backtrack.
  const slug = sub
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .join('-');
  return slug === '' ? 'user' : slug;
}

function displayNameFor(sub: string): string {
  const words = sub.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  if (words.length === 0) return 'Sandbox User';
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** The options of `integrate` and of a lenient model's unknown-token user. */
export interface IntegrateOptions {
  timeZone?: string | undefined;
  user?: Partial<CalFakeUser>;
}

export function integrate(
  world: CalFakeWorld,
  identity: CalFakeIdentity,
  integrateOptions: IntegrateOptions = {},
): { user: CalFakeUser; created: boolean } {
  const existing = world.users.get(identity.sub);
  if (existing !== undefined) return { user: existing, created: false };
  const timeZone =
    integrateOptions.timeZone ?? integrateOptions.user?.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
  const id = integrateOptions.user?.id ?? world.nextUserId++;
  const user: CalFakeUser = {
    id,
    email: identity.email ?? `${identity.sub}@example.com`,
    username: `${usernameFor(identity.sub)}-${id}`,
    name: identity.name ?? displayNameFor(identity.sub),
    avatarUrl: null,
    bio: null,
    weekStart: 'Monday',
    timeFormat: 24,
    defaultScheduleId: id * 10,
    locale: 'en',
    createdDate: new Date(world.now()).toISOString(),
    ...integrateOptions.user,
    timeZone,
  };
  world.users.set(identity.sub, user);
  world.availabilityBySub.set(identity.sub, { ...WORK_WEEK, days: [...WORK_WEEK.days] });
  for (const seed of seedEventTypes(world.recurringEventType)) {
    const eventType = {
      ...seed,
      id: world.nextEventTypeId++,
      ownerId: user.id,
      scheduleId: user.defaultScheduleId,
      ownerSub: identity.sub,
    };
    world.eventTypes.set(eventType.id, eventType);
  }
  return { user, created: true };
}

export function issueAccessToken(world: CalFakeWorld, sub: string, ttlSeconds: number): string {
  if (!world.users.has(sub)) throw new Error(`no Cal.com user for "${sub}": integrate it first`);
  if (!Number.isFinite(ttlSeconds)) throw new RangeError('ttlSeconds must be finite');
  const token = `${TOKEN_PREFIX}${randomBase64Url(24)}`;
  world.tokens.set(token, { sub, expiresAt: world.now() + ttlSeconds * 1000 });
  return token;
}

/**
 * What a bearer token is. With `lenient` (the `acceptUnknownTokensAs` option), a token the model did
 * not issue is valid as that user's, created on first use.
 */
export function lookupToken(
  world: CalFakeWorld,
  token: string,
  lenient: (CalFakeIdentity & IntegrateOptions) | undefined,
): CalFakeTokenLookup {
  const record = world.tokens.get(token);
  if (record !== undefined) {
    return world.now() >= record.expiresAt
      ? { kind: 'expired' }
      : { kind: 'valid', sub: record.sub };
  }
  if (lenient !== undefined && token !== '') {
    const { timeZone, user, ...identity } = lenient;
    integrate(world, identity, { timeZone, ...(user !== undefined ? { user } : {}) });
    return { kind: 'valid', sub: identity.sub };
  }
  return { kind: 'unknown' };
}

/** Deletes every token of `sub` (every token when omitted); returns how many were live. */
export function revokeAccessTokens(world: CalFakeWorld, sub: string | undefined): number {
  const at = world.now();
  let revoked = 0;
  for (const [token, record] of world.tokens) {
    if (sub !== undefined && record.sub !== sub) continue;
    if (record.expiresAt > at) revoked += 1;
    world.tokens.delete(token);
  }
  return revoked;
}

/** Expires every token of `sub` (every token when omitted) now; returns how many were live. */
export function expireAccessTokens(world: CalFakeWorld, sub: string | undefined): number {
  const at = world.now();
  let expired = 0;
  for (const record of world.tokens.values()) {
    if ((sub === undefined || record.sub === sub) && record.expiresAt > at) {
      record.expiresAt = at;
      expired += 1;
    }
  }
  return expired;
}
