/** The token tests' clock: the instant fake time starts at, units in milliseconds, what is faked. */
import type { vi } from 'vitest';

export const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What the token tests fake: timers, `Date` and `performance` (the monotonic clock). */
export const FAKED: NonNullable<Parameters<typeof vi.useFakeTimers>[0]>['toFake'] = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'Date',
  'performance',
];
