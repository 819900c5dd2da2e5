import {
  BookingsApiError,
  type BookingsApiErrorOptions,
  type BookingsEndpoint,
  type BookingsErrorKind,
  isBookingsApiError,
  kindForStatus,
  normalizeError,
} from './errors.js';
import { ANONYMOUS_IDENTITY, readJwtSubject } from './jwtSubject.js';
import {
  type CalConfig,
  CalConfigSchema,
  type CalTokenRefreshRequest,
  type CalTokenRefreshResponse,
  CalTokenRefreshResponseSchema,
  type CalUser,
  CalUserSchema,
} from './schemas.js';
import type { StandardSchemaV1 } from './standardSchema.js';
import { checkLimits, type Exchange, transport } from './transport.js';
import type {
  BookingsClient,
  BookingsClientOptions,
  BookingsEndpoints,
  BookingsRequestOptions,
} from './types.js';
import { joinUrl, normalizeBaseUrl } from './url.js';
import { nonEmpty, rootIssue, safeDetail, scrub, validateStandard } from './validate.js';

/** The default path of an endpoint, relative to `baseUrl`: `/api/v1/bookings/{config,token/refresh,user}/`. */
const defaultPath = (endpoint: BookingsEndpoint): string =>
  `/api/v1/bookings/${endpoint === 'token' ? 'token/refresh' : endpoint}/`;

/** Endpoint paths of the AISquare bookings API, relative to `baseUrl`. */
export const DEFAULT_ENDPOINTS: Readonly<Required<BookingsEndpoints>> = {
  config: /* @__PURE__ */ defaultPath('config'),
  token: /* @__PURE__ */ defaultPath('token'),
  user: /* @__PURE__ */ defaultPath('user'),
};

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export { DEFAULT_MAX_RESPONSE_BYTES, MAX_TIMER_DELAY_MS } from './transport.js';

/** Recent access tokens kept (in memory) only to redact them from server-provided error text. */
const MAX_REMEMBERED_TOKENS = 4;

const DEFAULT_SCHEMAS: Record<BookingsEndpoint, StandardSchemaV1> = {
  config: CalConfigSchema,
  token: CalTokenRefreshResponseSchema,
  user: CalUserSchema,
};

/** The `access_token` of a response body, when it is a non-empty string. */
const accessTokenOf = (body: unknown): string | undefined =>
  nonEmpty((body as { access_token?: unknown } | null)?.access_token);

/** RFC 6750's `b64token`, which every JWT (base64url segments and dots) is. */
const BEARER_TOKEN = /^[\w.~+/-]+=*$/;

/**
 * A request's headers: the host's, then the auth, which comes only from jwt/getAuthToken/apiKey (a
 * stray header must not replace it, and a secret we did not put there could not be redacted).
 */
function requestHeaders(
  options: BookingsClientOptions<unknown, unknown, CalTokenRefreshResponse>,
  apiKeyHeader: string,
  apiKeyInAuthorization: boolean,
  post: boolean,
  jwt: string | undefined,
): Record<string, string> {
  const { apiKey } = options;
  const headers = new Headers(options.headers);
  headers.delete('authorization');
  headers.delete(apiKeyHeader);
  // Accept/Content-Type may be refined by the host (e.g. DRF's `application/json; version=2`).
  for (const name of post ? ['accept', 'content-type'] : ['accept']) {
    if (!headers.has(name)) headers.set(name, 'application/json');
  }
  if (apiKey && !apiKeyInAuthorization) headers.set(apiKeyHeader, apiKey);
  // With the default header, the key is the bearer only when there is no JWT.
  const bearer = jwt || (apiKeyInAuthorization && apiKey);
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  return Object.fromEntries(headers);
}

/**
 * Creates a framework-free client for the three AISquare bookings endpoints. Every call validates
 * the response against its schema (overridable per endpoint; the data types follow it) and rejects
 * only with a `BookingsApiError` whose message never contains a token, an API key or a body.
 */
export function createBookingsClient<
  TConfig = CalConfig,
  TUser = CalUser,
  TToken extends CalTokenRefreshResponse = CalTokenRefreshResponse,
