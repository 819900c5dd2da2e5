import type { BookingsErrorKind } from '../client/errors.js';

/**
 * Every user-facing string the components render, with English defaults in `defaultBookingsLabels`.
 * Replace any of them for the whole app with `<BookingsLabelsProvider labels={…}>`, or for one
 * component with its `labels` prop; strings that include a value are functions.
 *
 * Text from Cal.com, AISquare or the person using the page (titles, names, reasons, field labels,
 * server details, typed addresses) reaches a label function already isolated, between U+2068 and
 * U+2069 (FSI…PDI), so a right-to-left or reversing character in it cannot reorder the sentence
 * around it. The components isolate it where they call the function, so your overrides get it the
 * same way: keep the argument whole. Dates, times, zones and numbers the components format with
 * `Intl` themselves arrive as they are.
 */
export interface BookingsLabels {
  /** BCP 47 locale for `Intl` formatting (the time until the next refresh). @default 'en' */
  locale: string;

  // --- buttons shared by several components ---------------------------------------------------
  /** Retry button of `BookingsErrorMessage` and `CalTokenStatus`. @default 'Try again' */
  retry: string;

  // --- CalSlotPicker (begin) --------------------------------------------------------------------
  /** Accessible name of the picker's region. @default 'Choose a day and time' */
  slotPickerTitle: string;
  /** @default 'Previous month' */
  slotPickerPreviousMonth: string;
  /** @default 'Next month' */
  slotPickerNextMonth: string;
  /** Accessible name of a day with times; `date` is the full date. @default (date) => `${date}, times available` */
  slotPickerDayAvailable: (date: string) => string;
  /** Accessible name of a past day or a day without times. @default (date) => `${date}, no times` */
  slotPickerDayUnavailable: (date: string) => string;
  /** While the month's times load. @default 'Loading times…' */
  slotPickerLoading: string;
  /** A month without any time. @default 'No times this month.' */
  slotPickerEmptyMonth: string;
  /** Button to the first day with times in the next month. @default (date) => `Next available: ${date}` */
  slotPickerNextAvailable: (date: string) => string;
  /** Button to the next month when it is not known to have times. @default 'Check next month' */
  slotPickerCheckNextMonth: string;
  /** Before a day is chosen. @default 'Choose a day to see its times.' */
  slotPickerChooseDay: string;
  /** A chosen day without times. @default 'No times on this day.' */
  slotPickerNoTimesOnDay: string;
  /** Under the chosen day: the zone of the times; `zone` reads "Europe/Berlin (GMT+1)". @default (zone) => `Times in ${zone}` */
  slotPickerTimesIn: (zone: string) => string;
  /** Label of the time zone selector. @default 'Time zone' */
  slotPickerTimeZone: string;
  /** A zone in the selector, with its current offset ("GMT+1"). @default (zone, offset) => `${zone} (${offset})` */
  slotPickerTimeZoneOption: (zone: string, offset: string) => string;
  /** The selector's filter matched nothing. @default 'No matching time zone.' */
  slotPickerTimeZoneNoMatch: string;
  /** Loading the month's times failed; followed by the error. @default 'Could not load the times.' */
  slotPickerError: string;
  // --- CalSlotPicker (end) ----------------------------------------------------------------------

  // --- BookingsErrorMessage ---------------------------------------------------------------------
  /** What went wrong, per error kind, in plain words. */
  errorMessage: Record<BookingsErrorKind, string>;
  /** What the person can do next, per error kind. */
  errorNextStep: Record<BookingsErrorKind, string>;
  /** The server's own detail, shown only with `showDetail`. @default (detail) => `Details: ${detail}` */
  errorDetail: (detail: string) => string;

