import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/index.js';

export interface SandboxFixture {
  /** The file's shared sandbox, reset before every test. */
  readonly sandbox: Sandbox;
  /** A sandbox for one test only (other options); closed after that test. */
  startExtra(options?: SandboxOptions): Promise<Sandbox>;
}

/** Registers the hooks that give an integration test file a real sandbox on 127.0.0.1. */
export function withSandbox(): SandboxFixture {
  let shared: Sandbox | undefined;
  const extra: Sandbox[] = [];
  beforeAll(async () => {
    shared = await startSandbox();
  });
  afterAll(async () => {
    await shared?.close();
  });
  beforeEach(() => {
    shared?.reset();
  });
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((started) => started.close()));
  });
  return {
    get sandbox() {
      if (!shared) throw new Error('the sandbox starts in beforeAll');
      return shared;
    },
    async startExtra(options) {
      const started = await startSandbox(options);
      extra.push(started);
      return started;
    },
  };
}
