/**
 * The slot picker's layouts without React or the DOM: which layout shows and which the person may
 * switch to (from a prop and the event type's `bookerLayouts`), which days the week and column
 * layouts show, and where the keys of their time grid move.
 */

import { addDays, startOfWeek, type Weekday } from '../time/days.js';

/** Cal.com's Booker views (`MONTH_VIEW`, `WEEK_VIEW`, `COLUMN_VIEW`), as its event types name them. */
export type CalBookerLayout = 'month' | 'week' | 'column';

/** An event type's `bookerLayouts` (Cal.com's output; absent when the owner never set it). */
export interface CalBookerLayouts {
  defaultLayout: CalBookerLayout;
  enabledLayouts: CalBookerLayout[];
}

const ALL: CalBookerLayout[] = ['month', 'week', 'column'];
const isLayout = (value: unknown): value is CalBookerLayout => ALL.includes(value as never);

/** How many days the column layout shows side by side: the chosen day and the next ones. */
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
  const enabled = ALL.filter((layout) => settings?.enabledLayouts?.includes(layout) ?? true);
  const offered = enabled.length ? enabled : ALL;
  const [first = 'month'] = offered;
  const fallback = isLayout(settings?.defaultLayout) ? settings.defaultLayout : 'month';
  const layout = [wanted, fallback].find((each) => isLayout(each) && offered.includes(each));
  return [layout ?? first, offered.length > 1 ? offered : []];
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
 * `rtl`), Home/End the first/last day with times (with Ctrl: the grid's first/last time);
 * `-1`/`1` for PageUp/PageDown (the previous/next days), `undefined` for any other key.
 */
export function timeGridMove(
  key: string,
  [column, row]: TimeCell,
  counts: number[],
  direction: 'ltr' | 'rtl',
  ctrlKey = false,
): TimeCell | -1 | 1 | undefined {
  const filled = counts.flatMap((count, index) => (count ? [index] : []));
  const at = (index: number | undefined, wantedRow: number): TimeCell =>
    index === undefined
      ? [column, row]
      : [index, Math.max(0, Math.min(wantedRow, (counts[index] ?? 1) - 1))];
  const step = direction === 'rtl' ? -1 : 1;
  switch (key) {
    case 'ArrowDown':
      return at(column, row + 1);
    case 'ArrowUp':
      return at(column, row - 1);
    case 'ArrowRight':
    case 'ArrowLeft': {
      const forward = (key === 'ArrowRight' ? step : -step) > 0;
      const next = forward
        ? filled.find((index) => index > column)
        : filled.filter((index) => index < column).pop();
      return at(next, row);
    }
    case 'Home':
      return at(filled[0], ctrlKey ? 0 : row);
    case 'End': {
      const last = filled[filled.length - 1];
      return at(last, ctrlKey ? (counts[last ?? 0] ?? 1) - 1 : row);
    }
    case 'PageUp':
      return -1;
    case 'PageDown':
      return 1;
    default:
      return undefined;
  }
}