  // --- Booking flow: CalEventTypeList, CalBookingForm, CalBookingConfirmation, CalBooker (begin) -
  /** Accessible name of the event type list. @default 'Meeting types' */
  eventTypeListTitle: string;
  /** While the event types load. @default 'Loading meeting types…' */
  eventTypeListLoading: string;
  /** No (visible) event types. @default 'There is nothing to book here yet.' */
  eventTypeListEmpty: string;
  /** Accessible name of the booking form. @default 'Your details' */
  bookingFormTitle: string;
  /** @default 'Your name' */
  bookingFormName: string;
  /** @default 'Email address' */
  bookingFormEmail: string;
  /** @default 'Additional notes' */
  bookingFormNotes: string;
  /** @default 'Add guests' */
  bookingFormGuests: string;
  /** Hint under the guests field. @default 'E-mail addresses, separated by commas.' */
  bookingFormGuestsHint: string;
  /** Reschedule mode's only field. @default 'Reason for reschedule' */
  bookingFormRescheduleReason: string;
  /** After the label of a field that may be left empty. @default '(optional)' */
  bookingFormOptional: string;
  /** First option of a select field. @default 'Choose…' */
  bookingFormChoose: string;
  /** @default 'Confirm booking' */
  bookingFormSubmit: string;
  /** @default 'Confirm new time' */
  bookingFormSubmitReschedule: string;
  /** The submit button while the request runs. @default 'Booking…' */
  bookingFormSubmitting: string;
  /** @default (label) => `${label} is required.` */
  bookingFormErrorRequired: (label: string) => string;
  /** @default 'Enter an e-mail address like name@example.com.' */
  bookingFormErrorEmail: string;
  /** @default 'Enter a phone number with its country code, like +44 20 7946 0958.' */
  bookingFormErrorPhone: string;
  /** @default 'Enter a number.' */
  bookingFormErrorNumber: string;
  /** @default 'Enter a web address like https://example.com.' */
  bookingFormErrorUrl: string;
  /** @default 'Choose one of the options.' */
  bookingFormErrorOption: string;
  /** @default (address) => `"${address}" is not an e-mail address.` */
  bookingFormErrorGuest: (address: string) => string;
  /** A text answer over its cap (`max` characters). @default (max) => `Use at most ${max} characters.` */
  bookingFormErrorTooLong: (max: number) => string;
  /** More guests than the cap (`max`). @default (max) => `Add at most ${max} guests.` */
  bookingFormErrorTooManyGuests: (max: number) => string;
  /**
   * On the longest answer, when the answers together are over the request's size cap.
   * @default 'Your answers are too long together. Shorten this one.'
   */
  bookingFormErrorTooLongTotal: string;
  /**
   * Announced (and shown above the button) when a submit finds problems.
   * @default (count) => count === 1 ? 'One field needs your attention.' : `${count} fields need your attention.`
   */
  bookingFormErrorSummary: (count: number) => string;
  /** Heading of the confirmation. @default 'Your meeting is booked' */
  confirmationTitle: string;
  /** Heading after a reschedule. @default 'Your meeting was moved' */
  confirmationRescheduledTitle: string;
  /** @default 'What' */
  confirmationWhat: string;
  /** @default 'When' */
  confirmationWhen: string;
  /** @default 'Where' */
  confirmationWhere: string;
  /** @default 'Who' */
  confirmationWho: string;
  /** Before the time in the attendee's zone, when the host's differs. @default 'Your time' */
  confirmationYourTime: string;
  /** Before the time in the host's zone. @default (host) => `${host}'s time` */
  confirmationHostTime: (host: string) => string;
  /** The host's role after their name. @default 'host' */
  confirmationHost: string;
  /** Link text of an online meeting's URL. @default 'Join the meeting' */
  confirmationJoin: string;
  /** The .ics download. @default 'Add to calendar (.ics)' */
  confirmationAddToCalendar: string;
  /** Starts the flow over. @default 'Book another meeting' */
  confirmationBookAnother: string;
  /** Accessible name of the booker. @default 'Book a meeting' */
  bookerTitle: string;
  /** Accessible name of the booker in reschedule mode. @default 'Reschedule your meeting' */
  bookerRescheduleTitle: string;
  /** Heading of the first step. @default 'Choose a meeting type' */
  bookerChooseEventType: string;
  /** Heading of the date and time step. @default 'Choose a day and time' */
  bookerChooseTime: string;
  /** Heading of the details step. @default 'Your details' */
  bookerDetails: string;
  /** @default 'Back' */
  bookerBack: string;
  /** While the event type or the rescheduled booking loads. @default 'Loading…' */
  bookerLoading: string;
  /** After Cal.com refused a slot as taken. @default 'Someone booked that time just before you. Please choose another time.' */
  bookerSlotTaken: string;
  /** Before the error of a refused booking. @default 'The booking could not be made.' */
  bookerFailed: string;
  /** Reschedule mode, when the booking's event type was deleted. @default 'This booking can’t be rescheduled: its meeting type no longer exists.' */
  bookerCannotReschedule: string;
  // --- Booking flow (end) -----------------------------------------------------------------------

