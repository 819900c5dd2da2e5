export { createBookingsSession } from './createBookingsSession.js';
export { bookingsKeys } from './keys.js';
export type { BookingsQueryOptions, BookingsQueryScope } from './queryOptions.js';
export { calConfigQueryOptions, calUserQueryOptions } from './queryOptions.js';
export type { Register, RegisteredCalConfig, RegisteredCalUser } from './register.js';
export type {
  BookingsSession,
  BookingsSessionOptions,
  BookingsSessionSnapshot,
  CalTokenSummary,
} from './types.js';
