'use client';

import { forwardRef, type ReactNode, useId, useMemo } from 'react';
import { bookingHost, bookingPlace, bookingStatus, toIcs } from '../../booking/ics.js';
import { isolate } from '../../booking/isolate.js';
import type { CalBooking } from '../../calapi/types.js';
import { formatBookingTime, formatMinutes, formatTimeZoneName } from '../../time/format.js';
import { calHourCycle } from '../../time/locale.js';
import { canonicalZone, zoneDisplayName } from '../../time/zoneNames.js';
import { useBookingsLabels } from '../BookingsLabelsContext.js';
import { classNames } from '../classNames.js';
import type { BookingsLabels, BookingsLabelsOverrides } from '../labels.js';
import { occurrenceList } from './BookerRecurrence.js';

/** `data-state` of `CalBookingConfirmation`'s root: the booking's own status. */
export type CalBookingConfirmationState = 'booked' | 'rescheduled' | 'pending' | 'cancelled';

export interface CalBookingConfirmationProps {
  booking: CalBooking;
  /** The attendee's zone the times are shown in first. @default the booking's first attendee's zone */
  timeZone?: string;
  /** The event type's title, when the booking's is not what to show. @default booking.title */
  title?: string;
  /** Adds a "book another" button calling this. @default undefined (no button) */
  onBookAnother?: () => void;
  /**
   * 12 or 24 hour times. `CalBooker` passes the slot picker's (the user's Cal.com `timeFormat`).
   * @default the locale's
   */
  hour12?: boolean;
  /**
   * A recurring booking's series: every occurrence's start (ISO 8601), listed under the time when
   * there are several. `CalBooker` passes the series it booked. @default undefined (one meeting)
   */
  occurrences?: readonly string[] | undefined;
  /** The .ics file's name. @default 'booking.ics' */
  icsFileName?: string;
  /**
   * The event type's `hideOrganizerEmail`: the organizer's address appears nowhere, the .ics
   * included (this view never shows it). `CalBooker` passes the event type's. @default false
   */
  hideOrganizerEmail?: boolean;
  /** Extra class names for the root, which always has `aisq-booking-confirmation`. @default undefined */
  className?: string;
  /** Labels for this component only. @default undefined */
  labels?: BookingsLabelsOverrides;
}

/**
 * What was booked, when (in the attendee's zone and, when it differs, the host's, each with the
 * zone's name), where and with whom, and an "add to calendar" `.ics` file made locally (`toIcs`).
 * Its heading takes focus with `ref.focus()` (tabIndex -1), as `CalBooker` does after booking.
 *
 * Root: `section.aisq-booking-confirmation[data-state="booked" | "rescheduled" | "pending" | "cancelled"]`.
 */
export const CalBookingConfirmation = /* @__PURE__ */ forwardRef<
  HTMLHeadingElement,
  CalBookingConfirmationProps
