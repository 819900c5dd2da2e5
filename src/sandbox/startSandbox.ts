import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aisquareTokenAnswer } from '../fake/aisquare.js';
import { calErrorResponse, handleCalRequest, matchCalRoute } from '../fake/handle.js';
import { checkRateLimit, createCalFakeModel } from '../fake/model.js';
import { sandboxCalConfig } from './calConfig.js';
import { corsHeaders, isOriginAllowed, preflightHeaders } from './cors.js';
import { createDelays } from './delays.js';
import { createFaultQueue } from './faults.js';
import { readBody, sendError, sendJson, sendMalformed } from './http.js';
import { createJwtAuthority, type SandboxIdentity } from './jwt.js';
import { assertLatency, assertPositiveSeconds, resolveOptions } from './options.js';
import { calPathname, ENDPOINT_PATHS, matchRoute, SANDBOX_ENDPOINTS } from './routes.js';
import { parseTokenRequest } from './tokenRequest.js';
import type { Sandbox, SandboxCounts, SandboxEndpoint, SandboxOptions } from './types.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function zeroCounts(): SandboxCounts {
  return Object.fromEntries(SANDBOX_ENDPOINTS.map((endpoint) => [endpoint, 0])) as SandboxCounts;
}

/** A request header as one string (the first value of a repeated one). */
function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Errors that only mean the client closed the connection before the request was read. */
function isClientAbort(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a local HTTP server that behaves like AISquare's bookings API (HS256 JWT auth, Cal.com users
 * created by the first token call) and like Cal.com API v2 under `/v2` (the tokens it hands out,
 * event types, slots and bookings), with fault injection, latency, request counters and CORS. Both
 * share one in-memory model (`sandbox.calModel`). Binds to 127.0.0.1 on a free port unless told
 * otherwise.
 */
