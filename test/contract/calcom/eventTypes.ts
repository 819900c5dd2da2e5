/**
 * `GET /v2/event-types` (`cal-api-version: 2024-06-14`) as Cal.com answers it, written from
 * (ET = apps/api/v2/src/ee/event-types/event-types_2024_06_14, PT =
 * packages/platform/types/event-types/event-types_2024_06_14)
 * - ET/services/output-event-types.service.ts @ f0ac6126fbf673cb8202562293bf12d976ccaa49
 *   (`getResponseEventType`: every key and its order; `seatsPerTimeSlot` and
 *   `seatsShowAvailabilityCount` are declared by the DTO but never sent: `seats` carries them)
 * - ET/controllers/event-types.controller.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96 (the list drops
 *   every booking field with `hidden: true`; `data` is always an array, also for username + eventSlug)
 * - ET/transformers/internal-to-api/locations.ts and booking-fields.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96
 * - PT/outputs/event-type.output.ts, locations.output.ts, booking-fields.output.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96
 * - PT/inputs/seats.input.ts @ 03670679c00d600615e8df2bc64545bd51c61646 and recurrence.input.ts
 *   @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96 (`disabled = false` initialisers: an enabled `seats` or a
 *   `recurrence` carries `disabled: false`)
 *
 * `bookingUrl`, `disableCancelling`, `disableRescheduling`, `interfaceLanguage`,
 * `allowReschedulingPastBookings`, `allowReschedulingCancelledBookings` and `showOptimizedSlots` came in
 * December 2025 (Cal.com PRs #25739, #26195): optional here, as an older deployment lacks them.
 * The published OpenAPI document (docs/api-reference/v2/openapi.json @ fea00aa8bd9bc15eb4b0f7c6329bec1d65f72765)
 * disagrees in places; docs/sandbox-cal.md lists each disagreement.
 */
import { arrayOf, literal, obj, oneOf, record, type Shape, type Spec } from '../shape.js';

const withPublic = (fields: Shape): Spec => obj({ ...fields, public: '?boolean' });

/** `locations[]`: one variant per `type` (locations.output.ts). */
export const locationOutputShape = oneOf([
  withPublic({ type: literal(['address']), address: 'string' }),
  withPublic({ type: literal(['link']), link: 'string' }),
  withPublic({ type: literal(['phone']), phone: 'string' }),
  obj({
    type: literal(['integration']),
    integration: 'string',
    link: '?string',
    credentialId: '?number',
  }),
  obj({ type: literal(['attendeeAddress']) }),
  obj({ type: literal(['attendeePhone']) }),
  obj({ type: literal(['attendeeDefined']) }),
  obj({ type: literal(['organizersDefaultApp']) }),
  obj({ type: literal(['unknown']), location: 'string' }),
]);

const systemField = (type: string, slug: string): Spec =>
  obj({
    type: literal([type]),
    slug: literal([slug]),
    isDefault: literal([true]),
    required: 'boolean',
    label: '?string',
    placeholder: '?string',
    disableOnPrefill: 'boolean',
    hidden: 'boolean',
  });

const customField = (types: readonly string[], extra: Shape): Spec =>
  obj({
    type: literal(types),
    slug: 'string',
    isDefault: literal([false]),
    required: 'boolean',
    disableOnPrefill: 'boolean',
    hidden: 'boolean',
    ...extra,
  });

/** `bookingFields[]`: Cal.com's system fields, its custom field types, and `unknown`. */
export const bookingFieldOutputShape = oneOf([
  obj({
    type: literal(['name']),
    slug: literal(['name']),
    isDefault: literal([true]),
    required: 'boolean',
    label: '?string',
    placeholder: '?string',
    disableOnPrefill: 'boolean',
  }),
  obj({
    type: literal(['splitName']),
    slug: literal(['splitName']),
    isDefault: literal([true]),
    firstNameLabel: '?string',
    firstNamePlaceholder: '?string',
    lastNameLabel: '?string',
    lastNamePlaceholder: '?string',
    lastNameRequired: 'boolean',
    disableOnPrefill: 'boolean',
  }),
  systemField('email', 'email'),
  obj({
    type: literal(['radioInput']),
    slug: literal(['location']),
    isDefault: literal([true]),
    required: 'boolean',
    hidden: 'boolean',
    label: '?string',
  }),
  systemField('textarea', 'rescheduleReason'),
  systemField('text', 'title'),
  systemField('textarea', 'notes'),
  systemField('multiemail', 'guests'),
  systemField('phone', 'attendeePhoneNumber'),
  customField(['phone', 'text', 'textarea', 'multiemail', 'url'], {
    label: 'string',
    placeholder: '?string',
  }),
  customField(['address', 'number'], { label: '?string', placeholder: '?string' }),
  customField(['boolean'], { label: '?string' }),
  customField(['select'], { label: '?string', placeholder: '?string', options: arrayOf('string') }),
  customField(['multiselect', 'checkbox', 'radio'], {
    label: '?string',
    options: arrayOf('string'),
  }),
  obj({ type: literal(['unknown']), slug: literal(['unknown']), bookingField: 'string' }),
]);

