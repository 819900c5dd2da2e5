export { ENDPOINT_PATHS } from './routes.js';
export { startSandbox } from './startSandbox.js';
export type {
  IssueJwtOptions,
  Sandbox,
  SandboxCounts,
  SandboxEndpoint,
  SandboxFault,
  SandboxOptions,
} from './types.js';
