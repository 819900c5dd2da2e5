import { describe, expect, it, vi } from 'vitest';
import { dayLabels } from '../../../src/time/dayLabels.js';
import {
  addDays,
  addMonths,
  addMonthsToDay,
  monthWeeks,
  startOfWeek,
} from '../../../src/time/days.js';
import { offsetLabel } from '../../../src/time/format.js';
import { localeHourCycle, localeWeekStart, weekdayFromName } from '../../../src/time/locale.js';
import { canonicalZone, supportedTimeZones, zoneDisplayName } from '../../../src/time/zoneNames.js';
import { dayOf, offsetMinutes, startOfDay } from '../../../src/time/zones.js';

describe('slotPickerDates', () => {
  it('does calendar arithmetic on YYYY-MM-DD days, leap years and month ends included', () => {
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addMonths('2027-12', 1)).toBe('2028-01');
    expect(addMonths('2027-01', -13)).toBe('2025-12');
    expect(addMonthsToDay('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsToDay('2028-02-29', 12)).toBe('2029-02-28');
    expect(startOfWeek('2027-03-10', 1)).toBe('2027-03-08');
    expect(startOfWeek('2027-03-10', 0)).toBe('2027-03-07');
    expect(startOfWeek('2027-03-07', 1)).toBe('2027-03-01');
  });

  it('lays a month out in weeks from any first weekday', () => {
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(monthWeeks('2027-02', 1)).toHaveLength(4);
    const sunday = monthWeeks('2027-02', 0);
    expect(sunday).toHaveLength(5);
    expect(sunday[0]?.slice(0, 2)).toEqual([null, '2027-02-01']);
    // May 2027 starts on a Saturday: six rows with Monday first.
    const may = monthWeeks('2027-05', 1);
    expect(may).toHaveLength(6);
    expect(may[0]?.filter(Boolean)).toEqual(['2027-05-01', '2027-05-02']);
    expect(may.flat().filter(Boolean)).toHaveLength(31);
    for (const week of monthWeeks('2027-05', 6)) expect(week).toHaveLength(7);
  });

  it("finds a day's first instant in a zone, across DST and where midnight is skipped", () => {
    expect(new Date(startOfDay('2027-03-14', 'America/Los_Angeles')).toISOString()).toBe(
      '2027-03-14T08:00:00.000Z',
    );
    expect(new Date(startOfDay('2027-03-15', 'America/Los_Angeles')).toISOString()).toBe(
      '2027-03-15T07:00:00.000Z',
    );
    expect(new Date(startOfDay('2027-10-31', 'Europe/London')).toISOString()).toBe(
      '2027-10-30T23:00:00.000Z',
    );
    expect(new Date(startOfDay('2027-03-01', 'Asia/Kolkata')).toISOString()).toBe(
      '2027-02-28T18:30:00.000Z',
    );
    // Santiago moves its clocks forward at midnight: 6 September 2026 begins at 01:00.
    const santiago = startOfDay('2026-09-06', 'America/Santiago');
    expect(dayOf(santiago, 'America/Santiago')).toBe('2026-09-06');
    expect(dayOf(santiago - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('names the day of an instant and the offset of a zone', () => {
    const instant = Date.parse('2027-03-01T16:30:00Z');
    expect(dayOf(instant, 'UTC')).toBe('2027-03-01');
    expect(dayOf(instant, 'Asia/Tokyo')).toBe('2027-03-02');
    expect(dayOf(instant, 'Pacific/Honolulu')).toBe('2027-03-01');
    expect(offsetLabel(instant, 'UTC')).toBe('GMT');
    expect(offsetLabel(instant, 'Asia/Kolkata')).toBe('GMT+5:30');
    expect(offsetLabel(instant, 'America/St_Johns')).toBe('GMT-3:30');
    expect(offsetLabel(Date.parse('2027-07-01T00:00:00Z'), 'Europe/Berlin')).toBe('GMT+2');
  });

  it("reads the locale's week start and hour cycle, and Cal.com's weekStart names", () => {
    expect(localeWeekStart('en-US')).toBe(0);
    expect(localeWeekStart('de-DE')).toBe(1);
    expect(localeWeekStart('ar-EG')).toBe(6);
    expect(localeWeekStart('not a locale')).toBe(1);
    expect(localeHourCycle('en-US')).toBe('h12');
    expect(localeHourCycle('de-DE')).toBe('h23');
    expect(weekdayFromName('Monday')).toBe(1);
    expect(weekdayFromName('sunday')).toBe(0);
    expect(weekdayFromName('Someday')).toBeUndefined();
  });

  it('lists the zones Intl supports, UTC included, and a short list where it cannot', () => {
    const zones = supportedTimeZones();
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContain('UTC');
    expect(zones).toContain('Europe/Berlin');
    vi.spyOn(Intl, 'supportedValuesOf').mockImplementation(() => {
      throw new RangeError('unsupported');
    });
    const fallback = supportedTimeZones();
    expect(fallback.length).toBeLessThan(40);
    expect(fallback).toContain('America/New_York');
    expect(fallback).toContain('UTC');
  });
});

describe('zone names', () => {
  it('canonicalZone: one name per zone, the current one, whichever alias or case it came as', () => {
    for (const [old, current] of [
      ['Asia/Calcutta', 'Asia/Kolkata'],
      ['Europe/Kiev', 'Europe/Kyiv'],
      ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
      ['Asia/Katmandu', 'Asia/Kathmandu'],
      ['Asia/Rangoon', 'Asia/Yangon'],
      ['America/Godthab', 'America/Nuuk'],
    ] as const) {
      expect(canonicalZone(old)).toBe(current);
      expect(canonicalZone(current)).toBe(current);
      expect(zoneDisplayName(old)).toBe(current);
    }
    expect(canonicalZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(canonicalZone('Etc/UTC')).toBe(canonicalZone('UTC'));
    expect(canonicalZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalZone('Mars/Olympus')).toBe('Mars/Olympus');
    expect(canonicalZone('constructor')).toBe('constructor');
    expect(zoneDisplayName('toString')).toBe('toString');
  });
});

describe('days and offsets from a few Intl calls', () => {
  /** The wall clock of an instant in a zone straight from Intl, one call per instant. */
  function reference(ms: number, timeZone: string) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const field: Record<string, number> = {};
    for (const part of format.formatToParts(ms)) field[part.type] = Number(part.value);
    const wall = Date.UTC(
      field.year ?? 0,
      (field.month ?? 1) - 1,
      field.day ?? 1,
      (field.hour ?? 0) % 24,
      field.minute ?? 0,
      field.second ?? 0,
    );
    const whole = Math.floor(ms / 1000) * 1000;
    return {
      day: new Date(wall).toISOString().slice(0, 10),
      offset: Math.round((wall - whole) / 60_000),
    };
  }

  // Zones with DST at midnight (Santiago), half-hour DST (Lord Howe), a 2-hour DST (Troll), DST
  // suspended for Ramadan (Casablanca), DST that came back (Cairo), +13:45 (Chatham), none (Kolkata).
  const ZONES = [
    'America/Los_Angeles',
    'Europe/London',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Antarctica/Troll',
    'Africa/Casablanca',
    'Africa/Cairo',
    'Pacific/Chatham',
    'America/St_Johns',
    'Asia/Kolkata',
  ];

  it.each(ZONES)('%s: every 2.5 hours of 2026-2028, asked in a shuffled order', (timeZone) => {
    const from = Date.UTC(2026, 6, 1);
    const to = Date.UTC(2028, 6, 1);
    const instants: number[] = [];
    // Not a divisor of a day: the instants sweep every time of day.
    for (let ms = from; ms < to; ms += 151 * 60_000 + 1234) instants.push(ms);
    // A seeded shuffle: the probes must hold whatever order the instants come in.
    let seed = 42;
    for (let index = instants.length - 1; index > 0; index--) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const other = seed % (index + 1);
      [instants[index], instants[other]] = [instants[other] as number, instants[index] as number];
    }
    for (const ms of instants) {
      const expected = reference(ms, timeZone);
      expect(dayOf(ms, timeZone), new Date(ms).toISOString()).toBe(expected.day);
      expect(offsetMinutes(ms, timeZone), new Date(ms).toISOString()).toBe(expected.offset);
    }
  });

  it('a month of slots every 7.2 minutes asks Intl a few times, not once per slot', () => {
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const from = Date.UTC(2027, 2, 1);
    let days = 0;
    let last = '';
    for (let ms = from; ms < from + 31 * 86_400_000; ms += 432_000) {
      const day = dayOf(ms, 'America/Denver');
      if (day !== last) days += 1;
      last = day;
    }
    expect(days).toBe(32);
    // Weekly probes, and a few more around 14 March's change (slots near its midnight).
    expect(spy.mock.calls.length).toBeLessThanOrEqual(20);
  });
});

describe('dayLabels', () => {
  const LOCALES = [
    'en-US',
    'en-GB',
    'fr',
    'de',
    'es',
    'ca',
    'it',
    'pt-BR',
    'nl',
    'sv',
    'fi',
    'pl',
    'cs',
    'hu',
    'ro',
    'ru',
    'uk',
    'el',
    'tr',
    'he',
    'ar',
    'ar-EG',
    'ar-SA',
    'fa',
    'hi',
    'bn',
    'ta',
    'th',
    'vi',
    'id',
    'ms',
    'ja',
    'ko',
    'zh',
    'zh-TW',
    'my',
    'km',
    'lt',
    'lv',
    'et',
    'cy',
    'ga',
    'sw',
    'am',
    'ja-JP-u-ca-japanese',
    'th-TH-u-nu-thai',
    'en-US-u-ca-islamic',
  ];
  const MONTHS = ['2027-01', '2027-02', '2027-03', '2028-02', '2028-09', '2029-12'];

  it.each(LOCALES)('%s: every day of several months reads as Intl formats it', (locale) => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    for (const month of MONTHS) {
      const labelOf = dayLabels(format, month);
      for (const week of monthWeeks(month, 1)) {
        for (const day of week) {
          if (day) expect(labelOf(day)).toBe(format.format(Date.parse(`${day}T00:00:00Z`)));
        }
      }
    }
  });

  it("a month's labels cost one Intl call and a check, once the formatter's fields are known", () => {
    const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' });
    dayLabels(format, '2027-01');
    const parts = vi.spyOn(format, 'formatToParts');
    const labelOf = dayLabels(format, '2027-05');
    expect(labelOf('2027-05-17')).toMatch(/^Monday,? 17 May 2027$/);
    expect(parts).toHaveBeenCalledOnce();
    // Cached: asking again costs nothing.
    dayLabels(format, '2027-05')('2027-05-18');
    expect(parts).toHaveBeenCalledOnce();
  });
});
