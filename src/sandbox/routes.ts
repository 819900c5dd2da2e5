import { CAL_ENDPOINTS, isCalPath } from '../fake/handle.js';
import type { SandboxAisquareEndpoint, SandboxEndpoint } from './types.js';

interface Route {
  endpoint: SandboxAisquareEndpoint;
  method: 'GET' | 'POST';
}

/** Endpoint paths, exactly as AISquare serves them (trailing slash included, Django style). */
export const ENDPOINT_PATHS: Readonly<Record<SandboxAisquareEndpoint, string>> = {
  config: '/api/v1/bookings/config/',
  token: '/api/v1/bookings/token/refresh/',
  user: '/api/v1/bookings/user/',
};

const ROUTES: readonly Route[] = [
  { endpoint: 'config', method: 'GET' },
  { endpoint: 'token', method: 'POST' },
  { endpoint: 'user', method: 'GET' },
];

/** Every endpoint the sandbox serves, AISquare's then Cal.com's: what it counts and takes faults for. */
export const SANDBOX_ENDPOINTS: readonly SandboxEndpoint[] = [
  ...ROUTES.map((route) => route.endpoint),
  ...CAL_ENDPOINTS,
];

/**
 * The route a raw request target (`request.url`) names, or `undefined`. Only origin-form targets
 * (`/path?query`) match, compared verbatim: `//host/...` and absolute-form `http://host/...` would
 * otherwise be parsed as a URL whose host is ignored, and dot segments, backslashes or a missing or
 * doubled slash are a 404, so URL-joining bugs in a client show up against the sandbox.
 */
export function matchRoute(target: string, basePath: string): Route | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  const query = target.indexOf('?');
  const pathname = query === -1 ? target : target.slice(0, query);
  return ROUTES.find((route) => pathname === `${basePath}${ENDPOINT_PATHS[route.endpoint]}`);
}

/**
 * The Cal.com path (from `/v2` on) a raw request target names, or `undefined` when it is not under
 * `${basePath}/v2`. Origin-form targets only, as for `matchRoute`; which `/v2` paths exist is for the
 * Cal.com fake to say (unknown ones answer its 404).
 */
export function calPathname(target: string, basePath: string): string | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  const query = target.indexOf('?');
  const pathname = query === -1 ? target : target.slice(0, query);
  if (!pathname.startsWith(basePath)) return undefined;
  const rest = pathname.slice(basePath.length);
  return isCalPath(rest) ? rest : undefined;
}
