import * as z from 'zod/mini';
import { kindForStatus } from '../client/errors.js';
import type { StandardSchemaV1 } from '../client/standardSchema.js';
import { checkLimits, type Exchange, transport } from '../client/transport.js';
import { normalizeBaseUrl } from '../client/url.js';
import { nonEmpty, redact, rootIssue, safeDetail, validateStandard } from '../client/validate.js';
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

/** Decodes one path segment for the dot check; a malformed escape counts as a dot segment (refused). */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '..';
  }
}

/**
 * A path under `/v2/` that stays there: no backslash, and no `.`/`..` part in any segment, plain or
 * percent-encoded (an encoded slash inside a segment, as in an encoded uid, is fine, but not
 * `..%2F`), so the token never leaves the configured prefix.
 */
function isV2Path(path: unknown): path is string {
  if (typeof path !== 'string' || !path.startsWith('/v2/')) return false;
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  return (
    !pathname.includes('\\') &&
    !pathname.split('/').some((segment) =>
      decodedSegment(segment)
        .split(/[\\/]/)
        .some((part) => part === '.' || part === '..'),
    )
  );
}

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
    const value = raw.trim();
    let ms: number;
    if (/^\d+(\.\d+)?$/.test(value)) {
      const seconds = Number(value);
      ms = seconds > 1e9 ? seconds * 1000 - Date.now() : seconds * 1000;
    } else {
      ms = Date.parse(value) - Date.now();
    }
    // A reset already past means "now"; an unparsable value means unknown.
    if (!Number.isNaN(ms)) wait = Math.min(wait ?? ms, ms);
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
 * A booking uid as one path segment; an empty one would silently address the bookings list (`.`
 * and `..` are refused with every other dot segment by the path check).
 */
