import {
  BookingsApiError,
  type BookingsEndpoint,
  type BookingsValidationIssue,
  kindForStatus,
  normalizeError,
} from './errors.js';
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
import type {
  BookingsClient,
  BookingsClientOptions,
  BookingsEndpoints,
  BookingsRequestOptions,
} from './types.js';
import { joinUrl, normalizeBaseUrl } from './url.js';
import { validateStandard } from './validate.js';

/** Endpoint paths of the AISquare bookings API, relative to `baseUrl`. */
export const DEFAULT_ENDPOINTS: Readonly<Required<BookingsEndpoints>> = {
  config: '/api/v1/bookings/config/',
  token: '/api/v1/bookings/token/refresh/',
  user: '/api/v1/bookings/user/',
};

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Longest `error.detail` kept: enough for a server's sentence, too short to carry a whole body. */
export const MAX_DETAIL_LENGTH = 500;

/** `setTimeout` fires at once for delays above 2^31-1 ms, so longer time-outs are clamped. */
const MAX_TIMER_MS = 2_147_483_647;

/** Recent access tokens kept (in memory) only to redact them from server-provided error text. */
const MAX_REMEMBERED_TOKENS = 4;

const REDACTED = '[redacted]';

type Method = 'GET' | 'POST';

/**
 * Removes every secret from a server-provided string. If a replacement could have spliced a secret
 * back together (or a secret is a substring of the marker), the text is dropped rather than risked.
 */
