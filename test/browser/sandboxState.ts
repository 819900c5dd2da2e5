import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';

// The sandbox the global setup starts, for the tests (its URL, through `provide`) and for the browser
// commands. Both run in the Vitest process but are loaded separately (the config file is bundled on
// its own), and Vitest runs the global setup once per project (the browser project and its chromium
// instance), so they meet on `globalThis` and share one reference-counted sandbox.
const KEY = Symbol.for('@aisquare/bookings-react/browser-test-sandbox');

interface Shared {
  sandbox: Promise<Sandbox>;
  users: number;
}

type WithShared = typeof globalThis & { [KEY]?: Shared };

/** Starts the shared sandbox, or joins it; release it with the returned function. */
export async function acquireSandbox(): Promise<{
  sandbox: Sandbox;
  release: () => Promise<void>;
}> {
  const scope = globalThis as WithShared;
  const shared = scope[KEY] ?? { sandbox: startSandbox({ host: '127.0.0.1', port: 0 }), users: 0 };
  scope[KEY] = shared;
  shared.users += 1;
  const sandbox = await shared.sandbox;
  let released = false;
  return {
    sandbox,
    async release() {
      if (released) return;
      released = true;
      shared.users -= 1;
      if (shared.users > 0) return;
      if (scope[KEY] === shared) delete scope[KEY];
      await sandbox.close();
    },
  };
}

/** The running shared sandbox, for the browser commands. */
export async function sharedSandbox(): Promise<Sandbox> {
  const shared = (globalThis as WithShared)[KEY];
  if (!shared) {
    throw new Error('The browser tests need the sandbox that test/browser/globalSetup.ts starts.');
  }
  return shared.sandbox;
}
