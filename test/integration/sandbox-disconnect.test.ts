import { connect, type Socket } from 'node:net';
import { format } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { withSandbox } from '../helpers/withSandbox.js';

const TOKEN = '/api/v1/bookings/token/refresh/';

const fixture = withSandbox();
let output: string[] = [];
const sockets: Socket[] = [];

beforeEach(() => {
  output = [];
  const capture =
    (stream: string) =>
    (...args: unknown[]) => {
      output.push(`${stream}: ${format(...args)}`);
    };
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation(capture(method));
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: unknown) => {
      output.push(`${stream}: ${String(chunk)}`);
      return true;
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const socket of sockets.splice(0)) socket.destroy();
});

/** Opens a raw connection and sends a token request whose body is cut at `sent` of 100 bytes. */
async function startTokenRequest(sandbox: Sandbox, jwt: string, sent: string): Promise<Socket> {
  const socket = connect(sandbox.port, '127.0.0.1');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    `POST ${TOKEN} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${jwt}\r\n` +
      `Content-Type: application/json\r\nContent-Length: 100\r\n\r\n${sent}`,
  );
  // Counted as soon as the sandbox starts handling it, before latency and before the body.
  await vi.waitFor(() => expect(sandbox.counts().token).toBe(1), { timeout: 5000 });
  return socket;
}

/**
 * The sandbox reports a client that went away in one line: waiting for it means the disconnect has
 * been handled; then every line it printed is in `output`.
 */
async function expectOneQuietLine(sandbox: Sandbox, jwt: string): Promise<void> {
  await vi.waitFor(() => expect(output.length).toBeGreaterThan(0), { timeout: 5000 });
  // One more round trip, so anything printed later for the same request would show up too.
  sandbox.setLatency(0);
  const next = await fetch(`${sandbox.url}${TOKEN}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${jwt}` },
    body: '{}',
  });
  expect(next.status).toBe(200);
  const lines = output
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '');
  expect(lines.filter((line) => line.startsWith('    at '))).toEqual([]);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/disconnect/i);
}

describe('a client that disconnects early', () => {
  it('mid-body costs one quiet line, no stack', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    const socket = await startTokenRequest(fixture.sandbox, jwt, '{"force_');
    socket.destroy();
    await expectOneQuietLine(fixture.sandbox, jwt);
  });

  it('mid-latency costs one quiet line, no stack', async () => {
    const slow = await fixture.startExtra({ latencyMs: 1000 });
    const jwt = await slow.issueJwt('alice');
    const socket = await startTokenRequest(slow, jwt, '{}');
    socket.destroy();
    await expectOneQuietLine(slow, jwt);
  });
});
