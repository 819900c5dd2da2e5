import { describe, expect, it, vi } from 'vitest';
import { tokenResponse } from './answers.js';
import { goOnline, setVisibility } from './browserFakes.js';
import { HOUR } from './clock.js';
import { installTokenTestEnvironment } from './environment.js';
import { createFakeClient, createManager, startedManager } from './helpers.js';

installTokenTestEnvironment();

describe('response validation', () => {
  it.each<[string, Record<string, unknown>]>([
    ['missing', { expires_in: undefined }],
    ['0', { expires_in: 0 }],
    ['-1', { expires_in: -1 }],
    ['NaN', { expires_in: Number.NaN }],
    ["'60' (a string)", { expires_in: '60' }],
    ['Infinity', { expires_in: Number.POSITIVE_INFINITY }],
    ['null', { expires_in: null }],
  ])('expires_in %s → error of kind invalid_response, nothing scheduled', async (_label, patch) => {
    const response = tokenResponse(patch);
    const client = createFakeClient(async () => response);
    const onError = vi.fn();
    const onTokenRefreshed = vi.fn();
    const manager = await startedManager({ client, onError, onTokenRefreshed });
    expect(manager.getState()).toMatchObject({
      status: 'error',
      token: null,
      nextRefreshAt: null,
      error: { kind: 'invalid_response', endpoint: 'token', issues: [{ path: 'expires_in' }] },
    });
    expect(vi.getTimerCount()).toBe(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onTokenRefreshed).not.toHaveBeenCalled();
    setVisibility('visible');
    goOnline();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'invalid_response' });
  });

  it('a missing or empty access_token is invalid_response', async () => {
    const client = createFakeClient(async () => tokenResponse({ access_token: '' }));
    const manager = createManager({ client });
    await expect(manager.getToken()).rejects.toMatchObject({
      kind: 'invalid_response',
      issues: [{ path: 'access_token' }],
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a response that is not an object is invalid_response', async () => {
    const client = createFakeClient(async () => null as never);
    const manager = createManager({ client });
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'invalid_response' });
  });

  it('maps the response to a frozen CalToken', async () => {
    const response = tokenResponse({ integration_status: 'created', refreshed: false });
    const manager = createManager({ client: createFakeClient(async () => response) });
    const token = await manager.getToken();
    expect(token).toEqual({
      accessToken: response.access_token,
      tokenType: 'Bearer',
      expiresAt: Date.now() + HOUR,
      calClientId: 'cal-client-1',
      integrationStatus: 'created',
      refreshed: false,
    });
    expect(Object.isFrozen(token)).toBe(true);
  });
});
