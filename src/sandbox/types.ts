import type { CalEndpoint } from '../fake/handle.js';
import type { CalFakeModel } from '../fake/model.js';

/** AISquare's three endpoints, named as in `BookingsApiError.endpoint`. */
export type SandboxAisquareEndpoint = 'config' | 'token' | 'user';

/**
 * Every endpoint the sandbox serves: AISquare's three and Cal.com API v2's, which are
 * - `'cal.me'`: `GET /v2/me`;
 * - `'cal.eventTypes'`: `GET /v2/event-types`;
 * - `'cal.slots'`: `GET /v2/slots`;
 * - `'cal.bookings'`: `GET /v2/bookings` (the list);
 * - `'cal.createBooking'`: `POST /v2/bookings`;
 * - `'cal.booking'`: `GET /v2/bookings/{uid}`;
 * - `'cal.cancelBooking'`: `POST /v2/bookings/{uid}/cancel`;
 * - `'cal.rescheduleBooking'`: `POST /v2/bookings/{uid}/reschedule`;
 * - `'cal.reserveSlot'`: `POST /v2/slots/reservations`;
 * - `'cal.reservedSlot'`, `'cal.updateReservation'`, `'cal.deleteReservation'`: `GET`, `PATCH` and
 *   `DELETE /v2/slots/reservations/{uid}`.
 * - `'cal.emailVerificationCheck'`: `GET /v2/atoms/verification/email/check`;
 * - `'cal.sendEmailVerificationCode'`: `POST /v2/atoms/verification/email/send-code`;
 * - `'cal.verifyEmailVerificationCode'`: `POST /v2/atoms/verification/email/verify-code`.
 */
export type SandboxEndpoint = SandboxAisquareEndpoint | CalEndpoint;

export type { CalEndpoint };

/**
 * A fault to inject with `failNext`:
 * - an HTTP status (400–599): answered with a JSON `{ detail }` error body on AISquare's endpoints,
 *   with Cal.com's error envelope (`{ status: 'error', timestamp, path, error: { code, message } }`
 *   and `X-Request-Id`) on Cal.com's; 498 on a Cal.com route is a `TokenExpiredException`;
 * - `'malformed'`: a `200` whose body claims to be JSON but is not;
 * - `'hang'`: no answer at all until the sandbox is closed (or the client gives up).
 */
export type SandboxFault = number | 'malformed' | 'hang';

/**
 * Requests received per endpoint since start or the last `reset()`, failed ones included; CORS
 * preflights and requests to unknown paths not counted.
 */
export type SandboxCounts = Record<SandboxEndpoint, number>;

/** Options of `issueJwt`. */
export interface IssueJwtOptions {
  /** Lifetime from now; may be zero or negative to mint an already expired JWT. @default 3600 */
  expiresInSeconds?: number;
  /** The `email` claim; the Cal.com user created for this JWT uses it. @default `<userId>@example.com` */
  email?: string;
  /** The `name` claim; the Cal.com user created for this JWT uses it. */
  name?: string;
}

