import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBookingsClient } from '../../src/core.js';
import { bookingsRejection } from '../helpers/rejections.js';

// Redirects and the body cap over real HTTP (Node's undici fetch) between servers on 127.0.0.1.

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.signature-never-leaves';
const API_KEY = 'ak_live_never_leaves';
const VALID_USER = { id: 7, email: 'ada@example.test', username: 'ada', timeZone: null };

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const rejection = bookingsRejection;

describe('redirects are not followed', () => {
  /** Server B: the redirect target. It records everything and would answer a valid user. */
  async function target() {
    const received: { url: string | undefined; headers: IncomingHttpHeaders }[] = [];
    const url = await serve((req, res) => {
      received.push({ url: req.url, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(VALID_USER));
    });
    return { url, received };
  }

  it.each([301, 302, 303, 307, 308])(
    'a %i to another origin sends nothing there and rejects with invalid_response',
    async (status) => {
      const b = await target();
      const a = await serve((req, res) => {
        res.writeHead(status, { location: `${b.url}${req.url}` }).end();
      });
      const client = createBookingsClient({
        baseUrl: a,
        getAuthToken: () => JWT,
        apiKey: API_KEY,
        apiKeyHeader: 'X-API-Key',
      });
      const settled = client.getUser();
      await settled.catch(() => {});
      // First what matters most: neither the key nor the JWT reached the other origin.
      expect(b.received).toEqual([]);
      const error = await rejection(settled);
      expect(error).toMatchObject({ kind: 'invalid_response', status, endpoint: 'user' });
      expect(error.message).toMatch(/the server redirected; redirects are not followed/);
    },
  );

  it('also for the token POST (a 307 would replay the body)', async () => {
    const b = await target();
    const a = await serve((req, res) => {
      res.writeHead(307, { location: `${b.url}${req.url}` }).end();
    });
    const client = createBookingsClient({
      baseUrl: a,
      getAuthToken: () => JWT,
      apiKey: API_KEY,
      apiKeyHeader: 'X-API-Key',
    });
    const error = await rejection(client.refreshToken({ force_refresh: true }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 307, endpoint: 'token' });
    expect(b.received).toEqual([]);
  });
});

describe('response body cap', () => {
  const TOTAL = 256 * 1024 * 1024;
  const CHUNK = 64 * 1024;

  /** Streams up to TOTAL bytes with backpressure; reports how much was written and whether the client hung up. */
  async function bigBody(status: number, headers: Record<string, string> = {}) {
    const state = { written: 0, closedEarly: false };
    let closed!: Promise<unknown>;
    const url = await serve((_req, res) => {
      closed = once(res, 'close');
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      const chunk = Buffer.alloc(CHUNK, 0x20);
      const pump = () => {
        while (state.written < TOTAL && !res.destroyed) {
          state.written += CHUNK;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      res.on('close', () => {
        state.closedEarly = !res.writableFinished;
      });
      pump();
    });
    return { url, state, closed: () => closed };
  }

  it('stops a streamed 256 MB success body soon after 1 MiB and drops the connection', async () => {
    const big = await bigBody(200);
    const client = createBookingsClient({ baseUrl: big.url, getAuthToken: () => JWT });
    const error = await rejection(client.getConfig());
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, endpoint: 'config' });
    expect(error.issues).toEqual([
      { path: '', message: 'the response body is larger than 1048576 bytes' },
    ]);
    await big.closed();
    expect(big.state.closedEarly).toBe(true);
    // Socket buffers take some megabytes; the point is that it is nowhere near the whole body.
    expect(big.state.written).toBeLessThan(TOTAL / 8);
  });

  it('caps an error body too, and rejects on a Content-Length above maxResponseBytes', async () => {
    const big = await bigBody(500, { 'content-length': String(TOTAL) });
    const client = createBookingsClient({
      baseUrl: big.url,
      getAuthToken: () => JWT,
      maxResponseBytes: 4096,
    });
    const error = await rejection(client.getUser());
    expect(error).toMatchObject({ kind: 'invalid_response', status: 500 });
    expect(error.issues).toEqual([
      { path: '', message: 'the response body is larger than 4096 bytes' },
    ]);
    await big.closed();
    expect(big.state.closedEarly).toBe(true);
    expect(big.state.written).toBeLessThan(TOTAL / 8);
  });
});
