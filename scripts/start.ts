// `npm start`: the demo. Starts the bookings sandbox (a local stand-in for AISquare's bookings API)
// with short-lived Cal.com tokens, issues demo JWTs, and serves the host app in examples/host-app
// through Vite's dev server. Ctrl+C (SIGINT) or SIGTERM stops both.
//
// Environment:
//   PORT                 sandbox port (default 8787; a free port is used when it is taken)
//   TOKEN_TTL_SECONDS    expires_in of the Cal.com tokens (default 90: a refresh every minute or so)
//   SANDBOX_JWT_SECRET   fixed HS256 secret, so the printed JWT survives restarts (default: random)
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import type { DemoConfig, DemoUser } from '../examples/host-app/src/demoConfig.js';
import { ENDPOINT_PATHS, type Sandbox, startSandbox } from '../src/sandbox/index.js';

const DEFAULT_SANDBOX_PORT = 8787;
const DEFAULT_TOKEN_TTL_SECONDS = 90;
const JWT_LIFETIME_SECONDS = 24 * 60 * 60;

const DEMO_USERS = [
  { id: 'alice', name: 'Alice Martin', email: 'alice@example.com' },
  { id: 'bob', name: 'Bob Okafor', email: 'bob@example.com' },
] as const;

/** Not a sign-in: the Cal.com user whose public booking page visitors see. */
const DEMO_HOST = { id: 'dana', name: 'Dana Reyes', email: 'dana@example.com' } as const;

function numberFromEnv(name: string, fallback: number, valid: (value: number) => boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!valid(value)) {
    console.error(`npm start: ${name}="${raw}" is not valid; using ${fallback}.`);
    return fallback;
  }
  return value;
}

async function startSandboxWithFallback(port: number, tokenTtlSeconds: number): Promise<Sandbox> {
  const secret = process.env.SANDBOX_JWT_SECRET;
  const options = {
    host: '127.0.0.1',
    tokenTtlSeconds,
    ...(secret ? { jwtSecret: secret } : {}),
    // The sandbox mails nothing: an event type that wants the booker's e-mail verified gets its
    // code from this terminal.
    onEmailVerificationCode: (email: string, code: string) =>
      console.info(`E-mail verification code for ${email}: ${code} (not mailed)`),
  };
  try {
    return await startSandbox({ ...options, port });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE' || port === 0) throw error;
    console.warn(`Port ${port} is taken; the sandbox uses a free port instead.`);
    return startSandbox({ ...options, port: 0 });
  }
}

/**
 * Vite's dev server exits the process on SIGTERM (and when stdin ends) by itself, which would cut the
 * sandbox's shutdown short. Runs `create` and detaches the listeners it added, so ours stop both.
 */
async function withoutViteExitHandlers<T>(create: () => Promise<T>): Promise<T> {
  const sigterm = new Set(process.listeners('SIGTERM'));
  const stdinEnd = new Set(process.stdin.listeners('end'));
  const result = await create();
  for (const listener of process.listeners('SIGTERM')) {
    if (!sigterm.has(listener)) process.off('SIGTERM', listener);
  }
  for (const listener of process.stdin.listeners('end')) {
    if (!stdinEnd.has(listener)) process.stdin.off('end', listener as () => void);
  }
  return result;
}

async function main(): Promise<void> {
  const sandboxPort = numberFromEnv(
    'PORT',
    DEFAULT_SANDBOX_PORT,
    (value) => Number.isInteger(value) && value >= 0 && value <= 65535,
  );
  const tokenTtlSeconds = numberFromEnv(
    'TOKEN_TTL_SECONDS',
    DEFAULT_TOKEN_TTL_SECONDS,
    (value) => Number.isFinite(value) && value > 0,
  );

  const sandbox = await startSandboxWithFallback(sandboxPort, tokenTtlSeconds);
  let vite: ViteDevServer | undefined;

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130); // a second Ctrl+C: stop waiting
    stopping = true;
    console.log(`\nStopping the demo (${signal})…`);
    Promise.all([vite?.close(), sandbox.close()]).then(
      () => {
        console.log('Demo app and sandbox stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('npm start: failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const users: DemoUser[] = [];
  const expiredJwts: Record<string, string> = {};
  for (const user of DEMO_USERS) {
    const claims = { email: user.email, name: user.name };
    users.push({
      ...user,
      jwt: await sandbox.issueJwt(user.id, { ...claims, expiresInSeconds: JWT_LIFETIME_SECONDS }),
    });
    expiredJwts[user.id] = await sandbox.issueJwt(user.id, { ...claims, expiresInSeconds: -60 });
  }
  // The host of the public booking page: a Cal.com user a visitor books without any account.
  const { user: host } = sandbox.calModel.integrate(
    { sub: DEMO_HOST.id, name: DEMO_HOST.name, email: DEMO_HOST.email },
    { timeZone: 'Europe/Madrid' },
  );
  const demo: DemoConfig = {
    apiUrl: sandbox.url,
    tokenTtlSeconds,
    users,
    expiredJwts,
    host: { name: host.name, username: host.username },
  };

  try {
    vite = await withoutViteExitHandlers(() =>
      createServer({
        configFile: fileURLToPath(new URL('../examples/host-app/vite.config.ts', import.meta.url)),
        // The demo's sign-ins, baked into the page at serve time: nothing secret is committed.
        define: { __BOOKINGS_DEMO__: JSON.stringify(demo) },
        server: { host: '127.0.0.1', strictPort: false },
      }),
    );
    await vite.listen();
  } catch (error) {
    await Promise.allSettled([vite?.close(), sandbox.close()]);
    throw error;
  }

  const appUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  const alice = users[0]!;
  console.log(`
  @aisquare/bookings-react demo

  Open the demo app:  ${appUrl}
  Sandbox API:        ${sandbox.url}
                      Cal.com tokens live ${tokenTtlSeconds} s: watch the page refresh its token on
                      its own within ~${Math.ceil(tokenTtlSeconds - Math.min(60, tokenTtlSeconds / 4))} s of getting it.

  Demo users: ${users.map((user) => `${user.name} (${user.id})`).join(', ')}; JWTs valid 24 h.

  Try the API yourself (as ${alice.name}):
    JWT='${alice.jwt}'
    curl -s -H "Authorization: Bearer $JWT" -H 'Content-Type: application/json' -d '{}' \\
      ${sandbox.url}${ENDPOINT_PATHS.token}
    curl -s -H "Authorization: Bearer $JWT" ${sandbox.url}${ENDPOINT_PATHS.user}

  Press Ctrl+C to stop.
`);
}

main().catch((error: unknown) => {
  console.error('npm start failed:', error);
  process.exit(1);
});