>(function CalBookingConfirmation(
  {
    booking,
    timeZone,
    title,
    onBookAnother,
    hour12,
    occurrences,
    icsFileName = 'booking.ics',
    hideOrganizerEmail,
    className,
    labels: labelsProp,
  },
  headingRef,
): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  const headingId = useId();
  const { locale } = labels;
  // No provider needed (a thank-you page may show a booking alone): CalBooker passes its hour cycle.
  const hourCycle = hour12 === undefined ? calHourCycle(undefined, locale) : hour12 ? 'h12' : 'h23';
  const attendee = booking.attendees[0];
  const host = bookingHost(booking);
  const zone = timeZone ?? attendee?.timeZone ?? 'UTC';
  const hostZone = host?.timeZone;
  // A malformed start or end is shown as far as it can be, without an .ics file.
  const starts = !Number.isNaN(Date.parse(booking.start));
  const dated = starts && !Number.isNaN(Date.parse(booking.end));
  const ics = useMemo(
    () =>
      dated ? toIcs(booking, { ...(title ? { summary: title } : {}), hideOrganizerEmail }) : '',
    [booking, title, dated, hideOrganizerEmail],
  );
  const status = bookingStatus(booking);
  const state: CalBookingConfirmationState =
    status !== 'confirmed' ? status : booking.rescheduledFromUid ? 'rescheduled' : 'booked';
  const when = (inZone: string) => (
    <>
      <span className="aisq-booking-confirmation__time">
        {starts
          ? formatBookingTime(
              booking.start,
              dated ? booking.end : undefined,
              inZone,
              locale,
              hourCycle,
            )
          : booking.start}
      </span>{' '}
      <span className="aisq-booking-confirmation__zone">
        {formatTimeZoneName(inZone, locale, booking.start, zoneDisplayName(inZone))}
      </span>
    </>
  );
  const { where, link } = bookingPlace(booking);
  const hostName = host?.name || host?.username || '';
  const showHostZone = !!hostZone && canonicalZone(hostZone) !== canonicalZone(zone);
  return (
    <section
      className={classNames('aisq-booking-confirmation', className)}
      data-state={state}
      data-seat={booking.seatUid ? '' : undefined}
      aria-labelledby={headingId}
    >
      <h2
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className="aisq-booking-confirmation__title"
      >
        {state === 'pending'
          ? labels.confirmationPendingTitle
          : state === 'rescheduled'
            ? labels.confirmationRescheduledTitle
            : labels.confirmationTitle}
      </h2>
      {booking.seatUid ? (
        <p className="aisq-booking-confirmation__seat">{labels.confirmationSeat}</p>
      ) : null}
      <dl className="aisq-booking-confirmation__details">
        {detailRow(labels.confirmationWhat, <bdi>{title ?? booking.title}</bdi>)}
        <div className="aisq-booking-confirmation__row">
          <dt>{labels.confirmationWhen}</dt>
          <dd>
            {showHostZone ? (
              <ul className="aisq-booking-confirmation__times">
                <li data-zone={zone}>
                  {labels.confirmationYourTime}: {when(zone)}
                </li>
                <li data-zone={hostZone}>
                  {labels.confirmationHostTime(isolate(hostName || labels.confirmationHost))}:{' '}
                  {when(hostZone)}
                </li>
              </ul>
            ) : (
              <p data-zone={zone}>{when(zone)}</p>
            )}
          </dd>
        </div>
        {booking.duration > 0
          ? detailRow(labels.bookerDuration, formatMinutes(booking.duration, locale))
          : null}
        {occurrences && occurrences.length > 1
          ? detailRow(
              labels.bookerOccurrenceDates,
              occurrenceList(occurrences, zone, labels, hourCycle),
            )
          : null}
        {where ? (
          <div className="aisq-booking-confirmation__row">
            <dt>{labels.confirmationWhere}</dt>
            <dd>
              {link ? (
                <a href={link} target="_blank" rel="noopener noreferrer">
                  {labels.confirmationJoin}
                </a>
              ) : (
                <bdi>{where}</bdi>
              )}
            </dd>
          </div>
        ) : null}
        {detailRow(labels.confirmationWho, confirmationPeople(booking, hostName, labels))}
      </dl>
      <div className="aisq-booking-confirmation__actions">
        {ics ? (
          <a
            className="aisq-booking-confirmation__ics"
            href={`data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`}
            download={icsFileName}
          >
            {labels.confirmationAddToCalendar}
          </a>
        ) : null}
        {onBookAnother ? (
          <button
            type="button"
            className="aisq-booking-confirmation__again"
            onClick={onBookAnother}
          >
            {labels.confirmationBookAnother}
          </button>
        ) : null}
      </div>
    </section>
  );
});

/** One row of the details: a term and its description. */
const detailRow = (term: string, description: ReactNode) => (
  <div className="aisq-booking-confirmation__row">
    <dt>{term}</dt>
    <dd>{description}</dd>
  </div>
);

/** Who takes part: the host (unless deleted), each attendee with their address, and the guests. */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
function confirmationPeople(
  booking: CalBooking,
  hostName: string,
  labels: BookingsLabels,
): ReactNode {
  return (
    <ul className="aisq-booking-confirmation__people">
      {hostName ? (
        <li>
          <bdi>{hostName}</bdi> ({labels.confirmationHost})
        </li>
      ) : null}
      {booking.attendees.map((person, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: Cal.com may repeat an address; the items hold no state.
        <li key={`${index}-${person.email}`}>
          <bdi>{person.name}</bdi> &lt;<bdi>{person.email}</bdi>&gt;
        </li>
      ))}
      {(booking.guests ?? []).map((guest, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: Cal.com may repeat an address; the items hold no state.
        <li key={`${index}-${guest}`}>
          <bdi>{guest}</bdi>
        </li>
      ))}
    </ul>
  );
}
