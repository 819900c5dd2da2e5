/**
 * What one running sandbox shares between its two APIs (AISquare's and Cal.com's): the settings, the
 * JWT authority, the fake Cal.com model, faults, delays and the counters; and the steps every
 * request but a preflight goes through on either API.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchCalRoute } from '../fake/handle.js';
import type { CalFakeModel } from '../fake/model.js';
import type { Delays } from './delays.js';
import type { FaultQueue } from './faults.js';
import type { JwtAuthority } from './jwt.js';
import type { ResolvedSandboxOptions } from './options.js';
import { calPathname, ENDPOINT_PATHS, matchRoute, SANDBOX_ENDPOINTS } from './routes.js';
import type { SandboxCounts, SandboxEndpoint } from './types.js';

/** One sandbox's parts, and the state its control methods (`reset`, `setLatency`, ...) change. */
export interface SandboxContext {
  readonly settings: ResolvedSandboxOptions;
  readonly jwt: JwtAuthority;
  readonly cal: CalFakeModel;
  readonly faults: FaultQueue;
  readonly delays: Delays;
  /** Set by `close()`: a client that goes away then is not reported. */
  closing: boolean;
  counts: SandboxCounts;
  latencyMs: number;
  tokenTtlSeconds: number;
  /** The sandbox's base URL, known once the server listens (before any request is handled). */
  url: string;
}

export function zeroCounts(): SandboxCounts {
  return Object.fromEntries(SANDBOX_ENDPOINTS.map((endpoint) => [endpoint, 0])) as SandboxCounts;
}

/**
 * One line, no stack, for a client that went away before its answer: routine when a page unmounts
 * or a test aborts. Silent while closing, which destroys the open connections itself.
 */
export function reportDisconnect(context: SandboxContext, request: IncomingMessage): void {
  if (context.closing) return;
  const { basePath } = context.settings;
  const route = matchRoute(request.url ?? '', basePath);
  const calPath = calPathname(request.url ?? '', basePath);
  const calRoute = calPath === undefined ? undefined : matchCalRoute(request.method, calPath);
  // Only a known endpoint is printed: the raw request target is the client's to choose.
  const target =
    route !== undefined
      ? ` ${basePath}${ENDPOINT_PATHS[route.endpoint]}`
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
export async function countAndWait(
  context: SandboxContext,
  endpoint: SandboxEndpoint | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  if (endpoint !== undefined) context.counts[endpoint] += 1;
  if (context.latencyMs > 0) {
    const outcome = await context.delays.wait(context.latencyMs, response);
    if (outcome === 'disconnected') reportDisconnect(context, request);
    if (outcome !== 'elapsed') return false;
  }
  return true;
}

/**
 * Takes the fault injected for the request to `endpoint`, if any, and answers it: `'hang'` never
 * (close() destroys the socket), `'malformed'` with `malformed()`, a status with `status()`. `true`
 * when a fault took the request.
 */
export function answerFault(
  context: SandboxContext,
  endpoint: SandboxEndpoint | undefined,
  malformed: () => void,
  status: (status: number) => void,
): boolean {
  const fault = endpoint === undefined ? undefined : context.faults.take(endpoint);
  if (fault === undefined) return false;
  if (fault === 'malformed') malformed();
  else if (typeof fault === 'number') status(fault);
  return true;
}
