import { describe, expect, it } from 'vitest';
import {
  type CalBookingFieldLabels,
  calAskedFields,
  calBookingFormFields,
  initialFieldValue,
  toCalBookingFormValues,
  validateCalBookingForm,
} from '../../../src/booking/fields.js';
import { toIcs } from '../../../src/booking/ics.js';
import {
  calBookableLocations,
  calLocationDetail,
  calLocationName,
  E164_PHONE,
  toCalBookingLocationInput,
} from '../../../src/booking/locations.js';
import { toCalCreateBookingInput } from '../../../src/booking/request.js';
import type { CalLocation } from '../../../src/calapi/types.js';
import { defaultBookingsLabels } from '../../../src/components/labels.js';
import { MONDAY_MEETING } from '../../helpers/bookingFixture.js';

const labels: CalBookingFieldLabels = defaultBookingsLabels;

// The seeded `consultation` type's locations, as Cal.com's event-type output writes them.
const LOCATIONS: CalLocation[] = [
  { type: 'integration', integration: 'cal-video' },
  { type: 'attendeePhone' },
  { type: 'address', address: '1 Market St', public: true },
  { type: 'attendeeAddress' },
  { type: 'attendeeDefined' },
  { type: 'phone', phone: '+14155550123', public: false },
  { type: 'unknown', location: '{"type":"somethingNew"}' },
];

describe('locations', () => {
  it('offers the locations Cal.com takes a booking input for, with what each needs', () => {
    const bookable = calBookableLocations(LOCATIONS);
    expect(bookable.map((location) => location.type)).toEqual([
      'integration',
      'attendeePhone',
      'address',
      'attendeeAddress',
      'attendeeDefined',
      'phone',
    ]);
    expect(bookable.map(calLocationDetail)).toEqual([
      undefined,
      'phone',
      undefined,
      'address',
      'location',
      undefined,
    ]);
    expect(calBookableLocations(null)).toEqual([]);
  });

  it('names each; the host’s value only when it is public', () => {
    const names = calBookableLocations(LOCATIONS).map((location) =>
      calLocationName(location, labels),
    );
    expect(names).toEqual([
      'Cal Video',
      'Phone call (your number)',
      'In person (host’s address): 1 Market St',
      'In person (your address)',
      'Somewhere else',
      'Phone call (host’s number)',
    ]);
    expect(names.join(' ')).not.toContain('+14155550123');
    expect(calLocationName({ type: 'integration', integration: 'google-meet' }, labels)).toBe(
      'Google Meet',
    );
    // `public` absent is public, as Cal.com's output leaves it out when undefined.
    expect(calLocationName({ type: 'link', link: 'https://x.example' }, labels)).toBe(
      'Link meeting: https://x.example',
    );
  });

  it('builds Cal.com’s location input; a phone number loses its separators (E.164)', () => {
    const [video, phone, office, home, other] = calBookableLocations(LOCATIONS) as CalLocation[];
    expect(toCalBookingLocationInput(video as CalLocation, '')).toEqual({
      type: 'integration',
      integration: 'cal-video',
    });
    expect(toCalBookingLocationInput(phone as CalLocation, ' +44 (20) 7946-0958 ')).toEqual({
      type: 'attendeePhone',
      phone: '+442079460958',
    });
    expect(toCalBookingLocationInput(office as CalLocation, 'ignored')).toEqual({
      type: 'address',
    });
    expect(toCalBookingLocationInput(home as CalLocation, ' 5 Rue Lepic ')).toEqual({
      type: 'attendeeAddress',
      address: '5 Rue Lepic',
    });
    expect(toCalBookingLocationInput(other as CalLocation, 'Café')).toEqual({
      type: 'attendeeDefined',
      location: 'Café',
    });
    expect(E164_PHONE.test('+44 20 7946 0958')).toBe(true);
    for (const bad of ['020 7946 0958', '+0 123 4567', '+1 23', 'call me']) {
      expect(E164_PHONE.test(bad)).toBe(false);
    }
  });
});

