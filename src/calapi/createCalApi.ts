import * as z from 'zod/mini';
import { kindForStatus } from '../client/errors.js';
import { noop } from '../client/noop.js';
import type { StandardSchemaV1 } from '../client/standardSchema.js';
import { checkLimits, type Exchange, transport } from '../client/transport.js';
import { normalizeBaseUrl } from '../client/url.js';
import {
  nonEmpty,
  redact,
  rootIssue,
  safeDetail,
  scrub,
  validateStandard,
} from '../client/validate.js';
import {
  CalApiError,
  type CalApiErrorKind,
  type CalApiErrorOptions,
  isCalApiError,
} from './errors.js';
import {
  CalBookingOrSeriesSchema,
  CalBookingSchema,
  CalBookingsPageSchema,
  CalEventTypeSchema,
  CalMeSchema,
  CalReservationSchema,
  CalReservedSlotSchema,
  CalSlotsSchema,
} from './schemas.js';
import type {
  CalApi,
  CalApiOptions,
  CalApiSchemas,
  CalFetchInit,
  CalQueryValue,
  CalRequestOptions,
} from './types.js';

export const DEFAULT_CAL_API_URL = 'https://api.cal.com';

/** Longer than the AISquare client's 10 s: slot searches over a month take Cal.com a while. */
export const DEFAULT_CAL_REQUEST_TIMEOUT_MS = 15_000;

/** `cal-api-version` per path family: without it Cal.com silently serves older endpoint versions. */
const VERSIONS = new Map([
  ['slots', '2024-09-04'],
  ['bookings', '2024-08-13'],
  ['event-types', '2024-06-14'],
]);

const DEFAULT_SCHEMAS: CalApiSchemas = {
  me: CalMeSchema,
  eventTypes: /* @__PURE__ */ z.array(CalEventTypeSchema),
  slots: CalSlotsSchema,
  bookings: CalBookingsPageSchema,
  booking: CalBookingOrSeriesSchema,
  createBooking: CalBookingSchema,
  cancelBooking: CalBookingOrSeriesSchema,
  rescheduleBooking: CalBookingSchema,
  reservation: CalReservationSchema,
  reservedSlot: /* @__PURE__ */ z.nullable(CalReservedSlotSchema),
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_RETRY_AFTER_MS = 3_600_000;
const MAX_DETAILS_LENGTH = 2_000;

/**
 * The Cal.com API origin (and path prefix) the token may be sent to, or a `TypeError`: an absolute
 * `https:` URL (`http:` only on localhost, for the sandbox) without credentials, query or fragment.
 * A relative or protocol-relative value would send the token to the page's own origin or to any
 * host. Cal.com's documented `https://api.cal.com/v2` is accepted too: paths bring their own `/v2`.
 */
export function calApiOrigin(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value.trim()) : undefined;
  } catch {
    // reported below, without quoting the value
  }
  if (
    !url ||
    String(value).includes('\\') ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    /[?#]$/.test(String(value).trim())
  ) {
    throw new TypeError(
      'createCalApi: baseUrl must be an absolute https:// URL (http:// only on localhost) without credentials, query or fragment',
    );
  }
  return normalizeBaseUrl(`${url.origin}${url.pathname}`).replace(/\/v2$/i, '');
}

/**
 * A segment that is, or decodes (once or more, as a proxy and then a server may each decode) to, a
 * `.`/`..` part, also beside an encoded slash (`..%2F`), control character or space (`.%09.`),
 * or that holds a malformed escape (which each hop may read another way). An encoded slash inside a
 * segment, as in an encoded uid, is fine. Decoded byte by byte: only ASCII separators matter here.
 */
/**
 * `.` or `..`, also with path parameters (`..;x`, which Tomcat, Jetty and Spring read as `..`) or in
 * full-width dots (which some servers fold to ASCII).
 */
