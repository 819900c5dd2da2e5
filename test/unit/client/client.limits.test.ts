import { describe, expect, it, vi } from 'vitest';
import {
  createBookingsClient,
  DEFAULT_MAX_RESPONSE_BYTES,
} from '../../../src/client/createBookingsClient.js';
import type { BookingsApiError } from '../../../src/client/errors.js';
import { BASE, json, mockFetch, rejectionOf } from './fetchMock.js';
import { VALID_CONFIG, VALID_TOKEN, VALID_USER } from './fixtures.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.redirect-payload.signature';
const API_KEY = 'ak_live_redirectkey';
const CHUNK = 64 * 1024;

/**
 * A body of `totalBytes` produced lazily, one chunk per pull, so a test can tell how much of it the
 * client asked for. 300 MB is never allocated unless the client reads it all.
 */
function lazyBody(totalBytes: number, chunkBytes = CHUNK) {
  const state = { pulls: 0, cancelled: false };
  const chunk = new Uint8Array(chunkBytes).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const sent = state.pulls * chunkBytes;
      state.pulls += 1;
      if (sent >= totalBytes) controller.close();
      else controller.enqueue(chunk.subarray(0, Math.min(chunkBytes, totalBytes - sent)));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const tooLarge = (max: number) => ({
  path: '',
  message: `the response body is larger than ${max} bytes`,
});

describe('redirects', () => {
  it('asks fetch not to follow redirects', async () => {
    const { fetch, calls } = mockFetch(() => json(VALID_CONFIG));
    await createBookingsClient({ baseUrl: BASE, fetch }).getConfig();
    expect(calls[0]?.init.redirect).toBe('manual');
  });

  it.each([300, 301, 302, 303, 307, 308])(
    'rejects a %i as invalid_response, keeping the status, without reading on',
    async (status) => {
      const { fetch, calls } = mockFetch(
        () =>
          new Response(JSON.stringify(VALID_USER), {
            status,
            headers: { location: 'https://elsewhere.example.test/steal' },
          }),
      );
      const client = createBookingsClient({
        baseUrl: BASE,
        fetch,
        getAuthToken: () => JWT,
        apiKey: API_KEY,
        apiKeyHeader: 'X-API-Key',
      });
      const error = (await rejectionOf(client.getUser())) as BookingsApiError;
      expect(error).toMatchObject({ name: 'BookingsApiError', kind: 'invalid_response', status });
      expect(error.message).toBe(
        `AISquare bookings user request failed: invalid_response (HTTP ${status}): the server redirected; redirects are not followed`,
      );
      expect(error.issues).toEqual([
        { path: '', message: 'the server redirected; redirects are not followed' },
      ]);
      expect(calls).toHaveLength(1);
      expect(String(error)).not.toContain('elsewhere');
    },
  );

  it("rejects a browser's opaqueredirect (status 0) as invalid_response with status 0", async () => {
    // Browsers hide a manual redirect behind this filtered response; Response cannot build one.
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      headers: new Headers(),
      body: null,
      text: vi.fn(async () => ''),
    } as unknown as Response;
    const { fetch } = mockFetch(() => opaque);
    const client = createBookingsClient({ baseUrl: BASE, fetch, getAuthToken: () => JWT });
    const error = (await rejectionOf(client.refreshToken())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', status: 0, endpoint: 'token' });
    expect(error.message).toMatch(/redirected; redirects are not followed/);
  });
});

describe('response size cap', () => {
  it('defaults to 1 MiB', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(1_048_576);
  });

  it('stops reading a lazy 300 MB body soon after the default cap, and cancels it', async () => {
    const { stream, state } = lazyBody(300 * 1024 * 1024);
    const { fetch, calls } = mockFetch(() => new Response(stream, { status: 200 }));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, endpoint: 'config' });
    expect(error.issues).toEqual([tooLarge(1_048_576)]);
    expect(error.message).toBe(
      'AISquare bookings config request failed: invalid_response (HTTP 200): the response body is larger than 1048576 bytes',
    );
    // 16 chunks make 1 MiB; one more crosses the cap, plus at most a couple queued ahead.
    expect(state.pulls).toBeLessThanOrEqual(1_048_576 / CHUNK + 3);
    expect(state.cancelled).toBe(true);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('caps error responses too, keeping their status', async () => {
    const { stream, state } = lazyBody(300 * 1024 * 1024);
    const { fetch } = mockFetch(() => new Response(stream, { status: 500 }));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.refreshToken())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', status: 500 });
    expect(error.issues).toEqual([tooLarge(1_048_576)]);
    expect(state.pulls).toBeLessThanOrEqual(1_048_576 / CHUNK + 3);
    expect(state.cancelled).toBe(true);
  });

  it('accepts a body of exactly maxResponseBytes and rejects one byte more', async () => {
    const body = JSON.stringify(VALID_TOKEN);
    const bytes = new TextEncoder().encode(body).byteLength;
    const { fetch } = mockFetch(() => json(VALID_TOKEN));
    await expect(
      createBookingsClient({ baseUrl: BASE, fetch, maxResponseBytes: bytes }).refreshToken(),
    ).resolves.toEqual(VALID_TOKEN);
    const error = (await rejectionOf(
      createBookingsClient({ baseUrl: BASE, fetch, maxResponseBytes: bytes - 1 }).refreshToken(),
    )) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(error.issues).toEqual([tooLarge(bytes - 1)]);
  });

  it('rejects on a Content-Length above the cap before reading the body', async () => {
    const { stream, state } = lazyBody(101, 10);
    const { fetch } = mockFetch(
      () => new Response(stream, { status: 200, headers: { 'content-length': '101' } }),
    );
    const client = createBookingsClient({ baseUrl: BASE, fetch, maxResponseBytes: 100 });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error.issues).toEqual([tooLarge(100)]);
    // The stream may have pulled once on its own when it was created; the client pulled nothing.
    expect(state.pulls).toBeLessThanOrEqual(1);
  });

  it('still times out while a body is streaming, and aborts the request', async () => {
    // Headers arrive, then the body stalls after one chunk: the time-out must cover the read too.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"cal_client_id":'));
      },
    });
    const { fetch, calls } = mockFetch(() => new Response(stream, { status: 200 }));
    const client = createBookingsClient({ baseUrl: BASE, fetch, requestTimeoutMs: 20 });
    expect(await rejectionOf(client.getConfig())).toMatchObject({ kind: 'timeout' });
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ ...VALID_USER, username: 'zoë 名前' }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // One byte per chunk splits every multi-byte character.
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const { fetch } = mockFetch(() => new Response(stream, { status: 200 }));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    await expect(client.getUser()).resolves.toMatchObject({ username: 'zoë 名前' });
  });

  it('falls back to text() for a fetch stub without a body stream', async () => {
    const stub = {
      type: 'basic',
      status: 200,
      ok: true,
      body: null,
      text: async () => JSON.stringify(VALID_CONFIG),
    } as unknown as Response;
    const { fetch } = mockFetch(() => stub);
    await expect(createBookingsClient({ baseUrl: BASE, fetch }).getConfig()).resolves.toEqual(
      VALID_CONFIG,
    );
  });
});