describe('the location in the booking form', () => {
  const fields = calBookingFormFields(undefined, 'book', labels, LOCATIONS);

  it('a choice after the e-mail, and a detail field per location the attendee completes', () => {
    expect(fields.map((field) => field.name)).toEqual([
      'name',
      'email',
      'location',
      'location.attendeePhone',
      'location.attendeeAddress',
      'location.attendeeDefined',
      'notes',
      'guests',
    ]);
    const choice = fields[2];
    expect(choice).toMatchObject({ type: 'radio', required: true, label: 'Location' });
    expect(choice?.options.map((option) => option.value)).toEqual(['0', '1', '2', '3', '4', '5']);
    // The first location is chosen to start with, as in Cal.com's booker.
    expect(initialFieldValue(choice!, undefined)).toBe('0');
    // Only the chosen location's detail is asked.
    const values = { name: 'Bob', email: 'bob@example.com', location: '1' };
    expect(calAskedFields(fields, values).map((field) => field.name)).toContain(
      'location.attendeePhone',
    );
    expect(calAskedFields(fields, { ...values, location: '0' }).map((f) => f.name)).not.toContain(
      'location.attendeePhone',
    );
  });

  it('validates the attendee’s phone as E.164, and sends Cal.com’s location object', () => {
    const values = { name: 'Bob', email: 'bob@example.com', location: '1' };
    const missing = validateCalBookingForm(fields, values, labels);
    expect(Object.keys(missing)).toEqual(['location.attendeePhone']);
    expect(missing['location.attendeePhone']).toMatch(/Your phone number\W* is required\.$/);
    expect(
      validateCalBookingForm(fields, { ...values, 'location.attendeePhone': '020 7946' }, labels),
    ).toEqual({ 'location.attendeePhone': labels.bookingFormErrorPhone });
    const ok = { ...values, 'location.attendeePhone': '+44 20 7946 0958' };
    expect(validateCalBookingForm(fields, ok, labels)).toEqual({});
    expect(toCalBookingFormValues(fields, ok).location).toEqual({
      type: 'attendeePhone',
      phone: '+442079460958',
    });
    // A detail typed for another location is dropped with it.
    expect(
      toCalBookingFormValues(fields, { ...ok, location: '2', 'location.attendeeAddress': 'x' })
        .location,
    ).toEqual({ type: 'address' });
    // Going back to the form restores the location and its detail.
    const restored = { location: { type: 'attendeePhone', phone: '+442079460958' } } as const;
    expect(initialFieldValue(fields[2]!, restored)).toBe('1');
    expect(initialFieldValue(fields[3]!, restored)).toBe('+442079460958');
    expect(initialFieldValue(fields[4]!, restored)).toBe('');
  });

  it('one location: shown, not chosen; nothing asked when it needs nothing', () => {
    expect(
      calBookingFormFields(undefined, 'book', labels, [
        { type: 'integration', integration: 'cal-video' },
      ]).map((field) => field.name),
    ).toEqual(['name', 'email', 'notes', 'guests']);
    const phoneOnly = calBookingFormFields(undefined, 'book', labels, [{ type: 'attendeePhone' }]);
    expect(phoneOnly.map((field) => [field.name, field.options.length])).toEqual([
      ['name', 0],
      ['email', 0],
      ['location', 1],
      ['location.attendeePhone', 0],
      ['notes', 0],
      ['guests', 0],
    ]);
    expect(
      toCalBookingFormValues(phoneOnly, {
        name: 'Bob',
        email: 'b@example.com',
        location: '0',
        'location.attendeePhone': '+15551234567',
      }).location,
    ).toEqual({ type: 'attendeePhone', phone: '+15551234567' });
    // Reschedule mode asks only for the reason.
    expect(calBookingFormFields(undefined, 'reschedule', labels, LOCATIONS)).toHaveLength(1);
  });
});

describe('the request, the confirmation’s .ics', () => {
  const values = {
    name: 'Bob',
    email: 'bob@example.com',
    notes: '',
    guests: [],
    responses: {},
  };
  const slot = {
    eventType: { eventTypeId: 2 },
    start: '2030-01-07T09:00:00.000Z',
    timeZone: 'Europe/Paris',
  };

  it('sends the location object and the chosen length, and neither when there are none', () => {
    expect(
      toCalCreateBookingInput(
        { ...values, location: { type: 'attendeePhone', phone: '+442079460958' } },
        { ...slot, lengthInMinutes: 45 },
      ),
    ).toMatchObject({
      location: { type: 'attendeePhone', phone: '+442079460958' },
      lengthInMinutes: 45,
    });
    const plain = toCalCreateBookingInput(values, slot);
    expect('location' in plain || 'lengthInMinutes' in plain).toBe(false);
  });

  it('the .ics ends at the chosen length and says where', () => {
    const ics = toIcs(
      {
        ...MONDAY_MEETING,
        end: '2027-03-29T08:45:00.000Z',
        duration: 45,
        location: '+442079460958',
        meetingUrl: undefined,
      },
      { now: Date.UTC(2027, 2, 1) },
    );
    expect(ics).toContain('\r\nDTSTART:20270329T080000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20270329T084500Z\r\n');
    expect(ics).toContain('\r\nLOCATION:+442079460958\r\n');
    expect(ics).not.toContain('\r\nURL:');
  });
});
