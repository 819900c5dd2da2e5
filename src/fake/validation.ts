/**
 * Request bodies validated as Cal.com's pipes do (class-validator with `whitelist` and
 * `forbidNonWhitelisted`): the errors they collect, their message, and the create-booking rules.
 *
 * @module
 */
import { fail } from './calErrors.js';
import { isTimeZone, parseInstant } from './zoneMaths.js';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An e-mail address as the fake checks it, in one pass: one `@` with text before it, a dot inside the
 * domain with text on both sides, no whitespace. The regex it replaces
 * (`/^[^\s@]+@[^\s@]+\.[^\s@]+$/`) backtracked: `"a@" + "a.".repeat(30000) + "@"` held every client of
 * the sandbox for seconds.
 */
export function isEmailAddress(value: string): boolean {
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@') || /\s/.test(value)) return false;
  const dot = value.indexOf('.', at + 2);
  return dot !== -1 && dot < value.length - 1;
}

/**
 * A class-validator error as the bookings pipes report it: the property, its failed constraints'
 * messages and its nested errors.
 */
interface Invalid {
  property: string;
  constraints: string[];
  children: Invalid[];
}

/**
 * The bookings pipes' message: `${property} property is wrong,${constraints} ${children}`, joined
 * with `', '` (packages/platform/types/bookings/2024-08-13/inputs/create-booking-input.pipe.ts
 * @ 51442f5ecb3ff25bfdf6f5cb5b75c014b058f149 and cancel-booking-input.pipe.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646, `formatErrors`).
 */
export function formatInvalid(errors: readonly Invalid[]): string {
  return errors
    .map(
      (error) =>
        `${error.property} property is wrong,${error.constraints.join(', ')} ${
          error.children.length > 0 ? formatInvalid(error.children) : ''
        }`,
    )
    .join(', ');
}

/**
 * Collects class-validator errors for one object validated with `whitelist: true,
 * forbidNonWhitelisted: true`: a key the class lacks comes first (`property <key> should not exist`),
 * then each property in the order the class declares it.
 */
export function validator(body: Record<string, unknown>, allowed: readonly string[]) {
  const errors: Invalid[] = Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      property: key,
      constraints: [`property ${key} should not exist`],
      children: [],
    }));
  return {
    errors,
    /** Records a failed constraint of `property` (nested errors with `children`). */
    add(property: string, constraints: string[], children: Invalid[] = []) {
      if (constraints.length > 0 || children.length > 0) {
        errors.push({ property, constraints, children });
      }
    },
  };
}

export const isString = (value: unknown) => typeof value === 'string';
const isInt = (value: unknown) => typeof value === 'number' && Number.isInteger(value);
export const optional = (value: unknown) => value === undefined || value === null;

/**
 * `BookingLanguage` (packages/platform/types/bookings/2024-08-13/inputs/language.ts
 * @ 42e7dc494dfba03e5ca5224a418c57c012bdac3e), in its order: `attendee.language` must be one of them.
 */
const BOOKING_LANGUAGES = [
  'ar',
  'ca',
  'de',
  'es',
  'eu',
  'he',
  'id',
  'ja',
  'lv',
  'pl',
  'ro',
  'sr',
  'th',
  'vi',
  'az',
  'cs',
  'el',
  'es-419',
  'fi',
  'hr',
  'it',
  'km',
  'nl',
  'pt',
  'ru',
  'sv',
  'tr',
  'zh-CN',
  'bg',
  'da',
  'en',
  'et',
  'fr',
  'hu',
  'iw',
  'ko',
  'no',
  'pt-BR',
  'sk',
  'ta',
  'uk',
  'zh-TW',
  'bn',
];

/** The keys of `CreateBookingInput_2024_08_13`, in declaration order. */
const CREATE_KEYS = [
  'start',
  'attendee',
  'bookingFieldsResponses',
  'eventTypeId',
  'eventTypeSlug',
  'username',
  'teamSlug',
  'organizationSlug',
  'guests',
  'meetingUrl',
  'location',
  'metadata',
  'lengthInMinutes',
  'routing',
  'emailVerificationCode',
] as const;

/**
 * The metadata rule (packages/platform/types/bookings/2024-08-13/inputs/validators/validate-metadata.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646): at most 50 keys, each at most 40 characters, values
 * strings of at most 500 characters, numbers or booleans.
 */
function isValidMetadata(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  if (keys.length > 50) return false;
  return keys.every((key) => {
    const item = (value as Record<string, unknown>)[key];
    if (key.length > 40) return false;
    if (typeof item === 'number' || typeof item === 'boolean') return true;
    return typeof item === 'string' && item.length <= 500;
  });
}

/** The message `@ValidateMetadata` is given in create-booking.input.ts. */
const METADATA_MESSAGE =
  'Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters.';

