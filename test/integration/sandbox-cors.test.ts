import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { preflightPost } from '../helpers/preflight.js';
import { withSandboxCli } from '../helpers/sandboxCli.js';
import { withSandbox } from '../helpers/withSandbox.js';

const CONFIG = '/api/v1/bookings/config/';
const TOKEN = '/api/v1/bookings/token/refresh/';

const fixture = withSandbox();

async function actual(origin: string, base = fixture.sandbox.url): Promise<Response> {
  const jwt = await fixture.sandbox.issueJwt('alice');
  const response = await fetch(`${base}${CONFIG}`, {
    headers: { Origin: origin, Authorization: `Bearer ${jwt}` },
  });
  await response.arrayBuffer();
  return response;
}

async function preflight(origin: string, base = fixture.sandbox.url): Promise<Response> {
  const response = await preflightPost(`${base}${TOKEN}`, origin, 'authorization,content-type');
  await response.arrayBuffer();
  return response;
}

function expectAllowed(response: Response, origin: string): void {
  expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  expect(response.headers.get('vary')).toMatch(/Origin/);
}

function expectDenied(response: Response): void {
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
  expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  expect(response.headers.get('access-control-allow-methods')).toBeNull();
  expect(response.headers.get('vary')).toMatch(/Origin/);
}

const LOOPBACK = [
  'http://localhost:5173',
  'https://localhost',
  'http://127.0.0.1:3000',
  'https://127.0.0.1:8443',
  'http://[::1]:8080',
];

const FOREIGN = [
  'null',
  'https://evil.example',
  'http://localhost.evil.example',
  'http://127.0.0.1.evil.example:5173',
  'file://',
  'ftp://localhost',
];

describe('CORS by default: loopback origins only', () => {
  it.each(LOOPBACK)('allows %s, with credentials, on answers and preflights', async (origin) => {
    expectAllowed(await actual(origin), origin);
    const answer = await preflight(origin);
    expect(answer.status).toBe(204);
    expectAllowed(answer, origin);
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it.each(FOREIGN)('gives %s no CORS headers, on answers and preflights', async (origin) => {
    const answer = await actual(origin);
    expect(answer.status).toBe(200); // CORS is the browser's to enforce; the answer just lacks ACAO
    expectDenied(answer);
    expectDenied(await preflight(origin));
  });
});

describe('corsOrigins', () => {
  it('adds exact origins to the loopback ones', async () => {
    const wider = await fixture.startExtra({
      corsOrigins: ['https://app.example.com', 'http://staging.example.com:8080/'],
    });
    for (const origin of ['https://app.example.com', 'http://staging.example.com:8080']) {
      expectAllowed(await actual(origin, wider.url), origin);
      expectAllowed(await preflight(origin, wider.url), origin);
    }
    expectAllowed(await actual('http://localhost:5173', wider.url), 'http://localhost:5173');
    expectDenied(await actual('https://evil.example', wider.url));
    expectDenied(await actual('https://app.example.com:444', wider.url));
    expectDenied(await actual('null', wider.url));
  });

  it("'*' allows any origin except null", async () => {
    const open = await fixture.startExtra({ corsOrigins: '*' });
    expectAllowed(await actual('https://anything.example', open.url), 'https://anything.example');
    expectDenied(await actual('null', open.url));
    expectDenied(await preflight('null', open.url));
  });

  it.each([
    ['null', 'null'],
    ['a path', 'https://app.example.com/app'],
    ['not a URL', 'app.example.com'],
    ['a wildcard inside a list', '*'],
  ])('rejects %s as an origin', async (_name, origin) => {
    await expect(startSandbox({ corsOrigins: [origin] })).rejects.toThrow(TypeError);
  });
});

describe('cli --cors-origin', () => {
  const { runCli, waitForOutput } = withSandboxCli();

  it('is repeatable and adds each origin', async () => {
    const proc = runCli([
      '--port',
      '0',
      '--cors-origin',
      'https://a.example',
      '--cors-origin',
      'https://b.example',
    ]);
    const output = await waitForOutput(proc, /Press Ctrl\+C to stop/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    if (url === undefined) throw new Error(`no URL in:\n${output}`);
    expectAllowed(await preflight('https://a.example', url), 'https://a.example');
    expectAllowed(await preflight('https://b.example', url), 'https://b.example');
    expectAllowed(await preflight('http://localhost:5173', url), 'http://localhost:5173');
    expectDenied(await preflight('https://evil.example', url));
    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    await exited;
  }, 30_000);

  it('rejects a bad origin and documents the flag', async () => {
    const bad = runCli(['--port', '0', '--cors-origin', 'null']);
    const [badCode] = await once(bad, 'exit');
    expect(badCode).toBe(2);

    const help = runCli(['--help']);
    let text = '';
    help.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    await once(help, 'exit');
    expect(text).toContain('--cors-origin');
    expect(text).toMatch(/localhost/);
  }, 30_000);
});
