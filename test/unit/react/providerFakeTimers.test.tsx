import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCalToken } from '../../../src/index.js';
import { createFakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { TokenStatus } from '../../helpers/probes.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

// The provider's refreshes as a host's test sees them, under the fake timers hosts use: Vitest 3+
// and Jest fake performance.now() too, Vitest 2's default list does not, legacy timers fake neither
// it nor Date.
type ToFake = NonNullable<NonNullable<Parameters<typeof vi.useFakeTimers>[0]>['toFake']>;
const TIMERS: ToFake = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];
const TTL_SECONDS = 600;

afterEach(() => {
  vi.useRealTimers();
});

function AccessToken() {
  const { token } = useCalToken();
  return <p data-testid="access">{token?.accessToken ?? 'none'}</p>;
}

describe.each<[string, ToFake]>([
  ["with 'performance' in toFake", [...TIMERS, 'Date', 'performance']],
  ["without 'performance' (Vitest 2's default list)", [...TIMERS, 'Date']],
  ['with timers only (Date and performance real)', TIMERS],
])('BookingsProvider under fake timers %s', (_name, toFake) => {
  it('requests a new token before each one expires, and shows it', async () => {
    vi.useFakeTimers({ toFake });
    const api = createFakeApi({ tokenTtlSeconds: TTL_SECONDS });
    const view = renderWithProviders(
      <>
        <TokenStatus />
        <AccessToken />
      </>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), crossTab: false } },
    );
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByTestId('token')).toHaveTextContent('ready:existing');
    expect(api.counts.token).toBe(1);
    for (let lifetime = 1; lifetime <= 4; lifetime += 1) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(TTL_SECONDS * 1000);
      });
      expect(api.counts.token).toBe(1 + lifetime);
      expect(screen.getByTestId('token')).toHaveTextContent('ready:existing');
      expect(screen.getByTestId('access')).toHaveTextContent(api.issued.at(-1)!);
    }
    view.unmount();
    view.queryClient.clear();
  });
});
