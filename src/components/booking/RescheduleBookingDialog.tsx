'use client';

import type { ReactNode } from 'react';
import { isolate } from '../../booking/isolate.js';
import type { CalBooking } from '../../calapi/types.js';
import type { BookingsLabels } from '../labels.js';
import { BookingsDialog } from './BookingsDialog.js';
import { formerTime } from './FormerTime.js';

/** `CalBookingsList`'s reschedule dialog: a title naming the booking, a close button, and `children`. */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function rescheduleBookingDialog(
  /** What the dialog's ids start with. */
  id: string,
  booking: CalBooking,
  /** The booking's time, formatted: shown struck through as its former time. */
  when: string,
  labels: BookingsLabels,
  returnFocus: (opener: HTMLElement | null) => HTMLElement | null | undefined,
  onClose: () => void,
  children: ReactNode,
): ReactNode {
  return (
    <BookingsDialog
      role="dialog"
      labelledBy={`${id}-title`}
      onDismiss={onClose}
      returnFocus={returnFocus}
      className="aisq-bookings-list__dialog aisq-bookings-list__dialog--reschedule"
    >
      <div className="aisq-dialog__header">
        <h2 className="aisq-dialog__title" id={`${id}-title`}>
          {labels.bookingsListRescheduleTitle(isolate(booking.title))}
        </h2>
        <button type="button" className="aisq-button aisq-button--secondary" onClick={onClose}>
          {labels.bookingsListClose}
        </button>
      </div>
      {formerTime(booking.start, when, labels)}
      {children}
    </BookingsDialog>
  );
}
