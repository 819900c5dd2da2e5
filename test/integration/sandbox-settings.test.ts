import { describe, expect, it, vi } from 'vitest';
import { calAnswer, calFetch } from '../helpers/calFetch.js';
import { withSandbox } from '../helpers/withSandbox.js';

// Issue 20 item 10: the seeded event types with booking-page settings, over real HTTP.
const fixture = withSandbox();
const TOKEN = '/api/v1/bookings/token/refresh/';
const VERIFY = '/v2/atoms/verification/email';

async function connect(sub: string): Promise<string> {
  const jwt = await fixture.sandbox.issueJwt(sub);
  const answer = await calAnswer(
    await fetch(`${fixture.sandbox.url}${TOKEN}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: '{}',
    }),
  );
  return answer.body.access_token as string;
}

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function typeOf(token: string, slug: string) {
  const types = await calFetch(fixture.sandbox.url, '/v2/event-types', token);
  const type = types.body.data.find((t: { slug: string }) => t.slug === slug);
  if (!type) throw new Error(`no ${slug}`);
  return type as Record<string, unknown> & { id: number };
}

async function slotsOf(token: string | undefined, eventTypeId: number) {
  const answer = await calFetch(
    fixture.sandbox.url,
    `/v2/slots?eventTypeId=${eventTypeId}&start=${day(2)}&end=${day(12)}&timeZone=UTC`,
    token,
  );
  expect(answer.status).toBe(200);
  return answer.body.data as Record<string, { start: string }[]>;
}

function book(token: string | undefined, body: Record<string, unknown>) {
  return calFetch(fixture.sandbox.url, '/v2/bookings', token, { method: 'POST', body });
}

const attendee = { name: 'Vera Visitor', email: 'vera@example.com', timeZone: 'Europe/Paris' };

describe('booking-page settings in the sandbox', () => {
  it('seeds the settings on two hidden event types, as Cal.com writes them', async () => {
    const token = await connect('alice');
    const verified = await typeOf(token, 'verified-intro');
    expect(verified).toMatchObject({
      hidden: true,
      requiresBookerEmailVerification: true,
      hideOrganizerEmail: true,
      lockTimeZoneToggleOnBookingPage: true,
      successRedirectUrl: 'https://example.com/thanks',
      onlyShowFirstAvailableSlot: false,
      bookingRequiresAuthentication: false,
    });
    const ownerOnly = await typeOf(token, 'owner-only');
    expect(ownerOnly).toMatchObject({
      hidden: true,
      bookingRequiresAuthentication: true,
      onlyShowFirstAvailableSlot: true,
      requiresBookerEmailVerification: false,
      successRedirectUrl: null,
    });
  });

  it('onlyShowFirstAvailableSlot: one slot per day, the earliest of the days a plain type has', async () => {
    const token = await connect('alice');
    const ownerOnly = await typeOf(token, 'owner-only');
    const first = await slotsOf(undefined, ownerOnly.id);
    expect(Object.keys(first).length).toBeGreaterThan(3);
    for (const [date, slots] of Object.entries(first)) {
      expect(slots).toHaveLength(1);
      expect(slots[0]?.start.slice(0, 10)).toBe(date);
    }
    // The same working hours without the setting: several a day, the first being the one kept.
    const plain = await slotsOf(undefined, (await typeOf(token, '30min')).id);
    const shared = Object.keys(first).filter((date) => plain[date]);
    expect(shared.length).toBeGreaterThan(0);
    for (const date of shared) expect(plain[date]?.length).toBeGreaterThan(1);
  });

  it('bookingRequiresAuthentication: 401 without a token, 403 for another user, 201 for the owner', async () => {
    const owner = await connect('alice');
    const other = await connect('bob');
    const type = await typeOf(owner, 'owner-only');
    const [date, slots] = Object.entries(await slotsOf(owner, type.id))[0] ?? [];
    if (!date || !slots?.[0]) throw new Error('no slot');
    const body = { eventTypeId: type.id, start: slots[0].start, attendee };
    const anonymous = await book(undefined, body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({
      code: 'UnauthorizedException',
      message: expect.stringMatching(/^checkBookingRequiresAuthentication - request must be/),
    });
    const stranger = await book(other, body);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error).toMatchObject({
      code: 'ForbiddenException',
      message: expect.stringMatching(
        /^checkBookingRequiresAuthentication - user is not authorized/,
      ),
    });
    expect(fixture.sandbox.calModel.bookings()).toHaveLength(0);
    const mine = await book(owner, body);
    expect(mine.status).toBe(201);
  });

  it('requiresBookerEmailVerification: the code step, its errors, and the create with the code', async () => {
    const base = fixture.sandbox.url;
    const token = await connect('alice');
    const type = await typeOf(token, 'verified-intro');
    const slot = Object.values(await slotsOf(undefined, type.id))[0]?.[0];
    if (!slot) throw new Error('no slot');
    const body = { eventTypeId: type.id, start: slot.start, attendee };

    const none = await book(undefined, body);
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe('email_verification_required');

    // Nothing was sent yet: no code to read.
    expect(fixture.sandbox.calModel.emailVerificationCode(attendee.email)).toBeUndefined();
    const sent = await calFetch(base, `${VERIFY}/send-code`, undefined, {
      method: 'POST',
      body: { email: attendee.email },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ status: 'success', data: { sent: true } });
    const code = fixture.sandbox.calModel.emailVerificationCode(attendee.email);
    expect(code).toMatch(/^\d{6}$/);
    const wrongCode = code === '000000' ? '111111' : '000000';

    const wrong = await calFetch(base, `${VERIFY}/verify-code`, undefined, {
      method: 'POST',
      body: { email: attendee.email, code: wrongCode },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'BadRequestException' });
    const right = await calFetch(base, `${VERIFY}/verify-code`, undefined, {
      method: 'POST',
      body: { email: attendee.email, code },
    });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ status: 'success', data: { verified: true } });

    const bad = await book(undefined, { ...body, emailVerificationCode: wrongCode });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('invalid_verification_code');
    const created = await book(undefined, { ...body, emailVerificationCode: code });
    expect(created.status).toBe(201);

    // Not on a reschedule (handleNewBooking checks only when there is no rescheduleUid).
    const next = Object.values(await slotsOf(undefined, type.id))[1]?.[0];
    if (!next) throw new Error('no second slot');
    const moved = await calFetch(
      base,
      `/v2/bookings/${created.body.data.uid}/reschedule`,
      undefined,
      {
        method: 'POST',
        body: { start: next.start },
      },
    );
    expect(moved.status).toBe(201);
  });

  it('send-code: 3 a minute per client, then 429; check answers a boolean; bodies are checked', async () => {
    const base = fixture.sandbox.url;
    const send = (email = 'vera@example.com') =>
      calFetch(base, `${VERIFY}/send-code`, undefined, { method: 'POST', body: { email } });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    const throttled = await send('other@example.com');
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe('ThrottlerException');
    expect(fixture.sandbox.calModel.emailVerificationCode('other@example.com')).toBeUndefined();

    const unknownKey = await calFetch(base, `${VERIFY}/verify-code`, undefined, {
      method: 'POST',
      body: { email: 'vera@example.com', code: '123456', extra: 1 },
    });
    expect(unknownKey.status).toBe(400);
    const notEmail = await calFetch(base, `${VERIFY}/check?email=nope`, undefined);
    expect(notEmail.status).toBe(400);
    const check = await calFetch(base, `${VERIFY}/check?email=vera%40example.com`, undefined);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ status: 'success', data: false });
    expect(fixture.sandbox.counts()['cal.sendEmailVerificationCode']).toBe(4);
  });

  it('onEmailVerificationCode hears each code "sent", for the demo to print', async () => {
    const heard = vi.fn();
    const sandbox = await fixture.startExtra({ onEmailVerificationCode: heard });
    const send = (body: unknown) =>
      calFetch(sandbox.url, `${VERIFY}/send-code`, undefined, { method: 'POST', body });
    expect((await send({ email: 'ada@example.com' })).status).toBe(200);
    const code = sandbox.calModel.emailVerificationCode('ada@example.com');
    expect(heard).toHaveBeenCalledExactlyOnceWith('ada@example.com', code);
    // A refused request hears nothing.
    expect((await send({ email: 'not-an-address' })).status).toBe(400);
    expect(heard).toHaveBeenCalledOnce();
  });
});
