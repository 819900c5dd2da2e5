/** The English labels of `CalBookingsList` and its dialogs; their type is this object's. */
export const defaultBookingsListLabels = {
  /** Accessible name of the list's region. */
  bookingsListTitle: 'My bookings',
  /** Accessible name of the tab list. */
  bookingsListTabs: 'Bookings',
  /** The Upcoming tab. */
  bookingsListUpcoming: 'Upcoming',
  /** The Past tab. */
  bookingsListPast: 'Past',
  /** The Cancelled tab. */
  bookingsListCancelled: 'Cancelled',
  /** While the first page loads. */
  bookingsListLoading: 'Loading your bookings…',
  /** An empty Upcoming tab. */
  bookingsListEmptyUpcoming: 'No upcoming bookings.',
  /** An empty Past tab. */
  bookingsListEmptyPast: 'No past bookings.',
  /** An empty Cancelled tab. */
  bookingsListEmptyCancelled: 'No cancelled bookings.',
  /** Who else takes part; `names` is already joined with `Intl.ListFormat`. */
  bookingsListWith: (names: string) => `With ${names}`,
  /** Badge of a booking that awaits the host's confirmation. */
  bookingsListUnconfirmed: 'Unconfirmed',
  /** The reason a cancelled booking shows. */
  bookingsListReason: (reason: string) => `Reason: ${reason}`,
  /** Accessible name of the paging navigation. */
  bookingsListPages: 'Pages',
  /** The button to the page before. */
  bookingsListPrevious: 'Previous page',
  /** The button to the page after. */
  bookingsListNext: 'Next page',
  /** Where the pager stands, e.g. "Page 2 of 5". */
  bookingsListPageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  /** A booking's reschedule button. */
  bookingsListReschedule: 'Reschedule',
  /** A booking's cancel button (opens the confirmation). */
  bookingsListCancel: 'Cancel',
  /** Title of the cancel confirmation. */
  bookingsListCancelTitle: 'Cancel this booking?',
  /** What the confirmation says; `when` is the formatted time. */
  bookingsListCancelDescription: (title: string, when: string) =>
    `${title}, ${when}. Everyone invited will be told.`,
  /** Label of the optional reason field. */
  bookingsListCancelReason: 'Reason (optional)',
  /** For an occurrence of a recurring series: the choice to cancel the later occurrences too. */
  bookingsListCancelSeries: 'Also cancel the later occurrences of this series',
  /** Confirms. */
  bookingsListCancelConfirm: 'Cancel booking',
  /** Closes the confirmation without cancelling. */
  bookingsListCancelKeep: 'Keep booking',
  /** The confirm button while the request runs. */
  bookingsListCancelling: 'Cancelling…',
  /** Announced once cancelled. */
  bookingsListCancelDone: (title: string) => `${title} was cancelled.`,
  /** Title of the reschedule dialog. */
  bookingsListRescheduleTitle: (title: string) => `Reschedule ${title}`,
  /** Announced once rescheduled. */
  bookingsListRescheduleDone: (title: string) => `${title} was rescheduled.`,
  /** Closes the reschedule dialog. */
  bookingsListClose: 'Close',
  /** Instead of the list for a visitor (nobody signed in): Cal.com lists bookings only to their user. */
  bookingsListSignedOut: 'Sign in to see your bookings.',
  /** Badge of a booking that was moved (Cal.com cancelled it for a new one). */
  bookingsListRescheduled: 'Rescheduled',
  /** Before a moved booking's new time. */
  bookingsListMovedTo: 'New time:',
};

export type BookingsListLabels = typeof defaultBookingsListLabels;
