import { describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToDay,
  canonicalZone,
  dayOf,
  localeHourCycle,
  localeWeekStart,
  monthWeeks,
  offsetLabel,
  startOfDay,
  startOfWeek,
  supportedTimeZones,
  weekdayFromName,
  zoneDisplayName,
} from '../../../../src/components/booking/slotPickerDates.js';

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
