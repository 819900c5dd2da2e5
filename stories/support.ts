// Shared by .storybook/preview.tsx and the stories: the fake API origin, a fake AISquare JWT and the
// MSW handler sets of `src/testing` bound to that origin.
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import type { BookingsProviderProps } from '../src/react/index.js';
import {
  type BookingsHandlersOptions,
  createBookingsHandlers,
  createCalTokenFixture,
} from '../src/testing/index.js';

/** The AISquare origin every story's provider talks to; only MSW answers it. */
export const STORY_BASE_URL = 'https://api.aisquare.test';

export const STORY_URLS = {
  config: `${STORY_BASE_URL}/api/v1/bookings/config/`,
  token: `${STORY_BASE_URL}/api/v1/bookings/token/refresh/`,
  user: `${STORY_BASE_URL}/api/v1/bookings/user/`,
} as const;

/** An unsigned, JWT-shaped string: the provider reads its `sub` as the identity, MSW accepts any. */
export function storyJwt(sub = 'storybook-user'): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub, name: 'Ada Lovelace' })}.storybook`;
}

/** `createBookingsHandlers` for the stories' origin. Each call is a new handler set with fresh state. */
export function bookingsHandlers(
  options: Omit<BookingsHandlersOptions, 'baseUrl'> = {},
): HttpHandler[] {
  return createBookingsHandlers({ baseUrl: STORY_BASE_URL, ...options });
}

/**
 * A story fragment that installs a *new* handler set before every render (`beforeEach` runs after
 * msw-storybook-addon's loader has reset the worker and applied `parameters.msw`). Use it for
 * stateful scenarios: a `notConnected` set remembers that it integrated the user, so a set created
 * once at module load would be "connected" the second time the story renders.
 */
export function freshHandlers(create: () => HttpHandler[]) {
  return {
    beforeEach(context: object) {
      // `context.msw` is the worker msw-storybook-addon's loader put there.
      (context as { msw: SetupWorker }).msw.use(...create());
    },
  };
}

/**
 * Handlers whose first token answer is quick and short-lived and whose later token requests never
 * answer: the provider refreshes after about a second and then stays `refreshing`.
 */
export function stuckRefreshHandlers(): HttpHandler[] {
  let calls = 0;
  return [
    http.post(STORY_URLS.token, async () => {
      calls += 1;
      if (calls > 1) await delay('infinite');
      // Longer than the 5 s between token requests, so the stuck refresh starts while the token is valid.
      return HttpResponse.json(createCalTokenFixture({ expires_in: 8 }));
    }),
    ...bookingsHandlers(),
  ];
}

/** Provider props a story may set through `parameters.bookings`. */
export type StoryProviderProps = Partial<Omit<BookingsProviderProps, 'children'>>;