function isDotPart(part: string): boolean {
  const head = (part.split(';', 1)[0] as string).replace(/\uff0e/g, '.');
  return head === '.' || head === '..';
}

function hasDotPart(segment: string): boolean {
  if (/%(?![\da-f]{2})/i.test(segment)) return true;
  for (let text = segment, round = 0; round < 4; round++) {
    // Without the controls and spaces a decoding hop could pass on for the next parser to drop.
    const parts = text.replace(/[\s\p{Cc}]/gu, '').split(/[\\/]/);
    if (parts.some(isDotPart)) return true;
    // Read as UTF-8 too (a full-width dot is three escaped bytes); an escape that is not UTF-8, as
    // an overlong `%c0%ae` for a dot, is refused.
    try {
      const utf8 = text.replace(/(?:%[\da-f]{2})+/gi, (run) => decodeURIComponent(run));
      if (utf8.split(/[\\/]/).some(isDotPart)) return true;
    } catch {
      return true;
    }
    const decoded = text.replace(/%[\da-f]{2}/gi, (hex) =>
      String.fromCharCode(Number.parseInt(hex.slice(1), 16)),
    );
    if (decoded === text) return false;
    text = decoded;
  }
  return true;
}

/**
 * A path under `/v2/` that stays there: no control character or whitespace (the URL parser drops
 * tab, LF and CR, which could hide a dot segment from any check made before it), no backslash and no
 * dot segment. The URL built from it is checked again after parsing (`request`).
 */
function isV2Path(path: unknown): path is string {
  if (typeof path !== 'string' || /[\s\p{Cc}]/u.test(path)) return false;
  const pathname = path.split(/[?#]/, 1)[0] as string;
  return (
    pathname.startsWith('/v2/') && !pathname.includes('\\') && !pathname.split('/').some(hasDotPart)
  );
}

const PATH_RULE =
  'createCalApi: the path must stay under /v2/: no dot segment, backslash, control character or whitespace';

/**
 * Milliseconds until a rate limit lets requests through again. Cal.com's throttler sends
 * `X-RateLimit-Reset-<name>` (seconds) per limit (`Default`, or an API key's own named limits) and
 * refuses only while every limit is blocked (apps/api/v2/src/lib/throttler-guard.ts), so the first
 * reset is when the next request may pass; `Retry-After` (seconds or an HTTP date) counts too, for a
 * proxy in front. `undefined` when no header is usable. A value that can only be epoch seconds (above
 * 1e9) is read as such, and the result is capped at an hour, so a hostile or odd header cannot make a
 * host wait for years or overflow a timer.
 */
function retryAfterMs(headers: Headers): number | undefined {
  let wait: number | undefined;
  for (const [name, raw] of headers) {
    if (name !== 'retry-after' && !name.startsWith('x-ratelimit-reset-')) continue;
    // A repeated header arrives joined with commas: each value on its own. Only seconds or an HTTP
    // date (IMF-fixdate) count; Date.parse would read "5, 10" as a date in 2001, i.e. "now".
    for (const part of raw.split(/,(?! \d{2} [A-Z])/)) {
      const value = part.trim();
      const ms = /^\d{1,16}(\.\d{1,6})?$/.test(value)
        ? Number(value) > 1e9
          ? Number(value) * 1000 - Date.now()
          : Number(value) * 1000
        : /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)
          ? Date.parse(value) - Date.now()
          : Number.NaN;
      // A reset already past means "now"; an unparsable value means unknown.
      if (!Number.isNaN(ms)) wait = Math.min(wait ?? ms, ms);
    }
  }
  return wait === undefined
    ? undefined
    : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(wait)));
}

/** Cal.com's `details`, kept only when small and with every token this call sent cut out. */
function safeDetails(details: unknown, tokens: readonly string[]): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(details);
  } catch {
    return undefined;
  }
  const clean =
    text === undefined || text.length > MAX_DETAILS_LENGTH ? undefined : redact(text, tokens);
  return clean === undefined ? undefined : JSON.parse(clean);
}