describe('option validation', () => {
  it.each([
    ['NaN', Number.NaN],
    ['-1', -1],
    ['Infinity', Number.POSITIVE_INFINITY],
    ["'5'", '5'],
    ['null', null],
  ])('throws a TypeError naming requestTimeoutMs for %s', (_name, value) => {
    expect(() =>
      createBookingsClient({ baseUrl: BASE, requestTimeoutMs: value as number }),
    ).toThrow(
      new TypeError(
        'createBookingsClient: requestTimeoutMs must be a finite number >= 0 (0 disables the time-out)',
      ),
    );
  });

  it.each([
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ["'1024'", '1024'],
  ])('throws a TypeError naming maxResponseBytes for %s', (_name, value) => {
    expect(() =>
      createBookingsClient({ baseUrl: BASE, maxResponseBytes: value as number }),
    ).toThrow(new TypeError('createBookingsClient: maxResponseBytes must be a positive integer'));
  });

  it('never quotes the invalid value, which could be a secret put in the wrong option', () => {
    const secret = 'sk_live_wrong_option_secret';
    let thrown: unknown;
    try {
      createBookingsClient({ baseUrl: BASE, requestTimeoutMs: secret as unknown as number });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(String(thrown)).not.toContain(secret);
  });

  it('accepts 0 (no time-out), fractions of a millisecond and a 1-byte cap', () => {
    expect(() => createBookingsClient({ baseUrl: BASE, requestTimeoutMs: 0 })).not.toThrow();
    expect(() => createBookingsClient({ baseUrl: BASE, requestTimeoutMs: 2.5 })).not.toThrow();
    expect(() => createBookingsClient({ baseUrl: BASE, maxResponseBytes: 1 })).not.toThrow();
  });
});
