import type { SandboxEndpoint } from './types.js';

export interface Route {
  endpoint: SandboxEndpoint;
  method: 'GET' | 'POST';
}

/** Endpoint paths, exactly as AISquare serves them (trailing slash included, Django style). */
export const ENDPOINT_PATHS: Readonly<Record<SandboxEndpoint, string>> = {
  config: '/api/v1/bookings/config/',
  token: '/api/v1/bookings/token/refresh/',
  user: '/api/v1/bookings/user/',
};

const ROUTES: readonly Route[] = [
  { endpoint: 'config', method: 'GET' },
  { endpoint: 'token', method: 'POST' },
  { endpoint: 'user', method: 'GET' },
];

/**
 * The route a request path (without query) names, or `undefined`. Matching is exact: a missing or
 * doubled slash is a 404, so URL-joining bugs in a client show up against the sandbox.
 */
export function matchRoute(pathname: string, basePath: string): Route | undefined {
  return ROUTES.find((route) => pathname === `${basePath}${ENDPOINT_PATHS[route.endpoint]}`);
}