const kindForCalStatus = (status: number): CalApiErrorKind =>
  status === 498
    ? 'token_expired'
    : status === 429
      ? 'rate_limited'
      : status === 422
        ? 'invalid_request'
        : kindForStatus(status);

/**
 * A booking or reservation uid as one path segment; an empty one would silently address the list (`.`
 * and `..` are refused with every other dot segment by the path check).
 */
function uidSegment(uid: string): string {
  if (typeof uid !== 'string' || uid === '') {
    throw new TypeError('createCalApi: a uid must be a non-empty string');
  }
  return encodeURIComponent(uid);
}

/** The typed methods' params, sent as the query string. */
type Query = CalFetchInit['query'];

interface Envelope {
  status?: unknown;
  data?: unknown;
  pagination?: unknown;
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** The URL of `path` under `base`, with `query` added to any query the path has. */
function calUrl(base: string, path: string, query: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}) as [string, CalQueryValue][]) {
    // String() of an array joins it with commas, Cal.com's list syntax (`status=upcoming,past`).
    if (value !== undefined) search.set(key, String(value));
  }
  const added = search.toString();
  return new URL(`${base}${path}${added ? (path.includes('?') ? '&' : '?') + added : ''}`).href;
}

/** The caller's headers with the family's `cal-api-version` (unless given) and a JSON body's type. */
function calHeaders(init: CalFetchInit, pathname: string, body: string | undefined): Headers {
  const headers = new Headers(init.headers);
  const version =
    init.version ?? (headers.get('cal-api-version') || VERSIONS.get(pathname.split('/')[2]!));
  if (version) headers.set('cal-api-version', version);
  if (body !== undefined && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  return headers;
}

/** What Cal.com said when it refused a call, without the tokens `sent`. */
function refusal(response: Response, data: unknown, sent: string[]): Partial<CalApiErrorOptions> {
  const { code, message, details } = (data as Envelope | undefined)?.error ?? {};
  return {
    code: nonEmpty(code),
    // Cal.com's own sentence, without the token should it ever quote it, cut short.
    detail: safeDetail(message, sent),
    details: details === undefined ? undefined : safeDetails(details, sent),
    retryAfterMs: response.status === 429 ? retryAfterMs(response.headers) : undefined,
  };
}

/**
 * What a call resolves to: the `data` of Cal.com's envelope (or what `unwrap` takes from it),
 * validated by `schema` (its messages without the tokens `sent`), else `fail`'s error.
 */
async function fromEnvelope<T>(
  data: unknown,
  schema: StandardSchemaV1<unknown, T>,
  unwrap: (envelope: Envelope) => unknown,
  sent: string[],
  fail: (kind: CalApiErrorKind, extra?: Partial<CalApiErrorOptions>) => CalApiError,
): Promise<T> {
  const envelope = data as Envelope | undefined;
  if (envelope?.status !== 'success' || envelope.data === undefined) {
    throw fail('invalid_response', {
      issues: [rootIssue("the response is not a Cal.com envelope with status 'success' and data")],
    });
  }
  const result = await validateStandard(schema, unwrap(envelope), sent);
  if (!result.ok) throw fail('invalid_response', { issues: result.issues, cause: result.cause });
  return result.value;
}

/**
 * The token renewal every call of one client shares: `renew(stale, unknown)` gives a token newer
 * than `stale`, the one a concurrent call already obtained, else one forced refresh (shared by
 * every 498 and 401); after a 401 (`unknown`), `undefined` when `stale` had its forced refresh
 * already. `latest(token)` records a token a call obtained; `latest()` is the newest one ('' before
 * any).
 */
/** `getAccessToken`, which a renewal has: it runs only after a token was sent (never a visitor's client). */
type TokenSource = NonNullable<CalApiOptions['getAccessToken']>;

function tokenRenewal(
  getAccessToken: TokenSource,
): [
  renew: (stale: string, unknown: boolean) => Promise<string> | undefined,
  latest: (token?: string) => string,
] {
  /** The tokens of the last forced refresh (the one it replaced, the one it gave). */
  let spent: string[] = [];
  let newest: string | undefined;
  let renewal: Promise<string> | undefined;
  return [
    (stale, unknown) => {
      if (renewal) return renewal;
      if (newest !== undefined && newest !== stale) return Promise.resolve(newest);
      if (unknown && spent.includes(stale)) return undefined;
      spent = [stale];
      renewal = getAccessToken({ forceRefresh: true })
        .then((token) => {
          spent.push(token);
          newest = token;
          return token;
        })
        .finally(() => {
          renewal = undefined;
        });
      return renewal;
    },
    (token) => {
      if (token !== undefined) newest = token;
      return newest ?? '';
    },
  ];
}

/**
 * Creates a framework-free Cal.com API v2 client that calls as the holder of `getAccessToken`'s
 * token. Every call sends the family's `cal-api-version`, unwraps and validates Cal.com's envelope,
 * and rejects only with a `CalApiError` (or, as is, with what `getAccessToken` or a `baseUrl`
 * function rejected with). An expired token (498), or one Cal.com no longer knows (401), costs one
 * shared forced refresh and one retry. Without `getAccessToken` (a visitor's client) nothing carries a
 * token, and a call Cal.com serves only with one is refused `unauthorized`, unsent.
 */
export function createCalApi(options: CalApiOptions): CalApi {
  const { getAccessToken, baseUrl = DEFAULT_CAL_API_URL } = options;
  const limits = checkLimits('createCalApi', DEFAULT_CAL_REQUEST_TIMEOUT_MS, options);
  let origin = typeof baseUrl === 'string' ? calApiOrigin(baseUrl) : undefined;

  const [renew, latest] = tokenRenewal(getAccessToken as TokenSource);

  async function request<T>(
    path: string,
    init: CalFetchInit = {},
    schema?: StandardSchemaV1<unknown, T>,
    unwrap: (envelope: Envelope) => unknown = (envelope) => envelope.data,
    open = false,
  ): Promise<T> {
    // Only v2 paths below the configured origin: the token must never reach another host.
    if (!isV2Path(path)) throw new TypeError(PATH_RULE);
    const method = init.method ?? 'GET';
    const pathname = path.split(/[?#]/, 1)[0]!;
    let status: number | undefined;
    let requestId: string | undefined;
    /** The tokens this call sent (two after a 498 or 401), kept out of every field of its errors. */
    const sent: string[] = [];
    const fail = (kind: CalApiErrorKind, extra?: Partial<CalApiErrorOptions>) =>
      new CalApiError({
        kind,
        ...scrub({ method, path: pathname, status, requestId, ...extra }, [...sent, latest()]),
      });
    /**
     * What `getAccessToken` or `baseUrl` rejected with (the session routes it), or the refusal of a
     * URL that left `/v2/`: passed on as is.
     */
    let hostFailure: { error: unknown } | undefined;
    const fromHost = <V>(get: () => V | Promise<V>): Promise<V> =>
      new Promise<V>((resolve) => resolve(get())).catch((error) => {
        hostFailure = { error };
        throw error;
      });

    const perform = async ({ send: sendOnce, read }: Exchange): Promise<T> => {
      // Resolved until it succeeds once; later calls reuse it.
      origin ??= await fromHost(async () =>
        calApiOrigin(await (baseUrl as () => string | Promise<string>)()),
      );
      const url = calUrl(origin, path, init.query);
      // Decided on the URL as parsed, which is what fetch sends: nothing but `<base>/v2/…` gets the token.
      if (!url.startsWith(`${origin}/v2/`)) {
        hostFailure = { error: new TypeError(PATH_RULE) };
        throw hostFailure.error;
      }
      // A read Cal.com serves without a token goes out at once: with the token when one is at hand,
      // without it while it is still being fetched, so the page does not wait a round trip for it.
      const peek = open ? options.peekAccessToken : undefined;
      let token: string | undefined;
      if (peek) {
        try {
          token = nonEmpty(peek());
        } catch {
          // No token at hand: the read goes out without one.
        }
      } else if (getAccessToken || !open) {
        token = getAccessToken && (await fromHost(getAccessToken));
        if (!nonEmpty(token)) throw fail('unauthorized');
      }
      if (token !== undefined) {
        latest(token);
        sent.push(token);
      }

      let body: string | undefined;
      try {
        if (init.body !== undefined) body = JSON.stringify(init.body);
      } catch (cause) {
        throw fail('invalid_request', { cause });
      }
      const headers = calHeaders(init, pathname, body);

      // Resolved per call, so MSW or a test spy installed after creation is still used.
      const fetchImpl = options.fetch ?? globalThis.fetch;
      if (typeof fetchImpl !== 'function') throw fail('network');
      const send = () => {
        // Set last, so a caller's own Authorization header can never replace the token (nor go out
        // in its place on a read sent without one).
        if (token === undefined) headers.delete('authorization');
        else headers.set('authorization', `Bearer ${token}`);
        return sendOnce(fetchImpl, url, { method, headers: Object.fromEntries(headers), body });
      };
      let response = await send();
      const noteAnswer = () => {
        status = response.status;
        requestId = response.headers.get('x-request-id') ?? undefined;
      };
      const unknown = response.status === 401;
      // 498: expired. 401: perhaps deleted, as a forced refresh for another device deletes every
      // access token of the user at Cal.com; once per token, so an origin Cal.com refuses costs one.
      // Cal.com's auth guard answers both before any handler runs, so even a POST is safe to repeat.
      const sentToken = token;
      const next =
        sentToken !== undefined && (unknown || response.status === 498)
          ? await fromHost(() => renew(sentToken, unknown))
          : undefined;
      if (next !== undefined) {
        response.body?.cancel().catch(noop);
        if (unknown && next === token) {
          noteAnswer();
          throw fail('unauthorized', {
            detail: 'the token was revoked and AISquare returned the same one on a forced refresh',
          });
        }
        token = next;
        sent.push(token);
        response = await send();
      } else if (
        getAccessToken &&
        sentToken === undefined &&
        (unknown || response.status === 403)
      ) {
        // A read sent without a token and refused (a proxy in front that wants one): once more,
        // with the token.
        response.body?.cancel().catch(noop);
        token = await fromHost(getAccessToken);
        if (!nonEmpty(token)) throw fail('unauthorized');
        latest(token);
        sent.push(token);
        response = await send();
      }
      noteAnswer();

      const data = await read(response);
      if (!response.ok)
        throw fail(kindForCalStatus(response.status), refusal(response, data, sent));
      return schema ? fromEnvelope(data, schema, unwrap, sent, fail) : (data as T);
    };

    return transport<T>(
      limits,
      [options.signal, init.signal],
      fail,
      // What the host rejected with passes as is; anything else not yet a CalApiError is the network.
      (error) =>
        hostFailure
          ? hostFailure.error
          : isCalApiError(error)
            ? error
            : fail('network', { cause: error }),
      perform,
    );
  }

  return calEndpoints(request, options);
}

/** The request function behind the typed methods. */
type Request = <T>(
  path: string,
  init?: CalFetchInit,
  schema?: StandardSchemaV1<unknown, T>,
  unwrap?: (envelope: Envelope) => unknown,
  open?: boolean,
) => Promise<T>;

/** The typed methods: each one a path, its params or body, its schema and what to unwrap. */
function calEndpoints(request: Request, options: CalApiOptions): CalApi {
  /** A typed method: its schema read per call (as `options.schemas` may change), the caller's signal only. */
  const call = <K extends keyof CalApiSchemas>(
    name: K,
    path: string,
    opts: CalRequestOptions | undefined,
    init?: CalFetchInit,
    unwrap?: (envelope: Envelope) => unknown,
    open?: boolean,
  ) =>
    request(
      path,
      { ...init, signal: opts?.signal },
      (options.schemas?.[name] ?? DEFAULT_SCHEMAS[name]) as StandardSchemaV1<
        unknown,
        StandardSchemaV1.InferOutput<CalApiSchemas[K]>
      >,
      unwrap,
      open,
    );
  const bookingPath = (uid: string, action = '') => `/v2/bookings/${uidSegment(uid)}${action}`;
  const post = (body: unknown): CalFetchInit => ({ method: 'POST', body });
  // A booking by uid, and creating, cancelling or moving one, are OptionalApiAuthGuard routes
  // (apps/api/v2/src/ee/bookings/2024-08-13/controllers/bookings.controller.ts @ cf5215774e07efb16d8f1d4fd9e59b9764f248ad):
  // no token is fine, a bad one fails. A visitor's client sends them without one, a signed-in one
  // always with its token.
  const visitor = !options.getAccessToken;
  // No auth guard on these but POST's optional one (slots.controller.ts
  // @ 694613ff82bd64befca2989e44fb5b642b3a24f4): like slots, they go out without waiting for a token.
  const reservationPath = (uid?: string) =>
    `/v2/slots/reservations${uid === undefined ? '' : `/${uidSegment(uid)}`}`;

  return {
    // A visitor's own calls (Cal.com's unguarded atoms routes, say) go out without a credential and
    // Cal.com decides; a signed-in client's always carry its token.
    fetch: (path, init) => request(path, init, undefined, undefined, visitor),
    me: (opts) => call('me', '/v2/me', opts),
    // Cal.com's guards: a user's public event types need no token (OptionalApiAuthGuard on
    // event-types.controller.ts), slots none at all (no guard on slots.controller.ts).
    eventTypes: (params, opts) =>
      call(
        'eventTypes',
        '/v2/event-types',
        opts,
        { query: params as Query },
        undefined,
        params?.username !== undefined,
      ),
    slots: (params, opts) =>
      call('slots', '/v2/slots', opts, { query: params as Query }, undefined, true),
    bookings: (params, opts) =>
      call('bookings', '/v2/bookings', opts, { query: params as Query }, (envelope) => ({
        items: envelope.data,
        pagination: envelope.pagination,
      })),
    booking: async (uid, opts) =>
      call('booking', bookingPath(uid), opts, undefined, undefined, visitor),
    createBooking: (input, opts) =>
      call(
        'createBooking',
        '/v2/bookings',
        opts,
        post(input),
        // A recurring event type books every occurrence at once: the first stands for the series,
        // as rejecting a booking that was made would invite the user to book it twice.
        ({ data }) => (Array.isArray(data) ? data[0] : data),
        visitor,
      ),
    cancelBooking: async (uid, input, opts) =>
      call(
        'cancelBooking',
        bookingPath(uid, '/cancel'),
        opts,
        post(input ?? {}),
        undefined,
        visitor,
      ),
    rescheduleBooking: async (uid, input, opts) =>
      call(
        'rescheduleBooking',
        bookingPath(uid, '/reschedule'),
        opts,
        post(input),
        undefined,
        visitor,
      ),
    reserveSlot: (input, opts) =>
      call('reservation', reservationPath(), opts, post(input), undefined, true),
    reservedSlot: async (uid, opts) =>
      call('reservedSlot', reservationPath(uid), opts, undefined, undefined, true),
    updateReservation: async (uid, body, opts) =>
      call('reservation', reservationPath(uid), opts, { method: 'PATCH', body }, undefined, true),
    deleteReservation: async (uid, opts) => {
      await request(
        reservationPath(uid),
        { method: 'DELETE', signal: opts?.signal },
        undefined,
        undefined,
        true,
      );
    },
  };
}
