import type { BrowserCommand } from 'vitest/node';
import type {
  IssueJwtOptions,
  SandboxCounts,
  SandboxEndpoint,
  SandboxFault,
} from '../../src/sandbox/index.js';
import { sharedSandbox } from './sandboxState.js';

// Browser commands: the tests call them from Chromium (`commands` from 'vitest/browser') and they run
// here, in the Vitest process, against the sandbox the global setup started.

const sandboxIssueJwt: BrowserCommand<[userId: string, options?: IssueJwtOptions]> = async (
  _context,
  userId,
  options,
) => (await sharedSandbox()).issueJwt(userId, options);

const sandboxCounts: BrowserCommand<[]> = async (): Promise<SandboxCounts> =>
  (await sharedSandbox()).counts();

const sandboxReset: BrowserCommand<[]> = async () => {
  (await sharedSandbox()).reset();
};

const sandboxFailNext: BrowserCommand<
  [endpoint: SandboxEndpoint, fault: SandboxFault, times?: number]
> = async (_context, endpoint, fault, times) => {
  (await sharedSandbox()).failNext(endpoint, fault, times);
};

const sandboxSetTokenTtl: BrowserCommand<[seconds: number]> = async (_context, seconds) => {
  (await sharedSandbox()).setTokenTtl(seconds);
};

const sandboxSetLatency: BrowserCommand<[ms: number]> = async (_context, ms) => {
  (await sharedSandbox()).setLatency(ms);
};

export const sandboxCommands = {
  sandboxIssueJwt,
  sandboxCounts,
  sandboxReset,
  sandboxFailNext,
  sandboxSetTokenTtl,
  sandboxSetLatency,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    sandboxIssueJwt: (userId: string, options?: IssueJwtOptions) => Promise<string>;
    sandboxCounts: () => Promise<SandboxCounts>;
    sandboxReset: () => Promise<void>;
    sandboxFailNext: (
      endpoint: SandboxEndpoint,
      fault: SandboxFault,
      times?: number,
    ) => Promise<void>;
    sandboxSetTokenTtl: (seconds: number) => Promise<void>;
    sandboxSetLatency: (ms: number) => Promise<void>;
  }
}

declare module 'vitest' {
  interface ProvidedContext {
    /** Base URL of the sandbox the global setup started, e.g. `http://127.0.0.1:40123`. */
    sandboxUrl: string;
  }
}
