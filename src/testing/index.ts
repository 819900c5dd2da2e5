/**
 * `@aisquare/bookings-react/testing`: MSW handlers and fixtures that behave like AISquare's bookings
 * API and Cal.com API v2, for host apps' tests and for Storybook. The Cal.com handlers run the same
 * in-memory model as the sandbox (`createCalFakeModel`). Requires the optional peer dependency `msw`.
 *
 * @module
 */
export type { CalEndpoint } from '../fake/handle.js';
export {
  type CalFakeAttendee,
  type CalFakeAvailability,
  type CalFakeBooking,
  type CalFakeBookingField,
  type CalFakeBookingStatus,
  type CalFakeEventType,
  type CalFakeIdentity,
  type CalFakeModel,
  type CalFakeModelOptions,
  type CalFakeUser,
  createCalFakeModel,
} from '../fake/model.js';
export {
  type BookingsHandlersOptions,
  type BookingsHandlersScenario,
  createBookingsHandlers,
  DEFAULT_SLOW_DELAY_MS,
} from './createBookingsHandlers.js';
export {
  CAL_SLOT_TAKEN_MESSAGE,
  type CalApiHandlersOptions,
  type CalApiHandlersScenario,
  createCalApiHandlers,
} from './createCalApiHandlers.js';
export {
  calConfigFixture,
  calUserFixture,
  createCalTokenFixture,
  FAKE_CAL_ACCESS_TOKEN,
  FIXTURE_CAL_CLIENT_ID,
} from './fixtures.js';
