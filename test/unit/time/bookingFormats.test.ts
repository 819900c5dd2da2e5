import { describe, expect, it } from 'vitest';
import { bookingRangeFormat, listFormat } from '../../../src/time/format.js';

describe('bookingRangeFormat', () => {
  const range = { start: '2025-01-06T09:00:00Z', end: '2025-01-06T09:30:00Z' };

  it('formats a range in the zone, with the zone and the hour cycle', () => {
    const text = bookingRangeFormat('en', 'UTC', 'h23')(range);
    expect(text).toContain('Jan');
    expect(text).toContain('09:00');
    expect(text).toContain('09:30');
    expect(text).toContain('UTC');
    expect(bookingRangeFormat('en', 'UTC', 'h12')(range)).toMatch(/9:00.*AM/);
  });

  it('gives a malformed start as it is, and a malformed or empty range as its start alone', () => {
    const format = bookingRangeFormat('en', 'UTC', 'h23');
    expect(format({ start: 'soon', end: range.end })).toBe('soon');
    const startOnly = format({ start: range.start, end: range.start });
    expect(startOnly).toContain('09:00');
    expect(startOnly).not.toContain('09:30');
    expect(format({ start: range.start, end: 'later' })).toBe(startOnly);
  });

  it('falls back to English in the viewer zone for an unknown locale or zone', () => {
    expect(() => bookingRangeFormat('en', 'Mars/Olympus', 'h23')(range)).not.toThrow();
    expect(bookingRangeFormat('not a locale!', 'UTC', 'h23')(range)).toContain('Jan');
  });
});

describe('listFormat', () => {
  it('joins names as a conjunction in the locale, in English for an unknown locale', () => {
    expect(listFormat('en')(['Ada', 'Grace', 'Linus'])).toBe('Ada, Grace, and Linus');
    expect(listFormat('fr')(['Ada', 'Grace'])).toBe('Ada et Grace');
    expect(listFormat('not a locale!')(['Ada', 'Grace'])).toBe('Ada and Grace');
  });
});
