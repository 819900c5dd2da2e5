'use client';

import type { KeyboardEvent, ReactNode } from 'react';
import { textDirection } from '../../react/textDirection.js';
import type {
  CalBookingsListTab,
  UseCalBookingsListResult,
} from '../../react/useCalBookingsList.js';
import type { BookingsLabels } from '../labels.js';

const TABS: readonly CalBookingsListTab[] = ['upcoming', 'unconfirmed', 'past', 'cancelled'];

/** The id of tab `tab` of the list whose ids start with `id`. */
export const bookingsListTabId = (id: string, tab: CalBookingsListTab) => `${id}-tab-${tab}`;

/** The id of the tab panel of the list whose ids start with `id`. */
export const bookingsListPanelId = (id: string) => `${id}-panel`;

/** Each tab's label, and what its panel says when the tab is empty. */
const TAB_LABELS = {
  upcoming: ['bookingsListUpcoming', 'bookingsListEmptyUpcoming'],
  past: ['bookingsListPast', 'bookingsListEmptyPast'],
  cancelled: ['bookingsListCancelled', 'bookingsListEmptyCancelled'],
  unconfirmed: ['bookingsListUnconfirmed', 'bookingsListEmptyUnconfirmed'],
} as const satisfies Record<
  CalBookingsListTab,
  readonly [keyof BookingsLabels, keyof BookingsLabels]
>;

/** Tab `tab`'s label, or with `empty` what its panel says when the tab is empty. */
export const bookingsListTabLabel = (
  labels: BookingsLabels,
  tab: CalBookingsListTab,
  empty?: boolean,
): string => labels[TAB_LABELS[tab][empty ? 1 : 0]];

/**
 * `CalBookingsList`'s tab list (WAI-ARIA tabs with automatic activation): arrows move to the next or
 * previous tab in the reading order and wrap, Home and End go to the first and last.
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function bookingsListTabs(
  list: UseCalBookingsListResult,
  /** What the list's ids start with. */
  id: string,
  labels: BookingsLabels,
): ReactNode {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const { key } = event;
    // Right goes to the next tab (the previous one right to left), Left the other way; both wrap.
    const step =
      (key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0) *
      (textDirection(event.currentTarget) === 'rtl' ? -1 : 1);
    const next = step
      ? (index + step + TABS.length) % TABS.length
      : key === 'Home'
        ? 0
        : key === 'End'
          ? TABS.length - 1
          : -1;
    if (next < 0) return;
    event.preventDefault();
    // The tabs are the tab list's children, in order.
    (event.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
    list.setTab(TABS[next] as CalBookingsListTab);
  };

  return (
    <div role="tablist" aria-label={labels.bookingsListTabs} className="aisq-bookings-list__tabs">
      {TABS.map((tab, index) => {
        const selected = tab === list.tab;
        return (
          <button
            key={tab}
            type="button"
            role="tab"
            id={bookingsListTabId(id, tab)}
            aria-selected={selected}
            aria-controls={selected ? bookingsListPanelId(id) : undefined}
            tabIndex={selected ? 0 : -1}
            className="aisq-bookings-list__tab"
            onClick={() => list.setTab(tab)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {bookingsListTabLabel(labels, tab)}
          </button>
        );
      })}
    </div>
  );
}
