import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRateLimit, createCalFakeModel } from '../fake/model.js';
import { handleAisquare } from './aisquareHandler.js';
import { handleCal } from './calHandler.js';
import { reportDisconnect, type SandboxContext, zeroCounts } from './context.js';
import { corsHeaders, isOriginAllowed } from './cors.js';
import { createDelays } from './delays.js';
import { createFaultQueue } from './faults.js';
import { sendError } from './http.js';
import { createJwtAuthority } from './jwt.js';
import { assertLatency, assertPositiveSeconds, resolveOptions } from './options.js';
import { calPathname } from './routes.js';
import type { Sandbox, SandboxEndpoint, SandboxOptions } from './types.js';

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

/** One request, to either API: Cal.com's under `${basePath}/v2`, AISquare's elsewhere. */
async function handle(
  context: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const cors = corsHeaders(request, context.settings.corsOrigins);
  const calPath = calPathname(request.url ?? '', context.settings.basePath);
  if (calPath !== undefined) await handleCal(context, request, response, calPath, cors);
  else await handleAisquare(context, request, response, cors);
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
  const context: SandboxContext = {
    settings,
    jwt: createJwtAuthority(settings.jwtSecret),
    cal: createCalFakeModel({
      rateLimit: settings.calRateLimit,
      // Cal.com refuses an access token from a browser origin not registered for the OAuth client;
      // the sandbox's registered origins are its CORS origins.
      isOriginAllowed: (origin) => isOriginAllowed(origin, settings.corsOrigins),
    }),
    faults: createFaultQueue(),
    delays: createDelays(),
    closing: false,
    counts: zeroCounts(),
    latencyMs: settings.latencyMs,
    tokenTtlSeconds: settings.tokenTtlSeconds,
    url: '',
  };
  const { cal, faults, delays, jwt } = context;

  const server = createServer((request, response) => {
    handle(context, request, response).catch((error: unknown) => {
      if (isClientAbort(error) && (request.destroyed || response.destroyed)) {
        reportDisconnect(context, request);
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
  const url = `http://${urlHost(settings.host)}:${address.port}${settings.basePath}`;
  context.url = url;
  let closed: Promise<void> | undefined;

  return {
    url,
    calModel: cal,
    port: address.port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        context.closing = true;
        delays.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
    issueJwt: (userId, issueOptions) => jwt.issue(userId, issueOptions),
    counts: () => ({ ...context.counts }),
    reset() {
      cal.reset();
      faults.clear();
      context.counts = zeroCounts();
      context.latencyMs = settings.latencyMs;
      context.tokenTtlSeconds = settings.tokenTtlSeconds;
    },
    failNext(endpoint: SandboxEndpoint, fault, times = 1) {
      faults.add(endpoint, fault, times);
    },
    setLatency(ms) {
      context.latencyMs = assertLatency(ms);
    },
    setTokenTtl(seconds) {
      context.tokenTtlSeconds = assertPositiveSeconds('token lifetime', seconds);
    },
    expireCalTokens: (userId) => cal.expireAccessTokens(userId),
    revokeCalTokens: (userId) => cal.revokeAccessTokens(userId),
    setCalRateLimit(limit) {
      cal.setRateLimit(checkRateLimit(limit, 'calRateLimit'));
    },
  };
}
