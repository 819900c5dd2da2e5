export { useBookingsSession } from './BookingsContext.js';
export type { BookingsProviderProps } from './BookingsProvider.js';
export { BookingsProvider } from './BookingsProvider.js';
export { useBookingsClient } from './useBookingsClient.js';
export { useBookingsIdentity } from './useBookingsIdentity.js';
export type { UseCalAccessTokenResult } from './useCalAccessToken.js';
export { useCalAccessToken } from './useCalAccessToken.js';
export type { CalQueryError, CalQueryHookOptions } from './useCalApi.js';
export { useCalApi } from './useCalApi.js';
export type {
  CalBookingFlowEventTypeOptions,
  CalBookingFlowSlotsParams,
  UseCalBookingFlowOptions,
  UseCalBookingFlowResult,
} from './useCalBookingFlow.js';
export { useCalBookingFlow } from './useCalBookingFlow.js';
export type {
  CalBookingMutationOptions,
  CalBookingMutationResult,
  CancelCalBookingResult,
  CancelCalBookingVariables,
  RescheduleCalBookingVariables,
} from './useCalBookingMutations.js';
export {
  useCancelCalBooking,
  useCreateCalBooking,
  useRescheduleCalBooking,
} from './useCalBookingMutations.js';
export type { BookingsQueryHookOptions } from './useCalConfig.js';
export { useCalConfig } from './useCalConfig.js';
export { useCalBooking, useCalBookings, useCalEventTypes, useCalMe } from './useCalQueries.js';
export type { UseCalSlotsOptions } from './useCalSlots.js';
export { useCalSlots } from './useCalSlots.js';
export { useCalToken } from './useCalToken.js';
export { useCalUser } from './useCalUser.js';
export { useRefreshCalToken } from './useRefreshCalToken.js';
