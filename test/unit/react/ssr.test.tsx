// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import { BookingsProvider, useCalConfig, useCalToken, useCalUser } from '../../../src/index.js';

afterEach(() => {
  vi.useRealTimers();
});

function Everything() {
  const token = useCalToken();
  const user = useCalUser();
  const config = useCalConfig();
  return (
    <p>
      {token.status}/{user.status}/{config.status}
    </p>
  );
}

it('renderToString starts no fetch and no timer', () => {
  vi.useFakeTimers();
  const fetchSpy = vi.fn<typeof fetch>();
  const html = renderToString(
    <BookingsProvider baseUrl="https://api.test" fetch={fetchSpy} getAuthToken={() => 'a.b.c'}>
      <Everything />
    </BookingsProvider>,
  );
  expect(html.replace(/<!-- -->/g, '')).toContain('idle/pending/pending');
  expect(fetchSpy).not.toHaveBeenCalled();
  expect(vi.getTimerCount()).toBe(0);
});
