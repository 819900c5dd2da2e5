'use client';

// The React part of the main entry (provider, hooks, components): the only bundle marked 'use client'.

export type {
  BookingsErrorMessageProps,
  BookingsLabels,
  BookingsLabelsOverrides,
  BookingsLabelsProviderProps,
  CalConnectButtonProps,
  CalConnectButtonState,
  CalTokenGateProps,
  CalTokenStatusProps,
  CalUserCardProps,
  CalUserCardState,
} from './components/index.js';
export {
  BookingsErrorMessage,
  BookingsLabelsProvider,
  CalConnectButton,
  CalTokenGate,
  CalTokenStatus,
  CalUserCard,
  defaultBookingsLabels,
  formatTimeUntil,
  useBookingsLabels,
} from './components/index.js';
export type {
  BookingsProviderProps,
  BookingsQueryHookOptions,
  UseCalAccessTokenResult,
} from './react/index.js';
export {
  BookingsProvider,
  useBookingsClient,
  useBookingsIdentity,
  useBookingsSession,
  useCalAccessToken,
  useCalConfig,
  useCalToken,
  useCalUser,
  useRefreshCalToken,
} from './react/index.js';
