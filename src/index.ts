'use client';

// The package's browser entry: every public name is listed here by name, types with `export type`.

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
export type { BookingsProviderProps } from './react/BookingsProvider.js';
export { BookingsProvider } from './react/BookingsProvider.js';
export { bookingsKeys } from './react/bookingsKeys.js';
export type { BookingsQueryScope } from './react/calConfigQueryOptions.js';
export { calConfigQueryOptions } from './react/calConfigQueryOptions.js';
export { calUserQueryOptions } from './react/calUserQueryOptions.js';
export type { Register, RegisteredCalConfig, RegisteredCalUser } from './react/register.js';
export { useBookingsClient } from './react/useBookingsClient.js';
export { useBookingsIdentity } from './react/useBookingsIdentity.js';
export type { UseCalAccessTokenResult } from './react/useCalAccessToken.js';
export { useCalAccessToken } from './react/useCalAccessToken.js';
export type { BookingsQueryHookOptions } from './react/useCalConfig.js';
export { useCalConfig } from './react/useCalConfig.js';
export { useCalToken } from './react/useCalToken.js';
export { useCalUser } from './react/useCalUser.js';
export { useRefreshCalToken } from './react/useRefreshCalToken.js';
export { createCalTokenManager } from './token/createCalTokenManager.js';
export type {
  CalToken,
  CalTokenManager,
  CalTokenManagerOptions,
  CalTokenState,
  CalTokenStatusValue,
  GetAccessTokenOptions,
} from './token/types.js';