  // --- CalUserCard ------------------------------------------------------------------------------
  /** Accessible name of the card region. @default 'Cal.com account' */
  userCardTitle: string;
  /** While the provider is disabled or nobody is signed in. @default 'Sign in to see your Cal.com account.' */
  userCardIdle: string;
  /** While the user loads (the skeleton's text). @default 'Loading your Cal.com account…' */
  userCardLoading: string;
  /** On 404 before the initial integration. @default 'Your Cal.com account is not connected yet.' */
  userCardNotConnected: string;
  /** Label of the email row. @default 'Email' */
  userCardEmail: string;
  /** Label of the time zone row. @default 'Time zone' */
  userCardTimeZone: string;
  /** Alternative text of the avatar image. @default (name) => `Avatar of ${name}` */
  userCardAvatarAlt: (name: string) => string;

  // --- CalConnectButton -------------------------------------------------------------------------
  /** Button before connecting. @default 'Connect Cal.com' */
  connect: string;
  /** Button while the request runs. @default 'Connecting…' */
  connecting: string;
  /** Button once connected (connects again, i.e. refreshes). @default 'Reconnect Cal.com' */
  reconnect: string;
  /** After the initial integration created the account. @default 'Your Cal.com account was created and connected.' */
  connectedCreated: string;
  /** After connecting to an account that already existed. @default 'Connected to your existing Cal.com account.' */
  connectedExisting: string;

  // --- CalTokenStatus ---------------------------------------------------------------------------
  /** Nothing requested yet. @default 'Cal.com is not connected.' */
  tokenIdle: string;
  /** First token request in flight. @default 'Connecting to Cal.com…' */
  tokenLoading: string;
  /** A valid token. @default 'Connected to Cal.com.' */
  tokenReady: string;
  /**
   * When the next refresh happens; `relative` is formatted with `Intl.RelativeTimeFormat` in `locale`
   * (e.g. "in 4 minutes", "in 12 seconds", "now").
   * @default (relative) => `Refreshes ${relative}.`
   */
  tokenRefreshesIn: (relative: string) => string;
  /** A refresh in flight (the previous token still works). @default 'Refreshing the Cal.com connection…' */
  tokenRefreshing: string;
  /** 401/403. @default 'Your session has expired. Sign in again to continue.' */
  tokenUnauthorized: string;
  /** The last attempt failed for good; followed by the kind's message. @default 'Could not connect to Cal.com.' */
  tokenError: string;

