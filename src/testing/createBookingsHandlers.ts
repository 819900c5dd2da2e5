/**
 * MSW request handlers that behave like AISquare's bookings API, for a host app's own tests and for
 * Storybook. They answer the three endpoints (`GET config`, `POST token/refresh`, `GET user`) with
 * realistic Cal.com-like fixtures, in one of a few scenarios.
 *
 * `msw` is an optional peer dependency: install it (`npm i -D msw`) to use this entry.
 *
 * In a host app's Vitest (or Jest) setup file:
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { afterAll, afterEach, beforeAll } from 'vitest';
 * import { createBookingsHandlers } from '@aisquare/bookings-react/testing';
 *
 * export const server = setupServer(...createBookingsHandlers());
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => server.resetHandlers());
 * afterAll(() => server.close());
 *
 * // in one test: a user who has not connected Cal.com yet
 * server.use(...createBookingsHandlers({ scenario: 'notConnected' }));
 * ```
 *
 * In a Storybook story (with `msw-storybook-addon`'s `mswLoader` set up in `.storybook/preview`):
 * ```ts
 * export const NotConnected: Story = {
 *   parameters: { msw: { handlers: createBookingsHandlers({ scenario: 'notConnected' }) } },
 * };
 * ```
 *
 * The handlers check nothing about authentication (any or no `Authorization` header is accepted),
 * except in the `'unauthorized'` scenario, where every request is refused.
 *
 * @module
 */
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import type { BookingsEndpoint } from '../client/errors.js';
import type { CalConfig, CalTokenRefreshResponse, CalUser } from '../client/schemas.js';
import type { BookingsEndpoints } from '../client/types.js';
import { aisquareTokenAnswer } from '../fake/aisquare.js';
import type { CalFakeIdentity, CalFakeModel } from '../fake/model.js';
import { FIXTURE_IDENTITY, fixtureUserFields } from './calFixtureUser.js';
import {
  calConfigFixture,
  calUserFixture,
  FAKE_CAL_ACCESS_TOKEN,
  FIXTURE_CAL_CLIENT_ID,
} from './fixtures.js';
import { resolveHandlerUrls } from './handlerUrls.js';

/**
 * How the fake API behaves:
 * - `'ready'`: config 200, token 200 (`integration_status: 'existing'`, `refreshed: true`), user 200;
 * - `'notConnected'`: a user without a Cal.com account yet: user 404 until the first token call,
 *   which answers `integration_status: 'created'` (`refreshed: false`); from then on user 200 and
 *   token `'existing'`. The state belongs to one handler set: create a new set to start over;
 * - `'unauthorized'`: every endpoint 401 with a `{ detail }` body (the AISquare session is invalid);
 * - `'serverError'`: every endpoint 500 with a `{ detail }` body;
 * - `'malformed'`: every endpoint 200 with a body that is not JSON (a truncated one, labelled JSON);
 * - `'slow'`: like `'ready'`, but every answer comes after `delayMs` (default 1500 ms);
 * - `'loading'`: no answer, ever (MSW's `delay('infinite')`): for skeleton and loading stories.
 */
export type BookingsHandlersScenario =
  | 'ready'
  | 'notConnected'
  | 'unauthorized'
  | 'serverError'
  | 'malformed'
  | 'slow'
  | 'loading';

export interface BookingsHandlersOptions {
  /**
   * Origin (and optional path prefix) the handlers answer under, with or without a trailing slash,
   * e.g. `https://api.example.com`. `'*'` matches any origin.
   * @default '*'
   */
  baseUrl?: string;
  /**
   * Endpoint paths, as in the client's `endpoints` option; missing ones keep their defaults.
   * @default { config: '/api/v1/bookings/config/', token: '/api/v1/bookings/token/refresh/', user: '/api/v1/bookings/user/' }
   */
  endpoints?: BookingsEndpoints;
  /**
   * How the fake API behaves; see `BookingsHandlersScenario`.
   * @default 'ready'
   */
  scenario?: BookingsHandlersScenario;
  /**
   * Milliseconds every answer waits before it is sent, in any scenario (`'loading'` never answers).
   * @default 1500 for the `'slow'` scenario, 0 otherwise
   */
  delayMs?: number;
  /**
   * The token's lifetime, the `expires_in` of every token answer, in seconds. Use a few seconds to
   * watch the provider refresh.
   * @default 3600
   */
  tokenTtlSeconds?: number;
  /**
   * Fields merged over `calConfigFixture` in config answers.
   * @default {}
   */
  config?: Partial<CalConfig>;
  /**
   * Fields merged over `calUserFixture` in user answers.
   * @default {}
   */
  user?: Partial<CalUser>;
  /**
   * Fields merged over every token answer; they win over the scenario's own values (e.g.
   * `integration_status`) and over `tokenTtlSeconds`.
   * @default {}
   */
  token?: Partial<CalTokenRefreshResponse>;
  /**
   * Called as each request arrives, before any delay and in every scenario, e.g. to count requests.
   * @default undefined
   */
  onRequest?: (endpoint: BookingsEndpoint, request: Request) => void;
  /**
   * A Cal.com model shared with `createCalApiHandlers({ model })`: the token endpoint then integrates
   * `identity` in it (its first call answers `'created'`) and hands out access tokens it issues, which
   * the Cal.com handlers accept until `expires_in` runs out; the user endpoint answers its Cal.com
   * user. Without one, tokens are `FAKE_CAL_ACCESS_TOKEN-<n>` and the user is `calUserFixture`.
   * @default undefined
   */
  model?: CalFakeModel;
  /**
   * The AISquare user the handlers act for in `model` (the handlers check no JWT).
   * @default the fixture user (`calUserFixture`'s name and email)
   */
  identity?: CalFakeIdentity & { timeZone?: string };
}

