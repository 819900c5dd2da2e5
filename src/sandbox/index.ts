export type {
  CalFakeAttendee,
  CalFakeAvailability,
  CalFakeBooking,
  CalFakeBookingField,
  CalFakeBookingStatus,
  CalFakeEventType,
  CalFakeIdentity,
  CalFakeModel,
  CalFakeModelOptions,
  CalFakeUser,
} from './cal/model.js';
export { ENDPOINT_PATHS } from './routes.js';
export { startSandbox } from './startSandbox.js';
export type {
  CalEndpoint,
  IssueJwtOptions,
  Sandbox,
  SandboxAisquareEndpoint,
  SandboxCounts,
  SandboxEndpoint,
  SandboxFault,
  SandboxOptions,
} from './types.js';
