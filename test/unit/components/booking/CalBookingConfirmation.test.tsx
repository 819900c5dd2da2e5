import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CalBooking } from '../../../../src/calapi/types.js';
import { CalBooker } from '../../../../src/components/booking/CalBooker.js';
import { CalBookingConfirmation } from '../../../../src/components/booking/CalBookingConfirmation.js';
import { chooseTime } from '../../../helpers/bookerWorld.js';
import { MONDAY_MEETING } from '../../../helpers/bookingFixture.js';
import { createCalWorld } from '../../../helpers/calWorld.js';
import { fakeJwt } from '../../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../../helpers/renderWithProviders.js';

// The Monday after the UK's clocks went forward (28 March 2027): 09:00 BST.
const booking: CalBooking = MONDAY_MEETING;

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ');

describe('CalBookingConfirmation', () => {
  it('a pending booking: "Request sent, waiting for the host to confirm", a tentative .ics; a seat says so', () => {
    const { container } = renderWithProviders(
      <CalBookingConfirmation booking={{ ...booking, status: 'pending', seatUid: 'seat-1' }} />,
      { provider: { enabled: false } },
    );
    const root = container.querySelector('.aisq-booking-confirmation');
    expect(root).toHaveAttribute('data-state', 'pending');
    expect(root).toHaveAttribute('data-seat', '');
    expect(
      screen.getByRole('region', { name: 'Request sent, waiting for the host to confirm' }),
    ).toBe(root);
    expect(screen.queryByText(/is booked/)).toBeNull();
    expect(screen.getByText('You have a seat at this event.')).toBeInTheDocument();
    const ics = screen.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href');
    expect(decodeURIComponent(ics ?? '')).toContain('STATUS:TENTATIVE');
  });

  it('what, when in the attendee’s and the host’s zone with their names, where, who', () => {
    const { container } = renderWithProviders(<CalBookingConfirmation booking={booking} />, {
      provider: { enabled: false },
    });
    const root = container.querySelector('.aisq-booking-confirmation');
    expect(root).toHaveAttribute('data-state', 'booked');
    expect(screen.getByRole('region', { name: 'Your meeting is booked' })).toBe(root);
    expect(screen.getByText('30 Minute Meeting between Alice and Bob')).toBeInTheDocument();
    expect(text(container.querySelector('[data-zone="Asia/Kolkata"]'))).toBe(
      'Your time: Monday, March 29, 2027, 1:30 – 2:00 PM India Standard Time (Asia/Kolkata)',
    );
    expect(text(container.querySelector('[data-zone="Europe/London"]'))).toBe(
      "\u2068Alice\u2069's time: Monday, March 29, 2027, 9:00 – 9:30 AM British Summer Time (Europe/London)",
    );
    expect(screen.getByRole('link', { name: 'Join the meeting' })).toHaveAttribute(
      'href',
      'https://app.cal.com/video/abc123',
    );
    expect(text(container.querySelector('.aisq-booking-confirmation__people'))).toBe(
      'Alice (host)Bob <bob@example.com>carol@example.com',
    );
  });

  it('one time when the attendee and the host share a zone; timeZone overrides the attendee’s', () => {
    const { container } = renderWithProviders(
      <CalBookingConfirmation booking={booking} timeZone="Europe/London" hour12={false} />,
      { provider: { enabled: false } },
    );
    expect(container.querySelectorAll('[data-zone]')).toHaveLength(1);
    expect(text(container.querySelector('[data-zone]'))).toBe(
      'Monday, March 29, 2027, 09:00 – 09:30 British Summer Time (Europe/London)',
    );
  });

  it('an .ics download of the booking, generated locally', () => {
    renderWithProviders(<CalBookingConfirmation booking={booking} title="Intro call" />, {
      provider: { enabled: false },
    });
    const link = screen.getByRole('link', { name: 'Add to calendar (.ics)' });
    expect(link).toHaveAttribute('download', 'booking.ics');
    const href = link.getAttribute('href') ?? '';
    expect(href.startsWith('data:text/calendar;charset=utf-8,')).toBe(true);
    const ics = decodeURIComponent(href.slice(href.indexOf(',') + 1));
    expect(ics).toContain('\r\nSUMMARY:Intro call\r\n');
    expect(ics).toContain('\r\nDTSTART:20270329T080000Z\r\n');
  });

  it('rescheduled and cancelled states; book another; the heading takes focus', async () => {
    const onBookAnother = vi.fn();
    const ref = createRef<HTMLHeadingElement>();
    const { container, rerenderProvider } = renderWithProviders(
      <CalBookingConfirmation
        ref={ref}
        booking={{ ...booking, rescheduledFromUid: 'old' }}
        onBookAnother={onBookAnother}
      />,
      { provider: { enabled: false } },
    );
    const root = container.querySelector('.aisq-booking-confirmation');
    expect(root).toHaveAttribute('data-state', 'rescheduled');
    expect(screen.getByRole('heading', { name: 'Your meeting was moved' })).toBe(ref.current);
    ref.current?.focus();
    expect(ref.current).toHaveFocus();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Book another meeting' }));
    expect(onBookAnother).toHaveBeenCalledOnce();
    rerenderProvider({}, <CalBookingConfirmation booking={{ ...booking, status: 'cancelled' }} />);
    expect(container.querySelector('.aisq-booking-confirmation')).toHaveAttribute(
      'data-state',
      'cancelled',
    );
  });

  it('one time when the attendee and the host name the same zone differently, by its current name', () => {
    const { container } = renderWithProviders(
      <CalBookingConfirmation
        booking={{
          ...booking,
          attendees: [{ name: 'Bob', email: 'bob@example.com', timeZone: 'Asia/Calcutta' }],
          hosts: [{ name: 'Alice', email: 'alice@example.com', timeZone: 'Asia/Kolkata' }],
        }}
      />,
      { provider: { enabled: false } },
    );
    expect(container.querySelectorAll('[data-zone]')).toHaveLength(1);
    expect(text(container.querySelector('[data-zone]'))).toBe(
      'Monday, March 29, 2027, 1:30 – 2:00 PM India Standard Time (Asia/Kolkata)',
    );
  });

  it('a malformed start or end does not crash: shown as far as it can be, no .ics link', () => {
    const { container, rerenderProvider } = renderWithProviders(
      <CalBookingConfirmation booking={{ ...booking, start: 'soon' }} timeZone="UTC" />,
      { provider: { enabled: false } },
    );
    expect(text(container.querySelector('.aisq-booking-confirmation__time'))).toBe('soon');
    expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).toBeNull();
    rerenderProvider(
      {},
      <CalBookingConfirmation booking={{ ...booking, end: '' }} timeZone="UTC" />,
    );
    expect(text(container.querySelector('.aisq-booking-confirmation__time'))).toMatch(
      /^Monday, March 29, 2027(,| at) 8:00 AM$/,
    );
    expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Join the meeting' })).toBeInTheDocument();
  });

  it('isolates every Cal.com string (bidi), so an override in one cannot reorder the rest', () => {
    const { container } = renderWithProviders(
      <CalBookingConfirmation
        booking={{
          ...booking,
          title: 'Intro\u202E',
          location: 'Room\u202E 1',
          hosts: [{ name: 'Al\u202Eice', email: 'alice@example.com', timeZone: 'Europe/London' }],
          attendees: [{ name: 'B\u202Eob', email: 'bob@example.com', timeZone: 'UTC' }],
          guests: ['c\u202E@example.com'],
        }}
      />,
      { provider: { enabled: false } },
    );
    const texts: Node[] = [];
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode);
    const hostile = texts.filter((node) => node.textContent?.includes('\u202E'));
    expect(hostile.length).toBeGreaterThanOrEqual(6);
    for (const node of hostile) {
      const inLabel = /\u2068[^\u2069]*\u202E[^\u2069]*\u2069/.test(node.textContent ?? '');
      // In a <bdi>, or between FSI and PDI inside a label's text.
      expect(inLabel || !!node.parentElement?.closest('bdi')).toBe(true);
    }
  });

  it('repeated attendees and guests render without duplicate keys', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container } = renderWithProviders(
      <CalBookingConfirmation
        booking={{
          ...booking,
          attendees: [
            { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
            { name: 'Bob again', email: 'bob@example.com', timeZone: 'UTC' },
          ],
          guests: ['carol@example.com', 'carol@example.com'],
        }}
      />,
      { provider: { enabled: false } },
    );
    expect(container.querySelectorAll('.aisq-booking-confirmation__people li')).toHaveLength(5);
    expect(error.mock.calls.flat().join(' ')).not.toMatch(/same key/);
    error.mockRestore();
  });

  it.each([
    ['integrations:daily', 'https://meet.test/abc', 'https://meet.test/abc'],
    ['https://app.cal.com/video/x', 'javascript:alert(1)', 'https://app.cal.com/video/x'],
    ['javascript:alert(1)', undefined, undefined],
    [' https://padded.test', undefined, undefined],
    ['data:text/html,<b>x</b>', 'HTTPS://up.test/', 'HTTPS://up.test/'],
  ])('location %j with meetingUrl %j joins at %j', (location, meetingUrl, href) => {
    renderWithProviders(<CalBookingConfirmation booking={{ ...booking, location, meetingUrl }} />, {
      provider: { enabled: false },
    });
    const join = screen.queryByRole('link', { name: 'Join the meeting' });
    if (href) expect(join).toHaveAttribute('href', href);
    else expect(join).toBeNull();
  });

  describe('12 or 24 h', () => {
    it('alone, without any provider (a thank-you page): the locale’s habit, or hour12', () => {
      const { container, rerender } = render(
        <CalBookingConfirmation booking={booking} timeZone="Europe/London" />,
      );
      const time = () => text(container.querySelector('.aisq-booking-confirmation__time'));
      expect(time()).toBe('Monday, March 29, 2027, 9:00 – 9:30 AM');
      rerender(
        <CalBookingConfirmation booking={booking} timeZone="Europe/London" hour12={false} />,
      );
      expect(time()).toBe('Monday, March 29, 2027, 09:00 – 09:30');
    });

    it.each([
      // Each against a locale whose own habit is the other one (ICU versions differ on en-GB's comma).
      [24, 'en-US', /^(\w+), (\w+) (\d+), (\d+), \d\d:\d\d – \d\d:\d\d$/],
      [12, 'en-GB', /^\w+,? \d+ \w+ \d+, \d\d?:\d\d – \d\d?:\d\d [ap]m$/],
    ])(
      'in CalBooker, the user’s Cal.com timeFormat %i wins over %s, as in the slot picker',
      async (timeFormat, locale, expected) => {
        const world = createCalWorld();
        world.model.integrate(
          { sub: 'alice' },
          { timeZone: 'Europe/London', user: { timeFormat } },
        );
        const user = userEvent.setup();
        const { container } = renderWithProviders(
          <CalBooker timeZone="UTC" labels={{ locale }} />,
          { provider: { jwt: fakeJwt('alice'), fetch: world.fetch } },
        );
        await user.click(await screen.findByRole('button', { name: /30 Minute Meeting/ }));
        const chosen = await chooseTime(user);
        await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
        await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
        await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
        await screen.findByRole('heading', { name: 'Your meeting is booked' });
        const shown = text(container.querySelector('.aisq-booking-confirmation__time'));
        expect(shown).toMatch(expected);
        // The picker's time label has the same cycle as the confirmation.
        expect(/[ap]m$/i.test(chosen.label)).toBe(timeFormat === 12);
      },
    );
  });
});
