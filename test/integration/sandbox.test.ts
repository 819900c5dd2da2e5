import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { preflightPost } from '../helpers/preflight.js';
import { withSandboxCli } from '../helpers/sandboxCli.js';
import { withSandbox } from '../helpers/withSandbox.js';

const CONFIG = '/api/v1/bookings/config/';
const TOKEN = '/api/v1/bookings/token/refresh/';
const USER = '/api/v1/bookings/user/';

const fixture = withSandbox();

/** `counts()` of a sandbox that has served nothing yet. */
const ZERO = {
  config: 0,
  token: 0,
  user: 0,
  'cal.me': 0,
  'cal.eventTypes': 0,
  'cal.slots': 0,
  'cal.bookings': 0,
  'cal.createBooking': 0,
  'cal.booking': 0,
  'cal.cancelBooking': 0,
  'cal.rescheduleBooking': 0,
  'cal.reserveSlot': 0,
  'cal.reservedSlot': 0,
  'cal.updateReservation': 0,
  'cal.deleteReservation': 0,
  'cal.emailVerificationCheck': 0,
  'cal.sendEmailVerificationCode': 0,
  'cal.verifyEmailVerificationCode': 0,
};
const { startExtra } = fixture;

function get(path: string, jwt?: string, init: RequestInit = {}, base = fixture.sandbox.url) {
  const headers = new Headers(init.headers);
  if (jwt !== undefined) headers.set('Authorization', `Bearer ${jwt}`);
  return fetch(`${base}${path}`, { ...init, headers });
}

