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
  /** The mutation key of `useRefreshCalToken`, so an identity switch can drop its state. */
  refreshToken: (baseUrl: string, identity: string) =>
    [...bookingsKeys.scope(baseUrl, identity), 'refresh-token'] as const,
};

/** True when `key` starts with every element of `prefix` (keys here hold strings only). */
export function startsWithKey(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((part, index) => key[index] === part);
}
