import type {
  BookingsApiErrorOptions,
  BookingsErrorKind,
  BookingsValidationIssue,
} from '../client/errors.js';

/**
 * What went wrong with a Cal.com API v2 call: the kinds of `BookingsApiError`, plus
 * - `token_expired`: HTTP 498 again after one forced token refresh and one retry;
 * - `rate_limited`: HTTP 429; `retryAfterMs` says how long to wait, when Cal.com said so.
 * 422 counts as `invalid_request`, like 400; a 401 is `unauthorized` after the token's one forced
 * refresh and retry, or at once when the refresh gave the same token back.
 */
export type CalApiErrorKind = BookingsErrorKind | 'token_expired' | 'rate_limited';

/** `status`, `detail`, `issues` and `cause` as for `BookingsApiError`; the rest is Cal.com's. */
export interface CalApiErrorOptions
  extends Omit<BookingsApiErrorOptions, 'kind' | 'endpoint' | 'message'> {
  kind: CalApiErrorKind;
  /** HTTP method of the request, e.g. `POST`. */
  method: string;
  /** Path of the request without its query, e.g. `/v2/bookings/abc/cancel`. */
  path: string;
  /** `error.code` of Cal.com's error envelope. @default undefined */
  code?: string;
  /** The `X-Request-Id` header. @default undefined */
  requestId?: string;
  /** For `rate_limited`: milliseconds until the limit resets. @default undefined */
  retryAfterMs?: number;
  /** `error.details` of Cal.com's error envelope. @default undefined */
  details?: unknown;
}

/**
 * The one error type of `createCalApi`. Its message names the method, the path family and the kind
 * (e.g. `Cal.com API POST /v2/bookings request failed: invalid_request (HTTP 400)`); it never holds a
 * token, a query string or a response body, so it is safe to log. `createCalApi` cuts the tokens of
 * the call out of every string field and of the cause chain, Cal.com's `code` and `X-Request-Id` too.
 */
export class CalApiError extends Error {
  override readonly name = 'CalApiError';
  declare readonly kind: CalApiErrorKind;
  declare readonly method: string;
  /** The request's path, without the query (which may carry e-mail addresses). */
  declare readonly path: string;
  /** HTTP status, when Cal.com answered. */
  declare readonly status: number | undefined;
  /** `error.code` of Cal.com's error envelope, e.g. `BadRequestException`. */
  declare readonly code: string | undefined;
  /** The `X-Request-Id` header, to quote to Cal.com support. */
  declare readonly requestId: string | undefined;
  /** For `rate_limited`: milliseconds until the limit resets, when Cal.com said so. */
  declare readonly retryAfterMs: number | undefined;
  /** `error.message` of Cal.com's envelope (shown to developers; kept out of `message`). */
  declare readonly detail: string | undefined;
  /** `error.details` of Cal.com's envelope, as sent. */
  declare readonly details: unknown;
  /** Schema validation problems (paths and messages, no values), for `invalid_response`. */
  declare readonly issues: readonly BookingsValidationIssue[] | undefined;

  constructor({ cause, ...fields }: CalApiErrorOptions) {
    const { kind, method, path, status } = fields;
    // The family (`/v2/bookings`) rather than the whole path: a booking uid says nothing useful here.
    super(
      `Cal.com API ${method} ${path.split('/', 3).join('/')} request failed: ${kind}${status === undefined ? '' : ` (HTTP ${status})`}`,
      cause === undefined ? undefined : { cause },
    );
    Object.assign(this, fields);
  }
}

/** True for any `CalApiError`, also across bundle copies (checks the brand, not the prototype). */
export function isCalApiError(value: unknown): value is CalApiError {
  const v = value as Partial<CalApiError> | null | undefined;
  return (
    value instanceof CalApiError ||
    (v?.name === 'CalApiError' && typeof v.kind === 'string' && typeof v.path === 'string')
  );
}
