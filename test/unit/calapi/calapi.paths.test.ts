import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import { ME, mockFetch, ok, TOKEN } from './fakeCal.js';

/** The configured bases: a bare origin, a path-prefixed proxy, and a prefix given with Cal.com's /v2. */
const BASES = [
  ['https://api.cal.test', ''],
  ['https://example.test/cal-proxy', '/cal-proxy'],
  ['https://example.test/a/b/v2/', '/a/b'],
] as const;

function setupAt(baseUrl: string) {
  const mock = mockFetch(() => ok(ME));
  const getAccessToken = vi.fn(async () => TOKEN);
  const api = createCalApi({ getAccessToken, baseUrl, fetch: mock.fetch });
  return { ...mock, api, getAccessToken };
}

/**
 * Sends with `send` through an API at `baseUrl`: refused before sending (a TypeError, and nothing
 * sent: `undefined`), or sent once, whatever the fake then answers (the request's URL).
 */
async function sentUrl(
  baseUrl: string,
  send: (api: ReturnType<typeof setupAt>['api']) => Promise<unknown>,
): Promise<string | undefined> {
  const { api, calls } = setupAt(baseUrl);
  const outcome = await send(api).catch((error: unknown) => error);
  if (outcome instanceof TypeError) {
    expect(calls).toEqual([]);
    return undefined;
  }
  expect(calls).toHaveLength(1);
  return calls[0]?.url ?? '';
}

/** Percent-decodes byte by byte, leaving a malformed escape as it is (as a lenient proxy would). */
const decodeOnce = (text: string) =>
  text.replace(/%[\da-f]{2}/gi, (sequence) =>
    String.fromCharCode(Number.parseInt(sequence.slice(1), 16)),
  );

/**
 * Where a URL lands once a proxy or server decodes its path once or twice and parses it again (a
 * decoded `?` or `#` taken as a plain character): every one must stay under `<prefix>/v2/`.
 */
function landings(url: string): string[] {
  const first = new URL(url);
  const seen = [first.pathname];
  let path = first.pathname;
  for (let round = 0; round < 2; round++) {
    path = decodeOnce(path).replace(/[?#]/g, '_');
    seen.push(new URL(path, first.origin).pathname);
  }
  return seen;
}

/** Pieces an attacker would combine: dot segments in every spelling, separators, controls, spaces. */
const piece = fc.constantFrom(
  '.',
  '..',
  '%2e',
  '%2E',
  '.%2e',
  '%2e.',
  '%2E%2e',
  '%252e',
  '%25252e',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '%09',
  '%0a',
  '%00',
  '%',
  '%zz',
  '/',
  '\\',
  '?',
  '#',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u001f',
  '\u007f',
  ' ',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\ufeff',
  'admin',
  'bookings',
  'a%2Fb',
  'e',
  '2',
  '%c0%ae',
  '\uff0e',
);
const paths = fc
  .array(piece, { maxLength: 12 })
  .map((pieces) => `/v2/${pieces.join('')}`)
  .chain((path) => fc.constantFrom(path, path.replace(/^\/v2\//, '/v2/x/')));

describe('paths stay under <base path>/v2/ once parsed', () => {
  it.each([
    ['tab', '/v2/.\t./.\t./admin/export'],
    ['line feed', '/v2/.\n./.\n./admin/export'],
    ['carriage return', '/v2/\r../\r../admin/export'],
    ['a space', '/v2/ ../admin'],
    ['a NUL', '/v2/..\u0000/admin'],
    ['DEL', '/v2/bookings\u007f'],
    ['a no-break space', '/v2/bookings\u00a0'],
    ['a tab in the query', '/v2/bookings?x=\t'],
    ['a doubly encoded dot segment', '/v2/%252e%252e/%252e%252e/admin'],
    ['an encoded control inside a dot segment', '/v2/.%09./.%09./admin'],
  ])('%s is refused with a TypeError and nothing is sent, behind any base', async (_, path) => {
    for (const [baseUrl] of BASES) {
      const { api, spy, getAccessToken } = setupAt(baseUrl);
      await expect(api.fetch(path)).rejects.toThrow(TypeError);
      expect(spy).not.toHaveBeenCalled();
      expect(getAccessToken).not.toHaveBeenCalled();
    }
  });

  it('legitimate paths still go out as given (an encoded slash inside a uid included)', async () => {
    const { api, calls } = setupAt('https://example.test/cal-proxy');
    await api.fetch('/v2/bookings/a%2Fb/cancel?x=1');
    // The fake answers with /v2/me's shape, so the typed calls fail validation: only URLs matter here.
    await api.booking('a/b?c#d').catch(() => {});
    await api.booking('100%').catch(() => {});
    expect(calls.map((call) => call.url)).toEqual([
      'https://example.test/cal-proxy/v2/bookings/a%2Fb/cancel?x=1',
      'https://example.test/cal-proxy/v2/bookings/a%2Fb%3Fc%23d',
      'https://example.test/cal-proxy/v2/bookings/100%25',
    ]);
  });

  it('property: any drawn path is refused with a TypeError and sends nothing, or goes to <base path>/v2/', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BASES), paths, async ([baseUrl, prefix], path) => {
        const url = await sentUrl(baseUrl, (api) => api.fetch(path));
        if (url === undefined) return;
        expect(new URL(url).origin).toBe(new URL(baseUrl).origin);
        for (const pathname of landings(url)) {
          expect(pathname.startsWith(`${prefix}/v2/`), `${url} lands on ${pathname}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: any booking uid stays one segment under /v2/bookings/, or is refused', async () => {
    const uid = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join('')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BASES), uid, async ([baseUrl, prefix], value) => {
        const url = await sentUrl(baseUrl, (api) => api.booking(value));
        if (url === undefined) return;
        expect(new URL(url).pathname).toBe(`${prefix}/v2/bookings/${encodeURIComponent(value)}`);
        for (const pathname of landings(url)) {
          expect(pathname.startsWith(`${prefix}/v2/bookings/`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