const SCENARIOS: readonly BookingsHandlersScenario[] = [
  'ready',
  'notConnected',
  'unauthorized',
  'serverError',
  'malformed',
  'slow',
  'loading',
];

/** The `'slow'` scenario's delay when `delayMs` is not given. */
export const DEFAULT_SLOW_DELAY_MS = 1500;

/** A body cut off mid-way, as a proxy or a crashed worker may send it: not JSON, though labelled so. */
const MALFORMED_BODY = '{"detail": "upstream connection reset", "partial": [1, 2';

function unauthorizedResponse(request: Request): Response {
  // Django REST framework's wording: one message without credentials, another for a bad token.
  const detail = request.headers.has('Authorization')
    ? 'Given token not valid for any token type'
    : 'Authentication credentials were not provided.';
  return HttpResponse.json(
    { detail },
    { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } },
  );
}

function assertOptions(options: BookingsHandlersOptions, scenario: BookingsHandlersScenario): void {
  if (!SCENARIOS.includes(scenario)) {
    throw new TypeError(
      `createBookingsHandlers: unknown scenario "${String(scenario)}"; expected one of ${SCENARIOS.join(', ')}`,
    );
  }
  const { delayMs, tokenTtlSeconds } = options;
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new RangeError('createBookingsHandlers: delayMs must be a finite number >= 0');
  }
  if (tokenTtlSeconds !== undefined && !(Number.isFinite(tokenTtlSeconds) && tokenTtlSeconds > 0)) {
    throw new RangeError('createBookingsHandlers: tokenTtlSeconds must be a finite number > 0');
  }
}

/**
 * MSW `http` handlers for the three AISquare bookings endpoints, in the order config, token, user.
 * Spread them into `setupServer(...)` / `setupWorker(...)` / `server.use(...)`, or pass the array as
 * Storybook's `parameters.msw.handlers`. Token answers carry `FAKE_CAL_ACCESS_TOKEN` followed by `-1`,
 * `-2`, ... (the number of the token call in this handler set), so each refresh is visibly new.
 */
export function createBookingsHandlers(options: BookingsHandlersOptions = {}): HttpHandler[] {
  const scenario = options.scenario ?? 'ready';
  assertOptions(options, scenario);
  const delayMs = options.delayMs ?? (scenario === 'slow' ? DEFAULT_SLOW_DELAY_MS : 0);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  const urls = resolveHandlerUrls(options.baseUrl ?? '*', options.endpoints);

  // State of this handler set: whether the Cal.com user exists, and how many token calls came in.
  let connected = scenario !== 'notConnected';
  let tokenCalls = 0;

  // With a shared Cal.com model, the model holds the user and mints the tokens.
  const { model } = options;
  const { timeZone, ...identity }: CalFakeIdentity & { timeZone?: string } =
    options.identity ?? FIXTURE_IDENTITY;
  const userFields = () =>
    options.identity === undefined ? { user: fixtureUserFields(options.user) } : {};
  if (model !== undefined && connected) model.integrate(identity, { timeZone, ...userFields() });

  /** Waits as the scenario says, then answers with its failure or with `succeed()`. */
  async function answer(
    endpoint: BookingsEndpoint,
    request: Request,
    succeed: () => Response,
  ): Promise<Response> {
    if (scenario === 'loading') await delay('infinite');
    if (delayMs > 0) await delay(delayMs);
    if (scenario === 'unauthorized') return unauthorizedResponse(request);
    if (scenario === 'serverError') {
      return HttpResponse.json(
        { detail: `A server error occurred while handling the ${endpoint} request.` },
        { status: 500 },
      );
    }
    if (scenario === 'malformed') {
      return HttpResponse.text(MALFORMED_BODY, {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    return succeed();
  }

  return [
    http.get(urls.config, ({ request }) => {
      options.onRequest?.('config', request);
      return answer('config', request, () =>
        HttpResponse.json({ ...calConfigFixture, ...options.config }),
      );
    }),

    http.post(urls.token, ({ request }) => {
      options.onRequest?.('token', request);
      // Numbered on arrival, so that each answer carries a new access token in arrival order.
      tokenCalls += 1;
      const callNumber = tokenCalls;
      return answer('token', request, () => {
        // The first answer performs the integration; answers go out in arrival order (same delay).
        const connection =
          model === undefined
            ? { created: !connected, accessToken: `${FAKE_CAL_ACCESS_TOKEN}-${callNumber}` }
            : model.connect(identity, { timeZone, ...userFields(), ttlSeconds: tokenTtlSeconds });
        const integrates = connection.created;
        connected = true;
        const configuredClientId = options.config?.cal_client_id;
        const body = {
          ...aisquareTokenAnswer({
            created: integrates,
            accessToken: connection.accessToken,
            ttlSeconds: tokenTtlSeconds,
            calClientId:
              typeof configuredClientId === 'string' ? configuredClientId : FIXTURE_CAL_CLIENT_ID,
          }),
          ...options.token,
        };
        return HttpResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
      });
    }),

    http.get(urls.user, ({ request }) => {
      options.onRequest?.('user', request);
      return answer('user', request, () => {
        const user =
          model === undefined
            ? connected
              ? calUserFixture
              : undefined
            : model.getUser(identity.sub);
        return user !== undefined
          ? HttpResponse.json({ ...user, ...options.user })
          : HttpResponse.json(
              { detail: 'No Cal.com user exists for this account yet.' },
              { status: 404 },
            );
      });
    }),
  ];
}
