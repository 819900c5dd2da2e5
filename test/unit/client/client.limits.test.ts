import { describe, expect, it, vi } from 'vitest';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import type { BookingsApiError } from '../../../src/client/errors.js';
import { BASE, json, mockFetch, rejectionOf, VALID_CONFIG, VALID_USER } from './fetchMock.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.redirect-payload.signature';
const API_KEY = 'ak_live_redirectkey';
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
