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
  CalBookingMutationOptions,
  CalBookingMutationResult,
  CalQueryError,
  CalQueryHookOptions,
  CancelCalBookingVariables,
  RescheduleCalBookingVariables,
  UseCalAccessTokenResult,
  UseCalSlotsOptions,
} from './react/index.js';
export {
  BookingsProvider,
  useBookingsClient,
  useBookingsIdentity,
  useBookingsSession,
  useCalAccessToken,
  useCalApi,
  useCalBooking,
  useCalBookings,
  useCalConfig,
  useCalEventTypes,
  useCalMe,
  useCalSlots,
  useCalToken,
  useCalUser,
  useCancelCalBooking,
  useCreateCalBooking,
  useRefreshCalToken,
  useRescheduleCalBooking,
} from './react/index.js';
