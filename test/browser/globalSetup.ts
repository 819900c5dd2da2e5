import type { TestProject } from 'vitest/node';
import { acquireSandbox } from './sandboxState.js';

/** Starts the real sandbox on 127.0.0.1 (a free port) for the browser tests, which call it over HTTP. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { sandbox, release } = await acquireSandbox();
  project.provide('sandboxUrl', sandbox.url);
  return release;
}