const limits = obj(
  { day: '?number', week: '?number', month: '?number', year: '?number' },
  { optional: true },
);

export const eventTypeShape: Shape = {
  id: 'number',
  ownerId: 'number',
  lengthInMinutes: 'number',
  lengthInMinutesOptions: arrayOf('number', { optional: true }),
  title: 'string',
  slug: 'string',
  description: 'string',
  locations: arrayOf(locationOutputShape),
  bookingFields: arrayOf(bookingFieldOutputShape),
  recurrence: obj(
    {
      disabled: 'boolean',
      interval: 'number',
      occurrences: 'number',
      frequency: literal(['yearly', 'monthly', 'weekly']),
    },
    { nullable: true },
  ),
  disableGuests: 'boolean',
  slotInterval: 'number|null',
  minimumBookingNotice: 'number',
  beforeEventBuffer: 'number',
  afterEventBuffer: 'number',
  metadata: record('unknown'),
  price: 'number',
  currency: 'string',
  lockTimeZoneToggleOnBookingPage: 'boolean',
  forwardParamsSuccessRedirect: 'boolean|null',
  successRedirectUrl: 'string|null',
  isInstantEvent: 'boolean',
  users: arrayOf(
    obj({
      id: 'number',
      name: 'string|null',
      username: 'string|null',
      avatarUrl: 'string|null',
      brandColor: 'string|null',
      darkBrandColor: 'string|null',
      weekStart: 'string',
      metadata: record('unknown'),
    }),
  ),
  scheduleId: 'number|null',
  bookingLimitsCount: limits,
  bookingLimitsDuration: limits,
  onlyShowFirstAvailableSlot: 'boolean',
  offsetStart: 'number',
  bookingWindow: oneOf(
    [
      obj({ disabled: literal([true]) }),
      obj({ type: literal(['businessDays', 'calendarDays']), value: 'number', rolling: 'boolean' }),
      obj({ type: literal(['range']), value: arrayOf('string') }),
    ],
    { optional: true },
  ),
  bookerLayouts: obj(
    {
      defaultLayout: literal(['month', 'week', 'column']),
      enabledLayouts: arrayOf(literal(['month', 'week', 'column'])),
    },
    { optional: true },
  ),
  confirmationPolicy: oneOf([
    obj({ disabled: literal([true]) }),
    obj({ type: literal(['always']), blockUnconfirmedBookingsInBooker: 'boolean' }),
    obj({
      type: literal(['time']),
      noticeThreshold: obj({ unit: literal(['minutes', 'hours']), count: 'number' }),
      blockUnconfirmedBookingsInBooker: 'boolean',
    }),
  ]),
  requiresBookerEmailVerification: 'boolean',
  hideCalendarNotes: 'boolean',
  color: obj({ darkThemeHex: 'string', lightThemeHex: 'string' }, { optional: true }),
  seats: oneOf([
    obj({ disabled: literal([true]) }),
    obj({
      disabled: literal([false]),
      seatsPerTimeSlot: 'number',
      showAttendeeInfo: 'boolean',
      showAvailabilityCount: 'boolean',
    }),
  ]),
  customName: '?string',
  destinationCalendar: obj({ integration: 'string', externalId: 'string' }, { optional: true }),
  useDestinationCalendarEmail: 'boolean',
  hideCalendarEventDetails: 'boolean',
  hideOrganizerEmail: 'boolean',
  calVideoSettings: record('unknown', { optional: true }),
  hidden: 'boolean',
  bookingRequiresAuthentication: 'boolean',
  bookerActiveBookingsLimit: oneOf([
    obj({ disabled: literal([true]) }),
    obj({ maximumActiveBookings: '?number', offerReschedule: '?boolean' }),
  ]),
  bookingUrl: '?string',
  disableCancelling: obj({ disabled: 'boolean' }, { optional: true }),
  disableRescheduling: obj({ disabled: 'boolean', minutesBefore: '?number' }, { optional: true }),
  interfaceLanguage: '?string|null',
  allowReschedulingPastBookings: '?boolean',
  allowReschedulingCancelledBookings: '?boolean|null',
  showOptimizedSlots: '?boolean|null',
};

