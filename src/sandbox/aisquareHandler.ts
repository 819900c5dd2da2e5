/**
 * AISquare's bookings API: its routes (config, token, user) behind an HS256 JWT, with the 404 and
 * 405 of unknown paths and methods, this sandbox's counters, latency and faults. The token answer
 * comes from the shared fake (`aisquareTokenAnswer`, `CalFakeModel.connect`).
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { aisquareTokenAnswer } from '../fake/aisquare.js';
import { sandboxCalConfig } from './calConfig.js';
import { answerFault, countAndWait, type SandboxContext } from './context.js';
import { preflightHeaders } from './cors.js';
import { readBody, sendError, sendJson, sendMalformed } from './http.js';
import type { SandboxIdentity } from './jwt.js';
import { matchRoute } from './routes.js';
import { parseTokenRequest } from './tokenRequest.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

async function authenticate(
  context: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
  cors: Record<string, string>,
): Promise<SandboxIdentity | undefined> {
  const unauthorized = (detail: string) =>
    sendError(response, 401, detail, { ...cors, 'WWW-Authenticate': 'Bearer realm="api"' });
  const { apiKey } = context.settings;
  if (apiKey !== undefined && request.headers['x-api-key'] !== apiKey) {
    unauthorized('Invalid or missing API key.');
    return undefined;
  }
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    unauthorized('Authentication credentials were not provided.');
    return undefined;
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) {
    unauthorized('Invalid Authorization header. Expected "Bearer <token>".');
    return undefined;
  }
  const result = await context.jwt.verify(token);
  if (!result.ok) {
    unauthorized(result.detail);
    return undefined;
  }
  return result.identity;
}

async function handleToken(
  context: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
  identity: SandboxIdentity,
  cors: Record<string, string>,
): Promise<void> {
  const body = await readBody(request);
  if (!body.ok) {
    sendError(response, 413, 'Request body too large.', { ...cors, Connection: 'close' });
    return;
  }
  const parsed = parseTokenRequest(body.text);
  if (!parsed.ok) {
    sendError(response, 400, parsed.detail, cors);
    return;
  }
  const { tokenTtlSeconds } = context;
  const { created, accessToken } = context.cal.connect(identity, {
    timeZone: parsed.body.time_zone,
    ttlSeconds: tokenTtlSeconds,
  });
  const answer = aisquareTokenAnswer({
    created,
    accessToken,
    ttlSeconds: tokenTtlSeconds,
    calClientId: context.settings.calClientId,
  });
  sendJson(response, 200, answer, cors);
}

/** Answers one request to the AISquare API (anything outside `${basePath}/v2`). */
export async function handleAisquare(
  context: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
  cors: Record<string, string>,
): Promise<void> {
  const { cal, settings } = context;
  const route = matchRoute(request.url ?? '', settings.basePath);

  if (request.method === 'OPTIONS') {
    if (route === undefined) {
      sendError(response, 404, 'Not found.', cors);
      return;
    }
    response.writeHead(204, { ...preflightHeaders(request, cors), 'Content-Length': '0' });
    response.end();
    return;
  }

  if (!(await countAndWait(context, route?.endpoint, request, response))) return;
  if (route === undefined) {
    sendError(response, 404, 'Not found.', cors);
    return;
  }
  if (request.method !== route.method) {
    sendError(response, 405, `Method "${request.method ?? ''}" not allowed.`, {
      ...cors,
      Allow: `${route.method}, OPTIONS`,
    });
    return;
  }

  // Faults come after the 404 and 405: only a request to an endpoint it serves meets them.
  const faulted = answerFault(
    context,
    route.endpoint,
    () => sendMalformed(response, '{"detail": this is not JSON <html>', cors),
    (status) => sendError(response, status, `Injected fault: HTTP ${status}.`, cors),
  );
  if (faulted) return;

  const identity = await authenticate(context, request, response, cors);
  if (identity === undefined) return;

  switch (route.endpoint) {
    case 'config':
      sendJson(response, 200, sandboxCalConfig(settings.calClientId, context.url), cors);
      return;
    case 'token':
      await handleToken(context, request, response, identity, cors);
      return;
    case 'user': {
      const user = cal.getUser(identity.sub);
      if (user === undefined) {
        sendError(response, 404, 'No Cal.com user for this account yet. Connect first.', cors);
        return;
      }
      sendJson(response, 200, user, cors);
      return;
    }
  }
}
