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

/** The Cal.com bookings of an AISquare user in the sandbox's model: what the walk-through checks. */
export interface SandboxCalBooking {
  uid: string;
  status: string;
  start: string;
  end: string;
  title: string;
  attendeeName: string;
  attendeeTimeZone: string;
  cancellationReason: string | undefined;
  rescheduledToUid: string | undefined;
}

const sandboxCalBookings: BrowserCommand<[sub: string]> = async (
  _context,
  sub,
): Promise<SandboxCalBooking[]> =>
  (await sharedSandbox()).calModel.bookings(sub).map((booking) => ({
    uid: booking.uid,
    status: booking.status,
    start: new Date(booking.start).toISOString(),
    end: new Date(booking.end).toISOString(),
    title: booking.title,
    attendeeName: booking.attendee.name,
    attendeeTimeZone: booking.attendee.timeZone,
    cancellationReason: booking.cancellationReason,
    rescheduledToUid: booking.rescheduledToUid,
  }));

/** Integrates an AISquare user in the sandbox's Cal.com (a host a visitor books): its username. */
const sandboxIntegrate: BrowserCommand<[sub: string]> = async (_context, sub) =>
  (await sharedSandbox()).calModel.integrate({ sub }).user.username;

export const sandboxCommands = {
  sandboxIntegrate,
  sandboxIssueJwt,
  sandboxCounts,
  sandboxReset,
  sandboxFailNext,
  sandboxSetTokenTtl,
  sandboxSetLatency,
  sandboxCalBookings,
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
    sandboxCalBookings: (sub: string) => Promise<SandboxCalBooking[]>;
    sandboxIntegrate: (sub: string) => Promise<string>;
  }
}

declare module 'vitest' {
  interface ProvidedContext {
    /** Base URL of the sandbox the global setup started, e.g. `http://127.0.0.1:40123`. */
    sandboxUrl: string;
    /** Whether the walk-through writes its screenshots to docs/images (`UPDATE_DOCS_IMAGES=1`). */
    updateDocsImages: boolean;
  }
}
