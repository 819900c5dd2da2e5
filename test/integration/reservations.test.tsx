// @vitest-environment jsdom
// The booking flow holds the chosen time at the sandbox over real HTTP: another booker (a visitor
// without a token) is no longer offered it while the form is open, and is again after Back.
import { renderHook, waitFor } from '@testing-library/react';
import { act, type ReactNode, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { createCalApi } from '../../src/calapi/createCalApi.js';
import { BookingsProvider } from '../../src/index.js';
import { shownStarts, useFlowWithSlots } from '../helpers/flowWorld.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

describe('reservations against the sandbox', () => {
  it('a time held by the form leaves another booker’s slots, and comes back after Back', async () => {
    const { sandbox } = fixture;
    const jwt = await sandbox.issueJwt('holder');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <BookingsProvider baseUrl={sandbox.url} jwt={jwt} crossTab={false}>
          {children}
        </BookingsProvider>
      </StrictMode>
    );
    const { result, unmount } = renderHook(() => useFlowWithSlots({}), { wrapper });
    await waitFor(() => expect(result.current.flow.eventTypes.isSuccess).toBe(true), {
      timeout: 5_000,
    });
    const type = result.current.flow.eventTypes.data!.find((t) => t.slug === '30min')!;
    act(() => result.current.flow.selectEventType(type));
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true), { timeout: 5_000 });
    const slot = Object.values(result.current.slots.data!).flat()[0]!;

    // Another booker: no token at all, the calls a public booking page makes.
    const visitor = createCalApi({
      getAccessToken: async () => '',
      peekAccessToken: () => undefined,
      baseUrl: `${sandbox.url}`,
    });
    const offered = async () =>
      Object.values(
        await visitor.slots({ eventTypeId: type.id, start: day(1), end: day(14), timeZone: 'UTC' }),
      )
        .flat()
        .map((s) => Date.parse(s.start));
    expect(await offered()).toContain(Date.parse(slot.start));

    act(() => result.current.flow.selectSlot(slot));
    await waitFor(() => expect(result.current.flow.reservation.status).toBe('held'), {
      timeout: 5_000,
    });
    expect(await offered()).not.toContain(Date.parse(slot.start));
    expect(sandbox.calModel.liveReservations()).toHaveLength(1);

    act(() => result.current.flow.back());
    await waitFor(() => expect(sandbox.calModel.liveReservations()).toHaveLength(0), {
      timeout: 5_000,
    });
    expect(await offered()).toContain(Date.parse(slot.start));
    // The form's own slots refetched with the freed time.
    await waitFor(() => expect(shownStarts(result.current.slots.data)).toContain(slot.start));
    expect(sandbox.counts()['cal.reserveSlot']).toBe(1);
    expect(sandbox.counts()['cal.deleteReservation']).toBe(1);
    unmount();
  });
});
