import { describe, expect, it, vi } from 'vitest';
import {
  createBookingsClient,
  DEFAULT_ENDPOINTS,
} from '../../../src/client/createBookingsClient.js';
import { BookingsApiError } from '../../../src/client/errors.js';
import {
  CalConfigSchema,
  CalTokenRefreshResponseSchema,
  CalUserSchema,
} from '../../../src/client/schemas.js';
import { DEFAULT_HANDLER_ENDPOINTS } from '../../../src/testing/handlerUrls.js';
import {
  type BookingsHandlersOptions,
  calConfigFixture,
  calUserFixture,
  createBookingsHandlers,
  createCalTokenFixture,
  FAKE_CAL_ACCESS_TOKEN,
  FIXTURE_CAL_CLIENT_ID,
} from '../../../src/testing/index.js';
import { withMswServer } from '../../helpers/mswServer.js';

const server = withMswServer();

const ORIGIN = 'https://api.example.com';
const PATHS = {
  config: '/api/v1/bookings/config/',
  token: '/api/v1/bookings/token/refresh/',
  user: '/api/v1/bookings/user/',
} as const;
type Endpoint = keyof typeof PATHS;
const ENDPOINTS = ['config', 'token', 'user'] as const;

function use(options?: BookingsHandlersOptions): void {
  server.use(...createBookingsHandlers(options));
}

