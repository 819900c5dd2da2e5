import { vi } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import type { CalApiOptions } from '../../../src/calapi/types.js';
import { json, mockFetch, type RecordedCall } from '../client/fetchMock.js';

export { hangingFetch, json, mockFetch, rejectionOf } from '../client/fetchMock.js';

export const CAL = 'https://api.cal.test';
export const TOKEN = 'cal-token-1';

export const ME = {
  id: 7,
  username: 'ada',
  email: 'ada@example.test',
  name: 'Ada',
  timeZone: 'Europe/London',
  weekStart: 'Monday',
  timeFormat: 24,
  defaultScheduleId: 3,
};

export const EVENT_TYPE = { id: 11, title: '30 min', slug: 'thirty', lengthInMinutes: 30 };

export const BOOKING = {
  id: 101,
  uid: 'bk-1',
  title: '30 min between Ada and Bob',
  status: 'accepted',
  start: '2030-01-07T09:00:00.000Z',
  end: '2030-01-07T09:30:00.000Z',
  duration: 30,
  eventTypeId: 11,
  attendees: [{ name: 'Bob', email: 'bob@example.test', timeZone: 'Europe/London' }],
  createdAt: '2030-01-01T00:00:00.000Z',
};

export const PAGINATION = {
  totalItems: 1,
  remainingItems: 0,
  returnedItems: 1,
  itemsPerPage: 10,
  currentPage: 1,
  totalPages: 1,
  hasNextPage: false,
  hasPreviousPage: false,
};

/** Cal.com's success envelope. */
export const ok = (data: unknown, extra: Record<string, unknown> = {}, status = 200) =>
  json({ status: 'success', data, ...extra }, status);

/** Cal.com's error envelope, with an `X-Request-Id`. */
export const calError = (
  status: number,
  code: string,
  message = 'Something went wrong',
  headers: Record<string, string> = {},
) =>
  json(
    {
      status: 'error',
      timestamp: '2030-01-01T00:00:00.000Z',
      path: '/v2/bookings',
      error: { code, message },
    },
    status,
    { 'x-request-id': 'req-42', ...headers },
  );

/** A Cal API over a recording fake fetch, with a token getter spy. */
export function setup(
  respond: (call: RecordedCall) => Response | Promise<Response>,
  options: Partial<CalApiOptions> = {},
) {
  const mock = mockFetch(respond);
  const getAccessToken = vi.fn(async (_options?: { forceRefresh?: boolean }) => TOKEN);
  const api = createCalApi({ getAccessToken, baseUrl: CAL, fetch: mock.fetch, ...options });
  return { ...mock, api, getAccessToken };
}
