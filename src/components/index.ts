'use client';

// The drop-in components. Every public name is listed here, values first, then types.

export type { ToIcsOptions } from '../booking/ics.js';
export { toIcs } from '../booking/ics.js';
export type {
  CalSlotPickerDay,
  CalSlotPickerDayStore,
  CalSlotPickerSlot,
  CalSlotPickerState,
  CalSlotPickerTime,
  UseCalSlotPickerOptions,
  UseCalSlotPickerResult,
} from '../react/calSlotPickerTypes.js';
export type { UseCalBookingFormResult } from '../react/useCalBookingForm.js';
export type {
  CalBookingsListState,
  CalBookingsListTab,
  UseCalBookingsListOptions,
  UseCalBookingsListResult,
} from '../react/useCalBookingsList.js';
export { useCalBookingsList } from '../react/useCalBookingsList.js';
export { useCalSlotPicker } from '../react/useCalSlotPicker.js';
export type { BookingsErrorMessageProps } from './BookingsErrorMessage.js';
export { BookingsErrorMessage } from './BookingsErrorMessage.js';
export { useBookingsLabels } from './BookingsLabelsContext.js';
export type { BookingsLabelsProviderProps } from './BookingsLabelsProvider.js';
export { BookingsLabelsProvider } from './BookingsLabelsProvider.js';
export type { CalBookerProps, CalBookerState } from './booking/CalBooker.js';
export { CalBooker } from './booking/CalBooker.js';
export type {
  CalBookingConfirmationProps,
  CalBookingConfirmationState,
} from './booking/CalBookingConfirmation.js';
export { CalBookingConfirmation } from './booking/CalBookingConfirmation.js';
export type {
  CalBookingFormProps,
  CalBookingFormState,
  UseCalBookingFormOptions,
} from './booking/CalBookingForm.js';
export { CalBookingForm, useCalBookingForm } from './booking/CalBookingForm.js';
export type { CalBookingsListProps } from './booking/CalBookingsList.js';
export { CalBookingsList } from './booking/CalBookingsList.js';
export type { CalEventTypeListProps, CalEventTypeListState } from './booking/CalEventTypeList.js';
export { CalEventTypeList } from './booking/CalEventTypeList.js';
export type { CalSlotPickerProps } from './booking/CalSlotPicker.js';
export { CalSlotPicker } from './booking/CalSlotPicker.js';
export type { CalConnectButtonProps, CalConnectButtonState } from './CalConnectButton.js';
export { CalConnectButton } from './CalConnectButton.js';
export type { CalTokenGateProps } from './CalTokenGate.js';
export { CalTokenGate } from './CalTokenGate.js';
export type { CalTokenStatusProps } from './CalTokenStatus.js';
export { CalTokenStatus } from './CalTokenStatus.js';
export type { CalUserCardProps, CalUserCardState } from './CalUserCard.js';
export { CalUserCard } from './CalUserCard.js';
export type { BookingsLabels, BookingsLabelsOverrides } from './labels.js';
export { defaultBookingsLabels, formatTimeUntil } from './labels.js';
