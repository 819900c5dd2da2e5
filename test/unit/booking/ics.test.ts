import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, icsDateTime, toIcs } from '../../../src/booking/ics.js';
import type { CalBooking } from '../../../src/calapi/types.js';
import { MONDAY_MEETING } from '../../helpers/bookingFixture.js';

const booking: CalBooking = {
  ...MONDAY_MEETING,
  description: 'Agenda: one; two, three\\four\nsecond line',
  attendees: [{ name: 'Bob, Jr.', email: 'bob@example.com', timeZone: 'Asia/Kolkata' }],
  meetingUrl: 'https://app.cal.com/video/abc123',
};
const NOW = Date.UTC(2027, 2, 1, 12, 34, 56);

/** Unfolds as RFC 5545 §3.1 says: remove every CRLF followed by one space or tab. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('toIcs (RFC 5545)', () => {
  it('every line ends with CRLF, none with a bare LF or CR', () => {
    const ics = toIcs(booking, { now: NOW });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.split('\r\n').slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//AISquare//bookings-react//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
    ]);
    expect(ics.trimEnd().split('\r\n').slice(-2)).toEqual(['END:VEVENT', 'END:VCALENDAR']);
  });

  it('DTSTART, DTEND and DTSTAMP are UTC date-times with Z, from any offset', () => {
    const lines = unfold(
      toIcs({ ...booking, start: '2027-03-29T13:30:00.000+05:30' }, { now: NOW }),
    ).split('\r\n');
    expect(lines).toContain('DTSTART:20270329T080000Z');
    expect(lines).toContain('DTEND:20270329T083000Z');
    expect(lines).toContain('DTSTAMP:20270301T123456Z');
    expect(icsDateTime('2027-10-31T01:30:00+01:00')).toBe('20271031T003000Z');
  });

  it('a UID: Cal.com’s icsUid when the booking has one, else the uid', () => {
    expect(unfold(toIcs(booking, { now: NOW }))).toContain('\r\nUID:abc123@bookings-react\r\n');
    expect(unfold(toIcs({ ...booking, icsUid: 'abc123@Cal.com' }, { now: NOW }))).toContain(
      '\r\nUID:abc123@Cal.com\r\n',
    );
  });

  it('TEXT values escape backslash, semicolon, comma and line breaks', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    const ics = unfold(toIcs(booking, { now: NOW }));
    expect(ics).toContain('\r\nDESCRIPTION:Agenda: one\\; two\\, three\\\\four\\nsecond line\r\n');
    expect(ics).toContain('\r\nSUMMARY:30 Minute Meeting between Alice and Bob\r\n');
    // A parameter value with a comma is quoted, not escaped.
    expect(ics).toContain(
      '\r\nATTENDEE;CN="Bob, Jr.";ROLE=REQ-PARTICIPANT:mailto:bob@example.com\r\n',
    );
    expect(ics).toContain('\r\nORGANIZER;CN=Alice:mailto:alice@example.com\r\n');
    expect(ics).toContain('\r\nATTENDEE;ROLE=OPT-PARTICIPANT:mailto:carol@example.com\r\n');
    expect(ics).toContain('\r\nLOCATION:https://app.cal.com/video/abc123\r\n');
    expect(ics).toContain('\r\nSTATUS:CONFIRMED\r\n');
  });

  it('folds lines longer than 75 octets, counting UTF-8 bytes, never cutting a character', () => {
    const title = `Réunion d’équipe — ${'ü'.repeat(60)} 会议 ${'x'.repeat(40)}`;
    const ics = toIcs({ ...booking, title }, { now: NOW });
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(unfold(ics)).toContain(`\r\nSUMMARY:${title}\r\n`);
    const summary = ics.split('\r\n').findIndex((line) => line.startsWith('SUMMARY:'));
    expect(ics.split('\r\n')[summary + 1]?.startsWith(' ')).toBe(true);
  });

  it('foldIcsLine leaves short lines alone and fills the first line to exactly 75 octets', () => {
    expect(foldIcsLine('SUMMARY:short')).toBe('SUMMARY:short');
    const long = `X:${'a'.repeat(200)}`;
    const [first, ...rest] = foldIcsLine(long).split('\r\n');
    expect(first).toHaveLength(75);
    for (const line of rest) {
      expect(line.startsWith(' ')).toBe(true);
      expect(line.length).toBeLessThanOrEqual(75);
    }
    expect(foldIcsLine(long).replace(/\r\n /g, '')).toBe(long);
  });

  it('a cancelled booking says so; a pending one is tentative', () => {
    expect(toIcs({ ...booking, status: 'cancelled' }, { now: NOW })).toContain('STATUS:CANCELLED');
    expect(toIcs({ ...booking, status: 'pending' }, { now: NOW })).toContain('STATUS:TENTATIVE');
  });

  describe('no injection through Cal.com values', () => {
    /** Names of the properties (unfolded lines), in order. */
    const names = (ics: string) =>
      unfold(ics)
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(/[:;]/)[0]);
    const EXPECTED = [
      'BEGIN',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'METHOD',
      'BEGIN',
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'DESCRIPTION',
      'LOCATION',
      'URL',
      'ORGANIZER',
      'ATTENDEE',
      'ATTENDEE',
      'STATUS',
      'SEQUENCE',
      'END',
      'END',
    ];
    const ALARM = '\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nATTACH:https://evil.test/x\r\nEND:VALARM';

    it('the booking as is has exactly the expected properties', () => {
      expect(names(toIcs(booking, { now: NOW }))).toEqual(EXPECTED);
    });

    it.each([
      ['meetingUrl', { meetingUrl: `https://x.test/${ALARM}` }],
      ['location', { location: `https://x.test/${ALARM}`, meetingUrl: undefined }],
      ['uid', { uid: `u${ALARM}` }],
      ['icsUid', { icsUid: `u\nATTACH:https://evil.test/uid` }],
      [
        'attendee e-mail',
        { attendees: [{ name: 'B', email: `b@x.test${ALARM}`, timeZone: 'UTC' }] },
      ],
      [
        'attendee name',
        { attendees: [{ name: `B${ALARM}"`, email: 'b@x.test', timeZone: 'UTC' }] },
      ],
      ['guest', { guests: [`g@x.test\nATTACH:https://evil.test/guest`] }],
      ['host e-mail', { hosts: [{ name: 'H', email: `h@x.test\rATTACH:https://evil.test/host` }] }],
      ['host name', { hosts: [{ name: `H\u0000\r\nATTACH:x`, email: 'h@x.test' }] }],
      ['title', { title: `T${ALARM}` }],
      ['description', { description: `D\r${ALARM}\u0085` }],
    ] as [string, Partial<CalBooking>][])('CR/LF in %s adds no property', (_, change) => {
      const ics = toIcs({ ...booking, ...change }, { now: NOW });
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/(?!\t)\p{Cc}/u);
      const found = names(ics).filter((name) => !EXPECTED.includes(name as string));
      expect(found).toEqual([]);
      expect(unfold(ics)).not.toMatch(/\r\n(?:ATTACH|ACTION|BEGIN:VALARM)/);
    });

    it('PRODID and every value lose control characters; TEXT keeps tabs', () => {
      const ics = unfold(
        toIcs(
          { ...booking, title: 'a\u0000b\u000bc\td\u007f', uid: 'u\u0001v' },
          { now: NOW, productId: '-//X\r\nATTACH:y//EN' },
        ),
      );
      expect(ics).toContain('\r\nPRODID:-//XATTACH:y//EN\r\n');
      expect(ics).toContain('\r\nSUMMARY:abc\td\r\n');
      expect(ics).toContain('\r\nUID:uv@bookings-react\r\n');
    });

    it('URL only for an http(s) URL that parses, free of control characters', () => {
      const urlOf = (change: Partial<CalBooking>) =>
        unfold(toIcs({ ...booking, ...change }, { now: NOW }))
          .split('\r\n')
          .filter((line) => line.startsWith('URL'));
      expect(urlOf({ meetingUrl: 'javascript:alert(1)', location: 'Room 1' })).toEqual([]);
      expect(urlOf({ meetingUrl: 'JaVaScRiPt:alert(1)', location: undefined })).toEqual([]);
      expect(urlOf({ meetingUrl: 'data:text/html,x', location: undefined })).toEqual([]);
      expect(urlOf({ meetingUrl: 'https://', location: undefined })).toEqual([]);
      expect(urlOf({ meetingUrl: 'https://x.test/a\tb', location: undefined })).toEqual([]);
      expect(urlOf({ meetingUrl: 'javascript:x', location: 'https://ok.test/l' })).toEqual([
        'URL:https://ok.test/l',
      ]);
      expect(urlOf({ meetingUrl: 'HTTPS://ok.test/m', location: 'integrations:daily' })).toEqual([
        'URL:HTTPS://ok.test/m',
      ]);
    });
  });
});
