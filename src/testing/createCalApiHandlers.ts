/**
 * MSW request handlers that behave like Cal.com API v2 (`/v2/me`, event types, slots, bookings), for a
 * host app's tests and for Storybook. They run the same model and request function as the sandbox
 * (`@aisquare/bookings-react/sandbox`): the same slots, the same 400s, 498s and envelopes.
 *
 * ```ts
 * import { setupServer } from 'msw/node';
 * import {
 *   createBookingsHandlers,
 *   createCalApiHandlers,
 *   createCalFakeModel,
 * } from '@aisquare/bookings-react/testing';
 *
 * // One model: the access token the AISquare token handler issues is the one Cal.com's accept.
 * const model = createCalFakeModel();
 * export const server = setupServer(
 *   ...createBookingsHandlers({ baseUrl: 'https://api.example.com', model }),
 *   ...createCalApiHandlers({ model }),
 * );
 * ```
 *
 * Without a `model`, the handlers create their own, in which any bearer token is the fixture user's
 * (so `createBookingsHandlers()`'s fake tokens work); tokens the model issued still expire.
 *
 * @module
 */
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import { trimTrailing } from '../client/url.js';
import {
  type CalEndpoint,
  calErrorResponse,
  handleCalRequest,
  matchCalRoute,
} from '../fake/handle.js';
import {
  CAL_MESSAGES,
  type CalFakeIdentity,
  type CalFakeModel,
  createCalFakeModel,
} from '../fake/model.js';
import { parseInstant } from '../fake/zoneMaths.js';
import { FIXTURE_IDENTITY, fixtureUserFields } from './calFixtureUser.js';

/**
 * How the fake Cal.com API behaves:
 * - `'ready'`: the model's behaviour (seeded event types, free slots, bookings work);
 * - `'noEventTypes'`: `GET /v2/event-types` answers an empty list;
 * - `'noSlots'`: `GET /v2/slots` answers `{}` (nothing free);
 * - `'slotTaken'`: someone else books the slot of the next `POST /v2/bookings` just before it, which
 *   then answers Cal.com's double-booking 400; later bookings go through;
 * - `'serverError'`: every request 500 with Cal.com's error envelope;
 * - `'loading'`: no answer, ever;
 * - `'expiredToken'`: the first request answers 498 `TokenExpiredException`, then as `'ready'`.
 */
export type CalApiHandlersScenario =
  | 'ready'
  | 'noEventTypes'
  | 'noSlots'
  | 'slotTaken'
  | 'serverError'
  | 'loading'
  | 'expiredToken';

const SCENARIOS: readonly CalApiHandlersScenario[] = [
  'ready',
  'noEventTypes',
  'noSlots',
  'slotTaken',
  'serverError',
  'loading',
  'expiredToken',
];

export interface CalApiHandlersOptions {
  /**
   * The Cal.com API origin (and optional path prefix) the handlers answer under; a trailing `/v2` or
   * slash is ignored. `'*'` matches any origin.
   * @default 'https://api.cal.com'
   */
  baseUrl?: string;
  /**
   * The model to serve. Pass the one given to `createBookingsHandlers({ model })` so that its tokens
   * are accepted here. @default a new model that accepts any bearer token as the fixture user's
   */
  model?: CalFakeModel;
  /** How the fake behaves; see `CalApiHandlersScenario`. @default 'ready' */
  scenario?: CalApiHandlersScenario;
  /** Milliseconds every answer waits (`'loading'` never answers). @default 0 */
  delayMs?: number;
  /**
   * The user that unknown tokens authenticate as, in the model the handlers create when none is
   * given (with `timeZone` for its availability). @default the fixture user, `calUserFixture`
   */
  identity?: CalFakeIdentity & { timeZone?: string };
  /** Called as each request arrives, before any delay; `endpoint` is `undefined` for unknown paths. */
  onRequest?: (endpoint: CalEndpoint | undefined, request: Request) => void;
}

function basePath(baseUrl: string): { pattern: string; prefix: string | undefined } {
  const trimmed = trimTrailing(baseUrl, '/').replace(/\/v2$/, '');
  if (trimmed === '*') return { pattern: '*/v2/*', prefix: undefined };
  return { pattern: `${trimmed}/v2/*`, prefix: trimTrailing(new URL(trimmed).pathname, '/') };
}

function toResponse(answer: { status: number; headers: Record<string, string>; body: unknown }) {
  return HttpResponse.json(answer.body as Record<string, unknown>, {
    status: answer.status,
    headers: { ...answer.headers, 'Cache-Control': 'no-store' },
  });
}

/**
 * MSW handlers for Cal.com API v2, backed by a `CalFakeModel` (one catch-all handler for
 * `${baseUrl}/v2/*`). Spread them into `setupServer(...)` / `setupWorker(...)`, or pass them as
 * Storybook's `parameters.msw.handlers`.
 */
