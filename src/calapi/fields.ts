/**
 * The typed variants of Cal.com's booking fields and locations (event-types `2024-06-14`, bookings
 * `2024-08-13`), from Cal.com's output and input DTOs under packages/platform/types. Types only: the
 * schemas stay lenient, so each union ends in a member for the `type`s Cal.com adds later.
 *
 * @module
 */

/** What every booking field may carry; Cal.com leaves out what a variant lacks. */
interface CalBookingFieldCommon {
  /** The key of the answer in `bookingFieldsResponses` (`name` for the attendee's name). */
  slug?: string | null;
  /** Older API versions name the field here instead of `slug`. */
  name?: string | null;
  /** The question; Cal.com's own text for its default fields is left out. */
  label?: string | null;
  placeholder?: string | null;
  required?: boolean | null;
  /** Cal.com's list of event types leaves hidden fields out; other endpoints send them. */
  hidden?: boolean | null;
  /** `true` for Cal.com's default fields (name, email, location, notes, guests, …). */
  isDefault?: boolean | null;
  /** Whether a value prefilled from the URL can be changed. */
  disableOnPrefill?: boolean | null;
  [key: string]: unknown;
}

/** The attendee's name, one input. */
export interface CalNameBookingField extends CalBookingFieldCommon {
  type: 'name';
}

/** The attendee's name as first and last name. */
export interface CalSplitNameBookingField extends CalBookingFieldCommon {
  type: 'splitName';
  firstNameLabel?: string | null;
  firstNamePlaceholder?: string | null;
  lastNameLabel?: string | null;
  lastNamePlaceholder?: string | null;
  lastNameRequired?: boolean | null;
}

/** The attendee's e-mail address. */
export interface CalEmailBookingField extends CalBookingFieldCommon {
  type: 'email';
}

/** Cal.com's location chooser (slug `location`): the event type's `locations` are the choices. */
export interface CalLocationBookingField extends CalBookingFieldCommon {
  type: 'radioInput';
}

/** A question answered with one value (`multiemail`: a list of addresses; `boolean`: a tick box). */
export interface CalValueBookingField extends CalBookingFieldCommon {
  type: 'text' | 'textarea' | 'phone' | 'address' | 'number' | 'url' | 'multiemail' | 'boolean';
}

/** A question answered by choosing among `options` (their values). */
export interface CalChoiceBookingField extends CalBookingFieldCommon {
  type: 'select' | 'multiselect' | 'checkbox' | 'radio';
  options?: string[] | null;
}

/** A field Cal.com could not map to its API (`bookingField` holds it as JSON); it cannot be asked. */
export interface CalUnknownBookingField extends CalBookingFieldCommon {
  type: 'unknown';
  bookingField?: string | null;
}

/** A field of a type this package does not know yet, passed through as Cal.com sent it. */
export interface CalOtherBookingField extends CalBookingFieldCommon {
  type: string & {};
}

/** A question of an event type's booking form, by Cal.com's `type`. */
export type CalBookingField =
  | CalNameBookingField
  | CalSplitNameBookingField
  | CalEmailBookingField
  | CalLocationBookingField
  | CalValueBookingField
  | CalChoiceBookingField
  | CalUnknownBookingField
  | CalOtherBookingField;

/**
 * Cal.com's conferencing apps, as a location's `integration` names them (its `Integration` list in
 * locations.output.ts / location.input.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96); any other
 * string is an app Cal.com added later.
 */
export type CalLocationIntegration =
  | 'cal-video'
  | 'google-meet'
  | 'zoom'
  | 'whereby-video'
  | 'whatsapp-video'
  | 'webex-video'
  | 'telegram-video'
  | 'tandem'
  | 'sylaps-video'
  | 'skype-video'
  | 'sirius-video'
  | 'signal-video'
  | 'shimmer-video'
  | 'salesroom-video'
  | 'roam-video'
  | 'riverside-video'
  | 'ping-video'
  | 'office365-video'
  | 'mirotalk-video'
  | 'jitsi'
  | 'jelly-video'
  | 'jelly-conferencing'
  | 'huddle'
  | 'facetime-video'
  | 'element-call-video'
  | 'eightxeight-video'
  | 'discord-video'
  | 'demodesk-video'
  | 'campfire-video'
  | (string & {});

/**
 * Where an event type takes place, as `GET /v2/event-types` lists it. `public` says whether the
 * organizer's address, link or phone is shown before booking.
 */
export type CalLocation =
  | { type: 'address'; address: string; public?: boolean; [key: string]: unknown }
  | { type: 'link'; link: string; public?: boolean; [key: string]: unknown }
  | { type: 'phone'; phone: string; public?: boolean; [key: string]: unknown }
  | {
      type: 'integration';
      /** e.g. `cal-video`, `google-meet`, `zoom`. */
      integration: CalLocationIntegration;
      link?: string;
      credentialId?: number;
      [key: string]: unknown;
    }
  /** The attendee gives an address, a phone number, or any place, when booking. */
  | { type: 'attendeeAddress' | 'attendeePhone' | 'attendeeDefined'; [key: string]: unknown }
  /** Team event types: each host's default conferencing app. */
  | { type: 'organizersDefaultApp'; [key: string]: unknown }
  /** A location Cal.com could not map; `location` holds it as JSON. */
  | { type: 'unknown'; location?: string; [key: string]: unknown }
  | { type: string & {}; [key: string]: unknown };

/**
 * The `location` of a new booking (Cal.com's `BookingInputLocation_2024_08_13`): one of the event
 * type's locations, with what the attendee supplies where the location needs it.
 */
export type CalBookingLocationInput =
  /** The organizer's address, link or phone, as the event type sets it. */
  | { type: 'address' | 'link' | 'phone' }
  /** A conferencing app of the event type, e.g. `{ type: 'integration', integration: 'cal-video' }`. */
  | { type: 'integration'; integration: CalLocationIntegration }
  /** The attendee's address. */
  | { type: 'attendeeAddress'; address: string }
  /** The attendee's phone number, in international (E.164) form: `+442079460958`. */
  | { type: 'attendeePhone'; phone: string }
  /** Any place the attendee names. */
  | { type: 'attendeeDefined'; location: string }
  /** Team event types only: each host's default conferencing app. */
  | { type: 'organizersDefaultApp' };
