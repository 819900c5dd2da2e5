// @vitest-environment node
import { afterEach, expect, it, vi } from 'vitest';
import { CalConnectButton, CalTokenGate, CalTokenStatus, CalUserCard } from '../../../src/index.js';
import { renderOnServer } from '../../helpers/serverRender.js';

afterEach(() => {
  vi.useRealTimers();
});

it('every component renders on the server with no fetch and no timer', () => {
  const { html, fetchSpy } = renderOnServer(
    <>
      <CalUserCard />
      <CalConnectButton />
      <CalTokenStatus />
      <CalTokenGate fallback={<p>no token</p>}>secret content</CalTokenGate>
    </>,
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