/**
 * Validates a `POST /v2/bookings` body as Cal.com's pipe does (create-booking-input.pipe.ts
 * @ 51442f5ecb3ff25bfdf6f5cb5b75c014b058f149: the recurring input when the body has its own
 * `recurrenceCount`, the instant one when `instant === true`, else the plain one; `validateSync` with
 * `whitelist` and `forbidNonWhitelisted`, so any other key is a 400) against the decorators of
 * create-booking.input.ts @ 9527f3c977bbad000f98b436b17fca7aa9594fa4. Two of that file's checks never
 * fire: `attendee.email`/`phoneNumber` use `@Validate` with a plain function, which registers no
 * constraint, and the `location` validator is async, which `validateSync` never awaits
 * (class-validator's `customValidations`); `location` is checked later, against the event type.
 */
export function validateCreateBody(body: Record<string, unknown>): void {
  const recurring = Object.hasOwn(body, 'recurrenceCount');
  const instant = !recurring && body.instant === true;
  const allowed: string[] = [...CREATE_KEYS];
  if (recurring) allowed.push('recurrenceCount');
  if (instant) allowed.push('instant');
  const { errors, add } = validator(body, allowed);

  if (parseInstant(body.start) === undefined) {
    add('start', ['start must be a valid ISO 8601 date string']);
  }
  const attendee = body.attendee;
  if (attendee === undefined || attendee === null) {
    add('attendee', [
      'attendee should not be null or undefined',
      ...(attendee === null ? ['nested property attendee must be either object or array'] : []),
    ]);
  } else if (!isRecord(attendee)) {
    add('attendee', ['nested property attendee must be either object or array']);
  } else {
    const child = validator(attendee, ['name', 'email', 'timeZone', 'phoneNumber', 'language']);
    if (!isString(attendee.name)) child.add('name', ['name must be a string']);
    if (!isTimeZone(attendee.timeZone)) {
      child.add('timeZone', ['timeZone must be a valid IANA time-zone']);
    }
    if (!optional(attendee.language) && !BOOKING_LANGUAGES.includes(String(attendee.language))) {
      child.add('language', [
        `language must be one of the following values: ${BOOKING_LANGUAGES.join(', ')}`,
      ]);
    }
    if (!attendee.email && !attendee.phoneNumber) {
      child.add('attendee email or phone', [
        'Attendee must have at least one contact method (email or phone number)',
      ]);
    }
    add('attendee', [], child.errors);
  }
  if (!optional(body.bookingFieldsResponses) && !isRecord(body.bookingFieldsResponses)) {
    add('bookingFieldsResponses', ['bookingFieldsResponses must be an object']);
  }
  if (!optional(body.eventTypeId) && !isInt(body.eventTypeId)) {
    add('eventTypeId', ['eventTypeId must be an integer number']);
  }
  for (const key of ['eventTypeSlug', 'username', 'teamSlug', 'organizationSlug'] as const) {
    if (!optional(body[key]) && !isString(body[key])) add(key, [`${key} must be a string`]);
  }
  if (!optional(body.guests)) {
    const guests = body.guests;
    add('guests', [
      ...((Array.isArray(guests) ? guests : [guests]).every(isString)
        ? []
        : ['each value in guests must be a string']),
      ...(Array.isArray(guests) ? [] : ['guests must be an array']),
    ]);
  }
  if (
    !optional(body.meetingUrl) &&
    !(isString(body.meetingUrl) && /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i.test(body.meetingUrl))
  ) {
    add('meetingUrl', ['meetingUrl must be a URL address']);
  }
  if (!optional(body.metadata)) {
    add('metadata', [
      ...(isValidMetadata(body.metadata) ? [] : [METADATA_MESSAGE]),
      ...(isRecord(body.metadata) ? [] : ['metadata must be an object']),
    ]);
  }
  for (const key of ['lengthInMinutes', ...(recurring ? ['recurrenceCount'] : [])]) {
    const value = body[key];
    if (optional(value)) continue;
    add(key, [
      ...(typeof value === 'number' && value >= 1 ? [] : [`${key} must not be less than 1`]),
      ...(isInt(value) ? [] : [`${key} must be an integer number`]),
    ]);
  }
  if (!optional(body.routing)) {
    const routing = body.routing;
    if (!isRecord(routing)) {
      add('routing', ['nested property routing must be either object or array']);
    } else {
      const child = validator(routing, [
        'responseId',
        'teamMemberIds',
        'teamMemberEmail',
        'skipContactOwner',
        'crmAppSlug',
        'crmOwnerRecordType',
      ]);
      if (!isInt(routing.responseId))
        child.add('responseId', ['responseId must be an integer number']);
      const ids = routing.teamMemberIds;
      child.add('teamMemberIds', [
        ...((Array.isArray(ids) ? ids : [ids]).every(isInt)
          ? []
          : ['each value in teamMemberIds must be an integer number']),
        ...(Array.isArray(ids) ? [] : ['teamMemberIds must be an array']),
      ]);
      add('routing', [], child.errors);
    }
  }
  if (!optional(body.emailVerificationCode) && !isString(body.emailVerificationCode)) {
    add('emailVerificationCode', ['emailVerificationCode must be a string']);
  }
  const identified =
    Boolean(body.eventTypeId) ||
    (Boolean(body.eventTypeSlug) && (Boolean(body.username) || Boolean(body.teamSlug)));
  if (!identified) {
    add('eventTypeId or eventTypeSlug + username', [
      'Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided',
    ]);
  }
  if (errors.length > 0) fail(400, formatInvalid(errors));
}
