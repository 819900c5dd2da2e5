/** Valid AISquare answers: the config, the user and a token. */
export const VALID_CONFIG = { cal_client_id: 'cid', cal_api_url: 'https://api.cal.com/v2' };
export const VALID_USER = { id: 7, email: 'ada@example.test', username: 'ada', timeZone: null };
export const VALID_TOKEN = {
  access_token: 'cal-access-token-123',
  expires_in: 1800,
  token_type: 'Bearer',
  refreshed: false,
  integration_status: 'created',
  cal_client_id: 'cid',
};
