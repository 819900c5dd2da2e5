/**
 * AISquare's answers built from the fake Cal.com model, shared by the sandbox (Node HTTP) and the MSW
 * handlers (`/testing`), so that both send the same shape. Framework-free, like the model.
 *
 * @module
 */
import type { CalTokenRefreshResponse } from '../client/schemas.js';

/** What a token call produced: `CalFakeModel.connect`'s result, or a fixture's stand-in for it. */
export interface AisquareTokenGrant {
  /** Whether this call created the Cal.com user (the first call for an identity). */
  created: boolean;
  /** The Cal.com access token handed out. */
  accessToken: string;
  /** The token's lifetime in seconds, answered as `expires_in`. */
  ttlSeconds: number;
  /** The Cal.com OAuth client id the token belongs to. */
  calClientId: string;
}

/**
 * The body of AISquare's `POST token/refresh` answer: the call that creates the Cal.com user answers
 * `integration_status: 'created'` and `refreshed: false`, every later one `'existing'` and `true`.
 */
export function aisquareTokenAnswer(grant: AisquareTokenGrant): CalTokenRefreshResponse {
  return {
    access_token: grant.accessToken,
    expires_in: grant.ttlSeconds,
    token_type: 'Bearer',
    refreshed: !grant.created,
    integration_status: grant.created ? 'created' : 'existing',
    cal_client_id: grant.calClientId,
  };
}
