import type { CalFakeIdentity, CalFakeUser } from '../fake/model.js';
import { calUserFixture } from './fixtures.js';

/**
 * The AISquare identity the handlers integrate when they share a Cal.com model: the fixture user
 * (`calUserFixture`), so that `useCalUser` and `useCalMe` show the same person in stories.
 */
export const FIXTURE_IDENTITY: CalFakeIdentity = Object.freeze({
  sub: 'fixture-user',
  email: calUserFixture.email,
  name: calUserFixture.name ?? undefined,
});

/** The fixture user's Cal.com fields, as overrides for `CalFakeModel.integrate`. */
export function fixtureUserFields(overrides: Record<string, unknown> = {}): Partial<CalFakeUser> {
  const fields: Partial<CalFakeUser> = {};
  for (const [key, value] of Object.entries({ ...calUserFixture, ...overrides })) {
    if (value !== undefined) (fields as Record<string, unknown>)[key] = value;
  }
  return fields;
}
