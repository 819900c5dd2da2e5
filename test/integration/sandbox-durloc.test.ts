// Durations and locations (issue 20) in the sandbox over HTTP: Cal.com's 400 texts for a length or a
// location the event type does not offer, slots asked with `duration`, and what a booking stores.
import { describe, expect, it } from 'vitest';
import { calAnswer, calFetch } from '../helpers/calFetch.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const attendee = { name: 'Bob Booker', email: 'bob@example.com', timeZone: 'Europe/Paris' };
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function connect(sub: string): Promise<string> {
  const jwt = await fixture.sandbox.issueJwt(sub);
  const answer = await calAnswer(
    await fetch(`${fixture.sandbox.url}/api/v1/bookings/token/refresh/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ time_zone: 'UTC' }),
    }),
  );
  expect(answer.status).toBe(200);
  return answer.body.access_token as string;
}

async function setup(sub: string) {
  const base = fixture.sandbox.url;
  const token = await connect(sub);
  const types = (await calFetch(base, '/v2/event-types', token)).body.data as {
    id: number;
    slug: string;
    locations: unknown[];
  }[];
  const idOf = (slug: string) => types.find((type) => type.slug === slug)?.id as number;
  const slots = async (eventTypeId: number, extra = '') => {
    const answer = await calFetch(
      base,
      `/v2/slots?eventTypeId=${eventTypeId}&start=${day(3)}&end=${day(13)}&timeZone=UTC&format=range${extra}`,
      token,
    );
    expect(answer.status).toBe(200);
    return Object.values(
      answer.body.data as Record<string, { start: string; end: string }[]>,
    ).flat();
  };
  const book = (body: Record<string, unknown>) =>
    calFetch(base, '/v2/bookings', token, { method: 'POST', body: { attendee, ...body } });
  return { types, idOf, slots, book };
}

describe('durations and locations in the sandbox', () => {
  it('slots with duration are that long and step by it; create checks lengthInMinutes', async () => {
    const { idOf, slots, book } = await setup('durations');
    const thirty = idOf('30min');
    const long = await slots(thirty, '&duration=45');
    const [first, second] = long;
    if (!first || !second) throw new Error('no slots');
    expect(Date.parse(first.end) - Date.parse(first.start)).toBe(45 * 60_000);
    // Cal.com's frequency = slotInterval || duration || length: 45-minute steps on this type.
    expect(Date.parse(second.start) - Date.parse(first.start)).toBe(45 * 60_000);

    const wrong = await book({ eventTypeId: thirty, start: first.start, lengthInMinutes: 20 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe(
      "Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: 15, 30, 45",
    );
    const single = await book({
      eventTypeId: idOf('15min'),
      start: first.start,
      lengthInMinutes: 15,
    });
    expect(single.status).toBe(400);
    expect(single.body.error.message).toBe(
      "Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.",
    );
    const made = await book({ eventTypeId: thirty, start: first.start, lengthInMinutes: 45 });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({
      duration: 45,
      start: new Date(first.start).toISOString(),
    });
    expect(Date.parse(made.body.data.end) - Date.parse(made.body.data.start)).toBe(45 * 60_000);

    // A reschedule takes no length: the moved booking has the event type's own 30 minutes.
    const [later] = await slots(thirty);
    const moved = await calFetch(
      fixture.sandbox.url,
      `/v2/bookings/${made.body.data.uid}/reschedule`,
      undefined,
      {
        method: 'POST',
        body: { start: later?.start },
      },
    );
    expect(moved.status).toBe(201);
    expect(moved.body.data.duration).toBe(30);
  });

  it("a location must be one of the event type's; the booking stores the place itself", async () => {
    const { types, idOf, slots, book } = await setup('locations');
    const consultation = idOf('consultation');
    expect(types.find((type) => type.id === consultation)?.locations).toContainEqual({
      type: 'phone',
      phone: '+14155550123',
      public: false,
    });
    const [a, b, c] = await slots(consultation);
    const wrongType = await book({
      eventTypeId: consultation,
      start: a?.start,
      location: { type: 'link' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toBe(
      `Booking location with type link not valid for event type with id=${consultation}. The event type has following location types: integration, attendeePhone, address, attendeeAddress, attendeeDefined, phone, and only these types are allowed for booking location.`,
    );
    const wrongApp = await book({
      eventTypeId: consultation,
      start: a?.start,
      location: { type: 'integration', integration: 'zoom' },
    });
    expect(wrongApp.body.error.message).toBe(
      `Booking location with integration zoom not valid for event type with id=${consultation}. The event type has following integrations: cal-video, and only these integrations are allowed for booking location.`,
    );
    const onThirty = await book({
      eventTypeId: idOf('30min'),
      start: a?.start,
      location: { type: 'attendeePhone', phone: '+442079460958' },
    });
    expect(onThirty.status).toBe(400);

    const phone = await book({
      eventTypeId: consultation,
      start: a?.start,
      location: { type: 'attendeePhone', phone: '+442079460958' },
    });
    expect(phone.status).toBe(201);
    expect(phone.body.data).toMatchObject({
      location: '+442079460958',
      bookingFieldsResponses: { location: { value: 'phone', optionValue: '+442079460958' } },
    });
    const office = await book({
      eventTypeId: consultation,
      start: b?.start,
      location: { type: 'address' },
    });
    expect(office.body.data.location).toBe('1 Market St, San Francisco, CA 94105');
    const video = await book({
      eventTypeId: consultation,
      start: c?.start,
      location: { type: 'integration', integration: 'cal-video' },
    });
    expect(video.body.data.location).toBe(`https://app.cal.com/video/${video.body.data.uid}`);
    // Read back over GET, the stored location is the same string.
    const read = await calFetch(
      fixture.sandbox.url,
      `/v2/bookings/${phone.body.data.uid}`,
      undefined,
    );
    expect(read.body.data.location).toBe('+442079460958');
  });
});