function refresh(
  jwt: string,
  body: string = '{}',
  base = fixture.sandbox.url,
  init: RequestInit = {},
) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${jwt}`);
  headers.set('Content-Type', 'application/json');
  return fetch(`${base}${TOKEN}`, { ...init, method: 'POST', headers, body });
}

async function expectDetail(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { detail?: unknown };
  expect(typeof body.detail).toBe('string');
  expect(body.detail).not.toBe('');
  return body.detail as string;
}

describe('startSandbox', () => {
  it('binds to 127.0.0.1 on a random port by default', () => {
    expect(fixture.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fixture.sandbox.port).toBeGreaterThan(0);
    expect(fixture.sandbox.url.endsWith(`:${fixture.sandbox.port}`)).toBe(true);
  });

  it('serves under basePath, which is part of url', async () => {
    const prefixed = await startExtra({ basePath: '/aisquare/' });
    expect(prefixed.url).toBe(`http://127.0.0.1:${prefixed.port}/aisquare`);
    const jwt = await prefixed.issueJwt('alice');
    expect((await get(CONFIG, jwt, {}, prefixed.url)).status).toBe(200);
    expect((await get(CONFIG, jwt, {}, `http://127.0.0.1:${prefixed.port}`)).status).toBe(404);
  });

  it('rejects invalid options', async () => {
    await expect(startSandbox({ port: -1 })).rejects.toThrow(RangeError);
    await expect(startSandbox({ tokenTtlSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(startSandbox({ latencyMs: Number.NaN })).rejects.toThrow(RangeError);
    await expect(startSandbox({ jwtSecret: '' })).rejects.toThrow(RangeError);
  });
});

describe('authentication', () => {
  it('answers 401 with a JSON detail when no Authorization header is sent', async () => {
    for (const path of [CONFIG, USER]) {
      const response = await get(path);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await expectDetail(response, 401)).toMatch(/not provided/);
    }
    const post = await fetch(`${fixture.sandbox.url}${TOKEN}`, { method: 'POST', body: '{}' });
    await expectDetail(post, 401);
  });

  it('answers 401 to a scheme other than Bearer', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    const response = await fetch(`${fixture.sandbox.url}${CONFIG}`, {
      headers: { Authorization: `Token ${jwt}` },
    });
    await expectDetail(response, 401);
  });

  it('answers 401 to a JWT with a bad signature', async () => {
    const other = await startExtra({ jwtSecret: 'another secret entirely' });
    const foreign = await other.issueJwt('alice');
    await expectDetail(await get(CONFIG, foreign), 401);

    const [header, payload, signature] = (await fixture.sandbox.issueJwt('alice')).split('.');
    const flipped = `${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
    await expectDetail(await get(CONFIG, `${header}.${payload}.${flipped}`), 401);
    await expectDetail(await get(CONFIG, 'not-a-jwt'), 401);
  });

  it('answers 401 to an expired JWT', async () => {
    const expired = await fixture.sandbox.issueJwt('alice', { expiresInSeconds: -30 });
    expect(await expectDetail(await get(CONFIG, expired), 401)).toMatch(/expired/i);
    await expectDetail(await refresh(expired), 401);
  });

  it('accepts a JWT until it expires', async () => {
    // exp has one-second resolution: 2 s from now stays valid for at least 1 s, and is surely
    // past 2.1 s from now.
    const shortLived = await fixture.sandbox.issueJwt('alice', { expiresInSeconds: 2 });
    expect((await get(CONFIG, shortLived)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expectDetail(await get(CONFIG, shortLived), 401);
  });

  it('shares a fixed jwtSecret between sandboxes', async () => {
    const a = await startExtra({ jwtSecret: 'shared-dev-secret' });
    const b = await startExtra({ jwtSecret: new TextEncoder().encode('shared-dev-secret') });
    const jwt = await a.issueJwt('alice');
    expect((await get(CONFIG, jwt, {}, b.url)).status).toBe(200);
  });

  it('requires X-API-Key as well when apiKey is set', async () => {
    const keyed = await startExtra({ apiKey: 'key-123' });
    const jwt = await keyed.issueJwt('alice');
    await expectDetail(await get(CONFIG, jwt, {}, keyed.url), 401);
    await expectDetail(
      await get(CONFIG, jwt, { headers: { 'X-API-Key': 'wrong' } }, keyed.url),
      401,
    );
    await expectDetail(
      await get(CONFIG, undefined, { headers: { 'X-API-Key': 'key-123' } }, keyed.url),
      401,
    );
    const ok = await get(CONFIG, jwt, { headers: { 'X-API-Key': 'key-123' } }, keyed.url);
    expect(ok.status).toBe(200);
  });
});

describe('endpoints', () => {
  it('GET config answers a realistic Cal.com configuration', async () => {
    const response = await get(CONFIG, await fixture.sandbox.issueJwt('alice'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const config = (await response.json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      cal_client_id: expect.any(String),
      cal_api_url: `${fixture.sandbox.url}/v2`,
      cal_web_app_url: expect.stringMatching(/^https:\/\//),
    });
  });

  it('first token call integrates the user (created), later ones refresh (existing)', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    const config = (await (await get(CONFIG, jwt)).json()) as { cal_client_id: string };

    const first = await refresh(jwt);
    expect(first.status).toBe(200);
    const created = (await first.json()) as Record<string, unknown>;
    expect(created).toEqual({
      access_token: expect.stringMatching(/^\S{16,}$/),
      expires_in: 3600,
      token_type: 'Bearer',
      refreshed: false,
      integration_status: 'created',
      cal_client_id: config.cal_client_id,
    });

    const second = (await (await refresh(jwt)).json()) as Record<string, unknown>;
    expect(second).toMatchObject({ refreshed: true, integration_status: 'existing' });
    expect(second.access_token).not.toBe(created.access_token);

    const other = (await (await refresh(await fixture.sandbox.issueJwt('bob'))).json()) as {
      integration_status: string;
    };
    expect(other.integration_status).toBe('created');
  });

  it('accepts an empty body as {}', async () => {
    const response = await refresh(await fixture.sandbox.issueJwt('alice'), '');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { integration_status: string }).integration_status).toBe(
      'created',
    );
  });

  it('GET user is 404 until the first token call, then the Cal.com user', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice-smith', { email: 'alice@aisquare.test' });
    await expectDetail(await get(USER, jwt), 404);
    expect((await refresh(jwt)).status).toBe(200);

    const response = await get(USER, jwt);
    expect(response.status).toBe(200);
    const user = (await response.json()) as Record<string, unknown>;
    expect(user).toMatchObject({
      id: expect.any(Number),
      email: 'alice@aisquare.test',
      username: expect.stringMatching(/^alice-smith/),
      name: 'Alice Smith',
      avatarUrl: null,
      timeZone: 'Europe/London',
      weekStart: 'Monday',
      timeFormat: 24,
      defaultScheduleId: expect.any(Number),
      locale: 'en',
    });

    const bob = await fixture.sandbox.issueJwt('bob', { name: 'Bob B.' });
    await expectDetail(await get(USER, bob), 404);
    await refresh(bob);
    const bobUser = (await (await get(USER, bob)).json()) as Record<string, unknown>;
    expect(bobUser).toMatchObject({ email: 'bob@example.com', name: 'Bob B.' });
    expect(bobUser.id).not.toBe(user.id);
  });

  it('uses time_zone from the first token call for the new user', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    expect((await refresh(jwt, JSON.stringify({ time_zone: 'Asia/Tokyo' }))).status).toBe(200);
    const user = (await (await get(USER, jwt)).json()) as { timeZone: string };
    expect(user.timeZone).toBe('Asia/Tokyo');
  });

  it.each([
    ['malformed JSON', '{"force_refresh": tru'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"hello"'],
    ['a non-boolean force_refresh', '{"force_refresh":"yes"}'],
    ['a non-boolean force_refresh (number)', '{"force_refresh":1}'],
    ['an object cal_user_id', '{"cal_user_id":{}}'],
    ['an unknown time_zone', '{"time_zone":"Mars/Olympus"}'],
  ])('token answers 400 to %s and integrates nobody', async (_name, body) => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    await expectDetail(await refresh(jwt, body), 400);
    await expectDetail(await get(USER, jwt), 404);
  });

  it('accepts well-typed known fields and ignores unknown ones', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    const body = { force_refresh: true, cal_user_id: 7, time_zone: 'UTC', extra: [1] };
    const response = await refresh(jwt, JSON.stringify(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ integration_status: 'created' });
    expect(((await (await get(USER, jwt)).json()) as { timeZone: string }).timeZone).toBe('UTC');
  });

  it('answers 405 to a wrong method, with Allow', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    const post = await fetch(`${fixture.sandbox.url}${CONFIG}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}` },
      body: '{}',
    });
    await expectDetail(post, 405);
    expect(post.headers.get('allow')).toBe('GET, OPTIONS');
    const getToken = await get(TOKEN, jwt);
    await expectDetail(getToken, 405);
    expect(getToken.headers.get('allow')).toBe('POST, OPTIONS');
    await expectDetail(await get(USER, jwt, { method: 'DELETE' }), 405);
  });

  it('answers 404 to unknown paths, including a missing trailing slash', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    await expectDetail(await get('/api/v1/bookings/nope/', jwt), 404);
    await expectDetail(await get('/api/v1/bookings/config', jwt), 404);
    await expectDetail(await get('//api/v1/bookings/config/', jwt), 404);
    await expectDetail(await get('/', jwt), 404);
  });
});

describe('fault injection', () => {
  it('failNext(status) answers that status with a JSON detail, for the next N requests only', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    fixture.sandbox.failNext('config', 503, 2);
    fixture.sandbox.failNext('config', 500);
    expect(await expectDetail(await get(CONFIG, jwt), 503)).toMatch(/503/);
    await expectDetail(await get(CONFIG, jwt), 503);
    await expectDetail(await get(CONFIG, jwt), 500);
    expect((await get(CONFIG, jwt)).status).toBe(200);
  });

  it('applies faults per endpoint and before authentication', async () => {
    fixture.sandbox.failNext('token', 500);
    expect((await get(CONFIG, await fixture.sandbox.issueJwt('alice'))).status).toBe(200);
    const response = await fetch(`${fixture.sandbox.url}${TOKEN}`, { method: 'POST', body: '{}' });
    await expectDetail(response, 500);
  });

  it('an injected token failure does not integrate the user', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    fixture.sandbox.failNext('token', 500);
    await expectDetail(await refresh(jwt), 500);
    const first = (await (await refresh(jwt)).json()) as { integration_status: string };
    expect(first.integration_status).toBe('created');
  });

  it("failNext('malformed') answers 200 with a body that is not JSON", async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    fixture.sandbox.failNext('user', 'malformed');
    const response = await get(USER, jwt);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    await expectDetail(await get(USER, jwt), 404);
  });

  it("failNext('hang') never answers; the client's time-out fires; the next request is served", async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    fixture.sandbox.failNext('token', 'hang');
    const started = Date.now();
    const hung = refresh(jwt, '{}', fixture.sandbox.url, { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const next = (await (await refresh(jwt)).json()) as { integration_status: string };
    expect(next.integration_status).toBe('created');
  });

  it('rejects invalid faults', () => {
    expect(() => fixture.sandbox.failNext('config', 200)).toThrow(RangeError);
    expect(() => fixture.sandbox.failNext('config', 600)).toThrow(RangeError);
    expect(() => fixture.sandbox.failNext('config', 500, 0)).toThrow(RangeError);
    // @ts-expect-error: not an endpoint
    expect(() => fixture.sandbox.failNext('users', 500)).toThrow(TypeError);
  });
});

describe('latency and token lifetime', () => {
  it('setLatency delays every answer', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    fixture.sandbox.setLatency(400);
    let started = performance.now();
    expect((await get(CONFIG, jwt)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);

    fixture.sandbox.setLatency(0);
    started = performance.now();
    expect((await get(CONFIG, jwt)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(300);
    expect(() => fixture.sandbox.setLatency(-1)).toThrow(RangeError);
  });

  it('latencyMs option delays answers from the start, and requests run in parallel', async () => {
    const slow = await startExtra({ latencyMs: 300 });
    const jwt = await slow.issueJwt('alice');
    const started = performance.now();
    const responses = await Promise.all(
      [CONFIG, USER, CONFIG].map((path) => get(path, jwt, {}, slow.url)),
    );
    const elapsed = performance.now() - started;
    expect(responses.map((response) => response.status)).toEqual([200, 404, 200]);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(800); // one after the other would take 900 ms
  });

  it('setTokenTtl and tokenTtlSeconds set expires_in', async () => {
    const short = await startExtra({ tokenTtlSeconds: 90 });
    const jwt = await short.issueJwt('alice');
    const read = async () =>
      ((await (await refresh(jwt, '{}', short.url)).json()) as { expires_in: number }).expires_in;
    expect(await read()).toBe(90);
    short.setTokenTtl(30);
    expect(await read()).toBe(30);
    expect(() => short.setTokenTtl(0)).toThrow(RangeError);
    short.reset();
    expect(await read()).toBe(90);
  });
});

describe('counts and reset', () => {
  it('counts requests per endpoint, failed ones included, preflights not', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    expect(fixture.sandbox.counts()).toEqual(ZERO);
    await get(CONFIG, jwt);
    await get(CONFIG);
    await refresh(jwt);
    await get(USER, jwt);
    await get(USER, jwt);
    await get(USER, jwt);
    await get('/api/v1/bookings/unknown/', jwt);
    await fetch(`${fixture.sandbox.url}${CONFIG}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
    });
    expect(fixture.sandbox.counts()).toEqual({ ...ZERO, config: 2, token: 1, user: 3 });
  });

  it('counts() is a snapshot', async () => {
    const snapshot = fixture.sandbox.counts();
    await get(CONFIG, await fixture.sandbox.issueJwt('alice'));
    expect(snapshot.config).toBe(0);
    expect(fixture.sandbox.counts().config).toBe(1);
  });

  it('reset() clears users, counts, faults and latency', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    await refresh(jwt);
    expect((await get(USER, jwt)).status).toBe(200);
    fixture.sandbox.failNext('config', 500, 5);
    fixture.sandbox.setLatency(400);

    fixture.sandbox.reset();
    expect(fixture.sandbox.counts()).toEqual(ZERO);
    const started = performance.now();
    expect((await get(CONFIG, jwt)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(300);
    await expectDetail(await get(USER, jwt), 404);
    const again = (await (await refresh(jwt)).json()) as { integration_status: string };
    expect(again.integration_status).toBe('created');
  });
});