/** Options of `startSandbox`; every one has a default. */
export interface SandboxOptions {
  /** TCP port; `0` picks a free one (read it back from `sandbox.url`). @default 0 */
  port?: number;
  /** Interface to bind. Only loopback by default: the sandbox is for local development and tests. @default '127.0.0.1' */
  host?: string;
  /** `expires_in` of every Cal.com access token handed out. @default 3600 */
  tokenTtlSeconds?: number;
  /**
   * HS256 secret for the AISquare JWTs. Default: a random secret created once per process, so JWTs
   * from `issueJwt` work on every sandbox of the same process and on no other. Pass a fixed one to
   * keep JWTs valid across restarts.
   */
  jwtSecret?: string | Uint8Array;
  /** Delay before every answer (CORS preflights excepted), in milliseconds. @default 0 */
  latencyMs?: number;
  /**
   * Origins allowed to call the sandbox from a browser, on top of the defaults: pages on `localhost`,
   * `127.0.0.1` or `[::1]`, any port, http or https, are always allowed. List exact origins such as
   * `'https://app.example.com'` (scheme, host and port; a path throws a `TypeError`). An allowed
   * `Origin` is echoed with `Access-Control-Allow-Credentials: true`, so cookie sessions work too;
   * other origins get no CORS headers. `'*'` is an explicit opt-in to every origin except `null`.
   * @default [] (loopback origins only)
   */
  corsOrigins?: '*' | string | readonly string[];
  /**
   * When set, every request must also carry this key in the `X-API-Key` header (in addition to the
   * JWT); a missing or wrong key is answered `401`. @default undefined (no API key required)
   */
  apiKey?: string;
  /**
   * Path prefix in front of the endpoints, e.g. `'/aisquare'` serves `/aisquare/api/v1/bookings/...`.
   * It is part of `sandbox.url`. @default ''
   */
  basePath?: string;
  /** The Cal.com OAuth client id reported by config and token answers. @default 'cal_sandbox_client_id' */
  calClientId?: string;
  /**
   * Rate limit of the Cal.com routes, in requests per minute per access token (requests without a
   * token share one budget), as Cal.com's throttler counts them: over it, `429 ThrottlerException` and
   * a 60 s block. When set, every Cal.com answer past token validation carries
   * `X-RateLimit-Limit-Default`, `X-RateLimit-Remaining-Default` and `X-RateLimit-Reset-Default`
   * (seconds until the window, or the block, ends). `0` or `undefined`: no limit and no headers.
   * @default undefined
   */
  calRateLimit?: number;
  /**
   * Called with the address and the code each time a booker asks Cal.com's
   * `/v2/atoms/verification/email/send-code` for one (nothing is mailed), e.g. to print it for the
   * person trying the demo. Tests can read it with `calModel.emailVerificationCode(email)` instead.
   * @default undefined
   */
  onEmailVerificationCode?: (email: string, code: string) => void;
}

/**
 * A running sandbox: AISquare's bookings API at `url`, and Cal.com API v2 at `${url}/v2` (what the
 * config endpoint reports as `cal_api_url`), backed by one in-memory model. The access tokens the
 * token endpoint hands out are the Cal.com tokens the `/v2` routes accept, each until its own
 * `expires_in` runs out (then 498).
 */
export interface Sandbox {
  /** Base URL to give the client, e.g. `http://127.0.0.1:54321` (with `basePath`, if any; no trailing slash). */
  readonly url: string;
  /**
   * The shared Cal.com model (users, tokens, event types, availability, bookings), for tests that
   * inspect or arrange state directly, e.g. `sandbox.calModel.bookings()`. It is the same object for
   * the sandbox's whole life; `reset()` empties it.
   */
  readonly calModel: CalFakeModel;
  /** The port actually bound. */
  readonly port: number;
  /** Stops the server, dropping open connections (hung requests included). Idempotent. */
  close(): Promise<void>;
  /**
   * Signs an AISquare JWT (HS256, `sub` = `userId`, always with `exp`) that this sandbox accepts until
   * it expires. The sandbox answers 401 to any JWT that lacks `sub` or `exp`.
   */
  issueJwt(userId: string, options?: IssueJwtOptions): Promise<string>;
  /** A snapshot of the request counters. */
  counts(): SandboxCounts;
  /**
   * Back to how it started: forgets every user (and their Cal.com tokens, event types and bookings),
   * zeroes the counters, drops pending faults, and restores the latency, token lifetime and Cal.com
   * rate limit given to `startSandbox`. Hung requests stay hung.
   */
  reset(): void;
  /** Makes the next `times` requests to `endpoint` fail with `fault` (queued after earlier faults). */
  failNext(endpoint: SandboxEndpoint, fault: SandboxFault, times?: number): void;
  /** Sets the delay before every answer from now on, in milliseconds. */
  setLatency(ms: number): void;
  /** Sets `expires_in` of the access tokens handed out from now on, in seconds. */
  setTokenTtl(seconds: number): void;
  /**
   * Expires now every Cal.com access token issued for the AISquare user `userId` (a JWT `sub`), or
   * every token when omitted: the next Cal.com request with one answers 498. Returns how many were live.
   */
  expireCalTokens(userId?: string): number;
  /**
   * Deletes every Cal.com access token of the AISquare user `userId`, or every token when omitted, as
   * Cal.com's force refresh for another device does: the next Cal.com request with one answers 401
   * `Invalid Access Token.` (a token the client still holds as fresh). Returns how many were live.
   */
  revokeCalTokens(userId?: string): number;
  /** Sets the Cal.com rate limit from now on (see `calRateLimit`); counters start over. */
  setCalRateLimit(limit: number | undefined): void;
}
