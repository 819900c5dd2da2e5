// The framework-free entry, `@aisquare/bookings-react/core`: no React and no 'use client', so it runs
// in Node, workers and React Server Components (prefetch with the same query options the hooks use,
// build and check a booking request as the booking flow does).
// Every public name is listed here by name, types with `export type`, under a `// [group]` heading
// that the export test and the bench's size rows read.

// [cal] Cal.com API v2: the client, its errors, schemas, keys and query options (the Cal.com row).
export { createCalApi } from './calapi/createCalApi.js';
export type { CalApiErrorKind, CalApiErrorOptions } from './calapi/errors.js';
export { CalApiError, isCalApiError } from './calapi/errors.js';
export {
  CalBookingOrSeriesSchema,
  CalBookingSchema,
  CalBookingsPageSchema,
  CalEventTypeSchema,
  CalMeSchema,
  CalReservationSchema,
  CalReservedSlotSchema,
  CalSlotsSchema,
} from './calapi/schemas.js';
export type {
  CalApi,
  CalApiOptions,
  CalApiSchemas,
  CalAttendee,
  CalBooking,
  CalBookingField,
  CalBookingLocationInput,
  CalBookingSeries,
  CalBookingsPage,
  CalBookingsParams,
  CalBookingStatus,
  CalBookingStatusFilter,
  CalCancelBookingInput,
  CalChoiceBookingField,
  CalConfirmationPolicy,
  CalCreateBookingInput,
  CalEmailBookingField,
  CalEventType,
  CalEventTypePageSettings,
  CalEventTypeRef,
  CalEventTypeSeats,
  CalEventTypesParams,
  CalFetchInit,
  CalLocation,
  CalLocationBookingField,
  CalLocationIntegration,
  CalMe,
  CalNameBookingField,
  CalOtherBookingField,
  CalPagination,
  CalQueryValue,
  CalRequestOptions,
  CalRescheduleBookingInput,
  CalReservation,
  CalReservedSlot,
  CalReserveSlotInput,
  CalSlot,
  CalSlotShape,
  CalSlots,
  CalSlotsParams,
  CalSplitNameBookingField,
  CalUnknownBookingField,
  CalValueBookingField,
} from './calapi/types.js';
export { calApiKeys } from './session/calApiKeys.js';
export type { CalQueryOptions } from './session/calApiQueryOptions.js';
export {
  calBookingQueryOptions,
  calBookingsQueryOptions,
  calEventTypesQueryOptions,
  calMeQueryOptions,
  calSlotsQueryOptions,
} from './session/calApiQueryOptions.js';
export { getCalApi } from './session/getCalApi.js';
export { isBookingsVisitor } from './session/visitor.js';

// [core] The AISquare client, the Cal.com token manager and the session (the bench's /core row).
export { createBookingsClient } from './client/createBookingsClient.js';
export type {
  BookingsApiErrorOptions,
  BookingsEndpoint,
  BookingsErrorKind,
  BookingsValidationIssue,
} from './client/errors.js';
export { BookingsApiError, isBookingsApiError } from './client/errors.js';
export type {
  CalConfig,
  CalTokenRefreshRequest,
  CalTokenRefreshResponse,
  CalUser,
} from './client/schemas.js';
export {
  CalConfigSchema,
  CalTokenRefreshRequestSchema,
  CalTokenRefreshResponseSchema,
  CalUserSchema,
} from './client/schemas.js';
export type { StandardSchemaV1 } from './client/standardSchema.js';
export type {
  AuthTokenGetter,
  BookingsClient,
  BookingsClientOptions,
  BookingsEndpoints,
  BookingsRequestOptions,
  BookingsSchemas,
} from './client/types.js';
export { createBookingsSession } from './session/createBookingsSession.js';
export { bookingsKeys } from './session/keys.js';
export type { BookingsQueryOptions, BookingsQueryScope } from './session/queryOptions.js';
export { calConfigQueryOptions, calUserQueryOptions } from './session/queryOptions.js';
export type { Register, RegisteredCalConfig, RegisteredCalUser } from './session/register.js';
export type {
  BookingsSession,
  BookingsSessionOptions,
  BookingsSessionSnapshot,
  CalTokenSummary,
} from './session/types.js';
export { createCalTokenManager } from './token/createCalTokenManager.js';
export type {
  CalToken,
  CalTokenManager,
  CalTokenManagerOptions,
  CalTokenState,
  CalTokenStatusValue,
  GetAccessTokenOptions,
} from './token/types.js';

// [booking] The booking flow without React: its machine, form fields, caps and requests.
export { calBookingInputProblem } from './booking/caps.js';
export type {
  CalBookingFieldLabels,
  CalBookingFormField,
  CalBookingFormFieldTarget,
  CalBookingFormFieldType,
  CalBookingFormFieldValue,
} from './booking/fields.js';
export {
  calAskedFields,
  calBookingFormFields,
  toCalBookingFormValues,
  validateCalBookingField,
  validateCalBookingForm,
} from './booking/fields.js';
export type {
  CalBookingFlowEvent,
  CalBookingFlowState,
  CalBookingFlowStep,
  CalBookingFormValues,
} from './booking/flowMachine.js';
export { initialCalBookingFlowState, transitionCalBookingFlow } from './booking/flowMachine.js';
export type { CalLocationDetail, CalLocationLabels } from './booking/locations.js';
export {
  calBookableLocations,
  calLocationDetail,
  calLocationName,
  toCalBookingLocationInput,
} from './booking/locations.js';
export type { CalEmailVerificationProblem } from './booking/pageSettings.js';
export {
  CAL_EMAIL_CODE_SENDS_PER_MINUTE,
  calEmailVerificationProblem,
  calSignInRequired,
  nextCalEmailCodeAt,
  safeSuccessRedirectUrl,
} from './booking/pageSettings.js';
export type {
  CalCreateBookingInputOptions,
  CalRescheduleBookingInputOptions,
} from './booking/request.js';
export { toCalCreateBookingInput, toCalRescheduleBookingInput } from './booking/request.js';
export type { CalRecurrence } from './booking/recurrence.js';
export {
  calOccurrenceStarts,
  calSeriesRecurrence,
  groupCalBookingSeries,
} from './booking/recurrence.js';
export {
  DEFAULT_RESERVATION_MAX_HOLD_MS,
  RESERVATION_RENEW_EARLY_MS,
  reservationRenewalDelay,
} from './booking/reservationSchedule.js';
export type { CalBookerLayout } from './booking/slotPickerLayout.js';
export type { CalSeatsFullness, CalSlotSeats } from './booking/seats.js';
export { calOwnSeat, calSlotSeats } from './booking/seats.js';
export { isCalSlotTakenError } from './booking/slotTaken.js';
