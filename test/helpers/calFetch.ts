/** A Cal.com answer as the tests read it: the status, the headers and the JSON body. */
export interface CalAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read JSON bodies loosely
  body: any;
}

/** The `cal-api-version` of each path family (`/v2/<family>/...`) that needs one. */
const VERSION: Record<string, string> = {
  slots: '2024-09-04',
  bookings: '2024-08-13',
  'event-types': '2024-06-14',
};

export async function calAnswer(response: Response): Promise<CalAnswer> {
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/**
 * Calls the Cal.com API at `base` as the library does: the bearer `token` (none when `undefined`),
 * the path's `cal-api-version`, a JSON body; `init.headers` last, to override any of them.
 */
export function calFetch(
  base: string,
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<CalAnswer> {
  const family = path.split(/[/?]/)[2] ?? '';
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (VERSION[family] !== undefined) headers['cal-api-version'] = VERSION[family];
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, init.headers);
  return fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  }).then(calAnswer);
}
