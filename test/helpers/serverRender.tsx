import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { vi } from 'vitest';
import { BookingsProvider } from '../../src/index.js';

/**
 * Renders `ui` to HTML as a server would, under a provider with a JWT and a spy for `fetch`, with
 * fake timers on (the test's `afterEach` turns them off), so it can check that nothing was started.
 */
export function renderOnServer(ui: ReactNode) {
  vi.useFakeTimers();
  const fetchSpy = vi.fn<typeof fetch>();
  const html = renderToString(
    <BookingsProvider baseUrl="https://api.test" fetch={fetchSpy} getAuthToken={() => 'a.b.c'}>
      {ui}
    </BookingsProvider>,
  );
  return { html, fetchSpy };
}