export function createCalApiHandlers(options: CalApiHandlersOptions = {}): HttpHandler[] {
  const scenario = options.scenario ?? 'ready';
  if (!SCENARIOS.includes(scenario)) {
    throw new TypeError(
      `createCalApiHandlers: unknown scenario "${String(scenario)}"; expected one of ${SCENARIOS.join(', ')}`,
    );
  }
  const delayMs = options.delayMs ?? 0;
  if (!(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new RangeError('createCalApiHandlers: delayMs must be a finite number >= 0');
  }
  const { timeZone, ...identity } = options.identity ?? {
    ...FIXTURE_IDENTITY,
    timeZone: fixtureUserFields().timeZone,
  };
  const model = options.model ?? lenientModel(options.identity, identity, timeZone);
  const { pattern, prefix } = basePath(options.baseUrl ?? 'https://api.cal.com');
  let expiredSent = false;
  let slotTakenSent = false;

  return [
    http.all(pattern, async ({ request }) => {
      const url = new URL(request.url);
      const pathname =
        prefix === undefined
          ? url.pathname.slice(url.pathname.indexOf('/v2'))
          : url.pathname.slice(prefix.length);
      const route = matchCalRoute(request.method, pathname);
      options.onRequest?.(route?.endpoint, request);
      if (request.method === 'OPTIONS') return new HttpResponse(null, { status: 204 });
      if (scenario === 'loading') await delay('infinite');
      if (delayMs > 0) await delay(delayMs);
      const target = `${url.pathname}${url.search}`;
      const envelope = (status: number, message: string, code?: string) =>
        toResponse(calErrorResponse(model, target, status, message, code));
      if (scenario === 'serverError') return envelope(500, 'Internal server error');
      if (scenario === 'expiredToken' && !expiredSent) {
        expiredSent = true;
        return envelope(498, 'ACCESS_TOKEN_IS_EXPIRED', 'TokenExpiredException');
      }
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      if (scenario === 'slotTaken' && !slotTakenSent && route?.endpoint === 'cal.createBooking') {
        slotTakenSent = true;
        takeSlot(model, body);
      }
      const answer = handleCalRequest(model, {
        method: request.method,
        pathname,
        query: url.searchParams,
        headers: (name) => request.headers.get(name) ?? undefined,
        body,
        url: target,
      });
      if (
        answer.status === 200 &&
        scenario === 'noEventTypes' &&
        route?.endpoint === 'cal.eventTypes'
      ) {
        return toResponse({ ...answer, body: { status: 'success', data: [] } });
      }
      if (answer.status === 200 && scenario === 'noSlots' && route?.endpoint === 'cal.slots') {
        return toResponse({ ...answer, body: { status: 'success', data: {} } });
      }
      return toResponse(answer);
    }),
  ];
}

/**
 * The handlers' own model: any token is `identity`'s (the fixture user's by default), and that user
 * exists from the start, as `GET /v2/slots` never reads a token (Cal.com's slots have no auth guard),
 * so a page that asks for slots first still finds its event types.
 */
function lenientModel(
  given: CalApiHandlersOptions['identity'],
  identity: CalFakeIdentity,
  timeZone: string | undefined,
): CalFakeModel {
  const user = given === undefined ? fixtureUserFields() : undefined;
  const model = createCalFakeModel({
    acceptUnknownTokensAs: {
      ...identity,
      ...(timeZone !== undefined ? { timeZone } : {}),
      ...(user !== undefined ? { user } : {}),
    },
  });
  model.integrate(identity, { timeZone, ...(user !== undefined ? { user } : {}) });
  return model;
}

/** Books the requested slot for someone else first, so the request meets Cal.com's double-booking 400. */
function takeSlot(model: CalFakeModel, text: string | undefined): void {
  try {
    const body = JSON.parse(text ?? '') as {
      eventTypeId?: unknown;
      start?: unknown;
      lengthInMinutes?: unknown;
      bookingFieldsResponses?: unknown;
    };
    const start = parseInstant(body.start);
    if (typeof body.eventTypeId !== 'number' || start === undefined) return;
    model.createBooking({
      eventTypeId: body.eventTypeId,
      start,
      ...(typeof body.lengthInMinutes === 'number'
        ? { lengthInMinutes: body.lengthInMinutes }
        : {}),
      ...(typeof body.bookingFieldsResponses === 'object' && body.bookingFieldsResponses !== null
        ? { bookingFieldsResponses: body.bookingFieldsResponses as Record<string, unknown> }
        : {}),
      attendee: { name: 'Someone Else', email: 'someone.else@example.com', timeZone: 'UTC' },
    });
  } catch {
    // Not a booking the model could make: the request then fails on its own merits.
  }
}

/** Cal.com's message for a slot that is no longer free (what `'slotTaken'` answers). */
export const CAL_SLOT_TAKEN_MESSAGE: string = CAL_MESSAGES.unavailable;
