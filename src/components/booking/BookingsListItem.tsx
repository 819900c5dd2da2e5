'use client';

import type { ReactNode } from 'react';
import type { CalBooking } from '../../calapi/types.js';
import { type BookingsLabels, isolate } from '../labels.js';

/**
 * One booking of `CalBookingsList`: its title (with a badge while unconfirmed), when, who attends,
 * a cancelled one's reason, and an upcoming one's reschedule and cancel buttons, each described by
 * the title.
 */
// A function, not a component, called once per booking: positional inputs minify to less than props.
export function bookingsListItem(
  booking: CalBooking,
  titleId: string,
  /** The booking's time, formatted. */
  when: string,
  /** Joins the attendees' names into one list. */
  names: (names: string[]) => string,
  upcoming: boolean,
  allowReschedule: boolean,
  onReschedule: () => void,
  onCancel: () => void,
  labels: BookingsLabels,
): ReactNode {
  const attendees = booking.attendees.map((attendee) => isolate(attendee.name || attendee.email));
  return (
    <li key={booking.uid} className="aisq-bookings-list__item" data-status={booking.status}>
      <p className="aisq-bookings-list__title" id={titleId}>
        <bdi>{booking.title}</bdi>
        {booking.status === 'pending' ? (
          <span className="aisq-bookings-list__badge"> {labels.bookingsListUnconfirmed}</span>
        ) : null}
      </p>
      <p className="aisq-bookings-list__when">
        <time dateTime={booking.start}>{when}</time>
      </p>
      {attendees.length > 0 ? (
        <p className="aisq-bookings-list__attendees">{labels.bookingsListWith(names(attendees))}</p>
      ) : null}
      {booking.status === 'cancelled' && booking.cancellationReason ? (
        <p className="aisq-bookings-list__reason">
          {labels.bookingsListReason(isolate(booking.cancellationReason))}
        </p>
      ) : null}
      {upcoming ? (
        <div className="aisq-bookings-list__actions">
          {allowReschedule ? (
            <button
              type="button"
              className="aisq-button aisq-button--secondary aisq-bookings-list__reschedule"
              aria-describedby={titleId}
              onClick={onReschedule}
            >
              {labels.bookingsListReschedule}
            </button>
          ) : null}
          <button
            type="button"
            className="aisq-button aisq-button--secondary aisq-bookings-list__cancel"
            aria-describedby={titleId}
            onClick={onCancel}
          >
            {labels.bookingsListCancel}
          </button>
        </div>
      ) : null}
    </li>
  );
}
