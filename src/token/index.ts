export { backoffDelay, isRetryableKind, MAX_ATTEMPTS } from './backoff.js';
export { createCalTokenManager } from './createCalTokenManager.js';
export { crossTabName } from './crossTab.js';
export {
  computeRefreshAt,
  DEFAULT_REFRESH_LEEWAY_SECONDS,
  MAX_TIMER_DELAY_MS,
  type RefreshMomentInput,
  TICK_INTERVAL_MS,
} from './schedule.js';
export type {
  CalToken,
  CalTokenChannel,
  CalTokenFocusSource,
  CalTokenLocks,
  CalTokenManager,
  CalTokenManagerOptions,
  CalTokenMessage,
  CalTokenOnlineSource,
  CalTokenState,
  CalTokenStatusValue,
  GetAccessTokenOptions,
} from './types.js';
