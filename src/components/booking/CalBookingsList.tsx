'use client';

import { type KeyboardEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import type { CalBooking } from '../../calapi/types.js';
import { useCalHourCycle } from '../../react/useCalHourCycle.js';
import type { HourCycle } from '../../time/locale.js';
import { BookingsErrorMessage } from '../BookingsErrorMessage.js';
import { useBookingsLabels } from '../BookingsLabelsContext.js';
import { classNames } from '../classNames.js';
import { type BookingsLabels, type BookingsLabelsOverrides, isolate } from '../labels.js';
import { BookingsDialog } from './BookingsDialog.js';
import { CalBooker } from './CalBooker.js';
import {
  type CalBookingsListTab,
  type UseCalBookingsListOptions,
  useCalBookingsList,
} from './useCalBookingsList.js';

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

const TABS: readonly CalBookingsListTab[] = ['upcoming', 'past', 'cancelled'];

function tabLabel(labels: BookingsLabels, tab: CalBookingsListTab): string {
  return tab === 'upcoming'
    ? labels.bookingsListUpcoming
    : tab === 'past'
      ? labels.bookingsListPast
      : labels.bookingsListCancelled;
}

function emptyLabel(labels: BookingsLabels, tab: CalBookingsListTab): string {
  return tab === 'upcoming'
    ? labels.bookingsListEmptyUpcoming
    : tab === 'past'
      ? labels.bookingsListEmptyPast
      : labels.bookingsListEmptyCancelled;
}

/**
 * The signed-in user's Cal.com bookings in three tabs, Upcoming, Past and Cancelled (WAI-ARIA tabs:
 * arrows, Home, End), paged with Cal.com's pagination (the page stays while the next one loads).
 * Each booking shows its title, when (with the zone) and who attends; upcoming ones can be cancelled,
 * with an optional reason, behind a confirmation (an APG alert dialog), and rescheduled in a dialog
 * (`CalBooker` in reschedule mode by default; `renderReschedule` replaces it, `onReschedule` replaces
 * the dialog). A thin view over `useCalBookingsList`.
 *
 * Root: `.aisq-bookings-list[data-state="idle" | "loading" | "empty" | "ready" | "error"][data-tab]`.
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
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const panelRef = useRef<HTMLDivElement>(null);
  const [cancelling, setCancelling] = useState<CalBooking | null>(null);
  const [rescheduling, setRescheduling] = useState<CalBooking | null>(null);
  const [notice, setNotice] = useState('');
  // After a cancel or reschedule the booking leaves this tab: focus then goes to the panel.
  const doneRef = useRef(false);
  const returnFocus = (opener: HTMLElement | null) =>
    doneRef.current || !opener ? panelRef.current : opener;
  const formatWhen = useWhenFormat(labels.locale, timeZone, cycle);
  const names = useListFormat(labels.locale);

  const tabId = (tab: CalBookingsListTab) => `${id}-tab-${tab}`;
  const panelId = `${id}-panel`;

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const { key } = event;
    // Right goes to the next tab (the previous one right to left), Left the other way; both wrap.
    const step =
      (key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0) *
      (getComputedStyle(event.currentTarget).direction === 'rtl' ? -1 : 1);
    const next = step
      ? (index + step + TABS.length) % TABS.length
      : key === 'Home'
        ? 0
        : key === 'End'
          ? TABS.length - 1
          : -1;
    if (next < 0) return;
    event.preventDefault();
    tabRefs.current[next]?.focus();
    list.setTab(TABS[next] as CalBookingsListTab);
  };

  const moved = (from: CalBooking, booking: CalBooking) => {
    doneRef.current = true;
    setNotice(labels.bookingsListRescheduleDone(isolate(from.title)));
    onRescheduled?.(booking);
  };

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
  } else if (list.state === 'empty' || list.state === 'idle') {
    content = <p className="aisq-bookings-list__empty">{emptyLabel(labels, list.tab)}</p>;
  } else {
    content = (
      <ul className="aisq-bookings-list__items">
        {list.bookings.map((booking) => {
          const titleId = `${id}-${booking.uid}`;
          const upcoming = list.tab === 'upcoming';
          const attendees = booking.attendees.map((attendee) =>
            isolate(attendee.name || attendee.email),
          );
          return (
            <li key={booking.uid} className="aisq-bookings-list__item" data-status={booking.status}>
              <p className="aisq-bookings-list__title" id={titleId}>
                <bdi>{booking.title}</bdi>
                {booking.status === 'pending' ? (
                  <span className="aisq-bookings-list__badge">
                    {' '}
                    {labels.bookingsListUnconfirmed}
                  </span>
                ) : null}
              </p>
              <p className="aisq-bookings-list__when">
                <time dateTime={booking.start}>{formatWhen(booking)}</time>
              </p>
              {attendees.length > 0 ? (
                <p className="aisq-bookings-list__attendees">
                  {labels.bookingsListWith(names(attendees))}
                </p>
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
                      onClick={() => {
                        setNotice('');
                        doneRef.current = false;
                        if (onReschedule) onReschedule(booking);
                        else setRescheduling(booking);
                      }}
                    >
                      {labels.bookingsListReschedule}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="aisq-button aisq-button--secondary aisq-bookings-list__cancel"
                    aria-describedby={titleId}
                    onClick={() => {
                      setNotice('');
                      doneRef.current = false;
                      list.cancel.reset();
                      setCancelling(booking);
                    }}
                  >
                    {labels.bookingsListCancel}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    );
  }

  const showPager = list.state === 'ready' && (list.pageCount > 1 || list.hasPreviousPage);
  return (
    <section
      aria-label={labels.bookingsListTitle}
      className={classNames('aisq-bookings-list', className)}
      data-state={list.state}
      data-tab={list.tab}
    >
      <div role="tablist" aria-label={labels.bookingsListTabs} className="aisq-bookings-list__tabs">
        {TABS.map((tab, index) => {
          const selected = tab === list.tab;
          return (
            <button
              key={tab}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={tabId(tab)}
              aria-selected={selected}
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              className="aisq-bookings-list__tab"
              onClick={() => list.setTab(tab)}
              onKeyDown={(event) => onTabKeyDown(event, index)}
            >
              {tabLabel(labels, tab)}
            </button>
          );
        })}
      </div>
      <div
        ref={panelRef}
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(list.tab)}
        aria-busy={list.state === 'loading' || list.isPageLoading || undefined}
        // Focusable (not tabbable) so that focus can land here once a booking left the list.
        tabIndex={-1}
        className="aisq-bookings-list__panel"
      >
        {content}
        {showPager ? (
          <nav aria-label={labels.bookingsListPages} className="aisq-bookings-list__pager">
            <PagerButton
              className="aisq-bookings-list__previous"
              disabled={!list.hasPreviousPage}
              onClick={list.previousPage}
            >
              {labels.bookingsListPrevious}
            </PagerButton>
            <span className="aisq-bookings-list__page" aria-live="polite">
              {labels.bookingsListPageOf(list.page, list.pageCount)}
            </span>
            <PagerButton
              className="aisq-bookings-list__next"
              disabled={!list.hasNextPage}
              onClick={list.nextPage}
            >
              {labels.bookingsListNext}
            </PagerButton>
          </nav>
        ) : null}
      </div>
      <p role="status" className="aisq-bookings-list__notice">
        {notice}
      </p>
      {cancelling ? (
        <CancelDialog
          booking={cancelling}
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
      {rescheduling ? (
        <RescheduleDialog
          booking={rescheduling}
          labels={labels}
          returnFocus={returnFocus}
          onClose={() => setRescheduling(null)}
        >
          {renderReschedule ? (
            renderReschedule(rescheduling, (booking) => {
              moved(rescheduling, booking);
              setRescheduling(null);
            })
          ) : (
            // The booker's confirmation stays on screen until the person closes the dialog.
            <CalBooker
              rescheduleUid={rescheduling.uid}
              timeZone={timeZone}
              labels={labelsProp}
              onBookingSuccess={(booking) => moved(rescheduling, booking)}
            />
          )}
        </RescheduleDialog>
      ) : null}
    </section>
  );
}

/** A button that stays focusable when it cannot act (`aria-disabled`), so paging never drops focus. */
function PagerButton({
  disabled,
  onClick,
  className,
  children,
}: {
  disabled: boolean;
  onClick: () => void;
  className: string;
  children: ReactNode;
}): ReactNode {
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

function CancelDialog({
  booking,
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
  when: string;
  labels: BookingsLabels;
  labelsProp: BookingsLabelsOverrides | undefined;
  showErrorDetail: boolean;
  mutation: ReturnType<typeof useCalBookingsList>['cancel'];
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
            {
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
          {labels.bookingsListCancelTitle}
        </h2>
        <p className="aisq-dialog__description" id={`${id}-description`}>
          {labels.bookingsListCancelDescription(isolate(booking.title), when)}
        </p>
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
            {pending ? labels.bookingsListCancelling : labels.bookingsListCancelConfirm}
          </button>
        </div>
      </form>
    </BookingsDialog>
  );
}

function RescheduleDialog({
  booking,
  labels,
  returnFocus,
  onClose,
  children,
}: {
  booking: CalBooking;
  labels: BookingsLabels;
  returnFocus: (opener: HTMLElement | null) => HTMLElement | null | undefined;
  onClose: () => void;
  children: ReactNode;
}): ReactNode {
  const id = useId();
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
      {children}
    </BookingsDialog>
  );
}

/** "Mon, Jan 6, 2025, 9:00 – 9:30 AM GMT": a booking's range with `Intl`, in `timeZone`. */
function useWhenFormat(
  locale: string,
  timeZone: string | undefined,
  hourCycle: HourCycle,
): (booking: Pick<CalBooking, 'start' | 'end'>) => string {
  return useMemo(() => {
    const options: Intl.DateTimeFormatOptions = {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle,
      timeZoneName: 'short',
    };
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // An unknown locale or zone: the viewer's zone, in English.
      format = new Intl.DateTimeFormat('en', options);
    }
    return ({ start, end }) => {
      const from = Date.parse(start);
      const to = Date.parse(end);
      // A malformed start as given; a malformed or non-positive range as its start alone.
      return Number.isNaN(from)
        ? start
        : to > from
          ? format.formatRange(from, to)
          : format.format(from);
    };
  }, [locale, timeZone, hourCycle]);
}

function useListFormat(locale: string): (names: string[]) => string {
  return useMemo(() => {
    // A conjunction ("A, B and C") is the default type.
    let format: Intl.ListFormat;
    try {
      format = new Intl.ListFormat(locale);
    } catch {
      format = new Intl.ListFormat('en');
    }
    return (names) => format.format(names);
  }, [locale]);
}