export async function startSandbox(options?: SandboxOptions): Promise<Sandbox> {
  const settings = resolveOptions(options);
  const jwt = createJwtAuthority(settings.jwtSecret);
  const cal = createCalFakeModel({
    rateLimit: settings.calRateLimit,
    // Cal.com refuses an access token from a browser origin not registered for the OAuth client;
    // the sandbox's registered origins are its CORS origins.
    isOriginAllowed: (origin) => isOriginAllowed(origin, settings.corsOrigins),
  });
  const faults = createFaultQueue();
  const delays = createDelays();
  let closing = false;
  let counts = zeroCounts();
  let latencyMs = settings.latencyMs;
  let tokenTtlSeconds = settings.tokenTtlSeconds;
  /** The sandbox's base URL, known once the server listens (before any request is handled). */
  let url = '';

  async function authenticate(
    request: IncomingMessage,
    response: ServerResponse,
    cors: Record<string, string>,
  ): Promise<SandboxIdentity | undefined> {
    const unauthorized = (detail: string) =>
      sendError(response, 401, detail, { ...cors, 'WWW-Authenticate': 'Bearer realm="api"' });
    if (settings.apiKey !== undefined && request.headers['x-api-key'] !== settings.apiKey) {
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
    const result = await jwt.verify(token);
    if (!result.ok) {
      unauthorized(result.detail);
      return undefined;
    }
    return result.identity;
  }

  async function handleToken(
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
    const { created, accessToken } = cal.connect(identity, {
      timeZone: parsed.body.time_zone,
      ttlSeconds: tokenTtlSeconds,
    });
    const answer = aisquareTokenAnswer({
      created,
      accessToken,
      ttlSeconds: tokenTtlSeconds,
      calClientId: settings.calClientId,
    });
    sendJson(response, 200, answer, cors);
  }

  /**
   * One line, no stack, for a client that went away before its answer: routine when a page unmounts
   * or a test aborts. Silent while closing, which destroys the open connections itself.
   */
  function reportDisconnect(request: IncomingMessage): void {
    if (closing) return;
    const route = matchRoute(request.url ?? '', settings.basePath);
    const calPath = calPathname(request.url ?? '', settings.basePath);
    const calRoute = calPath === undefined ? undefined : matchCalRoute(request.method, calPath);
    // Only a known endpoint is printed: the raw request target is the client's to choose.
    const target =
      route !== undefined
        ? ` ${settings.basePath}${ENDPOINT_PATHS[route.endpoint]}`
        : calRoute !== undefined
          ? ` ${calRoute.endpoint}`
          : '';
    console.warn(
      `[bookings sandbox] ${request.method ?? ''}${target}: client disconnected before the answer.`,
    );
  }

  /**
   * What every request but a preflight goes through first, on either API: counts it under `endpoint`
   * (requests to unknown paths are not counted), then waits out the latency. `false` when nobody is
   * left to answer: the sandbox is closing, or the client went away (reported).
   */
  async function countAndWait(
    endpoint: SandboxEndpoint | undefined,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean> {
    if (endpoint !== undefined) counts[endpoint] += 1;
    if (latencyMs > 0) {
      const outcome = await delays.wait(latencyMs, response);
      if (outcome === 'disconnected') reportDisconnect(request);
      if (outcome !== 'elapsed') return false;
    }
    return true;
  }

  /**
   * Takes the fault injected for the request to `endpoint`, if any, and answers it: `'hang'` never
   * (close() destroys the socket), `'malformed'` with `malformed()`, a status with `status()`. `true`
   * when a fault took the request.
   */
  function answerFault(
    endpoint: SandboxEndpoint | undefined,
    malformed: () => void,
    status: (status: number) => void,
  ): boolean {
    const fault = endpoint === undefined ? undefined : faults.take(endpoint);
    if (fault === undefined) return false;
    if (fault === 'malformed') malformed();
    else if (typeof fault === 'number') status(fault);
    return true;
  }

  /** Cal.com API v2 under `${basePath}/v2`: the shared fake, behind this sandbox's faults and latency. */
  async function handleCal(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
    cors: Record<string, string>,
  ): Promise<void> {
    const target = request.url ?? '';
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      if (matchCalRoute(undefined, pathname) === undefined) {
        const answer = calErrorResponse(cal, target, 404, `Cannot OPTIONS ${pathname}`);
        sendJson(response, answer.status, answer.body, { ...cors, ...answer.headers });
        return;
      }
      response.writeHead(204, { ...preflightHeaders(request, cors), 'Content-Length': '0' });
      response.end();
      return;
    }
    const route = matchCalRoute(method, pathname);
    if (!(await countAndWait(route?.endpoint, request, response))) return;
    const faulted = answerFault(
      route?.endpoint,
      () =>
        sendMalformed(response, '{"status": "success", "data": <html>', {
          ...cors,
          'X-Request-Id': cal.requestId(),
        }),
      (status) => {
        const answer = calErrorResponse(cal, target, status, `Injected fault: HTTP ${status}.`);
        sendJson(response, answer.status, answer.body, { ...cors, ...answer.headers });
      },
    );
    if (faulted) return;
    let text: string | undefined;
    if (method === 'POST') {
      const body = await readBody(request);
      if (!body.ok) {
        const answer = calErrorResponse(cal, target, 413, 'request entity too large');
        sendJson(response, answer.status, answer.body, {
          ...cors,
          ...answer.headers,
          Connection: 'close',
        });
        return;
      }
      text = body.text;
    }
    const query = target.indexOf('?');
    const answer = handleCalRequest(cal, {
      method,
      pathname,
      query: new URLSearchParams(query === -1 ? '' : target.slice(query + 1)),
      headers: (name) => headerOf(request, name),
      body: text,
      url: target,
    });
    sendJson(response, answer.status, answer.body, { ...cors, ...answer.headers });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const cors = corsHeaders(request, settings.corsOrigins);
    const calPath = calPathname(request.url ?? '', settings.basePath);
    if (calPath !== undefined) {
      await handleCal(request, response, calPath, cors);
      return;
    }
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

    if (!(await countAndWait(route?.endpoint, request, response))) return;
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
      route.endpoint,
      () => sendMalformed(response, '{"detail": this is not JSON <html>', cors),
      (status) => sendError(response, status, `Injected fault: HTTP ${status}.`, cors),
    );
    if (faulted) return;

    const identity = await authenticate(request, response, cors);
    if (identity === undefined) return;

    switch (route.endpoint) {
      case 'config':
        sendJson(response, 200, sandboxCalConfig(settings.calClientId, url), cors);
        return;
      case 'token':
        await handleToken(request, response, identity, cors);
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

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (isClientAbort(error) && (request.destroyed || response.destroyed)) {
        reportDisconnect(request);
        return;
      }
      console.error('[bookings sandbox] request failed:', error);
      if (!response.headersSent && !response.destroyed) {
        sendError(response, 500, 'Internal sandbox error.');
      } else {
        response.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  url = `http://${urlHost(settings.host)}:${address.port}${settings.basePath}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    calModel: cal,
    port: address.port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        delays.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
    issueJwt: (userId, issueOptions) => jwt.issue(userId, issueOptions),
    counts: () => ({ ...counts }),
    reset() {
      cal.reset();
      faults.clear();
      counts = zeroCounts();
      latencyMs = settings.latencyMs;
      tokenTtlSeconds = settings.tokenTtlSeconds;
    },
    failNext(endpoint: SandboxEndpoint, fault, times = 1) {
      faults.add(endpoint, fault, times);
    },
    setLatency(ms) {
      latencyMs = assertLatency(ms);
    },
    setTokenTtl(seconds) {
      tokenTtlSeconds = assertPositiveSeconds('token lifetime', seconds);
    },
    expireCalTokens: (userId) => cal.expireAccessTokens(userId),
    revokeCalTokens: (userId) => cal.revokeAccessTokens(userId),
    setCalRateLimit(limit) {
      cal.setRateLimit(checkRateLimit(limit, 'calRateLimit'));
    },
  };
}
