import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CalBooking } from '../../../../src/calapi/types.js';
import {
  bookerWorld,
  chooseFirstDay,
  chooseTime,
  renderBooker,
  shownTimes,
} from '../../../helpers/bookerWorld.js';

// Issue 20 item 10: the event type's booking-page settings, in CalBooker on the fake.
const heading = () => screen.getByRole('heading', { level: 2 });
const ATTENDEE = 'vera@example.com';

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Vera');
  await user.type(screen.getByRole('textbox', { name: 'Email address' }), ATTENDEE);
  await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
}

/** The .ics the confirmation offers, decoded. */
function icsText(): string {
  const link = screen.getByRole('link', { name: 'Add to calendar (.ics)' });
  const href = link.getAttribute('href') ?? '';
  return decodeURIComponent(href.slice(href.indexOf(',') + 1));
}

describe('CalBooker: booking-page settings', () => {
  it('requiresBookerEmailVerification: a code step after the details; a wrong code is said, the right one books', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const onBookingSuccess = vi.fn<(booking: CalBooking, details: object) => void>();
    const { root } = renderBooker(world, {
      eventTypeId: id('verified-intro'),
      timeZone: 'UTC',
      onBookingSuccess,
    });
    await chooseTime(user);
    await fillDetails(user);

    expect(root()).toHaveAttribute('data-state', 'verifyingEmail');
    expect(heading()).toHaveTextContent('Verify your e-mail');
    await waitFor(() => expect(heading()).toHaveFocus());
    const input = screen.getByRole('textbox', { name: 'Code' });
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    // The address is isolated (FSI…PDI) inside the sentence, as every text a label receives.
    expect(input).toHaveAccessibleDescription(
      /We e-mailed a code to \u2068vera@example\.com\u2069/,
    );
    await waitFor(() =>
      expect(root()?.querySelector('.aisq-booker__code')).toHaveAttribute('data-state', 'sent'),
    );
    expect(world.count('POST /v2/atoms/verification/email/send-code')).toBe(1);
    const code = world.model.emailVerificationCode(ATTENDEE);
    if (!code) throw new Error('no code sent');

    await user.type(input, code === '000000' ? '111111' : '000000');
    await user.click(screen.getByRole('button', { name: 'Verify and book' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong or expired code.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Wrong or expired code\./);
    expect(world.model.bookings('alice')).toHaveLength(0);

    await user.clear(input);
    await user.type(input, ` ${code} `);
    await user.click(screen.getByRole('button', { name: 'Verify and book' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(world.model.bookings('alice')).toHaveLength(1);
    // The code went to verify-code once wrong, once right, and with the create.
    expect(world.count('POST /v2/atoms/verification/email/verify-code')).toBe(2);
    expect(world.count('POST /v2/bookings')).toBe(1);

    // successRedirectUrl: offered to the host, never followed; hideOrganizerEmail: no ORGANIZER.
    const href = window.location.href;
    expect(onBookingSuccess).toHaveBeenCalledExactlyOnceWith(expect.anything(), {
      successRedirectUrl: 'https://example.com/thanks',
    });
    expect(window.location.href).toBe(href);
    const ics = icsText();
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).not.toContain('ORGANIZER');
    expect(ics).toContain(`mailto:${ATTENDEE}`);
    expect(root()?.textContent).not.toContain(world.model.getUser('alice')?.email);
  });

  it('a hostile successRedirectUrl (javascript:) never reaches the host', async () => {
    const { world, id } = bookerWorld('UTC');
    const stored = world.model.eventType(id('verified-intro'));
    if (!stored?.settings) throw new Error('no settings');
    stored.settings.successRedirectUrl = 'javascript:alert(document.domain)';
    stored.settings.requiresBookerEmailVerification = false;
    const user = userEvent.setup();
    const onBookingSuccess = vi.fn<(booking: CalBooking, details: object) => void>();
    renderBooker(world, { eventTypeId: id('verified-intro'), timeZone: 'UTC', onBookingSuccess });
    await chooseTime(user);
    await fillDetails(user);
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(onBookingSuccess).toHaveBeenCalledExactlyOnceWith(expect.anything(), {});
  });

  it('Back from the code step keeps the details; past 3 codes a minute, Resend says to wait', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('verified-intro'), timeZone: 'UTC' });
    await chooseTime(user);
    await fillDetails(user);
    const resend = await screen.findByRole('button', { name: 'Send a new code' });
    const code = () => root()?.querySelector('.aisq-booker__code');
    for (const count of [2, 3]) {
      await waitFor(() => expect(code()).toHaveAttribute('data-state', 'sent'));
      await user.click(resend);
      await waitFor(() =>
        expect(world.count('POST /v2/atoms/verification/email/send-code')).toBe(count),
      );
    }
    await waitFor(() => expect(code()).toHaveAttribute('data-state', 'sent'));
    // A fourth within the minute: Cal.com would refuse it, so nothing is sent and the step says so.
    await user.click(resend);
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many codes: wait a minute.');
    expect(world.count('POST /v2/atoms/verification/email/send-code')).toBe(3);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(root()).toHaveAttribute('data-state', 'details');
    expect(screen.getByRole('textbox', { name: 'Email address' })).toHaveValue(ATTENDEE);
  });

  it('bookingRequiresAuthentication: someone not signed in is asked to sign in, no times are shown', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const onSignInRequired = vi.fn();
    const { root } = renderBooker(world, {
      eventTypeId: id('owner-only'),
      timeZone: 'UTC',
      signedIn: false,
      onSignInRequired,
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'signInRequired'));
    expect(heading()).toHaveTextContent('Sign in to book');
    expect(screen.getByText('Only signed-in people can book this meeting.')).toBeInTheDocument();
    // The times may have been asked for with the event type (same round trip); they are not shown.
    expect(screen.queryByRole('grid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignInRequired).toHaveBeenCalledOnce();
    expect(world.count('POST /v2/bookings')).toBe(0);
  });

  it('bookingRequiresAuthentication, signed in: the owner books; onlyShowFirstAvailableSlot: one time a day', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('owner-only'), timeZone: 'UTC' });
    await chooseFirstDay(user);
    await waitFor(() => expect(shownTimes()).toHaveLength(1));
    // The working day has many free half hours; Cal.com offers the first only (the sandbox's
    // integration test compares it with a type without the setting).
    await user.click(shownTimes()[0]?.button as HTMLElement);
    expect(root()).toHaveAttribute('data-state', 'details');
    await fillDetails(user);
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(world.model.bookings('alice')).toHaveLength(1);
  });

  it('lockTimeZoneToggleOnBookingPage: the zone is a read-only field that says why; times stay in it', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    renderBooker(world, { eventTypeId: id('verified-intro'), timeZone: 'Asia/Tokyo' });
    const zone = await screen.findByRole('textbox', { name: 'Time zone' });
    expect(zone).toHaveAttribute('readonly');
    expect((zone as HTMLInputElement).value).toMatch(/GMT\+9/);
    expect(zone).toHaveAccessibleDescription('Times are shown in this zone only.');
    expect(screen.queryByRole('combobox', { name: 'Time zone' })).toBeNull();
    expect(zone.closest('.aisq-slot-picker__zone')).toHaveAttribute('data-state', 'locked');
    await chooseTime(user);
    expect(document.querySelector('.aisq-booker__when')).toHaveAttribute('data-zone', 'Asia/Tokyo');
  });
});
