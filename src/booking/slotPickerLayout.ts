/**
 * The slot picker's layouts without React or the DOM: which layout shows and which the person may
 * switch to (from a prop and the event type's `bookerLayouts`), which days the week and column
 * layouts show, and where the keys of their time grid move.
 */

import { addDays, startOfWeek, type Weekday } from '../time/days.js';

/** Cal.com's Booker views (`MONTH_VIEW`, `WEEK_VIEW`, `COLUMN_VIEW`), as its event types name them. */
export type CalBookerLayout = 'month' | 'week' | 'column';

const ALL: CalBookerLayout[] = ['month', 'week', 'column'];
const isLayout = (value: unknown): value is CalBookerLayout => ALL.includes(value as never);

/**
 * How many days the column layout shows side by side: the chosen day and four more, as an older
 * Booker's desktop `extraDays` (packages/features/bookings/Booker/config.ts @
 * 03670679c00d600615e8df2bc64545bd51c61646 has 6; narrow screens stack them instead).
 */
export const COLUMN_DAYS = 5;

/**
 * The layout to show and the layouts to offer as a switch (empty when there is nothing to switch).
 * A `fixed` layout (the `layout` prop) wins and hides the switch; else `wanted` (the person's or the
 * host's choice) when enabled, else the event type's default, else month. Without `bookerLayouts`
 * all three are enabled and month is the default: Cal.com's `defaultBookerLayoutSettings`
 * (packages/prisma/zod-utils.ts @ 7af247e9fc33b30c1d50f1e615f956fcc36e4424).
 */
export function resolveLayout(
  fixed: CalBookerLayout | undefined,
  wanted: CalBookerLayout | undefined,
  settings: { defaultLayout?: string; enabledLayouts?: string[] } | null | undefined,
): [CalBookerLayout, CalBookerLayout[]] {
  if (isLayout(fixed)) return [fixed, []];
  const listed = settings?.enabledLayouts;
  const enabled = ALL.filter((layout) => !Array.isArray(listed) || listed.includes(layout));
  const offered = enabled.length ? enabled : ALL;
  const layout = [wanted, settings?.defaultLayout, 'month'].find(
    (each): each is CalBookerLayout => isLayout(each) && offered.includes(each),
  );
  return [layout ?? (offered[0] as CalBookerLayout), offered.length > 1 ? offered : []];
}

/**
 * The days the week or column layout shows from `anchor` (`YYYY-MM-DD`): the week containing it
 * (from `weekStartsOn`), or `anchor` and the days after it; `[]` for the month layout.
 */
export function visibleDays(
  layout: CalBookerLayout,
  anchor: string,
  weekStartsOn: Weekday,
): string[] {
  if (layout === 'month') return [];
  const first = layout === 'week' ? startOfWeek(anchor, weekStartsOn) : anchor;
  return Array.from({ length: layout === 'week' ? 7 : COLUMN_DAYS }, (_, index) =>
    addDays(first, index),
  );
}

/** A time of the grid: the day's column and the time's row in it. */
export type TimeCell = [column: number, row: number];

/**
 * Where a key of the time grid (days as columns of times, the WAI-ARIA grid) moves from `[column,
 * row]`, given each column's count of times: ↑/↓ a time, ←/→ the nearest day with times (swapped in
 * `rtl`), Home/End the first/last day with times, the row kept where that day has one; `-1`/`1` for
 * PageUp/PageDown (the days before/after), `undefined` for any other key.
 */
export function timeGridMove(
  key: string,
  [column, row]: TimeCell,
  counts: number[],
  direction: 'ltr' | 'rtl',
): TimeCell | -1 | 1 | undefined {
  if (key === 'PageUp') return -1;
  if (key === 'PageDown') return 1;
  const filled = counts.flatMap((count, index) => (count ? [index] : []));
  const before = filled.filter((index) => index < column);
  const previous = before[before.length - 1];
  const next = filled.find((index) => index > column);
  const rtl = direction === 'rtl';
  const target = (
    {
      ArrowUp: [column, row - 1],
      ArrowDown: [column, row + 1],
      ArrowLeft: [rtl ? next : previous, row],
      ArrowRight: [rtl ? previous : next, row],
      Home: [filled[0], row],
      End: [filled[filled.length - 1], row],
    } as Record<string, [number | undefined, number]>
  )[key];
  if (!target) return undefined;
  const [to = column, wanted] = target;
  return [to, Math.max(0, Math.min(wanted, (counts[to] ?? 0) - 1))];
}
