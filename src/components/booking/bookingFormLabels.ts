/** The English labels of `CalBookingForm` and its validation; their type is this object's. */
export const defaultBookingFormLabels = {
  /** Accessible name of the booking form. */
  bookingFormTitle: 'Your details',
  /** Label of the name field. */
  bookingFormName: 'Your name',
  /** Label of the e-mail field. */
  bookingFormEmail: 'Email address',
  /** Label of the notes field. */
  bookingFormNotes: 'Additional notes',
  /** Label of the guests field. */
  bookingFormGuests: 'Add guests',
  /** Hint under the guests field. */
  bookingFormGuestsHint: 'E-mail addresses, separated by commas.',
  /** Reschedule mode's only field. */
  bookingFormRescheduleReason: 'Reason for reschedule',
  /** After the label of a field that may be left empty. */
  bookingFormOptional: '(optional)',
  /** First option of a select field. */
  bookingFormChoose: 'Choose…',
  /** The submit button. */
  bookingFormSubmit: 'Confirm booking',
  /** The submit button in reschedule mode. */
  bookingFormSubmitReschedule: 'Confirm new time',
  /** The submit button while the request runs. */
  bookingFormSubmitting: 'Booking…',
  /** A required field left empty; `label` is the field's label. */
  bookingFormErrorRequired: (label: string) => `${label} is required.`,
  /** An e-mail field that holds no e-mail address. */
  bookingFormErrorEmail: 'Enter an e-mail address like name@example.com.',
  /** A phone field that holds no phone number. */
  bookingFormErrorPhone: 'Enter a phone number with its country code, like +44 20 7946 0958.',
  /** A number field that holds no number. */
  bookingFormErrorNumber: 'Enter a number.',
  /** A web address field that holds no http(s) address. */
  bookingFormErrorUrl: 'Enter a web address like https://example.com.',
  /** A choice that is not one of the field's options. */
  bookingFormErrorOption: 'Choose one of the options.',
  /** A guest that is not an e-mail address; `address` is what was typed. */
  bookingFormErrorGuest: (address: string) => `"${address}" is not an e-mail address.`,
  /** A text answer over its cap (`max` characters). */
  bookingFormErrorTooLong: (max: number) => `Use at most ${max} characters.`,
  /** More guests than the cap (`max`). */
  bookingFormErrorTooManyGuests: (max: number) => `Add at most ${max} guests.`,
  /** On the longest answer, when the answers together are over the request's size cap. */
  bookingFormErrorTooLongTotal: 'Your answers are too long together. Shorten this one.',
  /** Label of the location choice (or of the one location, shown without a choice). */
  bookingFormLocation: 'Location',
  /** The host's address (followed by it when Cal.com's "display publicly" is on). */
  bookingFormLocationAddress: 'In person (host’s address)',
  /** A location where the attendee gives their address. */
  bookingFormLocationAttendeeAddress: 'In person (your address)',
  /** The host's phone number (followed by it when public). */
  bookingFormLocationPhone: 'Phone call (host’s number)',
  /** A location where the attendee gives their phone number. */
  bookingFormLocationAttendeePhone: 'Phone call (your number)',
  /** A location the attendee names. */
  bookingFormLocationAttendeeDefined: 'Somewhere else',
  /** The host's meeting link (followed by it when public). */
  bookingFormLocationLink: 'Link meeting',
  /** Team event types: each host's default conferencing app. */
  bookingFormLocationDefaultApp: 'The host’s video app',
  /** Label of the attendee's phone number for a phone-call location. */
  bookingFormLocationYourPhone: 'Your phone number',
  /** Label of the attendee's address for an in-person location. */
  bookingFormLocationYourAddress: 'Your address',
  /** Label of the place the attendee names. */
  bookingFormLocationYourPlace: 'Where should we meet?',
  /** Announced (and shown above the button) when a submit finds problems. */
  bookingFormErrorSummary: (count: number) =>
    count === 1 ? 'One field needs your attention.' : `${count} fields need your attention.`,
};

export type BookingFormLabels = typeof defaultBookingFormLabels;
