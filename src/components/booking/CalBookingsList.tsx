'use client';

import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { isolate } from '../../booking/isolate.js';
import { calSeriesRecurrence } from '../../booking/recurrence.js';
import type { CalBooking } from '../../calapi/types.js';
import {
  type UseCalBookingsListOptions,
  useCalBookingsList,
} from '../../react/useCalBookingsList.js';
import { useCalHourCycle } from '../../react/useCalHourCycle.js';
import { bookingRangeFormat, listFormat } from '../../time/format.js';
import type { HourCycle } from '../../time/locale.js';
import { useBookingsLabels } from '../BookingsLabelsContext.js';
import { classNames } from '../classNames.js';
import type { BookingsLabelsOverrides } from '../labels.js';
import { bookingsListItem } from './BookingsListItem.js';
import { BookingsListMoved } from './BookingsListMoved.js';
import { bookingsListPanel } from './BookingsListPanel.js';
import { bookingsListTabs } from './BookingsListTabs.js';
import { CalBooker } from './CalBooker.js';
import { CancelBookingDialog } from './CancelBookingDialog.js';
import { rescheduleBookingDialog } from './RescheduleBookingDialog.js';

export interface CalBookingsListProps extends UseCalBookingsListOptions {
  /**
   * Zone the times are shown in (always with the zone's name). @default the viewer's zone
   */
  timeZone?: string;
  /**
   * 12 or 24 hour times. @default as `CalSlotPicker`: the user's Cal.com `timeFormat` (`useCalMe`),
   * else the locale's
   */
  hourCycle?: HourCycle;
  /**
   * Called by a booking's "Reschedule" button instead of the list's own reschedule dialog (e.g. to
   * navigate to the host's booking page with the booking's uid). @default undefined
   */
  onReschedule?: (booking: CalBooking) => void;
  /**
   * What the reschedule dialog shows for a booking, with `done(newBooking)` to call once it moved
   * (the dialog closes and the list announces it).
   * @default a `CalBooker` with `rescheduleUid`, whose confirmation stays until the dialog is closed
   */
  renderReschedule?: (booking: CalBooking, done: (booking: CalBooking) => void) => ReactNode;
  /** Offer "Reschedule" on upcoming bookings. @default true */
  allowReschedule?: boolean;
  /** Called once a booking is cancelled, with the cancelled booking. @default undefined */
  onCancelled?: (booking: CalBooking) => void;
  /** Called once a booking moved through the reschedule dialog. @default undefined */
  onRescheduled?: (booking: CalBooking) => void;
  /** Show the server's own error detail under error messages. @default false */
  showErrorDetail?: boolean;
  /** Extra class names for the root element, which always has `aisq-bookings-list`. @default undefined */
  className?: string;
  /** Labels for this list only, merged over the provider's and the defaults. @default undefined */
  labels?: BookingsLabelsOverrides;
}

/**
 * The signed-in user's Cal.com bookings in four tabs, Upcoming, Unconfirmed, Past and Cancelled
 * (WAI-ARIA tabs: arrows, Home, End), paged with Cal.com's pagination (the page stays while the next
 * one loads). Each booking shows its title, when (with the zone) and who attends; upcoming ones can be
 * cancelled, with an optional reason, behind a confirmation (an APG alert dialog), and rescheduled in
 * a dialog (`CalBooker` in reschedule mode by default; `renderReschedule` replaces it, `onReschedule`
 * replaces the dialog). A seated booking shows its seats taken and marks one's own, which "Cancel my
 * seat" cancels alone (`seatUid`). A thin view over `useCalBookingsList`; its parts are the tabs
 * (`bookingsListTabs`), the panel (`bookingsListPanel`), one item per booking (`bookingsListItem`) and
 * the two dialogs.
 *
 * Root: `.aisq-bookings-list[data-state="idle" | "signedOut" | "loading" | "empty" | "ready" | "error"][data-tab]`.
 */