function request(endpoint: Endpoint, init: RequestInit & { origin?: string } = {}) {
  const { origin = ORIGIN, ...rest } = init;
  const method = endpoint === 'token' ? 'POST' : 'GET';
  return fetch(`${origin}${PATHS[endpoint]}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(rest.headers ?? {}) },
    ...(method === 'POST' ? { body: '{}' } : {}),
    ...(rest.signal ? { signal: rest.signal } : {}),
  });
}

/** The raw answer of `endpoint` under `scenario`. */
function requestIn(scenario: BookingsHandlersOptions['scenario'], endpoint: Endpoint) {
  use({ scenario });
  return request(endpoint);
}

async function call(endpoint: Endpoint, init?: RequestInit & { origin?: string }) {
  const response = await request(endpoint, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The status and JSON body of `endpoint` under `scenario`. */
function callIn(scenario: BookingsHandlersOptions['scenario'], endpoint: Endpoint) {
  use({ scenario });
  return call(endpoint);
}

/** Resolves to 'pending' if `promise` has not settled after `ms`. */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'pending'> {
  return Promise.race([
    promise.then(
      () => 'settled' as const,
      () => 'settled' as const,
    ),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);
}

describe('fixtures', () => {
  it('are valid responses of the three endpoints', () => {
    expect(CalConfigSchema.safeParse(calConfigFixture).success).toBe(true);
    expect(CalUserSchema.safeParse(calUserFixture).success).toBe(true);
    expect(CalTokenRefreshResponseSchema.safeParse(createCalTokenFixture()).success).toBe(true);
  });

  it('hand out an obviously fake access token and agree on the client id', () => {
    const token = createCalTokenFixture();
    expect(token.access_token).toBe(FAKE_CAL_ACCESS_TOKEN);
    expect(token.access_token).toMatch(/fake/);
    expect(token.cal_client_id).toBe(FIXTURE_CAL_CLIENT_ID);
    expect(calConfigFixture.cal_client_id).toBe(FIXTURE_CAL_CLIENT_ID);
  });

  it('createCalTokenFixture applies overrides and returns a new object each time', () => {
    const a = createCalTokenFixture({ expires_in: 5, integration_status: 'created' });
    expect(a).toMatchObject({ expires_in: 5, integration_status: 'created', token_type: 'Bearer' });
    const b = createCalTokenFixture();
    expect(b).not.toBe(createCalTokenFixture());
    expect(b.expires_in).toBe(3600);
    expect(b.integration_status).toBe('existing');
  });

  it('cannot be mutated by one test to the next', () => {
    expect(Object.isFrozen(calConfigFixture)).toBe(true);
    expect(Object.isFrozen(calUserFixture)).toBe(true);
  });
});

describe("scenario 'ready' (default)", () => {
  it('answers config, token and user with 200 and the fixtures, without any auth', async () => {
    use();
    expect(await call('config')).toEqual({ status: 200, body: { ...calConfigFixture } });
    const token = await call('token');
    expect(token.status).toBe(200);
    expect(token.body).toEqual({
      access_token: `${FAKE_CAL_ACCESS_TOKEN}-1`,
      expires_in: 3600,
      token_type: 'Bearer',
      refreshed: true,
      integration_status: 'existing',
      cal_client_id: FIXTURE_CAL_CLIENT_ID,
    });
    expect(await call('user')).toEqual({ status: 200, body: { ...calUserFixture } });
  });

  it('numbers the access token of each token call', async () => {
    use();
    expect((await call('token')).body.access_token).toBe(`${FAKE_CAL_ACCESS_TOKEN}-1`);
    expect((await call('token')).body.access_token).toBe(`${FAKE_CAL_ACCESS_TOKEN}-2`);
  });

  it('answers token requests with Cache-Control: no-store', async () => {
    use();
    expect((await request('token')).headers.get('Cache-Control')).toBe('no-store');
  });
});

describe("scenario 'notConnected'", () => {
  it('answers user 404 until the first token call, which creates the integration', async () => {
    use({ scenario: 'notConnected' });
    expect(await call('config')).toEqual({ status: 200, body: { ...calConfigFixture } });
    const before = await call('user');
    expect(before.status).toBe(404);
    expect(before.body.detail).toEqual(expect.any(String));
    expect((await call('user')).status).toBe(404);

    const first = await call('token');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ integration_status: 'created', refreshed: false });

    expect(await call('user')).toEqual({ status: 200, body: { ...calUserFixture } });
    const second = await call('token');
    expect(second.body).toMatchObject({ integration_status: 'existing', refreshed: true });
  });

  it('keeps its state per handler set', async () => {
    use({ scenario: 'notConnected' });
    await call('token');
    expect((await call('user')).status).toBe(200);

    server.resetHandlers();
    use({ scenario: 'notConnected' });
    expect((await call('user')).status).toBe(404);
    expect((await call('token')).body.integration_status).toBe('created');
  });

  it('integrates only once when two first token calls race', async () => {
    use({ scenario: 'notConnected', delayMs: 20 });
    const answers = await Promise.all([call('token'), call('token')]);
    const statuses = answers.map((answer) => answer.body.integration_status).sort();
    expect(statuses).toEqual(['created', 'existing']);
  });
});

describe("scenario 'unauthorized'", () => {
  it.each(ENDPOINTS)('answers %s with 401 and a detail', async (endpoint) => {
    const response = await requestIn('unauthorized', endpoint);
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({
      detail: 'Authentication credentials were not provided.',
    });
  });

  it('says the token is invalid when one was sent', async () => {
    use({ scenario: 'unauthorized' });
    const answer = await call('user', { headers: { Authorization: 'Bearer not-a-jwt' } });
    expect(answer).toEqual({
      status: 401,
      body: { detail: 'Given token not valid for any token type' },
    });
  });
});

describe("scenario 'serverError'", () => {
  it.each(ENDPOINTS)('answers %s with 500 and a detail', async (endpoint) => {
    const answer = await callIn('serverError', endpoint);
    expect(answer.status).toBe(500);
    expect(answer.body.detail).toEqual(expect.stringContaining(endpoint));
  });
});

describe("scenario 'malformed'", () => {
  it.each(ENDPOINTS)('answers %s with 200 and a body that is not JSON', async (endpoint) => {
    const response = await requestIn('malformed', endpoint);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/application\/json/);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

describe("scenario 'slow'", () => {
  it('answers like ready after delayMs', async () => {
    use({ scenario: 'slow', delayMs: 120 });
    const started = performance.now();
    const answer = await call('user');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(answer).toEqual({ status: 200, body: { ...calUserFixture } });
  });

  it('waits 1500 ms by default', async () => {
    use({ scenario: 'slow' });
    const started = performance.now();
    const pending = call('config');
    expect(await settledWithin(pending, 300)).toBe('pending');
    expect(await pending).toEqual({ status: 200, body: { ...calConfigFixture } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1450);
  });

  it('delayMs delays other scenarios too, and ready answers at once without it', async () => {
    use({ scenario: 'serverError', delayMs: 120 });
    let started = performance.now();
    expect((await call('config')).status).toBe(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);

    server.resetHandlers();
    use();
    started = performance.now();
    await call('config');
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe("scenario 'loading'", () => {
  it('never answers, and the caller can still abort', async () => {
    const onRequest = vi.fn();
    use({ scenario: 'loading', onRequest });
    const controller = new AbortController();
    const pending = request('user', { signal: controller.signal });
    expect(await settledWithin(pending, 300)).toBe('pending');
    expect(onRequest).toHaveBeenCalledWith('user', expect.any(Request));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('overrides', () => {
  it('merges config, user and token overrides over the fixtures', async () => {
    use({
      config: { cal_api_url: 'https://cal.internal.example/v2', extra_flag: true },
      user: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' },
      token: { token_type: 'bearer', access_token: 'fake-override' },
      tokenTtlSeconds: 30,
    });
    expect((await call('config')).body).toEqual({
      ...calConfigFixture,
      cal_api_url: 'https://cal.internal.example/v2',
      extra_flag: true,
    });
    expect((await call('user')).body).toEqual({
      ...calUserFixture,
      name: 'Grace Hopper',
      email: 'grace@example.com',
      timeZone: 'America/New_York',
    });
    expect((await call('token')).body).toMatchObject({
      token_type: 'bearer',
      access_token: 'fake-override',
      expires_in: 30,
      integration_status: 'existing',
    });
  });

  it("uses the config's client id in token answers, and token overrides win over the scenario", async () => {
    use({
      scenario: 'notConnected',
      config: { cal_client_id: 'cm1other0client' },
      token: { integration_status: 'existing', expires_in: 99 },
    });
    expect((await call('token')).body).toMatchObject({
      cal_client_id: 'cm1other0client',
      integration_status: 'existing',
      expires_in: 99,
    });
  });

  it('rejects nonsensical options', () => {
    expect(() => createBookingsHandlers({ delayMs: -1 })).toThrow(RangeError);
    expect(() => createBookingsHandlers({ tokenTtlSeconds: 0 })).toThrow(RangeError);
    expect(() =>
      createBookingsHandlers({ scenario: 'nope' as BookingsHandlersOptions['scenario'] }),
    ).toThrow(TypeError);
  });
});

describe('baseUrl and endpoints', () => {
  it("matches any origin with the default '*'", async () => {
    use();
    expect((await call('config', { origin: 'http://127.0.0.1:8787' })).status).toBe(200);
    expect((await call('user', { origin: 'https://other.example.org/prefix' })).status).toBe(200);
  });

  it.each(['https://api.example.com', 'https://api.example.com/'])(
    'matches a given base URL %s with or without its trailing slash',
    async (baseUrl) => {
      use({ baseUrl });
      expect((await call('config')).status).toBe(200);
      expect((await call('token')).status).toBe(200);
      expect((await call('user')).status).toBe(200);
    },
  );

  it('matches a base URL with a path prefix', async () => {
    use({ baseUrl: 'https://api.example.com/aisquare/' });
    expect((await call('user', { origin: `${ORIGIN}/aisquare` })).status).toBe(200);
  });

  it('does not answer another origin than the given base URL', async () => {
    const onUnhandled = vi.fn();
    server.events.on('request:unhandled', onUnhandled);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      use({ baseUrl: ORIGIN });
      await expect(request('config', { origin: 'https://elsewhere.example' })).rejects.toThrow();
      expect(onUnhandled).toHaveBeenCalledTimes(1);
    } finally {
      server.events.removeListener('request:unhandled', onUnhandled);
    }
  });

  it('answers custom endpoint paths, keeping the defaults for the others', async () => {
    use({
      baseUrl: `${ORIGIN}/`,
      endpoints: { config: 'cal/config', user: '/cal/me/' },
    });
    const config = await fetch(`${ORIGIN}/cal/config`);
    expect(config.status).toBe(200);
    expect(await config.json()).toEqual({ ...calConfigFixture });
    expect((await fetch(`${ORIGIN}/cal/me/`)).status).toBe(200);
    expect((await call('token')).status).toBe(200);
  });
});

describe('onRequest', () => {
  it('is called once per request with the endpoint, in every scenario', async () => {
    const counts = { config: 0, token: 0, user: 0 };
    use({
      scenario: 'unauthorized',
      onRequest: (endpoint) => {
        counts[endpoint] += 1;
      },
    });
    await call('config');
    await call('user');
    await call('user');
    await call('token');
    await call('user');
    expect(counts).toEqual({ config: 1, token: 1, user: 3 });
  });

  it('receives the request', async () => {
    const onRequest = vi.fn();
    use({ onRequest });
    await call('token', { headers: { Authorization: 'Bearer abc' } });
    expect(onRequest).toHaveBeenCalledTimes(1);
    const [endpoint, seen] = onRequest.mock.calls[0] as [string, Request];
    expect(endpoint).toBe('token');
    expect(seen.method).toBe('POST');
    expect(seen.headers.get('Authorization')).toBe('Bearer abc');
  });
});

describe('through the real client', () => {
  function client(baseUrl = ORIGIN, requestTimeoutMs?: number) {
    return createBookingsClient({
      baseUrl,
      getAuthToken: () => 'header.payload.signature',
      ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
    });
  }

  it('uses the same default endpoint paths as the client', () => {
    expect({ ...DEFAULT_HANDLER_ENDPOINTS }).toEqual({ ...DEFAULT_ENDPOINTS });
  });

  it("'ready' gives valid config, token and user", async () => {
    use({ baseUrl: `${ORIGIN}/` });
    const bookings = client();
    await expect(bookings.getConfig()).resolves.toMatchObject({ ...calConfigFixture });
    await expect(bookings.refreshToken()).resolves.toMatchObject({
      access_token: `${FAKE_CAL_ACCESS_TOKEN}-1`,
      integration_status: 'existing',
    });
    await expect(bookings.getUser()).resolves.toMatchObject({ ...calUserFixture });
  });

  it("'notConnected' gives not_found, then the integration, then the user", async () => {
    use({ scenario: 'notConnected' });
    const bookings = client();
    await expect(bookings.getUser()).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    await expect(bookings.refreshToken({})).resolves.toMatchObject({
      integration_status: 'created',
      refreshed: false,
    });
    await expect(bookings.getUser()).resolves.toMatchObject({ id: calUserFixture.id });
  });

  it.each([
    ['unauthorized', 'unauthorized', 401],
    ['serverError', 'server', 500],
    ['malformed', 'invalid_response', 200],
  ] as const)("'%s' rejects with kind %s", async (scenario, kind, status) => {
    use({ scenario });
    const error = await client()
      .getConfig()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BookingsApiError);
    expect(error).toMatchObject({ kind, endpoint: 'config', status });
  });

  it("'loading' runs into the client's time-out", async () => {
    use({ scenario: 'loading' });
    await expect(client(ORIGIN, 100).getUser()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('custom endpoints match the client given the same endpoints', async () => {
    const endpoints = { config: 'v2/cal-config', token: '/v2/cal-token/', user: '/v2/cal-user' };
    use({ baseUrl: `${ORIGIN}/prefix`, endpoints });
    const bookings = createBookingsClient({ baseUrl: `${ORIGIN}/prefix/`, endpoints });
    await expect(bookings.getConfig()).resolves.toMatchObject({ ...calConfigFixture });
    await expect(bookings.refreshToken()).resolves.toMatchObject({ token_type: 'Bearer' });
    await expect(bookings.getUser()).resolves.toMatchObject({ email: calUserFixture.email });
  });
});
