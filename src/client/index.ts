export {
  createBookingsClient,
  DEFAULT_ENDPOINTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from './createBookingsClient.js';
export type {
  BookingsApiErrorOptions,
  BookingsEndpoint,
  BookingsErrorKind,
  BookingsValidationIssue,
} from './errors.js';
export { BookingsApiError, isBookingsApiError, kindForStatus, normalizeError } from './errors.js';
export { ANONYMOUS_IDENTITY, readJwtSubject } from './jwtSubject.js';
export type {
  CalConfig,
  CalTokenRefreshRequest,
  CalTokenRefreshResponse,
  CalUser,
} from './schemas.js';
export {
  CalConfigSchema,
  CalTokenRefreshRequestSchema,
  CalTokenRefreshResponseSchema,
  CalUserSchema,
} from './schemas.js';
export type { StandardSchemaV1 } from './standardSchema.js';
export type {
  AuthTokenGetter,
  BookingsClient,
  BookingsClientOptions,
  BookingsEndpoints,
  BookingsRequestOptions,
  BookingsSchemas,
} from './types.js';