  // --- CalBookingsList (begin) ------------------------------------------------------------------
  /** Accessible name of the list's region. @default 'My bookings' */
  bookingsListTitle: string;
  /** Accessible name of the tab list. @default 'Bookings' */
  bookingsListTabs: string;
  /** @default 'Upcoming' */
  bookingsListUpcoming: string;
  /** @default 'Past' */
  bookingsListPast: string;
  /** @default 'Cancelled' */
  bookingsListCancelled: string;
  /** While the first page loads. @default 'Loading your bookings…' */
  bookingsListLoading: string;
  /** An empty Upcoming tab. @default 'No upcoming bookings.' */
  bookingsListEmptyUpcoming: string;
  /** An empty Past tab. @default 'No past bookings.' */
  bookingsListEmptyPast: string;
  /** An empty Cancelled tab. @default 'No cancelled bookings.' */
  bookingsListEmptyCancelled: string;
  /** Who else takes part; `names` is already joined with `Intl.ListFormat`. @default (names) => `With ${names}` */
  bookingsListWith: (names: string) => string;
  /** Badge of a booking that awaits the host's confirmation. @default 'Unconfirmed' */
  bookingsListUnconfirmed: string;
  /** The reason a cancelled booking shows. @default (reason) => `Reason: ${reason}` */
  bookingsListReason: (reason: string) => string;
  /** Accessible name of the paging navigation. @default 'Pages' */
  bookingsListPages: string;
  /** @default 'Previous page' */
  bookingsListPrevious: string;
  /** @default 'Next page' */
  bookingsListNext: string;
  /** @default (page, count) => `Page ${page} of ${count}` */
  bookingsListPageOf: (page: number, count: number) => string;
  /** A booking's reschedule button. @default 'Reschedule' */
  bookingsListReschedule: string;
  /** A booking's cancel button (opens the confirmation). @default 'Cancel' */
  bookingsListCancel: string;
  /** Title of the cancel confirmation. @default 'Cancel this booking?' */
  bookingsListCancelTitle: string;
  /**
   * What the confirmation says; `when` is the formatted time.
   * @default (title, when) => `${title}, ${when}. Everyone invited will be told.`
   */
  bookingsListCancelDescription: (title: string, when: string) => string;
  /** Label of the optional reason field. @default 'Reason (optional)' */
  bookingsListCancelReason: string;
  /**
   * For an occurrence of a recurring series: the choice to cancel the later occurrences too.
   * @default 'Also cancel the later occurrences of this series'
   */
  bookingsListCancelSeries: string;
  /** Confirms. @default 'Cancel booking' */
  bookingsListCancelConfirm: string;
  /** Closes the confirmation without cancelling. @default 'Keep booking' */
  bookingsListCancelKeep: string;
  /** The confirm button while the request runs. @default 'Cancelling…' */
  bookingsListCancelling: string;
  /** Announced once cancelled. @default (title) => `${title} was cancelled.` */
  bookingsListCancelDone: (title: string) => string;
  /** Title of the reschedule dialog. @default (title) => `Reschedule ${title}` */
  bookingsListRescheduleTitle: (title: string) => string;
  /** Announced once rescheduled. @default (title) => `${title} was rescheduled.` */
  bookingsListRescheduleDone: (title: string) => string;
  /** Closes the reschedule dialog. @default 'Close' */
  bookingsListClose: string;
  // --- CalBookingsList (end) --------------------------------------------------------------------
}

/**
 * The English labels every component starts from. Read-only: a plain object literal (not frozen) so
 * that bundlers drop it from apps that use no component.
 */
