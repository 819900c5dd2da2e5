import { waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { CalWorld } from './calWorld.js';

/**
 * The first Cal.com slots request. A slot picker asks after it mounts, through the token, so the
 * request can come after the state a test waits for: this waits for the request itself.
 */
export function firstSlotsCall(world: Pick<CalWorld, 'calls'>): Promise<URL | undefined> {
  return waitFor(() => {
    const call = world.calls.find((url) => url.pathname === '/v2/slots');
    expect(call).toBeDefined();
    return call;
  });
}
