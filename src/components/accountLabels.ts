/**
 * The English labels of the account components, `CalUserCard`, `CalConnectButton` and
 * `CalTokenStatus`; their type is this object's.
 */
export const defaultAccountLabels = {
  /** Accessible name of the card region. */
  userCardTitle: 'Cal.com account',
  /** While the provider is disabled or nobody is signed in. */
  userCardIdle: 'Sign in to see your Cal.com account.',
  /** While the user loads (the skeleton's text). */
  userCardLoading: 'Loading your Cal.com account…',
  /** On 404 before the initial integration. */
  userCardNotConnected: 'Your Cal.com account is not connected yet.',
  /** Label of the email row. */
  userCardEmail: 'Email',
  /** Label of the time zone row. */
  userCardTimeZone: 'Time zone',
  /** Alternative text of the avatar image. */
  userCardAvatarAlt: (name: string) => `Avatar of ${name}`,
  /** Button before connecting. */
  connect: 'Connect Cal.com',
  /** Button while the request runs. */
  connecting: 'Connecting…',
  /** Button once connected (connects again, i.e. refreshes). */
  reconnect: 'Reconnect Cal.com',
  /** After the initial integration created the account. */
  connectedCreated: 'Your Cal.com account was created and connected.',
  /** After connecting to an account that already existed. */
  connectedExisting: 'Connected to your existing Cal.com account.',
  /** Nothing requested yet. */
  tokenIdle: 'Cal.com is not connected.',
  /** First token request in flight. */
  tokenLoading: 'Connecting to Cal.com…',
  /** A valid token. */
  tokenReady: 'Connected to Cal.com.',
  /**
   * When the next refresh happens; `relative` is formatted with `Intl.RelativeTimeFormat` in `locale`
   * (e.g. "in 4 minutes", "in 12 seconds", "now").
   */
  tokenRefreshesIn: (relative: string) => `Refreshes ${relative}.`,
  /** A refresh in flight (the previous token still works). */
  tokenRefreshing: 'Refreshing the Cal.com connection…',
  /** 401/403. */
  tokenUnauthorized: 'Your session has expired. Sign in again to continue.',
  /** The last attempt failed for good; followed by the kind's message. */
  tokenError: 'Could not connect to Cal.com.',
};

export type AccountLabels = typeof defaultAccountLabels;
