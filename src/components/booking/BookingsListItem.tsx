'use client';

import type { ReactNode } from 'react';
import { isolate } from '../../booking/isolate.js';
import type { CalBooking } from '../../calapi/types.js';
import type { CalBookingSeats } from '../../react/useCalBookingSeats.js';
import type { BookingsLabels } from '../labels.js';

/**
 * One booking of `CalBookingsList`: its title (with a badge while unconfirmed), when, who attends,
 * a cancelled one's reason, and an upcoming one's reschedule and cancel buttons, each described by
 * the title.
 */
// A function, not a component, called once per booking: positional inputs minify to less than props.
export function bookingsListItem(
  booking: CalBooking,
  /** A series' rhythm, or a moved booking's new time, shown under its time. */
  note: ReactNode,
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
  /** A seated booking's seats (`useCalBookingsList`'s `seatsOf`). */
  seats: CalBookingSeats | undefined,
): ReactNode {
  // Each action button is described by the booking's title, so a screen reader says which booking.
  const action = (name: string, text: string, onClick: () => void) => (
    <button
      type="button"
      className={`aisq-button aisq-button--secondary aisq-bookings-list__${name}`}
      aria-describedby={titleId}
      onClick={onClick}
    >
      {text}
    </button>
  );
  // One's own seat is marked among the attendees of a seated booking.
  const attendees = booking.attendees.map(
    (attendee) =>
      isolate(attendee.name || attendee.email) +
      (attendee === seats?.own ? ` (${labels.bookingsListYourSeat})` : ''),
  );
  // Cal.com cancels a booking it moved and names the new one: "Rescheduled", not "cancelled".
  const moved = booking.status === 'cancelled' && !!booking.rescheduledToUid;
  return (
    <li
      key={booking.uid}
      className="aisq-bookings-list__item"
      data-status={moved ? 'rescheduled' : booking.status}
    >
      <p className="aisq-bookings-list__title" id={titleId}>
        <bdi>{booking.title}</bdi>
        {booking.status === 'pending' ? (
          <span className="aisq-bookings-list__badge"> {labels.bookingsListUnconfirmed}</span>
        ) : null}
        {moved ? (
          <span className="aisq-bookings-list__badge"> {labels.bookingsListRescheduled}</span>
        ) : null}
      </p>
      <p className="aisq-bookings-list__when">
        <time dateTime={booking.start}>{when}</time>
      </p>
      {booking.location ? (
        <p className="aisq-bookings-list__location">
          {labels.confirmationWhere}: <bdi>{booking.location}</bdi>
        </p>
      ) : null}
      {note}
      {attendees.length > 0 ? (
        <p className="aisq-bookings-list__attendees">{labels.bookingsListWith(names(attendees))}</p>
      ) : null}
      {seats ? (
        <p className="aisq-bookings-list__seats" data-own-seat={seats.own ? '' : undefined}>
          {labels.bookingsListSeats(seats.taken, seats.total)}
        </p>
      ) : null}
      {booking.status === 'cancelled' && !moved && booking.cancellationReason ? (
        <p className="aisq-bookings-list__reason">
          {labels.bookingsListReason(isolate(booking.cancellationReason))}
        </p>
      ) : null}
      {upcoming ? (
        <div className="aisq-bookings-list__actions">
          {/* A seated booking moves seat by seat (Cal.com requires `seatUid`): no whole-booking move. */}
          {allowReschedule && !seats
            ? action('reschedule', labels.bookingsListReschedule, onReschedule)
            : null}
          {action(
            'cancel',
            seats?.own ? labels.bookingsListCancelSeat : labels.bookingsListCancel,
            onCancel,
          )}
        </div>
      ) : null}
    </li>
  );
}
