import { describe, expect, it } from 'vitest';
import {
  defaultTabStop,
  focus,
  followSlot,
  goToMonth,
  keyTarget,
  type SlotPickerState,
  select,
  show,
  tabStop,
} from '../../../src/booking/slotPickerState.js';

const start: SlotPickerState = {
  month: '2027-03',
  selectedDay: undefined,
  focusedDay: undefined,
  moveFocus: false,
};

describe('keyTarget', () => {
  const ltr = { weekStartsOn: 1 as const, direction: 'ltr' as const };

  it('moves by a day, a week, to the week edges, and by a month or a year', () => {
    // 2027-03-10 is a Wednesday.
    expect(keyTarget('ArrowRight', '2027-03-10', ltr)).toBe('2027-03-11');
    expect(keyTarget('ArrowLeft', '2027-03-10', ltr)).toBe('2027-03-09');
    expect(keyTarget('ArrowDown', '2027-03-10', ltr)).toBe('2027-03-17');
    expect(keyTarget('ArrowUp', '2027-03-10', ltr)).toBe('2027-03-03');
    expect(keyTarget('Home', '2027-03-10', ltr)).toBe('2027-03-08');
    expect(keyTarget('End', '2027-03-10', ltr)).toBe('2027-03-14');
    expect(keyTarget('Home', '2027-03-10', { ...ltr, weekStartsOn: 0 })).toBe('2027-03-07');
    expect(keyTarget('End', '2027-03-10', { ...ltr, weekStartsOn: 0 })).toBe('2027-03-13');
    expect(keyTarget('PageDown', '2027-01-31', ltr)).toBe('2027-02-28');
    expect(keyTarget('PageUp', '2027-03-31', ltr)).toBe('2027-02-28');
    expect(keyTarget('PageDown', '2028-02-29', { ...ltr, shiftKey: true })).toBe('2029-02-28');
    expect(keyTarget('PageUp', '2027-03-10', { ...ltr, shiftKey: true })).toBe('2026-03-10');
  });

  it('swaps left and right in a right-to-left text', () => {
    const rtl = { ...ltr, direction: 'rtl' as const };
    expect(keyTarget('ArrowRight', '2027-03-10', rtl)).toBe('2027-03-09');
    expect(keyTarget('ArrowLeft', '2027-03-10', rtl)).toBe('2027-03-11');
    expect(keyTarget('ArrowDown', '2027-03-10', rtl)).toBe('2027-03-17');
  });

  it('chooses the day on Enter and Space (null), and leaves other keys alone (undefined)', () => {
    expect(keyTarget('Enter', '2027-03-10', ltr)).toBeNull();
    expect(keyTarget(' ', '2027-03-10', ltr)).toBeNull();
    expect(keyTarget('a', '2027-03-10', ltr)).toBeUndefined();
    expect(keyTarget('Tab', '2027-03-10', ltr)).toBeUndefined();
  });
});

describe('transitions', () => {
  it('focus: moves the tab stop and the month with it, never before this month', () => {
    expect(focus(start, '2027-04-02', true, '2027-03')).toEqual({
      ...start,
      month: '2027-04',
      focusedDay: '2027-04-02',
      moveFocus: true,
    });
    expect(focus(start, '2027-02-20', false, '2027-03')).toEqual({
      ...start,
      focusedDay: '2027-03-01',
    });
    expect(focus(start, 'not a day', true, '2027-03')).toBe(start);
  });

  it('select: only a day that can be chosen; the month and DOM focus stay', () => {
    const focused = { ...start, moveFocus: true };
    expect(select(focused, '2027-03-11', true)).toEqual({
      ...focused,
      selectedDay: '2027-03-11',
      focusedDay: '2027-03-11',
    });
    expect(select(start, '2027-03-13', false)).toBe(start);
  });

  it('goToMonth: shows the month, not one before this month, and resets the tab stop', () => {
    const focused = { ...start, focusedDay: '2027-03-12', moveFocus: true };
    expect(goToMonth(focused, '2027-05', '2027-03')).toEqual({ ...start, month: '2027-05' });
    expect(goToMonth(focused, '2026-12', '2027-03')).toEqual(start);
    expect(goToMonth(focused, '2027-13', '2027-03')).toBe(focused);
  });

  it('show: chooses and focuses a day of any month, DOM focus included', () => {
    expect(show('2027-04-05')).toEqual({
      month: '2027-04',
      selectedDay: '2027-04-05',
      focusedDay: '2027-04-05',
      moveFocus: true,
    });
  });

  it("followSlot: follows the chosen slot's day unless it is the chosen day already", () => {
    expect(followSlot(start, '2027-06-01')).toEqual({
      ...start,
      month: '2027-06',
      selectedDay: '2027-06-01',
      focusedDay: '2027-06-01',
    });
    const chosen = { ...start, selectedDay: '2027-03-11', focusedDay: '2027-03-20' };
    expect(followSlot(chosen, '2027-03-11')).toBe(chosen);
    expect(followSlot(chosen, undefined)).toBe(chosen);
  });
});

describe('tab stops', () => {
  it('the focused day, else the chosen day, in the month; else the fallback', () => {
    const days = { focusedDay: '2027-04-02', selectedDay: '2027-03-11' };
    expect(tabStop(days, '2027-04', '2027-04-01')).toBe('2027-04-02');
    expect(tabStop(days, '2027-03', '2027-03-01')).toBe('2027-03-11');
    expect(tabStop(days, '2027-05', '2027-05-01')).toBe('2027-05-01');
  });

  it('defaults to the first day with times, else today in its month, else the 1st', () => {
    expect(defaultTabStop('2027-03', '2027-03-09', '2027-03-12')).toBe('2027-03-12');
    expect(defaultTabStop('2027-03', '2027-03-09', undefined)).toBe('2027-03-09');
    expect(defaultTabStop('2027-04', '2027-03-09', undefined)).toBe('2027-04-01');
  });
});
