/**
 * Cal.com's error answers, written from
 * - apps/api/v2/src/filters/http-exception.filter.ts @ a557978101864a73c26800423937f67ed1c89975: every
 *   `HttpException` becomes `{ status: 'error', timestamp, path, error: { code: exception.name,
 *   message, details: exception.getResponse() } }` with an `X-Request-Id` header (the older filter
 *   @ 010423338bde4389d94300cce7b7f55e94d718a7 sent no `details`).
 * - apps/api/v2/src/modules/auth/guards/api-auth/token-expired.exception.ts
 *   @ 1c6f2d9fe9aadf115075252fb378fa4832b36ccd and packages/platform/constants/api.ts
 *   @ 87017a8e907f4cb6f935d82b4892a13c0c340cf1: an expired access token is HTTP 498,
 *   `ACCESS_TOKEN_IS_EXPIRED`.
 * - apps/api/v2/src/modules/oauth-clients/services/oauth-flow.service.ts
 *   @ 03670679c00d600615e8df2bc64545bd51c61646: an unknown one is 401 `Invalid Access Token.`.
 * - apps/api/v2/src/lib/throttler-guard.ts @ 42e7dc494dfba03e5ca5224a418c57c012bdac3e: every throttled
 *   answer carries `X-RateLimit-{Limit,Remaining,Reset}-<Name>` per throttler (`Default` for the
 *   default one; an API key may have several named limits); Reset is seconds from now, rounded up;
 *   no `Retry-After`. 429 only when every limit is blocked.
 */
import { obj, type Shape } from '../shape.js';

export const errorShape: Shape = {
  status: 'string',
  timestamp: 'string',
  path: 'string',
  error: obj({ code: 'string', message: 'string', details: '?unknown' }),
};

/** Nest's `getResponse()` of a built-in exception made from a message. */
const nestDetails = (message: string, error: string, statusCode: number) => ({
  message,
  error,
  statusCode,
});

export const errorSamples = {
  badRequest: {
    status: 400,
    headers: { 'X-Request-Id': 'req-400' },
    body: {
      status: 'error',
      timestamp: '2040-01-01T00:00:00.000Z',
      path: '/v2/bookings',
      error: {
        code: 'BadRequestException',
        message: 'User either already has booking at this time or is not available',
        details: nestDetails(
          'User either already has booking at this time or is not available',
          'Bad Request',
          400,
        ),
      },
    },
  },
  /** The older filter: no `details`. */
  notFoundWithoutDetails: {
    status: 404,
    headers: { 'X-Request-Id': 'req-404' },
    body: {
      status: 'error',
      timestamp: '2040-01-01T00:00:00.000Z',
      path: '/v2/bookings/nope',
      error: {
        code: 'NotFoundException',
        message: 'Booking with uid=nope was not found in the database',
      },
    },
  },
  expired: {
    status: 498,
    headers: { 'X-Request-Id': 'req-498' },
    body: {
      status: 'error',
      timestamp: '2040-01-01T00:00:00.000Z',
      path: '/v2/me',
      error: {
        code: 'TokenExpiredException',
        message: 'ACCESS_TOKEN_IS_EXPIRED',
        details: 'ACCESS_TOKEN_IS_EXPIRED',
      },
    },
  },
  unknownToken: {
    status: 401,
    headers: { 'X-Request-Id': 'req-401' },
    body: {
      status: 'error',
      timestamp: '2040-01-01T00:00:00.000Z',
      path: '/v2/me',
      error: {
        code: 'UnauthorizedException',
        message: 'Invalid Access Token.',
        details: nestDetails('Invalid Access Token.', 'Unauthorized', 401),
      },
    },
  },
} as const;

const throttled = (headers: Record<string, string>) => ({
  status: 429,
  headers: { 'X-Request-Id': 'req-429', ...headers },
  body: {
    status: 'error',
    timestamp: '2040-01-01T00:00:00.000Z',
    path: '/v2/slots',
    error: {
      code: 'ThrottlerException',
      message: 'CustomThrottlerGuard - Too many requests. Please try again later.',
      details: 'CustomThrottlerGuard - Too many requests. Please try again later.',
    },
  },
});

/** 429s with each header set Cal.com sends, and how long each means to wait. */
export const rateLimitSamples = [
  {
    name: 'the default throttler',
    answer: throttled({
      'X-RateLimit-Limit-Default': '500',
      'X-RateLimit-Remaining-Default': '0',
      'X-RateLimit-Reset-Default': '42',
    }),
    waitMs: 42_000,
  },
  {
    // Cal.com refuses only while every limit is blocked, so the first to reset lets requests through.
    name: "an API key's own named limits, all blocked: the first to reset",
    answer: throttled({
      'X-RateLimit-Limit-Short': '10',
      'X-RateLimit-Remaining-Short': '0',
      'X-RateLimit-Reset-Short': '5',
      'X-RateLimit-Limit-Long': '1000',
      'X-RateLimit-Remaining-Long': '0',
      'X-RateLimit-Reset-Long': '1800',
    }),
    waitMs: 5_000,
  },
  {
    name: 'a named limit alone',
    answer: throttled({
      'X-RateLimit-Limit-Booking': '20',
      'X-RateLimit-Remaining-Booking': '0',
      'X-RateLimit-Reset-Booking': '17',
    }),
    waitMs: 17_000,
  },
] as const;
