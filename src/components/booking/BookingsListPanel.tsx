'use client';

import type { ReactNode, RefObject } from 'react';
import { groupCalBookingSeries } from '../../booking/recurrence.js';
import type { CalBooking } from '../../calapi/types.js';
import type { UseCalBookingsListResult } from '../../react/useCalBookingsList.js';
import { BookingsErrorMessage } from '../BookingsErrorMessage.js';
import { classNames } from '../classNames.js';
import type { BookingsLabels, BookingsLabelsOverrides } from '../labels.js';
import {
  bookingsListPanelId,
  bookingsListTabId,
  bookingsListTabLabel,
} from './BookingsListTabs.js';

/**
 * `CalBookingsList`'s tab panel: the loading skeleton, the error, the empty tab or the page of
 * bookings (each drawn by `renderBooking`), and the pager when there is more than one page.
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function bookingsListPanel(
  list: UseCalBookingsListResult,
  panelRef: RefObject<HTMLDivElement | null>,
  /** What the list's ids start with. */
  id: string,
  /** Draws one item: a booking, or a series (its occurrences on this page, the first standing for it). */
  renderBooking: (series: CalBooking[]) => ReactNode,
  showErrorDetail: boolean,
  labels: BookingsLabels,
  labelsProp: BookingsLabelsOverrides | undefined,
): ReactNode {
  let content: ReactNode;
  if (list.state === 'loading') {
    content = (
      <>
        <p className="aisq-bookings-list__loading">{labels.bookingsListLoading}</p>
        <div className="aisq-bookings-list__skeleton" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      </>
    );
  } else if (list.state === 'error') {
    content = (
      <BookingsErrorMessage
        error={list.error}
        onRetry={list.refetch}
        showDetail={showErrorDetail}
        labels={labelsProp}
      />
    );
  } else if (list.state === 'signedOut') {
    content = <p className="aisq-bookings-list__empty">{labels.bookingsListSignedOut}</p>;
  } else if (list.state === 'empty' || list.state === 'idle') {
    content = (
      <p className="aisq-bookings-list__empty">{bookingsListTabLabel(labels, list.tab, true)}</p>
    );
  } else {
    content = (
      <ul className="aisq-bookings-list__items">
        {groupCalBookingSeries(list.bookings).map(renderBooking)}
      </ul>
    );
  }

  const showPager = list.state === 'ready' && (list.pageCount > 1 || list.hasPreviousPage);
  return (
    <div
      ref={panelRef}
      role="tabpanel"
      id={bookingsListPanelId(id)}
      aria-labelledby={bookingsListTabId(id, list.tab)}
      aria-busy={list.state === 'loading' || list.isPageLoading || undefined}
      // Focusable (not tabbable) so that focus can land here once a booking left the list.
      tabIndex={-1}
      className="aisq-bookings-list__panel"
    >
      {content}
      {showPager ? (
        <nav aria-label={labels.bookingsListPages} className="aisq-bookings-list__pager">
          {pagerButton(
            'aisq-bookings-list__previous',
            !list.hasPreviousPage,
            list.previousPage,
            labels.bookingsListPrevious,
          )}
          <span className="aisq-bookings-list__page" aria-live="polite">
            {labels.bookingsListPageOf(list.page, list.pageCount)}
          </span>
          {pagerButton(
            'aisq-bookings-list__next',
            !list.hasNextPage,
            list.nextPage,
            labels.bookingsListNext,
          )}
        </nav>
      ) : null}
    </div>
  );
}

/** A button that stays focusable when it cannot act (`aria-disabled`), so paging never drops focus. */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
function pagerButton(
  className: string,
  disabled: boolean,
  onClick: () => void,
  children: ReactNode,
): ReactNode {
  return (
    <button
      type="button"
      className={classNames('aisq-button', 'aisq-button--secondary', className)}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </button>
  );
}
