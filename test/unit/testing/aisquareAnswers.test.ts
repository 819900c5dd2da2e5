// AISquare's token answer is built once, in src/fake/, for both the sandbox and the MSW handlers.
import { describe, expect, it } from 'vitest';
import { aisquareTokenAnswer } from '../../../src/fake/aisquare.js';

describe('aisquareTokenAnswer', () => {
  const grant = { accessToken: 'fake-token-1', ttlSeconds: 60, calClientId: 'client-1' };

  it('answers the call that created the Cal.com user as an integration, not a refresh', () => {
    expect(aisquareTokenAnswer({ ...grant, created: true })).toEqual({
      access_token: 'fake-token-1',
      expires_in: 60,
      token_type: 'Bearer',
      refreshed: false,
      integration_status: 'created',
      cal_client_id: 'client-1',
    });
  });

  it('answers every later call as a refresh of the existing integration', () => {
    expect(aisquareTokenAnswer({ ...grant, created: false })).toMatchObject({
      refreshed: true,
      integration_status: 'existing',
    });
  });
});
