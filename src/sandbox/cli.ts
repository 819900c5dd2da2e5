#!/usr/bin/env node
import process from 'node:process';
import { parseArgs } from 'node:util';
import { ENDPOINT_PATHS } from './routes.js';
import { startSandbox } from './startSandbox.js';

const HELP = `aisquare-bookings-sandbox: a local stand-in for AISquare's bookings API and Cal.com API v2

Usage: aisquare-bookings-sandbox [options]

Options:
  --port <n>         TCP port; 0 picks a free one           (default 8787)
  --host <addr>      interface to bind                      (default 127.0.0.1)
  --token-ttl <s>    expires_in of Cal.com access tokens    (default 3600)
  --latency <ms>     delay before every answer              (default 0)
  --cal-rate-limit <n>
                     Cal.com requests per minute per access token; over it
                     429 ThrottlerException and a 60 s block, and every
                     Cal.com answer carries X-RateLimit-*-Default headers
                     (default 0: no limit)
  --cors-origin <origin>
                     also allow this browser origin, e.g. https://app.example.com;
                     repeatable (default: only http(s) pages on localhost,
                     127.0.0.1 and [::1], any port; never "null")
  -h, --help         show this help

Environment:
  SANDBOX_JWT_SECRET  fixed HS256 secret, so dev JWTs survive restarts (default: random per run)

AISquare endpoints (all need "Authorization: Bearer <JWT>"):
  GET  ${ENDPOINT_PATHS.config}           cal_api_url is this sandbox's /v2
  POST ${ENDPOINT_PATHS.token}    first call per user integrates ("created")
  GET  ${ENDPOINT_PATHS.user}             404 until the first token call

Cal.com API v2 endpoints ("Authorization: Bearer <access_token from the token
endpoint>"; an expired token answers 498, an unknown one 401). Each user gets
event types of 15, 30 and 60 minutes (60 hidden), a hidden weekly check-in
booked as a series of four, and Mon-Fri 09:00-17:00 in the token request's
time_zone:
  GET  /v2/me
  GET  /v2/event-types                      cal-api-version: 2024-06-14
  GET  /v2/slots?eventTypeId=&start=&end=&timeZone=
                                            cal-api-version: 2024-09-04, no auth
  GET  /v2/bookings?status=&take=&skip=     cal-api-version: 2024-08-13
  POST /v2/bookings                         cal-api-version: 2024-08-13
  GET  /v2/bookings/{uid}                   cal-api-version: 2024-08-13
  POST /v2/bookings/{uid}/cancel            cal-api-version: 2024-08-13
  POST /v2/bookings/{uid}/reschedule        cal-api-version: 2024-08-13
A missing or wrong cal-api-version answers 400 (Cal.com would silently serve
an older endpoint version).
`;

function fail(message: string): never {
  console.error(`aisquare-bookings-sandbox: ${message}\nRun with --help for usage.`);
  process.exit(2);
}

function numberOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    fail(`--${name} must be a number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'token-ttl': { type: 'string' },
        latency: { type: 'string' },
        'cal-rate-limit': { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    console.log(HELP);
    return;
  }

  const str = (key: string) => {
    const value = values[key];
    return typeof value === 'string' ? value : undefined;
  };
  const port = numberOption('port', str('port'), 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be 0 to 65535');
  const tokenTtlSeconds = numberOption('token-ttl', str('token-ttl'), 3600);
  if (tokenTtlSeconds <= 0) fail('--token-ttl must be positive');
  const latencyMs = numberOption('latency', str('latency'), 0);
  if (latencyMs < 0) fail('--latency must be 0 or more');
  const calRateLimit = numberOption('cal-rate-limit', str('cal-rate-limit'), 0);
  if (!Number.isInteger(calRateLimit) || calRateLimit < 0) {
    fail('--cal-rate-limit must be a whole number, 0 or more');
  }
  const secret = process.env.SANDBOX_JWT_SECRET;
  const corsOrigins = Array.isArray(values['cors-origin']) ? values['cors-origin'] : [];
  if (corsOrigins.includes('*')) fail('--cors-origin takes exact origins; "*" is not accepted');

  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port,
      host: str('host') ?? '127.0.0.1',
      tokenTtlSeconds,
      latencyMs,
      calRateLimit,
      corsOrigins,
      ...(secret ? { jwtSecret: secret } : {}),
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') fail(`port ${port} is already in use; try --port 0`);
    fail(error instanceof Error ? error.message : String(error));
  }

  const jwt = await sandbox.issueJwt('demo-user', { expiresInSeconds: 24 * 60 * 60 });
  const auth = '-H "Authorization: Bearer $JWT"';
  console.log(`AISquare bookings sandbox listening on ${sandbox.url}
  token lifetime ${tokenTtlSeconds} s, latency ${latencyMs} ms, Cal.com rate limit ${
    calRateLimit === 0 ? 'off' : `${calRateLimit}/min per token`
  }
  Cal.com API v2: ${sandbox.url}/v2
  CORS: pages on localhost, 127.0.0.1 and [::1]${corsOrigins.map((origin) => `, ${origin}`).join('')}

Dev JWT (user "demo-user", valid 24 h):
${jwt}

Try it:
  JWT='${jwt}'
  curl -s ${auth} ${sandbox.url}${ENDPOINT_PATHS.config}
  curl -s ${auth} -H 'Content-Type: application/json' -d '{}' ${sandbox.url}${ENDPOINT_PATHS.token}
  curl -s ${auth} ${sandbox.url}${ENDPOINT_PATHS.user}
  TOKEN=$(curl -s ${auth} -H 'Content-Type: application/json' -d '{}' \\
    ${sandbox.url}${ENDPOINT_PATHS.token} | sed 's/.*"access_token": *"\\([^"]*\\)".*/\\1/')
  curl -s -H "Authorization: Bearer $TOKEN" ${sandbox.url}/v2/me
  curl -s -H "Authorization: Bearer $TOKEN" -H 'cal-api-version: 2024-06-14' ${sandbox.url}/v2/event-types

Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(130); // second signal: give up waiting
    }
    stopping = true;
    sandbox.close().then(
      () => {
        console.log(`\nSandbox stopped (${signal}).`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error('aisquare-bookings-sandbox: failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('aisquare-bookings-sandbox:', error);
  process.exit(1);
});
