// Shared by .storybook/preview.tsx and the stories: the fake API origin, a fake AISquare JWT and the
// MSW handler sets of `src/testing` bound to that origin; and what several stories do alike (a
// decorator, handler fragments, play steps).
import type { Decorator } from '@storybook/react-vite';
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { createElement } from 'react';
import { expect, userEvent, waitFor, type within } from 'storybook/test';
import type { BookingsProviderProps } from '../src/index.js';
import { FIXTURE_IDENTITY } from '../src/testing/calFixtureUser.js';
import {
  type BookingsHandlersOptions,
  type CalApiHandlersScenario,
  type CalFakeModel,
  createBookingsHandlers,
  createCalApiHandlers,
  createCalFakeModel,
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

/** Lays the story out right to left, as on an Arabic page. */
export const rightToLeft: Decorator = (Story) =>
  createElement('div', { dir: 'rtl', lang: 'ar' }, createElement(Story));

/** A story's `canvas` (Testing Library queries bound to the story's root). */
export type StoryCanvas = ReturnType<typeof within>;

/** Waits until the region named `name` has `data-state="state"`, and returns it. */
export async function regionInState(
  canvas: StoryCanvas,
  name: string,
  state: string,
): Promise<HTMLElement> {
  const region = () => canvas.getByRole('region', { name });
  await waitFor(() => expect(region()).toHaveAttribute('data-state', state));
  return region();
}

/** Waits out a query's retries (1, 2, 4 s) for the "having trouble" error, and returns its alert. */
export async function findServerError(canvas: StoryCanvas): Promise<HTMLElement> {
  const alert = await canvas.findByRole('alert', {}, { timeout: 20_000 });
  await expect(alert).toHaveTextContent('having trouble');
  return alert;
}

/** Waits for the first element under `root` that matches `selector`. */
export async function findBySelector(
  root: () => ParentNode | null | undefined,
  selector: string,
): Promise<HTMLElement> {
  return waitFor(() => {
    const found = root()?.querySelector<HTMLElement>(selector);
    if (!found) throw new Error(`no ${selector} yet`);
    return found;
  });
}

/** In a slot picker's month (under `root`), clicks the first day that has free times. */
export async function clickFirstDayWithTimes(root: ParentNode | null | undefined): Promise<void> {
  const day = root?.querySelector<HTMLElement>(
    '[role="gridcell"][data-available="true"]:not([aria-disabled="true"])',
  );
  if (!day) throw new Error('no day with times');
  await userEvent.click(day);
}

/** Provider props a story may set through `parameters.bookings`. */
export type StoryProviderProps = Partial<Omit<BookingsProviderProps, 'children'>>;

// --- Cal.com stories (CalBookingsList; the booking flow's stories may use it too) -----------------

/** The AISquare user `bookingsHandlers({ model })` integrates into a shared Cal.com model. */
export const STORY_CAL_SUB = FIXTURE_IDENTITY.sub;

export interface CalStoryWorld {
  model: CalFakeModel;
  sub: string;
  at: (ms: number, run: () => void) => void;
}

export interface CalStoryOptions {
  /** How the Cal.com fake behaves (`createCalApiHandlers`' scenarios). @default 'ready' */
  scenario?: CalApiHandlersScenario;
  /** Milliseconds every Cal.com answer waits. @default 0 */
  delayMs?: number;
  /**
   * Arranges the model before the story renders (the story user is already integrated); `at(ms, run)`
   * runs `run` with the model's clock at `ms`, e.g. to make bookings that are past by now.
   */
  seed?: (world: CalStoryWorld) => void;
}

/**
 * The AISquare handlers and the Cal.com API v2 handlers over one new `CalFakeModel` (the token the
 * first issue is the one the second accept; the config's `cal_api_url` is where the second answer).
 * Stateful: give it to a story through `freshHandlers(() => calHandlers(...))`.
 */
export function calHandlers(options: CalStoryOptions = {}): HttpHandler[] {
  let shift = 0;
  const model = createCalFakeModel({ now: () => Date.now() + shift });
  const handlers = bookingsHandlers({ model });
  options.seed?.({
    model,
    sub: STORY_CAL_SUB,
    at(ms, run) {
      shift = ms - Date.now();
      try {
        run();
      } finally {
        shift = 0;
      }
    },
  });
  return [
    ...handlers,
    ...createCalApiHandlers({
      model,
      ...(options.scenario ? { scenario: options.scenario } : {}),
      ...(options.delayMs ? { delayMs: options.delayMs } : {}),
    }),
  ];
}

/** `freshHandlers(() => calHandlers(options))`: a new Cal.com world before every render. */
export function freshCalHandlers(options: CalStoryOptions = {}) {
  return freshHandlers(() => calHandlers(options));
}

/**
 * Books `count` slots of the user's event type `slug` (every third free slot from the model's now),
 * one attendee each, named by `name`. Returns the bookings' uids.
 */
export function seedCalBookings(
  { model, sub }: Pick<CalStoryWorld, 'model' | 'sub'>,
  {
    count,
    name = (index: number) => `Guest ${index + 1}`,
    slug = '30min',
  }: { count: number; name?: (index: number) => string; slug?: string },
): string[] {
  const type = model.eventTypes(sub).find((candidate) => candidate.slug === slug);
  if (!type) throw new Error(`seedCalBookings: no "${slug}" event type`);
  const from = model.now();
  const slots = model.slots(type.id, from, from + 28 * 86_400_000);
  return Array.from({ length: count }, (_, index) => {
    const slot = slots[index * 3];
    if (!slot) throw new Error('seedCalBookings: not enough free slots');
    const made = model.createBooking({
      eventTypeId: type.id,
      start: slot.start,
      attendee: {
        name: name(index),
        email: `guest${index + 1}@example.com`,
        timeZone: 'Europe/Paris',
      },
    });
    if (!made.ok) throw new Error(made.failure.message);
    return made.booking.uid;
  });
}
