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
} from '../fake/model.js';
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
