import { vi } from 'vitest';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import type { BookingsClientOptions } from '../../../src/client/types.js';
import { VALID_CONFIG } from './fixtures.js';

export const BASE = 'https://api.example.test';

export interface RecordedCall {
  url: string;
  init: RequestInit;
  headers: Headers;
}

/** A `fetch` spy that records each call and answers with what `respond` returns. */
export function mockFetch(respond: (call: RecordedCall) => Response | Promise<Response>) {
  const calls: RecordedCall[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init, headers: new Headers(init.headers) };
    calls.push(call);
    return respond(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, spy: fetch, calls };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A fetch that never answers but rejects with the signal's reason once it aborts, like the real one. */
export function hangingFetch() {
  return vi.fn(
    (_input: RequestInfo | URL, init: RequestInit = {}) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init.signal;
        if (!signal) return;
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  );
}

/** Settles a promise into its rejection value, so assertions can inspect the error object. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/**
 * One `getConfig()` call of a client on `BASE` with `options`, through a recording fetch that answers
 * `VALID_CONFIG`: the request as fetch received it.
 */
export async function configCall(
  options: Omit<BookingsClientOptions, 'baseUrl' | 'fetch'>,
): Promise<RecordedCall> {
  const { fetch, calls } = mockFetch(() => json(VALID_CONFIG));
  const client = createBookingsClient({ baseUrl: BASE, fetch, ...options });
  await client.getConfig();
  const [call] = calls;
  if (call === undefined) throw new Error('getConfig() made no request');
  return call;
}
