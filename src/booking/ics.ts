import type { CalBooking } from '../calapi/types.js';

/** Options of `toIcs`. */
export interface ToIcsOptions {
  /** `DTSTAMP`: when the file is made. @default new Date() */
  now?: Date | number;
  /** `SUMMARY`. @default booking.title */
  summary?: string;
  /** `PRODID`. @default '-//AISquare//bookings-react//EN' */
  productId?: string;
  /**
   * Leave the organizer out (the event type's `hideOrganizerEmail`): `ORGANIZER` is an e-mail address,
   * so there is no line at all (Cal.com's own calendar events drop the address too). @default false
   */
  hideOrganizerEmail?: boolean;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** An instant as RFC 5545 UTC DATE-TIME: `20250106T090000Z`. */
export function icsDateTime(instant: Date | number | string): string {
  const iso = new Date(instant).toISOString(); // 2025-01-06T09:00:00.000Z
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, any line break as `\n`, other
 * control characters but tab dropped.
 */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/(?!\t)\p{Cc}/gu, '');
}

/** A value that is not TEXT (UID, an address, PRODID): control characters dropped, so no line breaks. */
const plain = (text: string) => text.replace(/\p{Cc}/gu, '');

/** A parameter value (e.g. `CN`): quoted when it holds `:`, `;` or `,`; double quotes cannot appear. */
function paramValue(text: string): string {
  const clean = plain(text).replace(/"/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** The value when it is an http(s) URL that parses and holds no space or control character. */
export function httpUrl(value: string | null | undefined): string | undefined {
  if (!value || !/^https?:\/\/[^\s\p{Cc}]+$/iu.test(value)) return undefined;
  try {
    new URL(value);
    return value;
  } catch {
    return undefined;
  }
}

/**
 * Where the booking takes place (its location, else its meeting URL) and the http(s) link to join it:
 * whichever of the two is one (location may be 'integrations:daily').
 */
export function bookingPlace(booking: CalBooking): { where: string; link: string | undefined } {
  return {
    where: booking.location || booking.meetingUrl || '',
    link: httpUrl(booking.meetingUrl) ?? httpUrl(booking.location),
  };
}

/** The booking's status: cancelled (rejected counts as cancelled), pending, or confirmed. */
export const bookingStatus = (booking: CalBooking): 'cancelled' | 'pending' | 'confirmed' =>
  booking.status === 'cancelled' || booking.status === 'rejected'
    ? 'cancelled'
    : booking.status === 'pending'
      ? 'pending'
      : 'confirmed';

/**
 * RFC 5545 §3.1 folding: lines longer than 75 octets (UTF-8) are split, each continuation starting
 * with one space; a multi-byte character is never cut.
 */
export function foldIcsLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * The booking's host, unless Cal.com reports a deleted one (`id: 'unknown'`, with the word `unknown`
 * for a name and an e-mail address, which must not be shown or put in a calendar).
 */
export function bookingHost(
  booking: CalBooking,
): NonNullable<CalBooking['hosts']>[number] | undefined {
  const host = booking.hosts?.[0];
  return host && host.id !== 'unknown' ? host : undefined;
}

/**
 * An iCalendar file (RFC 5545) with one event for the booking, made locally: CRLF line endings,
 * lines folded at 75 octets, TEXT values escaped, start and end in UTC (`Z`), a stable `UID` (Cal.com's
 * `icsUid` when given, else the booking's uid) and `DTSTAMP`. Cancelled bookings say
 * `STATUS:CANCELLED`, so importing the file again updates the calendar entry.
 */
export function toIcs(booking: CalBooking, options: ToIcsOptions = {}): string {
  const host = bookingHost(booking);
  const icsUid = typeof booking.icsUid === 'string' && booking.icsUid ? booking.icsUid : undefined;
  const { where, link } = bookingPlace(booking);
  const status = bookingStatus(booking);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${plain(options.productId ?? '-//AISquare//bookings-react//EN')}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${plain(icsUid ?? `${booking.uid}@bookings-react`)}`,
    `DTSTAMP:${icsDateTime(options.now ?? Date.now())}`,
    `DTSTART:${icsDateTime(booking.start)}`,
    `DTEND:${icsDateTime(booking.end)}`,
    `SUMMARY:${escapeIcsText(options.summary ?? booking.title)}`,
  ];
  if (booking.description) lines.push(`DESCRIPTION:${escapeIcsText(booking.description)}`);
  if (where) lines.push(`LOCATION:${escapeIcsText(where)}`);
  if (link) lines.push(`URL:${link}`);
  if (host?.email && !options.hideOrganizerEmail) {
    const name = host.name ? `;CN=${paramValue(host.name)}` : '';
    lines.push(`ORGANIZER${name}:mailto:${plain(host.email)}`);
  }
  for (const attendee of booking.attendees) {
    lines.push(
      `ATTENDEE;CN=${paramValue(attendee.name)};ROLE=REQ-PARTICIPANT:mailto:${plain(attendee.email)}`,
    );
  }
  for (const guest of booking.guests ?? []) {
    lines.push(`ATTENDEE;ROLE=OPT-PARTICIPANT:mailto:${plain(guest)}`);
  }
  lines.push(
    // CANCELLED, TENTATIVE or CONFIRMED.
    `STATUS:${status === 'pending' ? 'TENTATIVE' : status.toUpperCase()}`,
    'SEQUENCE:0',
    'END:VEVENT',
    'END:VCALENDAR',
  );
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
