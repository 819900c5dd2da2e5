'use client';

import { type ReactNode, useId, useRef, useState } from 'react';
import { isolate } from '../../booking/isolate.js';
import type { CalBooking } from '../../calapi/types.js';
import type { UseCalBookingsListResult } from '../../react/useCalBookingsList.js';
import { BookingsErrorMessage } from '../BookingsErrorMessage.js';
import type { BookingsLabels, BookingsLabelsOverrides } from '../labels.js';
import { BookingsDialog } from './BookingsDialog.js';

/**
 * `CalBookingsList`'s cancel confirmation (an APG alert dialog, "Keep booking" focused first): an
 * optional reason and, for an occurrence of a series, the choice to cancel the later ones too.
 */
export function CancelBookingDialog({
  booking,
  seatUid,
  when,
  labels,
  labelsProp,
  showErrorDetail,
  mutation,
  returnFocus,
  onClose,
  onCancelled,
}: {
  booking: CalBooking;
  /** Cancel only this seat of a seated booking: no reason field (UNVERIFIED that Cal.com takes one). */
  seatUid: string | undefined;
  when: string;
  labels: BookingsLabels;
  labelsProp: BookingsLabelsOverrides | undefined;
  showErrorDetail: boolean;
  mutation: UseCalBookingsListResult['cancel'];
  returnFocus: (opener: HTMLElement | null) => HTMLElement | null | undefined;
  onClose: () => void;
  onCancelled: (booking: CalBooking) => void;
}): ReactNode {
  const id = useId();
  const [reason, setReason] = useState('');
  const [series, setSeries] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const pending = mutation.isPending;
  return (
    <BookingsDialog
      role="alertdialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-description`}
      onDismiss={pending ? undefined : onClose}
      initialFocus={keepRef}
      returnFocus={returnFocus}
      className="aisq-bookings-list__dialog"
    >
      <form
        className="aisq-bookings-list__dialog-form"
        data-state={pending ? 'submitting' : mutation.isError ? 'error' : 'open'}
        onSubmit={(event) => {
          event.preventDefault();
          if (pending) return;
          const cancellationReason = reason.trim();
          mutation.mutate(
            seatUid
              ? { uid: booking.uid, seatUid }
              : {
                  uid: booking.uid,
                  ...(cancellationReason ? { cancellationReason } : {}),
                  ...(series ? { cancelSubsequentBookings: true } : {}),
                },
            // A series comes back whole: the booking chosen is the one reported.
            {
              onSuccess: (result) =>
                onCancelled(
                  Array.isArray(result)
                    ? (result.find((item) => item.uid === booking.uid) ?? booking)
                    : result,
                ),
            },
          );
        }}
      >
        <h2 className="aisq-dialog__title" id={`${id}-title`}>
          {seatUid ? labels.bookingsListCancelSeatTitle : labels.bookingsListCancelTitle}
        </h2>
        <p className="aisq-dialog__description" id={`${id}-description`}>
          {labels.bookingsListCancelDescription(isolate(booking.title), when)}
        </p>
        {seatUid ? null : (
          <label className="aisq-bookings-list__field">
            <span>{labels.bookingsListCancelReason}</span>
            <textarea
              className="aisq-bookings-list__reason-input"
              name="cancellationReason"
              rows={3}
              value={reason}
              readOnly={pending}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
        )}
        {typeof booking.recurringBookingUid === 'string' ? (
          <label className="aisq-bookings-list__series">
            <input
              type="checkbox"
              name="cancelSubsequentBookings"
              checked={series}
              readOnly={pending}
              onChange={(event) => {
                if (!pending) setSeries(event.target.checked);
              }}
            />
            <span>{labels.bookingsListCancelSeries}</span>
          </label>
        ) : null}
        {mutation.isError ? (
          <BookingsErrorMessage
            error={mutation.error}
            showDetail={showErrorDetail}
            labels={labelsProp}
          />
        ) : null}
        <div className="aisq-dialog__actions">
          <button
            ref={keepRef}
            type="button"
            className="aisq-button aisq-button--secondary"
            disabled={pending}
            onClick={onClose}
          >
            {labels.bookingsListCancelKeep}
          </button>
          <button
            type="submit"
            className="aisq-button aisq-button--danger"
            aria-disabled={pending || undefined}
          >
            {pending
              ? labels.bookingsListCancelling
              : seatUid
                ? labels.bookingsListCancelSeat
                : labels.bookingsListCancelConfirm}
          </button>
        </div>
      </form>
    </BookingsDialog>
  );
}
