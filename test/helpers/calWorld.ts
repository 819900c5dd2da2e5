import type { CalSlotsParams } from '../../src/calapi/types.js';
import { handleCalRequest } from '../../src/fake/handle.js';
import { type CalFakeModel, createCalFakeModel } from '../../src/fake/model.js';

export const AISQUARE = 'https://api.test';
export const CAL = 'https://cal.test';

export interface CalWorld {
  model: CalFakeModel;
  fetch: typeof globalThis.fetch;
  /** Requests per route: `token`, `config`, `user`, and `GET /v2/slots`-style keys for Cal.com. */
  counts: Map<string, number>;
  count(key: string): number;
  /** Requested URLs of Cal.com calls, in order. */
  calls: URL[];
}

function subjectOf(authorization: string | null): string {
  const payload = authorization?.replace(/^Bearer\s+/i, '').split('.')[1] ?? '';
  return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string }).sub;
}

/**
 * The shared Cal.com model behind an injected `fetch`, with a minimal AISquare token endpoint that
 * integrates the JWT's user and mints access tokens the Cal.com routes accept. For jsdom tests; the
 * sandbox serves the same model over real HTTP.
 */
export function createCalWorld(
  options: {
    now?: () => number;
    tokenTtlSeconds?: number;
    calApiUrl?: string;
    /** Seed the recurring event type too. @default false */
    recurringEventType?: boolean;
  } = {},
): CalWorld {
  // By default the three one-off event types only: most component and hook tests book single
  // meetings and were written against that list.
  const model = createCalFakeModel({
    now: options.now,
    recurringEventType: options.recurringEventType ?? false,
  });
  const counts = new Map<string, number>();
  const calls: URL[] = [];
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const world: CalWorld = {
    model,
    counts,
    calls,
    count: (key) => counts.get(key) ?? 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.origin === AISQUARE) {
        const endpoint = url.pathname.split('/')[4] ?? '';
        bump(endpoint);
        const sub = subjectOf(request.headers.get('authorization'));
        if (endpoint === 'config') {
          return Response.json({ cal_api_url: options.calApiUrl ?? `${CAL}/v2` });
        }
        if (endpoint === 'user') {
          const user = model.getUser(sub);
          return user
            ? Response.json(user)
            : Response.json({ detail: 'Not connected' }, { status: 404 });
        }
        const ttl = options.tokenTtlSeconds ?? 3600;
        const { created, accessToken } = model.connect({ sub }, { ttlSeconds: ttl });
        return Response.json({
          access_token: accessToken,
          expires_in: ttl,
          token_type: 'Bearer',
          refreshed: !created,
          integration_status: created ? 'created' : 'existing',
          cal_client_id: 'cal-client',
        });
      }
      calls.push(url);
      bump(`${request.method} ${url.pathname}`);
      const body = request.method === 'GET' ? undefined : await request.text();
      const answer = handleCalRequest(model, {
        method: request.method,
        pathname: url.pathname,
        query: url.searchParams,
        headers: (name) => request.headers.get(name) ?? undefined,
        body,
        url: `${url.pathname}${url.search}`,
      });
      return Response.json(answer.body, { status: answer.status, headers: answer.headers });
    },
  };
  return world;
}

/**
 * A Cal.com error answer in its envelope (`{ status: 'error', timestamp, path, error }`), for a
 * test's `fetch` to return in place of the world's answer.
 */
export function calErrorResponse(
  path: string,
  status: number,
  error: { code: string; message: string } = { code: 'X', message: 'no' },
  init: { timestamp?: string; headers?: Record<string, string> } = {},
): Response {
  return Response.json(
    { status: 'error', timestamp: init.timestamp ?? '', path, error },
    { status, ...(init.headers ? { headers: init.headers } : {}) },
  );
}

/** Books `start` (epoch ms) of an event type for Bob (UTC) straight in the model, as a seed. */
export function seedBobBooking(world: CalWorld, eventTypeId: number, start: number) {
  const made = world.model.createBooking({
    eventTypeId,
    start,
    attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
  });
  if (!made.ok) throw new Error('seed failed');
  return made.booking;
}

/** Carol (UTC) books `start` (epoch ms) straight in the model: someone else takes a shown slot. */
export function carolTakes(world: CalWorld, eventTypeId: number, start: number) {
  return world.model.createBooking({
    eventTypeId,
    start,
    attendee: { name: 'Carol', email: 'carol@example.com', timeZone: 'UTC' },
  });
}

const DAY_MS = 86_400_000;
/** The UTC date (`YYYY-MM-DD`) `offset` days from now. */
export const dayFromNow = (offset: number) =>
  new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/** A week of slots of an event type in UTC, `offset` weeks from next week. */
export function slotsWeek(eventTypeId: number, offset = 0): CalSlotsParams {
  return {
    eventTypeId,
    start: dayFromNow(7 + offset * 7),
    end: dayFromNow(13 + offset * 7),
    timeZone: 'UTC',
  };
}
