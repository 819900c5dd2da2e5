import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCalEmailVerification } from '../../../src/react/useCalEmailVerification.js';
import { BOB_VALUES, flowWorld, submitFirstSlot } from '../../helpers/flowWorld.js';

// Issue 20 item 10 in the hook layer: the e-mail code step, the settings the flow exposes.
afterEach(() => {
  vi.useRealTimers();
});

describe('useCalBookingFlow: booking-page settings', () => {
  it('the code step: send on submit, verify, then create with emailVerificationCode', async () => {
    const { world, id, renderFlow } = flowWorld();
    const onBookingSuccess = vi.fn();
    const { result } = renderFlow({ eventTypeId: id('verified-intro'), onBookingSuccess });
    await waitFor(() => expect(result.current.flow.eventType).toBeDefined());
    expect(result.current.flow).toMatchObject({ timeZoneLocked: true, signInRequired: false });
    await submitFirstSlot(result, BOB_VALUES);
    expect(result.current.flow.step).toBe('verifyingEmail');
    await waitFor(() => expect(result.current.flow.emailVerification.status).toBe('sent'));
    const code = world.model.emailVerificationCode(BOB_VALUES.email) as string;
    act(() => result.current.flow.verifyEmailCode(code));
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    // The fake books this type only with the code it sent (400 email_verification_required else).
    expect(world.model.bookings('alice')).toHaveLength(1);
    expect(onBookingSuccess).toHaveBeenCalledWith(result.current.flow.booking, {
      successRedirectUrl: 'https://example.com/thanks',
    });
  });

  it('a locked zone ignores setTimeZone; the other types leave it free', async () => {
    const { id, renderFlow } = flowWorld();
    const locked = renderFlow({ eventTypeId: id('verified-intro'), timeZone: 'Asia/Kolkata' });
    await waitFor(() => expect(locked.result.current.flow.timeZoneLocked).toBe(true));
    act(() => locked.result.current.flow.setTimeZone('America/Los_Angeles'));
    expect(locked.result.current.flow.timeZone).toBe('Asia/Kolkata');
    const free = renderFlow({ eventTypeId: id('15min'), timeZone: 'Asia/Kolkata' });
    await waitFor(() => expect(free.result.current.flow.eventType).toBeDefined());
    expect(free.result.current.flow.timeZoneLocked).toBe(false);
    act(() => free.result.current.flow.setTimeZone('America/Los_Angeles'));
    expect(free.result.current.flow.timeZone).toBe('America/Los_Angeles');
  });

  it('rescheduling a verified type asks for no code, as Cal.com does not', async () => {
    const { world, id, renderFlow } = flowWorld();
    const stored = world.model.eventType(id('verified-intro'));
    const slots = world.model.slots(id('verified-intro'), Date.now(), Date.now() + 14 * 86_400_000);
    const [first, second] = slots;
    if (!stored || !first || !second) throw new Error('no slots');
    const made = world.model.createBooking({
      eventTypeId: stored.id,
      start: first.start,
      attendee: { name: 'Bob', email: BOB_VALUES.email, timeZone: 'UTC' },
    });
    if (!made.ok) throw new Error(made.failure.message);
    const { result } = renderFlow({ rescheduleUid: made.booking.uid, timeZone: 'UTC' });
    await waitFor(() => expect(result.current.flow.eventType).toBeDefined());
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    act(() => result.current.flow.selectSlot(new Date(second.start).toISOString()));
    act(() => result.current.flow.submit({ ...BOB_VALUES, rescheduleReason: 'Clash' }));
    expect(result.current.flow.step).toBe('submitting');
    await waitFor(() => expect(result.current.flow.step).toBe('confirmed'));
    expect(world.count('POST /v2/atoms/verification/email/send-code')).toBe(0);
  });

  it('bookingRequiresAuthentication: signInRequired for someone not signed in only', async () => {
    const { id, renderFlow } = flowWorld();
    const visitor = renderFlow({ eventTypeId: id('owner-only'), signedIn: false });
    await waitFor(() => expect(visitor.result.current.flow.signInRequired).toBe(true));
    const owner = renderFlow({ eventTypeId: id('owner-only') });
    await waitFor(() => expect(owner.result.current.flow.eventType).toBeDefined());
    expect(owner.result.current.flow.signInRequired).toBe(false);
    const other = renderFlow({ eventTypeId: id('15min'), signedIn: false });
    await waitFor(() => expect(other.result.current.flow.eventType).toBeDefined());
    expect(other.result.current.flow.signInRequired).toBe(false);
  });
});

describe('useCalEmailVerification', () => {
  it('3 codes a minute: the fourth sends nothing and says to wait; a minute after the first, it sends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { world, wrapper } = flowWorld();
    const onVerified = vi.fn();
    const { result } = renderHook(() => useCalEmailVerification(onVerified), { wrapper });
    for (let i = 0; i < 3; i++) {
      act(() => result.current.send('bob@example.com'));
      await waitFor(() => expect(result.current.status).toBe('sent'));
    }
    act(() => result.current.send('bob@example.com'));
    expect(result.current.status).toBe('throttled');
    expect(world.count('POST /v2/atoms/verification/email/send-code')).toBe(3);
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    act(() => result.current.send('bob@example.com'));
    await waitFor(() => expect(result.current.status).toBe('sent'));
    expect(world.count('POST /v2/atoms/verification/email/send-code')).toBe(4);
    expect(onVerified).not.toHaveBeenCalled();
  });

  it("Cal.com's 429 blocks sending for its minute; a wrong code is invalid, the right one verified", async () => {
    const { world, wrapper } = flowWorld();
    const onVerified = vi.fn();
    // Another part of the page, on the same token, asked three times already: Cal.com refuses a
    // fourth (429), which this instance's own count cannot know.
    const { result: both } = renderHook(
      () => ({
        other: useCalEmailVerification(vi.fn()),
        mine: useCalEmailVerification(onVerified),
      }),
      { wrapper },
    );
    for (let i = 0; i < 3; i++) {
      act(() => both.current.other.send('bob@example.com'));
      await waitFor(() => expect(both.current.other.status).toBe('sent'));
    }
    const result = {
      get current() {
        return both.current.mine;
      },
    };
    act(() => result.current.send('bob@example.com'));
    await waitFor(() => expect(result.current.status).toBe('throttled'));
    expect(result.current.error).toBeUndefined();
    expect(world.count('POST /v2/atoms/verification/email/send-code')).toBe(4);
    // After Cal.com's 429, the next minute's sends stay on this side.
    act(() => result.current.send('bob@example.com'));
    expect(result.current.status).toBe('throttled');
    expect(world.count('POST /v2/atoms/verification/email/send-code')).toBe(4);
    // The code the first tab got still verifies.
    const code = world.model.emailVerificationCode('bob@example.com') as string;
    act(() => result.current.verify('bob@example.com', code === '000000' ? '111111' : '000000'));
    await waitFor(() => expect(result.current.status).toBe('invalid'));
    expect(result.current.error).toBeUndefined();
    act(() => result.current.verify('bob@example.com', code));
    await waitFor(() => expect(onVerified).toHaveBeenCalledExactlyOnceWith(code));
  });
});
