/**
 * Cal.com's errors: Nest's exception names and details, the error envelope, the throttler's headers,
 * and the `HttpFailure` an endpoint throws to answer one.
 *
 * @module
 */
import type { CalResponse } from './calRoutes.js';
import type { CalFakeFailure, CalFakeModel, CalFakeRateLimitState } from './modelTypes.js';

/**
 * Nest's built-in exception per status: its class name (Cal.com's `error.code`) and the `error` text of
 * its `getResponse()` (@nestjs/common's exceptions, made from a message string).
 */
const NEST_EXCEPTIONS: Record<number, readonly [code: string, error: string]> = {
  400: ['BadRequestException', 'Bad Request'],
  401: ['UnauthorizedException', 'Unauthorized'],
  403: ['ForbiddenException', 'Forbidden'],
  404: ['NotFoundException', 'Not Found'],
  405: ['MethodNotAllowedException', 'Method Not Allowed'],
  409: ['ConflictException', 'Conflict'],
  413: ['PayloadTooLargeException', 'Payload Too Large'],
  422: ['UnprocessableEntityException', 'Unprocessable Entity'],
  500: ['InternalServerErrorException', 'Internal Server Error'],
  502: ['BadGatewayException', 'Bad Gateway'],
  503: ['ServiceUnavailableException', 'Service Unavailable'],
  504: ['GatewayTimeoutException', 'Gateway Timeout'],
};

/** The exception name Cal.com reports for an HTTP status (`exception.name`). */
function calErrorCode(status: number): string {
  if (status === 429) return 'ThrottlerException';
  if (status === 498) return 'TokenExpiredException';
  return NEST_EXCEPTIONS[status]?.[0] ?? 'HttpException';
}

/**
 * `exception.getResponse()`, Cal.com's `error.details`: `{ message, error, statusCode }` for a Nest
 * built-in exception made from a string, the string itself for an exception that passes its message
 * straight to `HttpException` (`TokenExpiredException`: apps/api/v2/src/modules/auth/guards/api-auth/
 * token-expired.exception.ts @ 1c6f2d9fe9aadf115075252fb378fa4832b36ccd; `ThrottlerException`).
 */
function nestDetails(status: number, code: string, message: string): unknown {
  const builtIn = NEST_EXCEPTIONS[status];
  if (builtIn === undefined || builtIn[0] !== code) return message;
  return { message, error: builtIn[1], statusCode: status };
}

/**
 * Cal.com's error envelope, `{ status: 'error', timestamp, path, error: { code, message, details } }`
 * (apps/api/v2/src/filters/http-exception.filter.ts @ a557978101864a73c26800423937f67ed1c89975).
 */
function calErrorBody(
  timestamp: number,
  path: string,
  message: string,
  code: string,
  details: unknown,
): unknown {
  return {
    status: 'error',
    timestamp: new Date(timestamp).toISOString(),
    path,
    error: { code, message, details },
  };
}

/**
 * A Cal.com error answer: the envelope (stamped with the model's clock) and a new `X-Request-Id`. Used
 * for every error of the fake and for faults the sandbox and the MSW handlers inject on Cal.com routes.
 * `details` defaults to what Nest's `getResponse()` gives for `code` and `message`.
 */
export function calErrorResponse(
  model: CalFakeModel,
  path: string,
  status: number,
  message: string,
  code = calErrorCode(status),
  details: unknown = nestDetails(status, code, message),
): CalResponse {
  return {
    status,
    headers: { 'X-Request-Id': model.requestId() },
    body: calErrorBody(model.now(), path, message, code, details),
  };
}

/** apps/api/v2/src/modules/auth/strategies/api-auth/api-auth.strategy.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96 */
export const NO_AUTH =
  "ApiAuthStrategy - No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers";

/** apps/api/v2/src/lib/throttler-guard.ts @ 42e7dc494dfba03e5ca5224a418c57c012bdac3e */
export const THROTTLED = 'CustomThrottlerGuard - Too many requests. Please try again later.';

/**
 * Rate-limit headers as Cal.com's throttler names them (the `default` throttler); no `Retry-After`,
 * as its guard overrides the base guard's `handleRequest`, which sets that header.
 */
export function rateLimitHeaders(state: CalFakeRateLimitState | undefined): Record<string, string> {
  if (state === undefined) return {};
  return {
    'X-RateLimit-Limit-Default': String(state.limit),
    'X-RateLimit-Remaining-Default': String(state.remaining),
    'X-RateLimit-Reset-Default': String(state.resetSeconds),
  };
}

export class HttpFailure {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly code = calErrorCode(status),
  ) {}
}

export const fail = (status: number, message: string): never => {
  throw new HttpFailure(status, message);
};

export const fromFailure = (failure: CalFakeFailure): never => {
  throw new HttpFailure(failure.status, failure.message, failure.code);
};
