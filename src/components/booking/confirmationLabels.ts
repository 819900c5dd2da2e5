/** The English labels of `CalBookingConfirmation`; their type is this object's. */
export const defaultConfirmationLabels = {
  /** Heading of the confirmation. */
  confirmationTitle: 'Your meeting is booked',
  /** Heading after a reschedule. */
  confirmationRescheduledTitle: 'Your meeting was moved',
  /** Term of the row with the event's title. */
  confirmationWhat: 'What',
  /** Term of the row with the time. */
  confirmationWhen: 'When',
  /** Term of the row with the place or the meeting link. */
  confirmationWhere: 'Where',
  /** Term of the row with the host and the attendees. */
  confirmationWho: 'Who',
  /** Before the time in the attendee's zone, when the host's differs. */
  confirmationYourTime: 'Your time',
  /** Before the time in the host's zone. */
  confirmationHostTime: (host: string) => `${host}'s time`,
  /** The host's role after their name. */
  confirmationHost: 'host',
  /** Link text of an online meeting's URL. */
  confirmationJoin: 'Join the meeting',
  /** The .ics download. */
  confirmationAddToCalendar: 'Add to calendar (.ics)',
  /** Starts the flow over. */
  confirmationBookAnother: 'Book another meeting',
};

export type ConfirmationLabels = typeof defaultConfirmationLabels;