export const defaultBookingsLabels: Readonly<BookingsLabels> = {
  locale: 'en',
  retry: 'Try again',
  // --- CalSlotPicker (begin) ---
  slotPickerTitle: 'Choose a day and time',
  slotPickerPreviousMonth: 'Previous month',
  slotPickerNextMonth: 'Next month',
  slotPickerDayAvailable: (date: string) => `${date}, times available`,
  slotPickerDayUnavailable: (date: string) => `${date}, no times`,
  slotPickerLoading: 'Loading times…',
  slotPickerEmptyMonth: 'No times this month.',
  slotPickerNextAvailable: (date: string) => `Next available: ${date}`,
  slotPickerCheckNextMonth: 'Check next month',
  slotPickerChooseDay: 'Choose a day to see its times.',
  slotPickerNoTimesOnDay: 'No times on this day.',
  slotPickerTimesIn: (zone: string) => `Times in ${zone}`,
  slotPickerTimeZone: 'Time zone',
  slotPickerTimeZoneOption: (zone: string, offset: string) => `${zone} (${offset})`,
  slotPickerTimeZoneNoMatch: 'No matching time zone.',
  slotPickerError: 'Could not load the times.',
  // --- CalSlotPicker (end) ---
  errorMessage: {
    unauthorized: 'Your session has expired or you are signed out.',
    invalid_request: 'The booking service could not accept this request.',
    not_found: 'There is no Cal.com account for you yet.',
    server: 'The booking service is having trouble right now.',
    network: 'We could not reach the booking service.',
    timeout: 'The booking service took too long to answer.',
    invalid_response: 'The booking service sent an answer we could not read.',
    aborted: 'The request was cancelled before it finished.',
  },
  errorNextStep: {
    unauthorized: 'Sign in again, then try once more.',
    invalid_request: 'Reload the page and try again. If it keeps happening, contact support.',
    not_found: 'Connect your Cal.com account to continue.',
    server: 'Wait a moment, then try again.',
    network: 'Check your internet connection, then try again.',
    timeout: 'Try again in a moment.',
    invalid_response: 'Try again later. If it keeps happening, contact support.',
    aborted: 'Try again.',
  },
  errorDetail: (detail: string) => `Details: ${detail}`,
  // --- Booking flow (begin) ---
  eventTypeListTitle: 'Meeting types',
  eventTypeListLoading: 'Loading meeting types…',
  eventTypeListEmpty: 'There is nothing to book here yet.',
  bookingFormTitle: 'Your details',
  bookingFormName: 'Your name',
  bookingFormEmail: 'Email address',
  bookingFormNotes: 'Additional notes',
  bookingFormGuests: 'Add guests',
  bookingFormGuestsHint: 'E-mail addresses, separated by commas.',
  bookingFormRescheduleReason: 'Reason for reschedule',
  bookingFormOptional: '(optional)',
  bookingFormChoose: 'Choose…',
  bookingFormSubmit: 'Confirm booking',
  bookingFormSubmitReschedule: 'Confirm new time',
  bookingFormSubmitting: 'Booking…',
  bookingFormErrorRequired: (label: string) => `${label} is required.`,
  bookingFormErrorEmail: 'Enter an e-mail address like name@example.com.',
  bookingFormErrorPhone: 'Enter a phone number with its country code, like +44 20 7946 0958.',
  bookingFormErrorNumber: 'Enter a number.',
  bookingFormErrorUrl: 'Enter a web address like https://example.com.',
  bookingFormErrorOption: 'Choose one of the options.',
  bookingFormErrorGuest: (address: string) => `"${address}" is not an e-mail address.`,
  bookingFormErrorTooLong: (max: number) => `Use at most ${max} characters.`,
  bookingFormErrorTooManyGuests: (max: number) => `Add at most ${max} guests.`,
  bookingFormErrorTooLongTotal: 'Your answers are too long together. Shorten this one.',
  bookingFormErrorSummary: (count: number) =>
    count === 1 ? 'One field needs your attention.' : `${count} fields need your attention.`,
  confirmationTitle: 'Your meeting is booked',
  confirmationRescheduledTitle: 'Your meeting was moved',
  confirmationWhat: 'What',
  confirmationWhen: 'When',
  confirmationWhere: 'Where',
  confirmationWho: 'Who',
  confirmationYourTime: 'Your time',
  confirmationHostTime: (host: string) => `${host}'s time`,
  confirmationHost: 'host',
  confirmationJoin: 'Join the meeting',
  confirmationAddToCalendar: 'Add to calendar (.ics)',
  confirmationBookAnother: 'Book another meeting',
  bookerTitle: 'Book a meeting',
  bookerRescheduleTitle: 'Reschedule your meeting',
  bookerChooseEventType: 'Choose a meeting type',
  bookerChooseTime: 'Choose a day and time',
  bookerDetails: 'Your details',
  bookerBack: 'Back',
  bookerLoading: 'Loading…',
  bookerSlotTaken: 'Someone booked that time just before you. Please choose another time.',
  bookerFailed: 'The booking could not be made.',
  bookerCannotReschedule: 'This booking can’t be rescheduled: its meeting type no longer exists.',
  // --- Booking flow (end) ---
  userCardTitle: 'Cal.com account',
  userCardIdle: 'Sign in to see your Cal.com account.',
  userCardLoading: 'Loading your Cal.com account…',
  userCardNotConnected: 'Your Cal.com account is not connected yet.',
  userCardEmail: 'Email',
  userCardTimeZone: 'Time zone',
  userCardAvatarAlt: (name: string) => `Avatar of ${name}`,
  connect: 'Connect Cal.com',
  connecting: 'Connecting…',
  reconnect: 'Reconnect Cal.com',
  connectedCreated: 'Your Cal.com account was created and connected.',
  connectedExisting: 'Connected to your existing Cal.com account.',
  tokenIdle: 'Cal.com is not connected.',
  tokenLoading: 'Connecting to Cal.com…',
  tokenReady: 'Connected to Cal.com.',
  tokenRefreshesIn: (relative: string) => `Refreshes ${relative}.`,
  tokenRefreshing: 'Refreshing the Cal.com connection…',
  tokenUnauthorized: 'Your session has expired. Sign in again to continue.',
  tokenError: 'Could not connect to Cal.com.',
  // --- CalBookingsList (begin) ---
  bookingsListTitle: 'My bookings',
  bookingsListTabs: 'Bookings',
  bookingsListUpcoming: 'Upcoming',
  bookingsListPast: 'Past',
  bookingsListCancelled: 'Cancelled',
  bookingsListLoading: 'Loading your bookings…',
  bookingsListEmptyUpcoming: 'No upcoming bookings.',
  bookingsListEmptyPast: 'No past bookings.',
  bookingsListEmptyCancelled: 'No cancelled bookings.',
  bookingsListWith: (names: string) => `With ${names}`,
  bookingsListUnconfirmed: 'Unconfirmed',
  bookingsListReason: (reason: string) => `Reason: ${reason}`,
  bookingsListPages: 'Pages',
  bookingsListPrevious: 'Previous page',
  bookingsListNext: 'Next page',
  bookingsListPageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  bookingsListReschedule: 'Reschedule',
  bookingsListCancel: 'Cancel',
  bookingsListCancelTitle: 'Cancel this booking?',
  bookingsListCancelDescription: (title: string, when: string) =>
    `${title}, ${when}. Everyone invited will be told.`,
  bookingsListCancelReason: 'Reason (optional)',
  bookingsListCancelSeries: 'Also cancel the later occurrences of this series',
  bookingsListCancelConfirm: 'Cancel booking',
  bookingsListCancelKeep: 'Keep booking',
  bookingsListCancelling: 'Cancelling…',
  bookingsListCancelDone: (title: string) => `${title} was cancelled.`,
  bookingsListRescheduleTitle: (title: string) => `Reschedule ${title}`,
  bookingsListRescheduleDone: (title: string) => `${title} was rescheduled.`,
  bookingsListClose: 'Close',
  // --- CalBookingsList (end) ---
};