function redact(text: string, secrets: readonly string[]): string | undefined {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return secrets.some((secret) => out.includes(secret)) ? undefined : out;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Reads DRF's `detail` (or a generic `message`) from an error body, when it is a string. */
function pickDetail(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { detail, message } = body as { detail?: unknown; message?: unknown };
  if (typeof detail === 'string' && detail !== '') return detail;
  if (typeof message === 'string' && message !== '') return message;
  return undefined;
}

function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Rejects as soon as `signal` aborts, even when the wrapped work (a fetch mock, a host getter) ignores it. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
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
  const timeoutMs = Math.min(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, MAX_TIMER_MS);
  const schemas = {
    config: (options.schemas?.config ?? CalConfigSchema) as StandardSchemaV1<unknown, TConfig>,
    user: (options.schemas?.user ?? CalUserSchema) as StandardSchemaV1<unknown, TUser>,
    token: (options.schemas?.token ?? CalTokenRefreshResponseSchema) as StandardSchemaV1<
      unknown,
      TToken
    >,
  };
  const rememberedTokens: string[] = [];

  function rememberToken(value: unknown): void {
    const token = (value as { access_token?: unknown } | null)?.access_token;
    if (typeof token !== 'string' || token === '' || rememberedTokens.includes(token)) return;
    rememberedTokens.push(token);
    if (rememberedTokens.length > MAX_REMEMBERED_TOKENS) rememberedTokens.shift();
  }

  function buildHeaders(method: Method, jwt: string | undefined): Record<string, string> {
    const headers = new Headers(options.headers);
    // Auth comes only from getAuthToken/apiKey: a stray header must not replace it, and a secret we
    // did not put there could not be redacted from error text.
    headers.delete('authorization');
    headers.delete(apiKeyHeader);
    // Accept/Content-Type may be refined by the host (e.g. DRF's `application/json; version=2`).
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (method === 'POST' && !headers.has('content-type')) {
      headers.set('content-type', 'application/json');
    }
    if (jwt !== undefined) headers.set('authorization', `Bearer ${jwt}`);
    if (options.apiKey) {
      if (!apiKeyInAuthorization) headers.set(apiKeyHeader, options.apiKey);
      else if (jwt === undefined) headers.set('authorization', `Bearer ${options.apiKey}`);
    }
    return Object.fromEntries(headers.entries());
  }

  async function perform<T>(
    endpoint: BookingsEndpoint,
    method: Method,
    schema: StandardSchemaV1<unknown, T>,
    body: CalTokenRefreshRequest | undefined,
    signal: AbortSignal,
    secrets: Set<string>,
  ): Promise<T> {
    let jwt: string | undefined;
    try {
      const value = await options.getAuthToken?.();
      // An empty string would produce a malformed `Bearer ` header, so it means signed out too.
      if (typeof value === 'string' && value !== '') jwt = value;
    } catch (cause) {
      // The host could not produce a session: treat it as signed out rather than as a network fault.
      throw new BookingsApiError({ kind: 'unauthorized', endpoint, cause });
    }
    if (jwt !== undefined) secrets.add(jwt);

    let payload: string | undefined;
    if (method === 'POST') {
      try {
        payload = JSON.stringify(body ?? {});
      } catch (cause) {
        throw new BookingsApiError({ kind: 'invalid_request', endpoint, cause });
      }
    }

    // Resolved per call, so MSW or a test spy installed after the client was created is still used.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new BookingsApiError({
        kind: 'network',
        endpoint,
        message: `AISquare bookings ${endpoint} request failed: no fetch implementation; pass the \`fetch\` option`,
      });
    }
    const init: RequestInit = { method, headers: buildHeaders(method, jwt), signal };
    if (payload !== undefined) init.body = payload;
    // Only passed when set: some runtimes (older Cloudflare Workers) throw on any `credentials`.
    if (options.credentials !== undefined) init.credentials = options.credentials;

    const url = joinUrl(baseUrl, options.endpoints?.[endpoint] ?? DEFAULT_ENDPOINTS[endpoint]);
    // Called with `this` = globalThis: a browser's window.fetch throws "Illegal invocation" otherwise.
    const response = await fetchImpl.call(globalThis, url, init);
    const text = await response.text();
    const parsed = text.trim() === '' ? undefined : tryParseJson(text);

    if (!response.ok) {
      const rawDetail = parsed?.ok ? pickDetail(parsed.value) : undefined;
      const detail =
        rawDetail === undefined ? undefined : redact(rawDetail, [...secrets, ...rememberedTokens]);
      throw new BookingsApiError({
        kind: kindForStatus(response.status),
        endpoint,
        status: response.status,
        detail: detail === undefined ? undefined : truncate(detail, MAX_DETAIL_LENGTH),
      });
    }

    if (parsed === undefined || !parsed.ok) {
      throw new BookingsApiError({
        kind: 'invalid_response',
        endpoint,
        status: response.status,
        issues: [
          {
            path: '',
            message:
              parsed === undefined ? 'the response body is empty' : 'the response body is not JSON',
          },
        ],
      });
    }

    // A token in a malformed response is still a secret, and schema messages may quote values.
    const bodyToken = (parsed.value as { access_token?: unknown } | null)?.access_token;
    if (typeof bodyToken === 'string' && bodyToken !== '') secrets.add(bodyToken);
    const result = await validateStandard(schema, parsed.value);
    if (!result.ok) {
      const all = [...secrets, ...rememberedTokens];
      const issues: BookingsValidationIssue[] = result.issues.map((issue) => ({
        path: redact(issue.path, all) ?? REDACTED,
        message: redact(issue.message, all) ?? 'invalid value',
      }));
      throw new BookingsApiError({
        kind: 'invalid_response',
        endpoint,
        status: response.status,
        issues,
        cause: result.cause,
      });
    }
    if (endpoint === 'token') rememberToken(result.value);
    return result.value;
  }

  async function request<T>(
    endpoint: BookingsEndpoint,
    method: Method,
    schema: StandardSchemaV1<unknown, T>,
    body: CalTokenRefreshRequest | undefined,
    requestOptions: BookingsRequestOptions | undefined,
  ): Promise<T> {
    const callerSignal = requestOptions?.signal;
    if (callerSignal?.aborted) {
      throw new BookingsApiError({ kind: 'aborted', endpoint, cause: callerSignal.reason });
    }
    const secrets = new Set<string>(options.apiKey ? [options.apiKey] : []);
    // One internal controller carries both the caller's abort and the time-out into fetch; which of
    // them fired first decides the error kind.
    const controller = new AbortController();
    let abortedBy: 'caller' | 'timeout' | undefined;
    const abort = (by: 'caller' | 'timeout', reason: unknown) => {
      if (abortedBy !== undefined) return;
      abortedBy = by;
      controller.abort(reason);
    };
    const onCallerAbort = () => abort('caller', callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer =
      timeoutMs > 0
        ? setTimeout(
            () => abort('timeout', new DOMException('request timed out', 'TimeoutError')),
            timeoutMs,
          )
        : undefined;
    try {
      return await raceAbort(
        perform(endpoint, method, schema, body, controller.signal, secrets),
        controller.signal,
      );
    } catch (error) {
      if (abortedBy === 'caller') {
        throw new BookingsApiError({ kind: 'aborted', endpoint, cause: callerSignal?.reason });
      }
      if (abortedBy === 'timeout') {
        throw new BookingsApiError({ kind: 'timeout', endpoint, cause: controller.signal.reason });
      }
      throw normalizeError(error, endpoint, 'network');
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return {
    baseUrl,
    getConfig: (requestOptions) =>
      request('config', 'GET', schemas.config, undefined, requestOptions),
    refreshToken: (body, requestOptions) =>
      request('token', 'POST', schemas.token, body, requestOptions),
    getUser: (requestOptions) => request('user', 'GET', schemas.user, undefined, requestOptions),
  };
}
