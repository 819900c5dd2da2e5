/**
 * `@aisquare/bookings-react/testing`: MSW handlers and fixtures that behave like AISquare's bookings
 * API, for host apps' tests and for Storybook. Requires the optional peer dependency `msw`.
 *
 * @module
 */
export {
  type BookingsHandlersOptions,
  type BookingsHandlersScenario,
  createBookingsHandlers,
  DEFAULT_SLOW_DELAY_MS,
} from './createBookingsHandlers.js';
export {
  calConfigFixture,
  calUserFixture,
  createCalTokenFixture,
  FAKE_CAL_ACCESS_TOKEN,
  FIXTURE_CAL_CLIENT_ID,
} from './fixtures.js';
