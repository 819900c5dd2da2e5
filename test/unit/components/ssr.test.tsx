// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import {
  BookingsProvider,
  CalConnectButton,
  CalTokenGate,
  CalTokenStatus,
  CalUserCard,
} from '../../../src/index.js';

afterEach(() => {
  vi.useRealTimers();
});

it('every component renders on the server with no fetch and no timer', () => {
  vi.useFakeTimers();
  const fetchSpy = vi.fn<typeof fetch>();
  const html = renderToString(
    <BookingsProvider baseUrl="https://api.test" fetch={fetchSpy} getAuthToken={() => 'a.b.c'}>
      <CalUserCard />
      <CalConnectButton />
      <CalTokenStatus />
      <CalTokenGate fallback={<p>no token</p>}>secret content</CalTokenGate>
    </BookingsProvider>,
  );
  expect(html).toContain('class="aisq-user-card"');
  expect(html).toContain('data-state="loading"');
  expect(html).toContain('Connect Cal.com');
  expect(html).toMatch(/class="aisq-token-status" data-state="idle"/);
  expect(html).toContain('no token');
  expect(html).not.toContain('secret content');
  expect(fetchSpy).not.toHaveBeenCalled();
  expect(vi.getTimerCount()).toBe(0);
});