const user = {
  id: 1234,
  name: 'Alice',
  username: 'alice',
  avatarUrl: null,
  brandColor: '#292929',
  darkBrandColor: '#fafafa',
  weekStart: 'Sunday',
  metadata: {},
};

/** An event type created with Cal.com's defaults, read without a token by username and slug. */
const minimal = {
  id: 101,
  ownerId: 1234,
  lengthInMinutes: 30,
  title: '30 min',
  slug: '30min',
  description: '',
  locations: [{ type: 'integration', integration: 'cal-video' }],
  bookingFields: [
    { isDefault: true, type: 'name', slug: 'name', required: true, disableOnPrefill: false },
    {
      isDefault: true,
      type: 'email',
      slug: 'email',
      required: true,
      disableOnPrefill: false,
      hidden: false,
    },
    { isDefault: true, type: 'radioInput', slug: 'location', required: false, hidden: false },
    {
      isDefault: true,
      type: 'textarea',
      slug: 'notes',
      required: false,
      disableOnPrefill: false,
      hidden: false,
    },
    {
      isDefault: true,
      type: 'multiemail',
      slug: 'guests',
      required: false,
      disableOnPrefill: false,
      hidden: false,
    },
    {
      isDefault: true,
      type: 'textarea',
      slug: 'rescheduleReason',
      required: false,
      disableOnPrefill: false,
      hidden: false,
    },
  ],
  recurrence: null,
  disableGuests: false,
  slotInterval: null,
  minimumBookingNotice: 120,
  beforeEventBuffer: 0,
  afterEventBuffer: 0,
  metadata: {},
  price: 0,
  currency: 'usd',
  lockTimeZoneToggleOnBookingPage: false,
  forwardParamsSuccessRedirect: true,
  successRedirectUrl: null,
  isInstantEvent: false,
  users: [user],
  scheduleId: null,
  onlyShowFirstAvailableSlot: false,
  offsetStart: 0,
  confirmationPolicy: { disabled: true },
  requiresBookerEmailVerification: false,
  hideCalendarNotes: false,
  seats: { disabled: true },
  useDestinationCalendarEmail: false,
  hideCalendarEventDetails: false,
  hideOrganizerEmail: false,
  hidden: false,
  bookingRequiresAuthentication: false,
  bookerActiveBookingsLimit: { disabled: true },
};

