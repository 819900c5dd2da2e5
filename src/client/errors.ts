/** Which of the three AISquare bookings endpoints a request went to. */
export type BookingsEndpoint = 'config' | 'token' | 'user';

/**
 * What went wrong, as one closed set so UIs can `switch` on it:
 * - `unauthorized`: 401/403, the AISquare session is missing, invalid or expired;
 * - `invalid_request`: 400, the request body was rejected;
 * - `not_found`: 404, e.g. no Cal.com user yet for this AISquare user;
 * - `server`: any other 4xx/5xx status;
 * - `network`: `fetch` rejected (offline, DNS, CORS);
 * - `timeout`: no answer within `requestTimeoutMs`;
 * - `invalid_response`: the body was not JSON or did not match the schema;
 * - `aborted`: the caller's `AbortSignal` fired.
 */
export type BookingsErrorKind =
  | 'unauthorized'
  | 'invalid_request'
  | 'not_found'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'aborted';

/** One schema validation problem: where and what, never the offending value. */
export interface BookingsValidationIssue {
  /** Dotted path into the response body, e.g. `expires_in` or `items.0.id`; empty for the root. */
  readonly path: string;
  readonly message: string;
}

/** What `new BookingsApiError(...)` takes (e.g. to build one in a test or a mock). */
export interface BookingsApiErrorOptions {
  /** What went wrong; UIs switch on it. */
  kind: BookingsErrorKind;
  /** The endpoint the request went to. */
  endpoint: BookingsEndpoint;
  /**
   * The error message; it must hold no token, key or body.
   * @default `AISquare bookings <endpoint> request failed: <kind> (HTTP <status>)`, the status
   * part only when there is one
   */
  message?: string;
  /** HTTP status, when the server answered. @default undefined */
  status?: number;
  /** The server's own `detail` or `message` string. @default undefined */
  detail?: string;
  /** Schema validation problems, for `invalid_response`. @default undefined */
  issues?: readonly BookingsValidationIssue[];
  /** The original failure, kept as the error's `cause` (never in the message). @default undefined */
  cause?: unknown;
}

/**
 * The one error type every request, hook and component of this package reports. Its message names
 * the endpoint and the kind of failure (e.g. `AISquare bookings user request failed: not_found (HTTP
 * 404)`); it never contains a token, an API key or a response body. The client cuts the JWT, the API
 * key and the access tokens it knows out of every string field and of the cause chain.
 */
export class BookingsApiError extends Error {
  override readonly name = 'BookingsApiError';
  // `declare`: assigned in the constructor, so no class-field boilerplate is emitted for them.
  declare readonly kind: BookingsErrorKind;
  declare readonly endpoint: BookingsEndpoint;
  /** HTTP status, when the server answered. */
  declare readonly status: number | undefined;
  /** The server's own `detail` or `message` string, when it sent one (shown to developers, not logged by us). */
  declare readonly detail: string | undefined;
  /** Schema validation problems, for `invalid_response`. */
  declare readonly issues: readonly BookingsValidationIssue[] | undefined;

  constructor({ kind, endpoint, message, status, detail, issues, cause }: BookingsApiErrorOptions) {
    super(
      message ??
        `AISquare bookings ${endpoint} request failed: ${kind}${status === undefined ? '' : ` (HTTP ${status})`}`,
      cause === undefined ? undefined : { cause },
    );
    Object.assign(this, { kind, endpoint, status, detail, issues });
  }
}

/** True for any `BookingsApiError`, also across bundle copies (checks the brand, not the prototype). */
export function isBookingsApiError(value: unknown): value is BookingsApiError {
  const v = value as Partial<BookingsApiError> | null | undefined;
  return (
    value instanceof BookingsApiError ||
    (v?.name === 'BookingsApiError' && typeof v.kind === 'string' && typeof v.endpoint === 'string')
  );
}

/** Maps an HTTP status to the error kind the rest of the library switches on. */
export function kindForStatus(status: number): BookingsErrorKind {
  return status === 400
    ? 'invalid_request'
    : status === 401 || status === 403
      ? 'unauthorized'
      : status === 404
        ? 'not_found'
        : 'server';
}

/** Only failures that may go away by themselves are retried (token backoff and query retries). */
export function isRetryableKind(kind: BookingsErrorKind): boolean {
  return kind === 'network' || kind === 'timeout' || kind === 'server';
}

/**
 * Turns any thrown value into a `BookingsApiError`, so that every catch site in the library reports
 * one type: an `AbortError`/`TimeoutError` becomes `aborted`, anything else `fallbackKind`. The
 * original value is kept as `cause` (never in the message, which could leak secrets).
 */
export function normalizeError(
  value: unknown,
  endpoint: BookingsEndpoint,
  fallbackKind: BookingsErrorKind = 'network',
): BookingsApiError {
  return isBookingsApiError(value)
    ? value
    : new BookingsApiError({
        kind: ['AbortError', 'TimeoutError'].includes((value as Error | null)?.name as string)
          ? 'aborted'
          : fallbackKind,
        endpoint,
        cause: value,
      });
}
