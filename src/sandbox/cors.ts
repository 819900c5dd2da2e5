import type { IncomingMessage } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-API-Key, cal-api-version';
/** Answer headers a page may read: Cal.com's request id and rate-limit headers. */
const EXPOSED_HEADERS =
  'X-Request-Id, X-RateLimit-Limit-Default, X-RateLimit-Remaining-Default, X-RateLimit-Reset-Default';

/** Hosts of the origins every sandbox allows: a page served from this machine, on any port. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Parses `value` as a URL, or `undefined` when it is not one. */
function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether `origin` is `http(s)://localhost`, `127.0.0.1` or `[::1]` on any port, written exactly as
 * a browser serializes an `Origin` header (so `http://localhost.evil.example` or `null` never pass).
 */
function isLoopbackOrigin(origin: string): boolean {
  const url = parseUrl(origin);
  return (
    url !== undefined &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    url.origin === origin
  );
}

/**
 * Checks one entry of `corsOrigins` and returns it as a browser would send it in `Origin`
 * (`https://app.example.com/` becomes `https://app.example.com`). Throws a `TypeError` for anything
 * that is not an http(s) origin, `null` and `*` included, so a typo does not silently deny a page.
 */
export function normalizeOrigin(value: string): string {
  if (value === '*') {
    throw new TypeError("'*' is not an origin; to allow any origin, pass corsOrigins: '*' alone");
  }
  const url = typeof value === 'string' ? parseUrl(value) : undefined;
  if (
    url === undefined ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new TypeError(
      `"${String(value)}" is not an origin; expected scheme://host[:port], e.g. https://app.example.com`,
    );
  }
  return url.origin;
}

/**
 * Whether a request from `origin` may read the answer. `'*'` allows any origin but `null` (sandboxed
 * iframes, `file:` pages, redirects), because the answer carries credentials; a list allows the
 * loopback origins plus exactly the listed ones.
 */
export function isOriginAllowed(origin: string, allowed: '*' | readonly string[]): boolean {
  if (origin === '' || origin === 'null') return false;
  if (allowed === '*') return true;
  return isLoopbackOrigin(origin) || allowed.includes(origin);
}

/**
 * CORS headers for an answer: an allowed `Origin` is echoed back with
 * `Access-Control-Allow-Credentials: true`, so credentialed requests (`credentials: 'include'`) work;
 * any other origin gets no CORS headers, and the browser keeps the answer from the page.
 */
export function corsHeaders(
  request: IncomingMessage,
  allowed: '*' | readonly string[],
): Record<string, string> {
  const origin = request.headers.origin;
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin === undefined || !isOriginAllowed(origin, allowed)) return headers;
  headers['Access-Control-Allow-Origin'] = origin;
  headers['Access-Control-Allow-Credentials'] = 'true';
  headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
  return headers;
}

/**
 * Headers answering a preflight `OPTIONS` request, on top of `cors` (from `corsHeaders`). A denied
 * origin gets none: the preflight fails and the browser never sends the actual request.
 */
export function preflightHeaders(
  request: IncomingMessage,
  cors: Record<string, string>,
): Record<string, string> {
  if (cors['Access-Control-Allow-Origin'] === undefined) return cors;
  const headers: Record<string, string> = {
    ...cors,
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  };
  // Chrome's Private Network Access: a public page calling a loopback server asks for this.
  if (request.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  return headers;
}
