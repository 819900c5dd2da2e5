/**
 * Calendar arithmetic with `Date.UTC` only. Days are `YYYY-MM-DD` strings and months `YYYY-MM`
 * strings: calendar values, free of any zone, so that the process's own zone (`TZ`) never leaks in.
 * On `Date.UTC` every day is 24 hours long.
 */

export const DAY_MS = 86_400_000;

export const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** 0 = Sunday ... 6 = Saturday, as `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The `YYYY-MM-DD` of a UTC-midnight epoch. */
export function dayFromUtc(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** UTC midnight of a `YYYY-MM-DD` (or the 1st of a `YYYY-MM`). */
export function utcOf(day: string): number {
  return Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)) || 1,
  );
}

export const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utcOf(value));

export const isMonth = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

export const monthOf = (day: string): string => day.slice(0, 7);

export const addDays = (day: string, days: number): string =>
  dayFromUtc(utcOf(day) + days * DAY_MS);

export const weekdayOf = (day: string): Weekday => new Date(utcOf(day)).getUTCDay() as Weekday;

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

export function addMonths(month: string, months: number): string {
  const date = new Date(
    Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + months, 1),
  );
  return dayFromUtc(date.getTime()).slice(0, 7);
}

/** The same day of the month `months` away, clamped to that month's length (Jan 31 + 1 = Feb 28). */
export function addMonthsToDay(day: string, months: number): string {
  const month = addMonths(monthOf(day), months);
  const date = Math.min(Number(day.slice(8, 10)), daysInMonth(month));
  return `${month}-${pad(date)}`;
}

/** The first day of the week containing `day`. */
export function startOfWeek(day: string, weekStartsOn: Weekday): string {
  return addDays(day, -((weekdayOf(day) - weekStartsOn + 7) % 7));
}

/**
 * The month as rows of 7 cells, the first column being `weekStartsOn`; cells outside the month are
 * `null`. 4 to 6 rows.
 */
export function monthWeeks(month: string, weekStartsOn: Weekday): (string | null)[][] {
  const first = `${month}-01`;
  const count = daysInMonth(month);
  const lead = (weekdayOf(first) - weekStartsOn + 7) % 7;
  const weeks: (string | null)[][] = [];
  for (let index = -lead; index < count; index += 7) {
    const week: (string | null)[] = [];
    for (let column = 0; column < 7; column++) {
      const date = index + column;
      week.push(date >= 0 && date < count ? addDays(first, date) : null);
    }
    weeks.push(week);
  }
  return weeks;
}
