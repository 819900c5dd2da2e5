import { describe, expect, it } from 'vitest';
import {
  COLUMN_DAYS,
  resolveLayout,
  timeGridMove,
  visibleDays,
} from '../../../src/booking/slotPickerLayout.js';

// Run by the `tz-la` and `tz-kolkata` projects: the days are calendar values, free of the process's zone.
describe(`slot picker layouts with the process in ${process.env.TZ}`, () => {
  describe('resolveLayout', () => {
    it("without bookerLayouts: month, and all three offered (Cal.com's defaultBookerLayoutSettings)", () => {
      expect(resolveLayout(undefined, undefined, undefined)).toEqual([
        'month',
        ['month', 'week', 'column'],
      ]);
    });

    it("the event type's default, its enabled layouts offered in Cal.com's order", () => {
      expect(
        resolveLayout(undefined, undefined, {
          defaultLayout: 'week',
          enabledLayouts: ['column', 'week'],
        }),
      ).toEqual(['week', ['week', 'column']]);
    });

    it('a wanted layout wins when enabled, not otherwise', () => {
      const settings = { defaultLayout: 'week', enabledLayouts: ['week', 'column'] };
      expect(resolveLayout(undefined, 'column', settings)[0]).toBe('column');
      expect(resolveLayout(undefined, 'month', settings)[0]).toBe('week');
    });

    it('a fixed layout (the prop) wins, even when not enabled, and offers no switch', () => {
      expect(
        resolveLayout('month', 'week', { defaultLayout: 'week', enabledLayouts: ['week'] }),
      ).toEqual(['month', []]);
    });

    it('one enabled layout: no switch; unknown values fall back', () => {
      expect(
        resolveLayout(undefined, undefined, {
          defaultLayout: 'column',
          enabledLayouts: ['column'],
        }),
      ).toEqual(['column', []]);
      expect(
        resolveLayout(undefined, undefined, {
          defaultLayout: 'agenda',
          enabledLayouts: ['agenda'],
        }),
      ).toEqual(['month', ['month', 'week', 'column']]);
      expect(
        resolveLayout(undefined, undefined, { defaultLayout: 'agenda', enabledLayouts: ['week'] }),
      ).toEqual(['week', []]);
    });
  });

  describe('visibleDays', () => {
    it('the month layout shows no day range', () => {
      expect(visibleDays('month', '2027-03-17', 1)).toEqual([]);
    });

    it('the week containing the day, from the week start; across a month end', () => {
      expect(visibleDays('week', '2027-03-31', 1)).toEqual([
        '2027-03-29',
        '2027-03-30',
        '2027-03-31',
        '2027-04-01',
        '2027-04-02',
        '2027-04-03',
        '2027-04-04',
      ]);
      expect(visibleDays('week', '2027-04-03', 0)[0]).toBe('2027-03-28');
    });

    it('a DST week has seven calendar days (US: 2027-03-14; EU: 2027-03-28)', () => {
      expect(visibleDays('week', '2027-03-14', 0)).toEqual([
        '2027-03-14',
        '2027-03-15',
        '2027-03-16',
        '2027-03-17',
        '2027-03-18',
        '2027-03-19',
        '2027-03-20',
      ]);
      expect(visibleDays('week', '2027-03-28', 1)).toEqual([
        '2027-03-22',
        '2027-03-23',
        '2027-03-24',
        '2027-03-25',
        '2027-03-26',
        '2027-03-27',
        '2027-03-28',
      ]);
      expect(visibleDays('week', '2027-11-07', 1).at(-1)).toBe('2027-11-07');
    });

    it('the column layout: the day and the next ones, across a year end', () => {
      expect(visibleDays('column', '2027-12-30', 1)).toEqual([
        '2027-12-30',
        '2027-12-31',
        '2028-01-01',
        '2028-01-02',
        '2028-01-03',
      ]);
      expect(COLUMN_DAYS).toBe(5);
    });
  });

  describe('timeGridMove', () => {
    // Five days: 3 times, none, 2 times, 4 times, none.
    const counts = [3, 0, 2, 4, 0];

    it('↑/↓ move within the day and stop at its ends', () => {
      expect(timeGridMove('ArrowDown', [0, 1], counts, 'ltr')).toEqual([0, 2]);
      expect(timeGridMove('ArrowDown', [0, 2], counts, 'ltr')).toEqual([0, 2]);
      expect(timeGridMove('ArrowUp', [0, 0], counts, 'ltr')).toEqual([0, 0]);
    });

    it('←/→ skip days without times, keep the row where it exists, and swap in rtl', () => {
      expect(timeGridMove('ArrowRight', [0, 2], counts, 'ltr')).toEqual([2, 1]);
      expect(timeGridMove('ArrowRight', [2, 1], counts, 'ltr')).toEqual([3, 1]);
      expect(timeGridMove('ArrowRight', [3, 3], counts, 'ltr')).toEqual([3, 3]);
      expect(timeGridMove('ArrowLeft', [2, 0], counts, 'ltr')).toEqual([0, 0]);
      expect(timeGridMove('ArrowLeft', [0, 0], counts, 'rtl')).toEqual([2, 0]);
      expect(timeGridMove('ArrowRight', [2, 0], counts, 'rtl')).toEqual([0, 0]);
    });

    it('Home/End: the first/last day with times, the row kept where it has one', () => {
      expect(timeGridMove('End', [0, 1], counts, 'ltr')).toEqual([3, 1]);
      expect(timeGridMove('Home', [3, 3], counts, 'ltr')).toEqual([0, 2]);
      expect(timeGridMove('Home', [3, 3], counts, 'rtl')).toEqual([0, 2]);
    });

    it('PageUp/PageDown page the days; other keys are left alone', () => {
      expect(timeGridMove('PageUp', [0, 0], counts, 'ltr')).toBe(-1);
      expect(timeGridMove('PageDown', [0, 0], counts, 'ltr')).toBe(1);
      expect(timeGridMove('Enter', [0, 0], counts, 'ltr')).toBeUndefined();
      expect(timeGridMove('a', [0, 0], counts, 'ltr')).toBeUndefined();
    });

    it('a grid without times stays put; a key with no target keeps the cell', () => {
      expect(timeGridMove('ArrowRight', [0, 0], [0, 0, 0], 'ltr')).toEqual([0, 0]);
      expect(timeGridMove('End', [1, 0], [0, 0, 0], 'ltr')).toEqual([1, 0]);
    });
  });
});
