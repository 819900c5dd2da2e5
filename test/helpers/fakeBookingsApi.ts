import type { BookingsEndpoint } from '../../src/client/errors.js';

export interface FakeApiOptions {
  /** Seconds each token lives. */
  tokenTtlSeconds?: number;
  /** Whether the Cal.com user exists before the first token call. */
  integrated?: boolean;
  /** Milliseconds before each answer (needs real or advanced timers). */
  latencyMs?: number;
}

export interface FakeApi {
  fetch: typeof globalThis.fetch;
  counts: Record<BookingsEndpoint, number>;
  /** Authorization headers seen, per endpoint, in order. */
  authHeaders: string[];
  /** Access tokens handed out, in order. */
  issued: string[];
  /** Answers the next N requests to an endpoint with this status. */
  failNext(endpoint: BookingsEndpoint, status: number, times?: number): void;
  integrated: boolean;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** A small in-memory AISquare bookings API behind an injected `fetch`, for jsdom unit tests. */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const faults: Partial<Record<BookingsEndpoint, { status: number; times: number }>> = {};
  let serial = 0;
  const api: FakeApi = {
    counts: { config: 0, token: 0, user: 0 },
    authHeaders: [],
    issued: [],
    integrated: options.integrated ?? true,
    failNext(endpoint, status, times = 1) {
      faults[endpoint] = { status, times };
    },
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const endpoint: BookingsEndpoint = url.includes('/config/')
        ? 'config'
        : url.includes('/token/')
          ? 'token'
          : 'user';
      api.counts[endpoint] += 1;
      const headers = new Headers(init?.headers);
      api.authHeaders.push(headers.get('authorization') ?? '');
      if (options.latencyMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, options.latencyMs);
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(init.signal?.reason ?? new DOMException('Aborted', 'AbortError'));
          });
        });
      }
      if (init?.signal?.aborted) throw init.signal.reason;
      const fault = faults[endpoint];
      if (fault && fault.times > 0) {
        fault.times -= 1;
        return new Response(JSON.stringify({ detail: 'injected' }), {
          status: fault.status,
          headers: JSON_HEADERS,
        });
      }
      const subject = subjectOf(headers.get('authorization'));
      if (endpoint === 'config') {
        return Response.json({
          cal_client_id: 'cal-client-1',
          cal_api_url: 'https://api.cal.com/v2',
        });
      }
      if (endpoint === 'user') {
        if (!api.integrated) {
          return new Response(JSON.stringify({ detail: 'No Cal.com user' }), {
            status: 404,
            headers: JSON_HEADERS,
          });
        }
        return Response.json({ id: 42, email: `${subject}@example.com`, name: `User ${subject}` });
      }
      serial += 1;
      const created = !api.integrated;
      api.integrated = true;
      const accessToken = `cal_at_${subject}_${serial}_secret`;
      api.issued.push(accessToken);
      return Response.json({
        access_token: accessToken,
        expires_in: options.tokenTtlSeconds ?? 3600,
        token_type: 'Bearer',
        refreshed: !created,
        integration_status: created ? 'created' : 'existing',
        cal_client_id: 'cal-client-1',
      });
    },
  };
  return api;
}

function subjectOf(authorization: string | null): string {
  const jwt = authorization?.replace(/^Bearer /, '') ?? '';
  const payload = jwt.split('.')[1];
  if (!payload) return 'anonymous';
  try {
    return String(JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))).sub);
  } catch {
    return 'anonymous';
  }
}

/** An unsigned JWT-shaped string for a subject: enough for identity detection in the provider. */
export function fakeJwt(sub: string): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub })}.signature`;
}
