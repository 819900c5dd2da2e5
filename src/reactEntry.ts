'use client';

// The React part of the main entry (provider, hooks, components): the only module marked 'use client'.
// With src/core.ts it is the public surface: every public name is listed here by name, types with
// `export type`, under a `// [group]` heading that the export test and the bench's size rows read.

// [react] The provider and the hooks of the AISquare token and account (the bench's main row).
export { useBookingsSession } from './react/BookingsContext.js';
export type { BookingsProviderProps } from './react/BookingsProvider.js';
export { BookingsProvider } from './react/BookingsProvider.js';
export { useBookingsClient } from './react/useBookingsClient.js';
export { useBookingsIdentity } from './react/useBookingsIdentity.js';
export type { UseCalAccessTokenResult } from './react/useCalAccessToken.js';
export { useCalAccessToken } from './react/useCalAccessToken.js';
export type { BookingsQueryHookOptions } from './react/useCalConfig.js';
export { useCalConfig } from './react/useCalConfig.js';
export { useCalToken } from './react/useCalToken.js';
export { useCalUser } from './react/useCalUser.js';
export { useRefreshCalToken } from './react/useRefreshCalToken.js';

// [cal] The Cal.com API v2 hooks (measured with the Cal.com client in the Cal.com row).
export type { CalQueryError, CalQueryHookOptions } from './react/useCalApi.js';
export { useCalApi } from './react/useCalApi.js';
export type {
  CalBookingMutationOptions,
  CalBookingMutationResult,
  CancelCalBookingResult,
  CancelCalBookingVariables,
  RescheduleCalBookingVariables,
} from './react/useCalBookingMutations.js';
export {
  useCancelCalBooking,
  useCreateCalBooking,
  useRescheduleCalBooking,
} from './react/useCalBookingMutations.js';
export {
  useCalBooking,
  useCalBookings,
  useCalEventTypes,
  useCalMe,
} from './react/useCalQueries.js';
export type { UseCalSlotsOptions } from './react/useCalSlots.js';
export { useCalSlots } from './react/useCalSlots.js';

// [components] The account components and the labels (the bench's components row).
export type { BookingsErrorMessageProps } from './components/BookingsErrorMessage.js';
export { BookingsErrorMessage } from './components/BookingsErrorMessage.js';
export { useBookingsLabels } from './components/BookingsLabelsContext.js';
export type { BookingsLabelsProviderProps } from './components/BookingsLabelsProvider.js';
export { BookingsLabelsProvider } from './components/BookingsLabelsProvider.js';
export type {
  CalConnectButtonProps,
  CalConnectButtonState,
} from './components/CalConnectButton.js';
export { CalConnectButton } from './components/CalConnectButton.js';
export type { CalTokenGateProps } from './components/CalTokenGate.js';
export { CalTokenGate } from './components/CalTokenGate.js';
export type { CalTokenStatusProps } from './components/CalTokenStatus.js';
export { CalTokenStatus } from './components/CalTokenStatus.js';
export type { CalUserCardProps, CalUserCardState } from './components/CalUserCard.js';
export { CalUserCard } from './components/CalUserCard.js';
export type { BookingsLabels, BookingsLabelsOverrides } from './components/labels.js';
export { defaultBookingsLabels, formatTimeUntil } from './components/labels.js';

// [flow] The drop-in booking flow: CalBooker, CalBookingsList and their hooks (the booking row).
export type { CalBookerProps, CalBookerState } from './components/booking/CalBooker.js';
export { CalBooker } from './components/booking/CalBooker.js';
export type { CalBookingsListProps } from './components/booking/CalBookingsList.js';
export { CalBookingsList } from './components/booking/CalBookingsList.js';
export type {
  CalBookingFlowEventTypeOptions,
  CalBookingFlowSlotsParams,
  CalBookingSuccessDetails,
  UseCalBookingFlowOptions,
  UseCalBookingFlowResult,
} from './react/useCalBookingFlow.js';
export { useCalBookingFlow } from './react/useCalBookingFlow.js';
export type { CalBookingSeats } from './react/useCalBookingSeats.js';
export { useCalBookingSeats } from './react/useCalBookingSeats.js';
export type {
  CalEmailVerification,
  CalEmailVerificationStatus,
} from './react/useCalEmailVerification.js';
export { useCalEmailVerification } from './react/useCalEmailVerification.js';
export type {
  CalBookingsListState,
  CalBookingsListTab,
  UseCalBookingsListOptions,
  UseCalBookingsListResult,
} from './react/useCalBookingsList.js';
export { useCalBookingsList } from './react/useCalBookingsList.js';
export type {
  CalSlotReservationStatus,
  UseCalSlotReservationOptions,
  UseCalSlotReservationResult,
} from './react/useCalSlotReservation.js';
export { useCalSlotReservation } from './react/useCalSlotReservation.js';

// [booking] The booking flow's parts, each usable alone (measured with the booking row).
export type { ToIcsOptions } from './booking/ics.js';
export { toIcs } from './booking/ics.js';
export type {
  CalBookingConfirmationProps,
  CalBookingConfirmationState,
} from './components/booking/CalBookingConfirmation.js';
export { CalBookingConfirmation } from './components/booking/CalBookingConfirmation.js';
export type {
  CalBookingFormProps,
  CalBookingFormState,
  UseCalBookingFormOptions,
} from './components/booking/CalBookingForm.js';
export { CalBookingForm, useCalBookingForm } from './components/booking/CalBookingForm.js';
export type {
  CalEventTypeListProps,
  CalEventTypeListState,
} from './components/booking/CalEventTypeList.js';
export { CalEventTypeList } from './components/booking/CalEventTypeList.js';
export type { CalSlotPickerProps } from './components/booking/CalSlotPicker.js';
export { CalSlotPicker } from './components/booking/CalSlotPicker.js';
export type { UseCalBookingFormResult } from './react/useCalBookingForm.js';
export type {
  CalSlotPickerDay,
  CalSlotPickerDayStore,
  CalSlotPickerRangeDay,
  CalSlotPickerSlot,
  CalSlotPickerState,
  CalSlotPickerTime,
  UseCalSlotPickerOptions,
  UseCalSlotPickerResult,
} from './react/calSlotPickerTypes.js';
export { useCalSlotPicker } from './react/useCalSlotPicker.js';