/** Every optional key, every location variant and every booking-field variant at once. */
const full = {
  ...minimal,
  id: 102,
  title: 'Coding class',
  slug: 'coding-class',
  description: 'Learn how to code: https://example.com/a-very-long-url-that-does-not-break/at/all',
  lengthInMinutes: 60,
  lengthInMinutesOptions: [30, 60, 90],
  locations: [
    { type: 'address', address: '123 Example St, City', public: true },
    { type: 'link', link: 'https://meet.example.com/alice', public: false },
    { type: 'phone', phone: '+37120993151', public: true },
    { type: 'integration', integration: 'cal-video' },
    { type: 'integration', integration: 'zoom', link: 'https://zoom.us/j/1', credentialId: 7 },
    { type: 'attendeeAddress' },
    { type: 'attendeePhone' },
    { type: 'attendeeDefined' },
    { type: 'organizersDefaultApp' },
    { type: 'unknown', location: '{"type":"integrations:some-app"}' },
  ],
  bookingFields: [
    {
      isDefault: true,
      type: 'splitName',
      slug: 'splitName',
      firstNameLabel: 'First name',
      lastNameLabel: 'Last name',
      lastNameRequired: false,
      disableOnPrefill: false,
    },
    ...minimal.bookingFields.slice(1),
    {
      isDefault: true,
      type: 'phone',
      slug: 'attendeePhoneNumber',
      required: false,
      disableOnPrefill: false,
      hidden: false,
    },
    ...(
      [
        ['phone', 'phone-field'],
        ['text', 'company'],
        ['textarea', 'agenda'],
        ['multiemail', 'others'],
        ['url', 'website'],
      ] as const
    ).map(([type, slug]) => ({
      isDefault: false,
      type,
      slug,
      label: slug,
      placeholder: `Your ${slug}`,
      required: false,
      disableOnPrefill: false,
      hidden: false,
    })),
    {
      isDefault: false,
      type: 'address',
      slug: 'office',
      label: 'Office',
      required: false,
      disableOnPrefill: false,
      hidden: false,
    },
    {
      isDefault: false,
      type: 'number',
      slug: 'seats-needed',
      label: 'People',
      placeholder: '1',
      required: true,
      disableOnPrefill: false,
      hidden: false,
    },
    {
      isDefault: false,
      type: 'boolean',
      slug: 'agree',
      label: 'I agree',
      required: true,
      disableOnPrefill: false,
      hidden: false,
    },
    {
      isDefault: false,
      type: 'select',
      slug: 'language',
      label: 'Language',
      placeholder: 'Choose one',
      options: ['JavaScript', 'Python'],
      required: true,
      disableOnPrefill: false,
      hidden: false,
    },
    ...(['multiselect', 'checkbox', 'radio'] as const).map((type) => ({
      isDefault: false,
      type,
      slug: `${type}-field`,
      label: type,
      options: ['one', 'two'],
      required: false,
      disableOnPrefill: false,
      hidden: false,
    })),
    { type: 'unknown', slug: 'unknown', bookingField: '{"name":"legacy","type":"whatever"}' },
  ],
  recurrence: { disabled: false, interval: 1, occurrences: 6, frequency: 'weekly' },
  slotInterval: 15,
  scheduleId: 5678,
  bookingLimitsCount: { day: 2, week: 5 },
  bookingLimitsDuration: { day: 60, week: 100 },
  onlyShowFirstAvailableSlot: true,
  offsetStart: 30,
  bookingWindow: { type: 'calendarDays', value: 30, rolling: true },
  bookerLayouts: { defaultLayout: 'month', enabledLayouts: ['column', 'month', 'week'] },
  confirmationPolicy: {
    type: 'time',
    noticeThreshold: { unit: 'minutes', count: 60 },
    blockUnconfirmedBookingsInBooker: true,
  },
  color: { darkThemeHex: '#292929', lightThemeHex: '#fafafa' },
  seats: {
    disabled: false,
    seatsPerTimeSlot: 4,
    showAttendeeInfo: true,
    showAvailabilityCount: true,
  },
  customName: '{Event type title} between {Organiser} and {Scheduler}',
  destinationCalendar: { integration: 'google_calendar', externalId: 'alice@example.com' },
  calVideoSettings: { sendTranscriptionEmails: true },
  hidden: true,
  bookerActiveBookingsLimit: { maximumActiveBookings: 3, offerReschedule: true },
  bookingUrl: 'https://cal.com/alice/coding-class',
  disableCancelling: { disabled: false },
  disableRescheduling: { disabled: false, minutesBefore: 60 },
  interfaceLanguage: 'en',
  allowReschedulingPastBookings: false,
  allowReschedulingCancelledBookings: false,
  showOptimizedSlots: false,
};

export const eventTypesSamples = {
  /** `?username=…&eventSlug=…` that matches nothing: an empty array, HTTP 200. */
  none: [],
  minimal: [minimal],
  full: [full],
  /** Requires confirmation always; a rolling window; a range window. */
  confirmation: [
    {
      ...minimal,
      id: 103,
      slug: 'intro',
      confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: false },
      bookingWindow: { type: 'range', value: ['2050-09-01', '2050-09-30'] },
    },
  ],
  /** Seated and recurring types as they come, one each. */
  seatedAndRecurring: [
    {
      ...minimal,
      id: 104,
      slug: 'workshop',
      seats: {
        disabled: false,
        seatsPerTimeSlot: 10,
        showAttendeeInfo: false,
        showAvailabilityCount: true,
      },
    },
    {
      ...minimal,
      id: 105,
      slug: 'weekly',
      recurrence: { disabled: false, interval: 1, occurrences: 4, frequency: 'weekly' },
    },
  ],
} as const;
