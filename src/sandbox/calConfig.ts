import type { CalConfig } from '../client/schemas.js';

/**
 * What AISquare's config endpoint answers: the Cal.com settings a frontend needs. The Cal.com API is
 * the sandbox's own fake, `${sandboxUrl}/v2` (clients strip the trailing `/v2`).
 */
export function sandboxCalConfig(
  calClientId: string,
  sandboxUrl: string,
): CalConfig & Record<string, unknown> {
  return {
    cal_client_id: calClientId,
    cal_oauth_client_id: calClientId,
    cal_api_url: `${sandboxUrl}/v2`,
    cal_web_app_url: 'https://app.cal.com',
    cal_embed_url: 'https://app.cal.com/embed/embed.js',
    cal_api_version: '2024-08-13',
  };
}
