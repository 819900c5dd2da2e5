'use client';

import type { ReactNode } from 'react';
import type { CalBooking } from '../../calapi/types.js';
import { useCalBooking } from '../../react/useCalQueries.js';
import type { BookingsLabels } from '../labels.js';

export interface BookingsListMovedProps {
  /** The moved booking's `rescheduledToUid`. */
  uid: string;
  /** The page on screen: the new booking is read from it when it is there, with no request. */
  page: readonly CalBooking[];
  format: (booking: CalBooking) => string;
  labels: BookingsLabels;
}

/**
 * A moved booking's new time: the new booking from the page when it is on it, else from
 * `GET /v2/bookings/{uid}` (one request per moved booking, cached). Nothing until it is known.
 */
export function BookingsListMoved({
  uid,
  page,
  format,
  labels,
}: BookingsListMovedProps): ReactNode {
  const onPage = page.find((booking) => booking.uid === uid);
  const query = useCalBooking(onPage ? undefined : uid);
  const data = onPage ?? query.data;
  const booking = Array.isArray(data) ? data[0] : data;
  return booking ? (
    <p className="aisq-bookings-list__moved">
      {labels.bookingsListMovedTo} <time dateTime={booking.start}>{format(booking)}</time>
    </p>
  ) : null;
}