describe('CORS', () => {
  const origin = 'http://localhost:5173';

  it('answers a preflight with the allowed methods and headers', async () => {
    const response = await preflightPost(
      `${fixture.sandbox.url}${TOKEN}`,
      origin,
      'authorization,content-type,x-api-key',
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const methods = response.headers.get('access-control-allow-methods') ?? '';
    for (const method of ['GET', 'POST', 'OPTIONS']) expect(methods).toContain(method);
    const headers = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'x-api-key']) {
      expect(headers).toContain(header);
    }
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it("grants Chrome's private network access when asked, to an allowed origin only", async () => {
    // A public page is not a loopback origin, so it needs listing in corsOrigins first.
    const listed = await startExtra({ corsOrigins: ['https://app.example.com'] });
    const ask = (base: string) =>
      fetch(`${base}${CONFIG}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://app.example.com',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Private-Network': 'true',
        },
      });
    const granted = await ask(listed.url);
    expect(granted.headers.get('access-control-allow-private-network')).toBe('true');
    expect(granted.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const refused = await ask(fixture.sandbox.url);
    expect(refused.headers.get('access-control-allow-private-network')).toBeNull();
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes the Origin on actual answers, errors included', async () => {
    const ok = await get(CONFIG, await fixture.sandbox.issueJwt('alice'), {
      headers: { Origin: origin },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const denied = await get(CONFIG, undefined, { headers: { Origin: origin } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe(origin);
    const noOrigin = await get(CONFIG);
    expect(noOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows only the listed origins when corsOrigins is a list', async () => {
    const strict = await startExtra({ corsOrigins: [origin] });
    const jwt = await strict.issueJwt('alice');
    const allowed = await get(CONFIG, jwt, { headers: { Origin: origin } }, strict.url);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    const other = await get(
      CONFIG,
      jwt,
      { headers: { Origin: 'https://evil.example' } },
      strict.url,
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('close', () => {
  it('resolves promptly with a hung request open, and the hung request fails', async () => {
    const closing = await startExtra();
    const jwt = await closing.issueJwt('alice');
    closing.failNext('config', 'hang');
    const hung = get(CONFIG, jwt, { signal: AbortSignal.timeout(10_000) }, closing.url);
    const settled = hung.then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closing.counts().config).toBe(1);

    const started = performance.now();
    await closing.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await settled).toBe('TypeError'); // fetch failed: socket closed, not the 10 s time-out
    await closing.close(); // idempotent
    await expect(get(CONFIG, jwt, {}, closing.url)).rejects.toThrow();
  });

  it('resolves promptly while a request waits out its latency', async () => {
    const slow = await startExtra({ latencyMs: 5000 });
    const pending = get(CONFIG, await slow.issueJwt('alice'), {}, slow.url).catch(() => 'failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await slow.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('failed');
  });
});

describe('cli', () => {
  const { runCli, waitForOutput } = withSandboxCli();

  it('prints a URL, a working dev JWT and curl examples, then stops cleanly on SIGTERM', async () => {
    const proc = runCli(['--port', '0', '--token-ttl', '120']);
    const output = await waitForOutput(proc, /Press Ctrl\+C to stop/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    const jwt = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/m.exec(output)?.[1];
    if (url === undefined || jwt === undefined) throw new Error(`no URL or JWT in:\n${output}`);
    expect(url).not.toMatch(/:0$/);
    expect(output.match(/^\s+curl -s .*$/gm)).toHaveLength(5);
    for (const path of [CONFIG, TOKEN, USER, '/v2/me', '/v2/event-types']) {
      expect(output).toContain(`${url}${path}`);
    }

    expect((await get(CONFIG, jwt, {}, url)).status).toBe(200);
    const token = (await (await refresh(jwt, '{}', url)).json()) as {
      expires_in: number;
      integration_status: string;
    };
    expect(token).toMatchObject({ expires_in: 120, integration_status: 'created' });
    expect((await get(USER, jwt, {}, url)).status).toBe(200);

    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    await expect(get(CONFIG, jwt, {}, url)).rejects.toThrow();
  }, 30_000);

  it('prints help and rejects a bad port', async () => {
    const help = runCli(['--help']);
    let text = '';
    help.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    const [helpCode] = await once(help, 'exit');
    expect(helpCode).toBe(0);
    for (const flag of ['--port', '--host', '--token-ttl', '--latency', '--cal-rate-limit'])
      expect(text).toContain(flag);
    expect(text).toContain('/v2/bookings/{uid}/reschedule');

    const bad = runCli(['--port', 'abc']);
    const [badCode] = await once(bad, 'exit');
    expect(badCode).toBe(2);
  }, 30_000);
});