/**
 * Labels to replace: any subset, and any subset of the per-kind error strings
 * (`{ errorMessage: { network: 'Offline?' } }` keeps the other kinds' defaults).
 */
export type BookingsLabelsOverrides = Partial<
  Omit<BookingsLabels, 'errorMessage' | 'errorNextStep'>
> & {
  errorMessage?: Partial<Record<BookingsErrorKind, string>>;
  errorNextStep?: Partial<Record<BookingsErrorKind, string>>;
};

/**
 * Merges overrides over labels; `undefined` values keep what is there. The per-kind error strings
 * merge one level down, the same way.
 */
export function mergeBookingsLabels(
  base: BookingsLabels,
  overrides: BookingsLabelsOverrides | undefined,
): BookingsLabels {
  return overrides ? (mergeDefined(base, overrides) as unknown as BookingsLabels) : base;
}

function mergeDefined(base: object, overrides: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    merged[key] =
      key === 'errorMessage' || key === 'errorNextStep'
        ? mergeDefined(merged[key] as object, value)
        : value;
  }
  return merged;
}

// Defined with the booking fields, whose validation below the components isolates the same way.
export { isolate } from '../booking/isolate.js';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "in 4 minutes", "in 12 seconds", "now": the time until `ms` from now in the largest whole unit,
 * with `Intl.RelativeTimeFormat` in `locale` (falling back to 'en' for an unknown locale).
 */
export function formatTimeUntil(ms: number, locale: string): string {
  let format: Intl.RelativeTimeFormat;
  try {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  }
  const remaining = Math.max(0, ms);
  for (const [unit, size] of UNITS) {
    if (remaining >= size) return format.format(Math.floor(remaining / size), unit);
  }
  return format.format(Math.ceil(remaining / 1000), 'second');
}
