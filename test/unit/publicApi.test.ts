import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

// The names DESIGN.md's "Public API" fixes, plus the deliberate additions documented in the README.
// A new export must be added here on purpose; an internal leaking out fails this test.
const EXPECTED_VALUES = [
  'BookingsApiError',
  'BookingsErrorMessage',
  'BookingsLabelsProvider',
  'BookingsProvider',
  'CalConfigSchema',
  'CalConnectButton',
  'CalTokenGate',
  'CalTokenRefreshRequestSchema',
  'CalTokenRefreshResponseSchema',
  'CalTokenStatus',
  'CalUserCard',
  'CalUserSchema',
  'bookingsKeys',
  'calConfigQueryOptions',
  'calUserQueryOptions',
  'createBookingsClient',
  'createCalTokenManager',
  'defaultBookingsLabels',
  'formatTimeUntil',
  'isBookingsApiError',
  'useBookingsClient',
  'useBookingsIdentity',
  'useBookingsLabels',
  'useCalAccessToken',
  'useCalConfig',
  'useCalToken',
  'useCalUser',
  'useRefreshCalToken',
];

describe('public surface of @aisquare/bookings-react', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([...EXPECTED_VALUES].sort());
  });

  it('exports hooks and factories as functions', () => {
    const exported = new Map<string, unknown>(Object.entries(api));
    for (const name of EXPECTED_VALUES.filter((n) => /^(use|create|is|cal)/.test(n))) {
      expect({ name, type: typeof exported.get(name) }).toEqual({ name, type: 'function' });
    }
  });
});
