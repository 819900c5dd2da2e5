import type { IncomingMessage } from 'node:http';

export const ALLOWED_METHODS = 'GET, POST, OPTIONS';
export const ALLOWED_HEADERS = 'Authorization, Content-Type, X-API-Key';

/**
 * CORS headers for an actual (non-preflight) response. With `'*'` any origin is echoed back, so
 * credentialed requests (`credentials: 'include'`) work; otherwise only listed origins get headers.
 */
export function corsHeaders(
  request: IncomingMessage,
  allowed: '*' | readonly string[],
): Record<string, string> {
  const origin = request.headers.origin;
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin === undefined || origin === '') return headers;
  if (allowed !== '*' && !allowed.includes(origin)) return headers;
  headers['Access-Control-Allow-Origin'] = origin;
  headers['Access-Control-Allow-Credentials'] = 'true';
  return headers;
}

/** Headers answering a preflight `OPTIONS` request (on top of `corsHeaders`). */
export function preflightHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {
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
