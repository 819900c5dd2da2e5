import { bookingsKeys } from './keys.js';

/**
 * Query and mutation keys of the Cal.com API v2 hooks. They sit under `bookingsKeys.scope(baseUrl,
 * identity)`, so an identity switch purges them with everything else of the previous user, and two
 * users never share an entry. Params are part of the key; keys never contain a token.
 */
export const calApiKeys = {
  /** Everything cached from Cal.com for one identity. */
  all: (baseUrl: string, identity: string) =>
    [...bookingsKeys.scope(baseUrl, identity), 'cal'] as const,
  me: (baseUrl: string, identity: string) => [...calApiKeys.all(baseUrl, identity), 'me'] as const,
  eventTypes: (baseUrl: string, identity: string, params: object = {}) =>
    [...calApiKeys.all(baseUrl, identity), 'event-types', params] as const,
  /** Every slots query: what a booking, cancel or reschedule invalidates. */
  allSlots: (baseUrl: string, identity: string) =>
    [...calApiKeys.all(baseUrl, identity), 'slots'] as const,
  slots: (baseUrl: string, identity: string, params: object) =>
    [...calApiKeys.allSlots(baseUrl, identity), params] as const,
  /** Every bookings list and single booking. */
  allBookings: (baseUrl: string, identity: string) =>
    [...calApiKeys.all(baseUrl, identity), 'bookings'] as const,
  bookings: (baseUrl: string, identity: string, params: object = {}) =>
    [...calApiKeys.allBookings(baseUrl, identity), 'list', params] as const,
  booking: (baseUrl: string, identity: string, uid: string) =>
    [...calApiKeys.allBookings(baseUrl, identity), 'detail', uid] as const,
  /** The mutation keys of the booking hooks, scoped so an identity switch drops their state. */
  mutation: (baseUrl: string, identity: string, name: 'create' | 'cancel' | 'reschedule') =>
    [...calApiKeys.all(baseUrl, identity), 'mutation', name] as const,
};
