'use client';

// The drop-in components. Every public name is listed here, values first, then types.

export type { BookingsErrorMessageProps } from './BookingsErrorMessage.js';
export { BookingsErrorMessage } from './BookingsErrorMessage.js';
export { useBookingsLabels } from './BookingsLabelsContext.js';
export type { BookingsLabelsProviderProps } from './BookingsLabelsProvider.js';
export { BookingsLabelsProvider } from './BookingsLabelsProvider.js';
export type { CalBookingsListProps } from './booking/CalBookingsList.js';
export { CalBookingsList } from './booking/CalBookingsList.js';
export type { CalSlotPickerProps } from './booking/CalSlotPicker.js';
export { CalSlotPicker } from './booking/CalSlotPicker.js';
export type {
  CalBookingsListState,
  CalBookingsListTab,
  UseCalBookingsListOptions,
  UseCalBookingsListResult,
} from './booking/useCalBookingsList.js';
export { useCalBookingsList } from './booking/useCalBookingsList.js';
export type {
  CalSlotPickerDay,
  CalSlotPickerDayStore,
  CalSlotPickerSlot,
  CalSlotPickerState,
  CalSlotPickerTime,
  UseCalSlotPickerOptions,
  UseCalSlotPickerResult,
} from './booking/useCalSlotPicker.js';
export { useCalSlotPicker } from './booking/useCalSlotPicker.js';
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
