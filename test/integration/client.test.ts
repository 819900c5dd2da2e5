import { describe, expect, it } from 'vitest';
import {
  BookingsApiError,
  type BookingsClientOptions,
  type CalTokenRefreshRequest,
  createBookingsClient,
} from '../../src/core.js';
import { bookingsRejection } from '../helpers/rejections.js';
import { withSandbox } from '../helpers/withSandbox.js';

// The real client against the real sandbox over HTTP on 127.0.0.1. CORS does not apply in Node
// (no Origin, no preflight); the browser tests cover it.

const fixture = withSandbox();
const { startExtra } = fixture;

function clientFor(
  jwt: string | null,
  options: Partial<BookingsClientOptions> = {},
  baseUrl = fixture.sandbox.url,
) {
  return createBookingsClient({ baseUrl, getAuthToken: () => jwt, ...options });
}

/** The `BookingsApiError` a promise rejects with (fails the test if it resolves or throws anything else). */
async function rejection(promise: Promise<unknown>): Promise<BookingsApiError> {
  const error = await bookingsRejection(promise);
  expect(error).toBeInstanceOf(BookingsApiError);
  return error;
}

describe('createBookingsClient against the sandbox', () => {
  it('reads the config with a JWT', async () => {
    const client = clientFor(await fixture.sandbox.issueJwt('alice'));
    const config = await client.getConfig();
    expect(config).toMatchObject({
      cal_client_id: expect.any(String),
      cal_api_url: `${fixture.sandbox.url}/v2`,
    });
  });

  it('takes the JWT from an async getter', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    const client = createBookingsClient({
      baseUrl: fixture.sandbox.url,
      getAuthToken: async () => jwt,
    });
    await expect(client.getConfig()).resolves.toMatchObject({ cal_api_url: expect.any(String) });
  });

  it('is unauthorized without a JWT', async () => {
    const error = await rejection(clientFor(null).getConfig());
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, endpoint: 'config' });
    expect(error.detail).toMatch(/not provided/);
  });

  it('is unauthorized with an expired JWT, and never puts the JWT in the message', async () => {
    const expired = await fixture.sandbox.issueJwt('alice', { expiresInSeconds: -60 });
    const error = await rejection(clientFor(expired).refreshToken());
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, endpoint: 'token' });
    expect(error.detail).toMatch(/expired/i);
    expect(error.message).not.toContain(expired);
    expect(String(error.detail)).not.toContain(expired);
  });

  it('is unauthorized with a JWT signed by someone else', async () => {
    const other = await startExtra({ jwtSecret: 'some other secret' });
    const foreign = await other.issueJwt('alice');
    const error = await rejection(clientFor(foreign).getUser());
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, endpoint: 'user' });
  });

  it('integrates on the first token call (created) and refreshes later (existing)', async () => {
    fixture.sandbox.setTokenTtl(120);
    const client = clientFor(await fixture.sandbox.issueJwt('alice'));
    const config = await client.getConfig();
    const first = await client.refreshToken();
    expect(first).toMatchObject({
      integration_status: 'created',
      refreshed: false,
      expires_in: 120,
      token_type: 'Bearer',
      cal_client_id: config.cal_client_id,
    });
    const second = await client.refreshToken({ force_refresh: true });
    expect(second).toMatchObject({ integration_status: 'existing', refreshed: true });
    expect(second.access_token).not.toBe(first.access_token);
  });

  it('getUser is not_found until the integration, then the Cal.com user', async () => {
    const client = clientFor(
      await fixture.sandbox.issueJwt('alice', { email: 'alice@aisquare.test' }),
    );
    const error = await rejection(client.getUser());
    expect(error).toMatchObject({ kind: 'not_found', status: 404, endpoint: 'user' });
    await client.refreshToken({ time_zone: 'America/New_York' });
    const user = await client.getUser();
    expect(user).toMatchObject({
      id: expect.any(Number),
      email: 'alice@aisquare.test',
      timeZone: 'America/New_York',
    });
  });

  it('reports a rejected body as invalid_request', async () => {
    const client = clientFor(await fixture.sandbox.issueJwt('alice'));
    const badZone = await rejection(client.refreshToken({ time_zone: 'Mars/Olympus' }));
    expect(badZone).toMatchObject({ kind: 'invalid_request', status: 400, endpoint: 'token' });
    const wrongType = { force_refresh: 'yes' } as unknown as CalTokenRefreshRequest;
    const error = await rejection(client.refreshToken(wrongType));
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400 });
    expect(error.detail).toMatch(/force_refresh/);
  });

  it('maps an injected 500 to server, and the next call succeeds', async () => {
    const client = clientFor(await fixture.sandbox.issueJwt('alice'));
    fixture.sandbox.failNext('token', 500);
    const error = await rejection(client.refreshToken());
    expect(error).toMatchObject({ kind: 'server', status: 500, endpoint: 'token' });
    await expect(client.refreshToken()).resolves.toMatchObject({ integration_status: 'created' });
  });

  it('maps a malformed body to invalid_response', async () => {
    const client = clientFor(await fixture.sandbox.issueJwt('alice'));
    fixture.sandbox.failNext('config', 'malformed');
    const error = await rejection(client.getConfig());
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, endpoint: 'config' });
    expect(error.issues?.length).toBeGreaterThan(0);
  });

  it('times out on a hung request after requestTimeoutMs', async () => {
    const client = clientFor(await fixture.sandbox.issueJwt('alice'), { requestTimeoutMs: 200 });
    fixture.sandbox.failNext('user', 'hang');
    const started = performance.now();
    const error = await rejection(client.getUser());
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'timeout', endpoint: 'user' });
    expect(elapsed).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeLessThan(2000);
  });

  it("reports the caller's abort as aborted", async () => {
    fixture.sandbox.setLatency(2000);
    const client = clientFor(await fixture.sandbox.issueJwt('alice'));
    const controller = new AbortController();
    const pending = client.getConfig({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(error.kind).toBe('aborted');
  });

  it('reports a closed server as network', async () => {
    const gone = await startExtra();
    const client = clientFor(await gone.issueJwt('alice'), {}, gone.url);
    await gone.close();
    const error = await rejection(client.getConfig());
    expect(error).toMatchObject({ kind: 'network', endpoint: 'config' });
  });

  it('makes exactly one request per call (no hidden retries)', async () => {
    const client = clientFor(await fixture.sandbox.issueJwt('alice'));
    fixture.sandbox.failNext('config', 503);
    await rejection(client.getConfig());
    await client.refreshToken();
    await client.getUser();
    expect(fixture.sandbox.counts()).toMatchObject({ config: 1, token: 1, user: 1 });
  });

  it('sends the API key in its own header when the sandbox requires one', async () => {
    const keyed = await startExtra({ apiKey: 'key-123' });
    const jwt = await keyed.issueJwt('alice');
    const withKey = clientFor(jwt, { apiKey: 'key-123', apiKeyHeader: 'X-API-Key' }, keyed.url);
    await expect(withKey.getConfig()).resolves.toMatchObject({ cal_api_url: expect.any(String) });
    const error = await rejection(clientFor(jwt, {}, keyed.url).getConfig());
    expect(error.kind).toBe('unauthorized');
    const wrongKey = clientFor(jwt, { apiKey: 'nope', apiKeyHeader: 'X-API-Key' }, keyed.url);
    const wrong = await rejection(wrongKey.getConfig());
    expect(wrong.kind).toBe('unauthorized');
    expect(wrong.message).not.toContain('nope');
  });

  it('joins a base URL with a path prefix and a trailing slash', async () => {
    const prefixed = await startExtra({ basePath: '/aisquare' });
    const client = clientFor(await prefixed.issueJwt('alice'), {}, `${prefixed.url}/`);
    await expect(client.refreshToken()).resolves.toMatchObject({ integration_status: 'created' });
    await expect(client.getUser()).resolves.toMatchObject({ email: 'alice@example.com' });
  });
});
