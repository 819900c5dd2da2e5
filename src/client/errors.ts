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

export interface BookingsApiErrorOptions {
  kind: BookingsErrorKind;
  endpoint: BookingsEndpoint;
  message?: string;
  status?: number;
  detail?: string;
  issues?: readonly BookingsValidationIssue[];
  cause?: unknown;
}

const DEFAULT_MESSAGES: Record<BookingsErrorKind, string> = {
  unauthorized: 'the AISquare session is missing, invalid or expired',
  invalid_request: 'the request was rejected as invalid',
  not_found: 'not found',
  server: 'the server failed to answer',
  network: 'the network request failed',
  timeout: 'the request timed out',
  invalid_response: 'the response was not in the expected shape',
  aborted: 'the request was aborted',
};

/**
 * The one error type every request, hook and component of this package reports. Its message names
 * the endpoint and the kind of failure; it never contains a token, an API key or a response body.
 */
export class BookingsApiError extends Error {
  override readonly name = 'BookingsApiError';
  readonly kind: BookingsErrorKind;
  readonly endpoint: BookingsEndpoint;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** The server's own `detail` or `message` string, when it sent one (shown to developers, not logged by us). */
  readonly detail: string | undefined;
  /** Schema validation problems, for `invalid_response`. */
  readonly issues: readonly BookingsValidationIssue[] | undefined;

  constructor(options: BookingsApiErrorOptions) {
    const status = options.status === undefined ? '' : ` (HTTP ${options.status})`;
    super(
      options.message ??
        `AISquare bookings ${options.endpoint} request failed: ${DEFAULT_MESSAGES[options.kind]}${status}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.kind = options.kind;
    this.endpoint = options.endpoint;
    this.status = options.status;
    this.detail = options.detail;
    this.issues = options.issues;
  }
}

/** True for any `BookingsApiError`, also across bundle copies (checks the brand, not the prototype). */
export function isBookingsApiError(value: unknown): value is BookingsApiError {
  return (
    value instanceof BookingsApiError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'BookingsApiError' &&
      typeof (value as { kind?: unknown }).kind === 'string' &&
      typeof (value as { endpoint?: unknown }).endpoint === 'string')
  );
}

/** Maps an HTTP status to the error kind the rest of the library switches on. */
export function kindForStatus(status: number): BookingsErrorKind {
  if (status === 400) return 'invalid_request';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  return 'server';
}

function isAbortError(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as { name?: unknown }).name === 'AbortError' ||
      (value as { name?: unknown }).name === 'TimeoutError')
  );
}

/**
 * Turns any thrown value into a `BookingsApiError`, so that every catch site in the library reports
 * one type. The original value is kept as `cause` (never in the message, which could leak secrets).
 */
export function normalizeError(
  value: unknown,
  endpoint: BookingsEndpoint,
  fallbackKind: BookingsErrorKind = 'network',
): BookingsApiError {
  if (isBookingsApiError(value)) return value;
  if (isAbortError(value)) return new BookingsApiError({ kind: 'aborted', endpoint, cause: value });
  return new BookingsApiError({ kind: fallbackKind, endpoint, cause: value });
}