export function CalBookingsList({
  timeZone,
  hourCycle,
  onReschedule,
  renderReschedule,
  allowReschedule = true,
  onCancelled,
  onRescheduled,
  showErrorDetail = false,
  className,
  labels: labelsProp,
  ...options
}: CalBookingsListProps): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  // Before the list's own request, so that /v2/bookings stays the last one asked.
  const cycle = useCalHourCycle(hourCycle, labels.locale);
  const list = useCalBookingsList(options);
  const id = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const [cancelling, setCancelling] = useState<CalBooking | null>(null);
  const [rescheduling, setRescheduling] = useState<CalBooking | null>(null);
  const [notice, setNotice] = useState('');
  // After a cancel or reschedule the booking leaves this tab: focus then goes to the panel.
  const doneRef = useRef(false);
  const returnFocus = (opener: HTMLElement | null) =>
    doneRef.current || !opener ? panelRef.current : opener;
  const { locale } = labels;
  const formatWhen = useMemo(
    () => bookingRangeFormat(locale, timeZone, cycle),
    [locale, timeZone, cycle],
  );
  const names = useMemo(() => listFormat(locale), [locale]);

  const moved = (from: CalBooking, booking: CalBooking) => {
    doneRef.current = true;
    setNotice(labels.bookingsListRescheduleDone(isolate(from.title)));
    onRescheduled?.(booking);
  };

  const renderBooking = (series: CalBooking[]) => {
    const booking = series[0] as CalBooking;
    const rhythm = calSeriesRecurrence(series);
    return bookingsListItem(
      booking,
      booking.rescheduledToUid && booking.status === 'cancelled' ? (
        <BookingsListMoved
          uid={booking.rescheduledToUid}
          page={list.bookings}
          format={formatWhen}
          labels={labels}
        />
      ) : rhythm ? (
        <p className="aisq-bookings-list__repeats">
          {labels.bookerRepeats(rhythm.frequency, rhythm.interval, series.length)}
        </p>
      ) : null,
      `${id}-${booking.uid}`,
      formatWhen(booking),
      names,
      list.tab === 'upcoming' || list.tab === 'unconfirmed',
      allowReschedule,
      () => {
        setNotice('');
        doneRef.current = false;
        if (onReschedule) onReschedule(booking);
        else setRescheduling(booking);
      },
      () => {
        setNotice('');
        doneRef.current = false;
        list.cancel.reset();
        setCancelling(booking);
      },
      labels,
      list.seatsOf(booking),
    );
  };

  return (
    <section
      aria-label={labels.bookingsListTitle}
      className={classNames('aisq-bookings-list', className)}
      data-state={list.state}
      data-tab={list.tab}
    >
      {bookingsListTabs(list, id, labels)}
      {bookingsListPanel(list, panelRef, id, renderBooking, showErrorDetail, labels, labelsProp)}
      <p role="status" className="aisq-bookings-list__notice">
        {notice}
      </p>
      {cancelling ? (
        <CancelBookingDialog
          booking={cancelling}
          seatUid={list.seatsOf(cancelling)?.own?.seatUid}
          when={formatWhen(cancelling)}
          labels={labels}
          labelsProp={labelsProp}
          showErrorDetail={showErrorDetail}
          mutation={list.cancel}
          returnFocus={returnFocus}
          onClose={() => setCancelling(null)}
          onCancelled={(booking) => {
            doneRef.current = true;
            setCancelling(null);
            setNotice(labels.bookingsListCancelDone(isolate(cancelling.title)));
            onCancelled?.(booking);
          }}
        />
      ) : null}
      {rescheduling
        ? rescheduleBookingDialog(
            `${id}-reschedule`,
            rescheduling,
            formatWhen(rescheduling),
            labels,
            returnFocus,
            () => setRescheduling(null),
            renderReschedule ? (
              renderReschedule(rescheduling, (booking) => {
                moved(rescheduling, booking);
                setRescheduling(null);
              })
            ) : (
              // The booker's confirmation stays on screen until the person closes the dialog.
              <CalBooker
                rescheduleUid={rescheduling.uid}
                showFormerTime={false}
                timeZone={timeZone}
                labels={labelsProp}
                onBookingSuccess={(booking) => moved(rescheduling, booking)}
              />
            ),
          )
        : null}
    </section>
  );
}