function uidSegment(uid: string): string {
  if (typeof uid !== 'string' || uid === '') {
    throw new TypeError('createCalApi: a booking uid must be a non-empty string');
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

/**
 * Creates a framework-free Cal.com API v2 client that calls as the holder of `getAccessToken`'s
 * token. Every call sends the family's `cal-api-version`, unwraps and validates Cal.com's envelope,
 * and rejects only with a `CalApiError` (or, as is, with what `getAccessToken` or a `baseUrl`
 * function rejected with). An expired token (498) costs one shared forced refresh and one retry.
 */
export function createCalApi(options: CalApiOptions): CalApi {
  const { getAccessToken, baseUrl = DEFAULT_CAL_API_URL } = options;
  if (typeof getAccessToken !== 'function') {
    throw new TypeError('createCalApi: getAccessToken must be a function');
  }
  const limits = checkLimits('createCalApi', DEFAULT_CAL_REQUEST_TIMEOUT_MS, options);
  let origin = typeof baseUrl === 'string' ? calApiOrigin(baseUrl) : undefined;

  /** The newest token any call obtained, and the forced refresh in flight (shared by every 498). */
  let latest: string | undefined;
  let renewal: Promise<string> | undefined;

  /** A token newer than `stale`: the one a concurrent call already obtained, else one forced refresh. */
  function renew(stale: string): Promise<string> {
    if (renewal) return renewal;
    if (latest !== undefined && latest !== stale) return Promise.resolve(latest);
    renewal = getAccessToken({ forceRefresh: true })
      .then((token) => (latest = token))
      .finally(() => {
        renewal = undefined;
      });
    return renewal;
  }

  async function request<T>(
    path: string,
    init: CalFetchInit = {},
    schema?: StandardSchemaV1<unknown, T>,
    unwrap: (envelope: Envelope) => unknown = (envelope) => envelope.data,
  ): Promise<T> {
    // Only v2 paths below the configured origin: the token must never reach another host.
    if (!isV2Path(path)) {
      throw new TypeError(
        'createCalApi: the path must start with /v2/ and contain no dot segments or backslashes',
      );
    }
    const method = init.method ?? 'GET';
    const pathname = path.split(/[?#]/, 1)[0]!;
    let status: number | undefined;
    let requestId: string | undefined;
    const fail = (kind: CalApiErrorKind, extra?: Partial<CalApiErrorOptions>) =>
      new CalApiError({ kind, method, path: pathname, status, requestId, ...extra });
    /** What `getAccessToken` or `baseUrl` rejected with: passed on as is (the session routes it). */
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
      const base = origin;
      let token = await fromHost(getAccessToken);
      if (!nonEmpty(token)) throw fail('unauthorized');
      latest = token;
      /** The tokens this call sent (two after a 498), kept out of every error field. */
      const sent = [token];

      let body: string | undefined;
      try {
        if (init.body !== undefined) body = JSON.stringify(init.body);
      } catch (cause) {
        throw fail('invalid_request', { cause });
      }
      const headers = new Headers(init.headers);
      const version =
        init.version ?? (headers.get('cal-api-version') || VERSIONS.get(pathname.split('/')[2]!));
      if (version) headers.set('cal-api-version', version);
      if (body !== undefined && !headers.has('content-type')) {
        headers.set('content-type', 'application/json');
      }
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(init.query ?? {}) as [string, CalQueryValue][]) {
        // String() of an array joins it with commas, Cal.com's list syntax (`status=upcoming,past`).
        if (value !== undefined) search.set(key, String(value));
      }
      const query = search.toString();
      const url = `${base}${path}${query ? (path.includes('?') ? '&' : '?') + query : ''}`;

      // Resolved per call, so MSW or a test spy installed after creation is still used.
      const fetchImpl = options.fetch ?? globalThis.fetch;
      if (typeof fetchImpl !== 'function') throw fail('network');
      const send = () => {
        // Set last, so a caller's own Authorization header can never replace the token.
        headers.set('authorization', `Bearer ${token}`);
        return sendOnce(fetchImpl, url, { method, headers: Object.fromEntries(headers), body });
      };
      let response = await send();
      if (response.status === 498) {
        // Cal.com's auth guard answers 498 before any handler runs, so even a POST is safe to repeat.
        response.body?.cancel().catch(() => {});
        token = await fromHost(() => renew(token));
        sent.push(token);
        response = await send();
      }
      status = response.status;
      requestId = response.headers.get('x-request-id') ?? undefined;

      const data = await read(response);
      if (!response.ok) {
        const { code, message, details } = (data as Envelope | undefined)?.error ?? {};
        throw fail(kindForCalStatus(status), {
          code: nonEmpty(code),
          // Cal.com's own sentence, without the token should it ever quote it, cut short.
          detail: safeDetail(message, sent),
          details: details === undefined ? undefined : safeDetails(details, sent),
          retryAfterMs: status === 429 ? retryAfterMs(response.headers) : undefined,
        });
      }
      if (!schema) return data as T;
      const envelope = data as Envelope | undefined;
      if (envelope?.status !== 'success' || envelope.data === undefined) {
        throw fail('invalid_response', {
          issues: [
            rootIssue("the response is not a Cal.com envelope with status 'success' and data"),
          ],
        });
      }
      const result = await validateStandard(schema, unwrap(envelope));
      if (!result.ok) {
        throw fail('invalid_response', { issues: result.issues, cause: result.cause });
      }
      return result.value;
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

  /** A typed method: its schema read per call (as `options.schemas` may change), the caller's signal only. */
  const call = <K extends keyof CalApiSchemas>(
    name: K,
    path: string,
    opts: CalRequestOptions | undefined,
    init?: CalFetchInit,
    unwrap?: (envelope: Envelope) => unknown,
  ) =>
    request(
      path,
      { ...init, signal: opts?.signal },
      (options.schemas?.[name] ?? DEFAULT_SCHEMAS[name]) as StandardSchemaV1<
        unknown,
        StandardSchemaV1.InferOutput<CalApiSchemas[K]>
      >,
      unwrap,
    );
  const bookingPath = (uid: string, action = '') => `/v2/bookings/${uidSegment(uid)}${action}`;
  const post = (body: unknown): CalFetchInit => ({ method: 'POST', body });

  return {
    fetch: (path, init) => request(path, init),
    me: (opts) => call('me', '/v2/me', opts),
    eventTypes: (params, opts) =>
      call('eventTypes', '/v2/event-types', opts, { query: params as Query }),
    slots: (params, opts) => call('slots', '/v2/slots', opts, { query: params as Query }),
    bookings: (params, opts) =>
      call('bookings', '/v2/bookings', opts, { query: params as Query }, (envelope) => ({
        items: envelope.data,
        pagination: envelope.pagination,
      })),
    booking: async (uid, opts) => call('booking', bookingPath(uid), opts),
    createBooking: (input, opts) =>
      call(
        'createBooking',
        '/v2/bookings',
        opts,
        post(input),
        // A recurring event type books every occurrence at once: the first stands for the series,
        // as rejecting a booking that was made would invite the user to book it twice.
        ({ data }) => (Array.isArray(data) ? data[0] : data),
      ),
    cancelBooking: async (uid, input, opts) =>
      call('cancelBooking', bookingPath(uid, '/cancel'), opts, post(input ?? {})),
    rescheduleBooking: async (uid, input, opts) =>
      call('rescheduleBooking', bookingPath(uid, '/reschedule'), opts, post(input)),
  };
}
