/**
 * What every integrated user starts with: Cal.com's default booking fields, the seeded event types
 * and a Monday-to-Friday working week.
 *
 * @module
 */
import type { CalFakeAvailability, CalFakeBookingField, CalFakeEventType } from './modelTypes.js';

/**
 * The locations of every seeded event type, in Cal.com's 2024-06-14 output form: Cal Video, the
 * location an event type gets when none is set.
 */
export const EVENT_TYPE_LOCATIONS: readonly { type: 'integration'; integration: string }[] = [
  { type: 'integration', integration: 'cal-video' },
];

/**
 * Cal.com's default booking fields that the 2024-06-14 list shows (its hidden `attendeePhoneNumber`
 * and `title` fields are left out of the list, so the fake does not keep them).
 */
function defaultBookingFields(): CalFakeBookingField[] {
  return [
    {
      type: 'name',
      slug: 'name',
      label: 'Your name',
      required: true,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
    {
      type: 'email',
      slug: 'email',
      label: 'Email address',
      required: true,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
    {
      type: 'textarea',
      slug: 'notes',
      label: 'Additional notes',
      placeholder: 'Please share anything that will help prepare for our meeting.',
      required: false,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
    {
      type: 'multiemail',
      slug: 'guests',
      label: 'Add guests',
      required: false,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
    {
      type: 'textarea',
      slug: 'rescheduleReason',
      label: 'Reason for reschedule',
      required: false,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
  ];
}

type SeedEventType = Omit<CalFakeEventType, 'id' | 'ownerId' | 'scheduleId'>;

/**
 * The event types every integrated user starts with: 15, 30 and 60 minutes (the 60 one hidden), with
 * realistic notice, interval and buffers so that tests exercise each rule, and (unless
 * `recurring` is false) a weekly check-in booked as a series of four.
 */
export function seedEventTypes(recurring: boolean): SeedEventType[] {
  const oneOff: SeedEventType[] = [
    {
      title: '15 Minute Meeting',
      slug: '15min',
      description: 'A quick call to say hello or answer one question.',
      lengthInMinutes: 15,
      slotInterval: 15,
      minimumBookingNotice: 60,
      beforeEventBuffer: 0,
      afterEventBuffer: 5,
      hidden: false,
      bookingFields: defaultBookingFields(),
      recurrence: null,
    },
    {
      title: '30 Minute Meeting',
      slug: '30min',
      description: 'A half-hour conversation: a demo, a review or a planning session.',
      lengthInMinutes: 30,
      lengthInMinutesOptions: [15, 30, 45],
      slotInterval: null,
      minimumBookingNotice: 120,
      beforeEventBuffer: 10,
      afterEventBuffer: 10,
      hidden: false,
      bookingFields: [
        ...defaultBookingFields(),
        {
          type: 'text',
          slug: 'company',
          label: 'Company',
          placeholder: 'Acme Ltd.',
          required: false,
          hidden: false,
          isDefault: false,
          disableOnPrefill: false,
        },
      ],
      recurrence: null,
    },
    {
      title: '60 Minute Deep Dive',
      slug: '60min',
      description: 'An hour-long working session, booked by invitation only.',
      lengthInMinutes: 60,
      slotInterval: 30,
      minimumBookingNotice: 1440,
      beforeEventBuffer: 0,
      afterEventBuffer: 15,
      hidden: true,
      bookingFields: [
        ...defaultBookingFields(),
        {
          type: 'select',
          slug: 'topic',
          label: 'Topic',
          required: true,
          hidden: false,
          isDefault: false,
          disableOnPrefill: false,
          options: ['Onboarding', 'Integration', 'Other'],
        },
      ],
      recurrence: null,
    },
  ];
  // Issue 20's types come last, so that the ones before them keep their ids.
  const features = [
    layoutsEventType(),
    groupWorkshop(),
    communityQa(),
    approvalCall(),
    locationsEventType(),
    verifiedIntroEventType(),
    ownerOnlyEventType(),
  ];
  if (!recurring) return [...oneOff, ...features];
  return [
    ...oneOff,
    {
      // Hidden, as the 60 minute one: bookable by id, slug or link, and off a public booking page,
      // whose flow books one meeting while this answers a whole series.
      title: 'Weekly Check-in',
      slug: 'weekly-check-in',
      description: 'A half-hour check-in, the same time every week for four weeks.',
      lengthInMinutes: 30,
      slotInterval: null,
      minimumBookingNotice: 120,
      beforeEventBuffer: 0,
      afterEventBuffer: 0,
      hidden: true,
      bookingFields: defaultBookingFields(),
      recurrence: { frequency: 'weekly', interval: 1, occurrences: 4 },
    },
    ...features,
  ];
}

/**
 * An issue-20 type: hidden (bookable by id, or slug and username, and off public lists), Cal Video,
 * the default booking fields, 120 minutes' notice (unless `feature` says), no buffers, and `feature`
 * (its seats, policy, layouts, locations or booking-page settings).
 */
function issue20Type(
  title: string,
  slug: string,
  description: string,
  lengthInMinutes: number,
  feature: Partial<
    Pick<
      SeedEventType,
      | 'seats'
      | 'confirmationPolicy'
      | 'bookerLayouts'
      | 'locations'
      | 'settings'
      | 'minimumBookingNotice'
      | 'slotInterval'
    >
  >,
): SeedEventType {
  return {
    title,
    slug,
    description,
    lengthInMinutes,
    slotInterval: null,
    minimumBookingNotice: 120,
    beforeEventBuffer: 0,
    afterEventBuffer: 0,
    hidden: true,
    bookingFields: defaultBookingFields(),
    recurrence: null,
    ...feature,
  };
}

/** A seated type: three seats a time, the count of seats left shown, attendees hidden from others. */
function groupWorkshop(): SeedEventType {
  return issue20Type('Group Workshop', 'group-workshop', 'A one-hour hands-on workshop.', 60, {
    seats: { seatsPerTimeSlot: 3, showAttendeeInfo: false, showAvailabilityCount: true },
  });
}

/** A seated type that shows attendees to each other and words its availability by fullness. */
function communityQa(): SeedEventType {
  return issue20Type('Community Q&A', 'community-qa', 'An open half-hour Q&A.', 30, {
    seats: { seatsPerTimeSlot: 6, showAttendeeInfo: true, showAvailabilityCount: false },
  });
}

/** A type that requires the host's confirmation; a pending time stays on offer. */
function approvalCall(): SeedEventType {
  return issue20Type('Intro Call (needs approval)', 'intro-call', 'The host confirms each.', 30, {
    confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: false },
  });
}

/**
 * A type whose owner chose the week view and switched the month view off (Cal.com's `bookerLayouts`,
 * valid input: `enabledLayouts` includes `defaultLayout`, booker-layouts.input.ts @
 * 5b6d63e6300b8d930530b1b876d556a12fcfbd96).
 */
function layoutsEventType(): SeedEventType {
  return issue20Type(
    'Office Hours',
    'office-hours',
    'Drop-in office hours: pick any free half hour this week.',
    30,
    {
      bookerLayouts: { defaultLayout: 'week', enabledLayouts: ['week', 'column'] },
    },
  );
}

/**
 * A type with a choice of places: Cal Video, the attendee's phone, the host's office (shown
 * publicly), the attendee's address, anywhere the attendee names, and the host's phone, which
 * Cal.com's "display publicly" is off for.
 */
function locationsEventType(): SeedEventType {
  return issue20Type(
    'Consultation',
    'consultation',
    'A consultation by video, by phone or in person, wherever suits you.',
    30,
    {
      locations: [
        { type: 'integration', integration: 'cal-video' },
        { type: 'attendeePhone' },
        { type: 'address', address: '1 Market St, San Francisco, CA 94105', public: true },
        { type: 'attendeeAddress' },
        { type: 'attendeeDefined' },
        { type: 'phone', phone: '+14155550123', public: false },
      ],
    },
  );
}

/**
 * Booking-page settings: a booker must verify their e-mail with a code, the organizer's e-mail is
 * hidden, the time zone is locked, and Cal.com names a page to go to afterwards.
 */
function verifiedIntroEventType(): SeedEventType {
  return issue20Type(
    'Verified Intro',
    'verified-intro',
    'A 20-minute introduction for verified e-mail addresses.',
    20,
    {
      slotInterval: 20,
      minimumBookingNotice: 60,
      settings: {
        requiresBookerEmailVerification: true,
        hideOrganizerEmail: true,
        lockTimeZoneToggleOnBookingPage: true,
        successRedirectUrl: 'https://example.com/thanks',
      },
    },
  );
}

/**
 * Booking-page settings: only its owner may book it (`bookingRequiresAuthentication`), and Cal.com
 * offers one time per day, the earliest (`onlyShowFirstAvailableSlot`).
 */
function ownerOnlyEventType(): SeedEventType {
  return issue20Type(
    'Owner Only',
    'owner-only',
    'Booked by its owner only, at the first free time of a day.',
    30,
    {
      minimumBookingNotice: 60,
      settings: { bookingRequiresAuthentication: true, onlyShowFirstAvailableSlot: true },
    },
  );
}

/** Monday to Friday, 09:00 to 17:00. */
export const WORK_WEEK: CalFakeAvailability = {
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
};