>(options: BookingsClientOptions<TConfig, TUser, TToken>): BookingsClient<TConfig, TUser, TToken> {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const apiKeyHeader = options.apiKeyHeader ?? 'Authorization';
  const apiKeyInAuthorization = apiKeyHeader.toLowerCase() === 'authorization';
  const limits = checkLimits('createBookingsClient', DEFAULT_REQUEST_TIMEOUT_MS, options);
  const { jwt: fixedJwt } = options;
  const rememberedTokens: string[] = [];

  /** One call: auth, fetch, parse, validate, under the shared transport's signal and time-out. */
  function request<T>(
    endpoint: BookingsEndpoint,
    requestOptions: BookingsRequestOptions | undefined,
    body?: CalTokenRefreshRequest,
  ): Promise<T> {
    const post = endpoint === 'token';
    const secrets = new Set<string>(options.apiKey ? [options.apiKey] : []);
    /** Every secret this call knows of, to keep out of server-provided error text. */
    const known = () => [...secrets, ...rememberedTokens];
    // Every field and the cause chain: a host's fetch or schema may quote a header or the body.
    const fail = (kind: BookingsErrorKind, extra?: Partial<BookingsApiErrorOptions>) =>
      new BookingsApiError({ kind, endpoint, ...scrub(extra, known()) });

    const perform = async ({ send, read }: Exchange): Promise<T> => {
      let jwt: string | undefined;
      try {
        // An empty string would produce a malformed `Bearer ` header, so it means signed out too.
        jwt = nonEmpty(fixedJwt !== undefined ? fixedJwt : await options.getAuthToken?.());
      } catch (cause) {
        // The host could not produce a session: treat it as signed out rather than as a network fault.
        // A getter that aborts on purpose (the session, when another user signed in) stays an abort.
        throw fail(
          isBookingsApiError(cause) && cause.kind === 'aborted' ? 'aborted' : 'unauthorized',
          {
            cause,
          },
        );
      }
      if (jwt) {
        secrets.add(jwt);
        // RFC 6750's b64token: a placeholder ('eyJ…'), a pasted 'Bearer …' or a newline would make
        // fetch throw (read as a network fault, then retried) or earn a 401 that names no cause.
        if (!BEARER_TOKEN.test(jwt)) {
          throw fail('unauthorized', {
            message: `AISquare bookings ${endpoint} request not sent: the JWT is not a bearer token (no "Bearer ", spaces or quotes)`,
          });
        }
      }

      let payload: string | undefined;
      try {
        if (post) payload = JSON.stringify(body ?? {});
      } catch (cause) {
        throw fail('invalid_request', { cause });
      }

      const headers = requestHeaders(options, apiKeyHeader, apiKeyInAuthorization, post, jwt);
      // Resolved per call, so MSW or a test spy installed after the client was created is still used.
      const fetchImpl = options.fetch ?? globalThis.fetch;
      if (typeof fetchImpl !== 'function') {
        throw fail('network', {
          message: `AISquare bookings ${endpoint} request failed: no fetch; pass the \`fetch\` option`,
        });
      }
      const init: RequestInit = {
        method: post ? 'POST' : 'GET',
        headers,
        body: payload,
      };
      // Only passed when set: some runtimes (older Cloudflare Workers) throw on any `credentials`.
      if (options.credentials !== undefined) init.credentials = options.credentials;

      const response = await send(
        fetchImpl,
        joinUrl(baseUrl, options.endpoints?.[endpoint] ?? defaultPath(endpoint)),
        init,
      );
      const { status } = response;
      const data = await read(response);
      if (!response.ok) {
        // DRF's `detail` (or a generic `message`), when it is a string, without any secret, cut short.
        const { detail, message } = (data ?? {}) as { detail?: unknown; message?: unknown };
        throw fail(kindForStatus(status), {
          status,
          detail: safeDetail(nonEmpty(detail) ?? message, known()),
        });
      }
      if (data === undefined) {
        throw fail('invalid_response', {
          status,
          issues: [rootIssue('the response body is empty')],
        });
      }

      // A token in a malformed response is still a secret, and schema messages may quote values.
      const bodyToken = accessTokenOf(data);
      if (bodyToken) secrets.add(bodyToken);
      const schema = options.schemas?.[endpoint] ?? DEFAULT_SCHEMAS[endpoint];
      const result = await validateStandard(schema as StandardSchemaV1<unknown, T>, data, known());
      if (!result.ok) {
        throw fail('invalid_response', {
          status,
          // Redacted by fail, as schema messages may quote values.
          issues: result.issues,
          cause: result.cause,
        });
      }
      const token = post ? accessTokenOf(result.value) : undefined;
      if (token && !rememberedTokens.includes(token)) {
        rememberedTokens.push(token);
        if (rememberedTokens.length > MAX_REMEMBERED_TOKENS) rememberedTokens.shift();
      }
      return result.value;
    };

    return transport<T>(
      limits,
      [requestOptions?.signal],
      // A refused redirect or oversized body says why in the message too (fixed text only).
      (kind, fields, reason) =>
        fail(kind, {
          ...fields,
          message:
            reason &&
            `AISquare bookings ${endpoint} request failed: ${kind} (HTTP ${fields.status}): ${reason}`,
        }),
      (error) => {
        const normalized = normalizeError(error, endpoint);
        // Ours are clean already; a wrapped failure is rebuilt with its cause scrubbed.
        return normalized === error ? normalized : fail(normalized.kind, { cause: error });
      },
      perform,
    );
  }

  return {
    baseUrl,
    identity: options.identity ?? readJwtSubject(fixedJwt || '') ?? ANONYMOUS_IDENTITY,
    getConfig: (requestOptions) => request('config', requestOptions),
    refreshToken: (body, requestOptions) => request('token', requestOptions, body),
    getUser: (requestOptions) => request('user', requestOptions),
  };
}
