/**
 * Query keys, scoped by base URL and signed-in identity so that two users (or two backends) never
 * share a cache entry. Keys never contain a token.
 */
export const bookingsKeys = {
  /** Everything this package caches. */
  all: ['aisquare-bookings'] as const,
  /** Everything cached for one identity on one backend. */
  scope: (baseUrl: string, identity: string) => [...bookingsKeys.all, baseUrl, identity] as const,
  config: (baseUrl: string, identity: string) =>
    [...bookingsKeys.scope(baseUrl, identity), 'config'] as const,
  user: (baseUrl: string, identity: string) =>
    [...bookingsKeys.scope(baseUrl, identity), 'user'] as const,
};

/** The identity the provider uses when it cannot tell who is signed in. */
export const ANONYMOUS_IDENTITY = 'anonymous';
