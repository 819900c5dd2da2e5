import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CalBookingConfirmation } from '../../../src/components/booking/CalBookingConfirmation.js';
import { CalBookingForm } from '../../../src/components/booking/CalBookingForm.js';
import { useCalBookingFlow } from '../../../src/react/useCalBookingFlow.js';
import { useCalSlots } from '../../../src/react/useCalSlots.js';
import { bookerWorld, chooseTime, renderBooker } from '../../helpers/bookerWorld.js';
import { CAL } from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

// The form's and the confirmation's own tests, again with the process in this project's zone: their
// expectations name explicit zones, so the process's zone must not show through anywhere.
import '../components/booking/CalBookingConfirmation.test.js';
import '../components/booking/CalBookingForm.test.js';

// Run by the `tz-la` and `tz-kolkata` projects.
const ZONE = process.env.TZ ?? '';
const ZONE_NAMES: Record<string, RegExp> = {
  'America/Los_Angeles': /^Pacific (Standard|Daylight) Time \(America\/Los_Angeles\)$/,
  'Asia/Kolkata': /^India Standard Time \(Asia\/(Kolkata|Calcutta)\)$/,
};
// ICU (Node, Chrome) reports Kolkata by its older IANA name; both name the same zone.
const ALIASES: Record<string, string[]> = {
  'America/Los_Angeles': ['America/Los_Angeles'],
  'Asia/Kolkata': ['Asia/Kolkata', 'Asia/Calcutta'],
};
const VIEWER = Intl.DateTimeFormat().resolvedOptions().timeZone;

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * "1:30 – 2:00 PM" for a 30-minute meeting, from the process's own local clock (`Date#getHours`),
 * independent of `Intl`'s zone handling (both ends in the same half of the day here).
 */
function localRange(ms: number): string {
  const clock = (date: Date) =>
    `${date.getHours() % 12 || 12}:${String(date.getMinutes()).padStart(2, '0')}`;
  const start = new Date(ms);
  return `${clock(start)} – ${clock(new Date(ms + 30 * 60_000))} ${start.getHours() < 12 ? 'AM' : 'PM'}`;
}

describe(`the booking flow with the process in ${ZONE}`, () => {
  it('runs in one of the two zones, and the viewer’s zone is the process’s', () => {
    expect(Object.keys(ZONE_NAMES)).toContain(ZONE);
    expect(ALIASES[ZONE]).toContain(VIEWER);
  });

  it('CalBooker in the viewer’s zone: a booking made at a displayed time lands at that instant', async () => {
    const { world, id } = bookerWorld('Europe/London');
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('30min') });
    const time = await chooseTime(user);
    // The picker asked Cal.com in the viewer's zone and labels the time in it.
    const asked = world.calls.find((url) => url.pathname === '/v2/slots');
    expect(asked?.searchParams.get('timeZone')).toBe(VIEWER);
    const instant = Date.parse(time.start);
    const hour12 = !/^\d\d:\d\d$/.test(time.label);
    const label = new Intl.DateTimeFormat('en', {
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: hour12 ? 'h12' : 'h23',
      timeZone: ZONE,
    }).format(instant);
    expect(time.label).toBe(label);

    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Bob');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    const [made] = world.model.bookings('alice');
    expect(made?.start).toBe(instant);
    expect(made?.attendee.timeZone).toBe(VIEWER);
    const mine = root()?.querySelector(`[data-zone="${VIEWER}"]`);
    expect(text(mine?.querySelector('.aisq-booking-confirmation__zone'))).toMatch(
      ZONE_NAMES[ZONE] ?? /never/,
    );
    expect(text(mine)).toContain(time.label);
  });

  it('an unknown timeZone prop: the viewer’s zone for the slots, the summary and the booking, one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { world, id } = bookerWorld('Europe/London');
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('30min'), timeZone: 'Mars/Olympus' });
    await chooseTime(user);
    expect(
      world.calls.find((url) => url.pathname === '/v2/slots')?.searchParams.get('timeZone'),
    ).toBe(VIEWER);
    expect(root()?.querySelector('.aisq-booker__when')).toHaveAttribute('data-zone', VIEWER);
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Bob');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(world.model.bookings('alice')[0]?.attendee.timeZone).toBe(VIEWER);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('Mars/Olympus');
  });

  /** The flow's hook with the form and the confirmation, over a range that crosses London's DST change. */
  function Harness(): ReactNode {
    const flow = useCalBookingFlow({ eventTypeId: 2 });
    const slots = useCalSlots(
      flow.slotsParams && { ...flow.slotsParams, start: '2027-03-24', end: '2027-04-01' },
      { prefetchNextRange: false },
    );
    if (flow.state.step === 'confirmed') {
      return <CalBookingConfirmation booking={flow.state.booking} timeZone={flow.timeZone} />;
    }
    if (flow.step === 'details' || flow.step === 'submitting') {
      return (
        <CalBookingForm
          eventType={flow.eventType}
          onSubmit={flow.submit}
          submitting={flow.step === 'submitting'}
        />
      );
    }
    return (
      <ul aria-label="slots" data-zone={flow.timeZone}>
        {Object.values(slots.data ?? {})
          .flat()
          .map((slot) => (
            <li key={slot.start}>
              <button type="button" data-start={slot.start} onClick={() => flow.selectSlot(slot)}>
                {slot.start}
              </button>
            </li>
          ))}
      </ul>
    );
  }

  it.each([
    // 09:00 in London on the Friday before the clocks go forward (GMT) and the Monday after (BST).
    ['before', Date.UTC(2027, 2, 26, 9, 0), 'Friday, March 26, 2027', 'Greenwich Mean Time'],
    ['after', Date.UTC(2027, 2, 29, 8, 0), 'Monday, March 29, 2027', 'British Summer Time'],
  ])(
    'across a DST change (%s): form and confirmation show the instant in the viewer’s and the host’s zone',
    async (_when, instant, londonDay, londonZone) => {
      const { world, id } = bookerWorld('Europe/London');
      expect(id('30min')).toBe(2);
      const user = userEvent.setup();
      const { container } = renderWithProviders(<Harness />, {
        provider: { jwt: fakeJwt('alice'), fetch: world.fetch, calApiUrl: CAL },
      });
      const slot = await waitFor(() => {
        const found = [...container.querySelectorAll<HTMLElement>('[data-start]')].find(
          (button) => Date.parse(button.dataset.start ?? '') === instant,
        );
        if (!found) throw new Error('slot not shown yet');
        return found;
      });
      await user.click(slot);
      await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
      await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
      await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
      await screen.findByRole('heading', { name: 'Your meeting is booked' });
      expect(world.model.bookings('alice')[0]?.start).toBe(instant);

      // The viewer's time agrees with the process's own clock, and names its zone.
      const viewer = container.querySelector(`[data-zone="${VIEWER}"]`);
      expect(text(viewer)).toContain(localRange(instant));
      expect(text(viewer?.querySelector('.aisq-booking-confirmation__zone'))).toMatch(
        ZONE_NAMES[ZONE] ?? /never/,
      );
      // The host's wall clock stays at 09:00 across the change; only the zone's name differs. The
      // host's name is bidi-isolated (FSI, PDI).
      expect(text(container.querySelector('[data-zone="Europe/London"]'))).toBe(
        `\u2068Alice\u2069's time: ${londonDay}, 9:00 – 9:30 AM ${londonZone} (Europe/London)`,
      );
    },
  );
});
