// The transport both clients share (AISquare bookings and Cal.com API v2): one call under the
// caller's signal and a time-out, fetch without redirects, a streamed byte cap and JSON parsing.
// Internal: no package entry exports it; each client turns its failures into its own error class.

import type { BookingsValidationIssue } from './errors.js';
import { noop } from './noop.js';
import { rootIssue } from './validate.js';

/** The failures the transport itself classifies; every other one is the client's own. */
export type TransportFailure = 'timeout' | 'aborted' | 'invalid_response';

export interface TransportFailureFields {
  status?: number;
  issues?: BookingsValidationIssue[];
  cause?: unknown;
}

/**
 * Builds a client's error. `reason` (fixed text: no body, no URL) is given for a refused redirect
 * or oversized body, which the AISquare client also quotes in its message.
 */
export type TransportFail = (
  kind: TransportFailure,
  fields: TransportFailureFields,
  reason?: string,
) => unknown;

/** 1 MiB: far above any answer either client expects, far below what could exhaust memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1_048_576;

/**
 * `setTimeout` fires at once for delays above 2^31-1 ms (32-bit overflow, browsers and Node), so
 * longer delays are clamped: the request time-out here, the token manager's timer too.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** The validated limits of one client: the time-out (0 for none) and the body cap in bytes. */
export interface TransportLimits {
  timeoutMs: number;
  maxBytes: number;
}

/**
 * Checks the limits at creation, as a NaN or negative time-out would silently never fire (neither
 * check coerces, so '5' fails too). Only the rule is named: the value could be a misplaced secret.
 */
export function checkLimits(
  owner: string,
  defaultTimeoutMs: number,
  {
    requestTimeoutMs = defaultTimeoutMs,
    maxResponseBytes: maxBytes = DEFAULT_MAX_RESPONSE_BYTES,
  }: { requestTimeoutMs?: number; maxResponseBytes?: number },
): TransportLimits {
  const invalid = (rule: string) => new TypeError(`${owner}: ${rule}`);
  if (!(Number.isFinite(requestTimeoutMs) && requestTimeoutMs >= 0)) {
    throw invalid('requestTimeoutMs must be a finite number >= 0 (0 disables the time-out)');
  }
  if (!(Number.isInteger(maxBytes) && maxBytes > 0)) {
    throw invalid('maxResponseBytes must be a positive integer');
  }
  return { timeoutMs: Math.min(requestTimeoutMs, MAX_TIMER_DELAY_MS), maxBytes };
}

/**
 * Reads a body as text, counting bytes as they arrive; `undefined` once it is longer than `max`,
 * and then the stream is cancelled, so the rest is never downloaded.
 */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  const { body } = response;
  if (Number(response.headers?.get('content-length')) > max) return undefined;
  // Only fetch stubs lack a body stream; a real null body (204) reads as ''.
  if (!body) return response.text();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > max) {
      reader.cancel().catch(noop);
      return undefined;
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

/** What a call's `perform` uses to reach the server; both carry the call's signal. */
export interface Exchange {
  /** One fetch that does not follow redirects: they would carry the credentials elsewhere. */
  send(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<Response>;
  /**
   * The parsed JSON body; `undefined` when it is empty, or not JSON on an error status (the status
   * says more). Refuses a redirect, a body over the cap, and a success that is not JSON.
   */
  read(response: Response): Promise<unknown>;
}

/**
 * Runs one call. A single internal controller carries both the callers' aborts and the time-out into
 * fetch (and into the wait, for a fetch or getter that ignores its signal); its reason tells which
 * of them fired first. Other failures go through `normalize`.
 */
export async function transport<T>(
  { timeoutMs, maxBytes }: TransportLimits,
  callerSignals: readonly (AbortSignal | undefined)[],
  fail: TransportFail,
  normalize: (error: unknown) => unknown,
  perform: (exchange: Exchange) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const { signal } = controller;
  const timeout = new DOMException('request timed out', 'TimeoutError');
  // Any of the caller's signals (the call's own, a client-wide one) aborts the call with its reason.
  const callers = callerSignals.filter((caller) => caller !== undefined);
  const onCallerAbort = (event?: Event) =>
    controller.abort((event?.target as AbortSignal | undefined)?.reason);
  for (const caller of callers) {
    if (caller.aborted) controller.abort(caller.reason);
    caller.addEventListener('abort', onCallerAbort);
  }
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(timeout), timeoutMs) : undefined;

  const exchange: Exchange = {
    // Called as a plain function: `this` is then undefined, which window.fetch accepts (it throws
    // "Illegal invocation" only for a foreign `this`).
    send: (fetchImpl, url, init) => fetchImpl(url, { ...init, signal, redirect: 'manual' }),
    async read(response) {
      const { status } = response;
      const invalid = (reason: string, quote?: boolean) =>
        fail(
          'invalid_response',
          { status, issues: [rootIssue(reason)] },
          quote ? reason : undefined,
        );
      // Browsers answer a manual redirect with an opaque status-0 response, Node with the 3xx itself.
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
        throw invalid('the server redirected; redirects are not followed', true);
      }
      const text = await readCapped(response, maxBytes);
      if (text === undefined)
        throw invalid(`the response body is larger than ${maxBytes} bytes`, true);
      if (text.trim() === '') return undefined;
      try {
        return JSON.parse(text);
      } catch {
        if (response.ok) throw invalid('the response body is not JSON');
      }
    },
  };

  try {
    // Settles as soon as the controller aborts, even when the fetch or the getter ignores it.
    return await new Promise<T>((resolve, reject) => {
      signal.addEventListener('abort', reject);
      // An aborted caller signal: no getter call, no fetch.
      (async () => {
        signal.throwIfAborted();
        return perform(exchange);
      })().then(resolve, reject);
    });
  } catch (error) {
    const failure = signal.aborted
      ? fail(signal.reason === timeout ? 'timeout' : 'aborted', { cause: signal.reason })
      : normalize(error);
    // Drops the connection of a body left unread (redirect, over the cap); a no-op once it was read.
    controller.abort(failure);
    throw failure;
  } finally {
    clearTimeout(timer);
    for (const caller of callers) caller.removeEventListener('abort', onCallerAbort);
  }
}
