/** The English labels of `CalBooker` itself (its parts have their own); their type is this object's. */
export const defaultBookerLabels = {
  /** Accessible name of the booker. */
  bookerTitle: 'Book a meeting',
  /** Accessible name of the booker in reschedule mode. */
  bookerRescheduleTitle: 'Reschedule your meeting',
  /** Heading of the first step. */
  bookerChooseEventType: 'Choose a meeting type',
  /** Heading of the date and time step. */
  bookerChooseTime: 'Choose a day and time',
  /** Heading of the details step. */
  bookerDetails: 'Your details',
  /** The button back to the previous step. */
  bookerBack: 'Back',
  /** While the event type or the rescheduled booking loads. */
  bookerLoading: 'Loading…',
  /** After Cal.com refused a slot as taken. */
  bookerSlotTaken: 'Someone booked that time just before you. Please choose another time.',
  /** After Cal.com refused to hold the chosen time: someone else is booking it. */
  bookerSlotHeld: 'Someone else is booking that time right now. Please choose another time.',
  /** Before the error of a refused booking. */
  bookerFailed: 'The booking could not be made.',
  /** Legend of the duration choice, for an event type offering several lengths. */
  bookerDuration: 'Duration',
  /** Reschedule mode, when the booking's event type was deleted. */
  bookerCannotReschedule: 'This booking can’t be rescheduled: its meeting type no longer exists.',
  /** The event type named by `username` and `eventTypeSlug` is not listed: it does not exist, or is hidden. */
  bookerNotFound: 'This meeting type was not found.',
  /** Reschedule mode: before the booking's former time, shown struck through. */
  bookerFormerTime: 'Former time',
  /** A recurring event type: the choice of how many meetings to book. */
  bookerOccurrences: 'Number of meetings',
  /** A series' rhythm, e.g. "Every week, 4 times" (`frequency`: 'weekly', 'monthly' or 'yearly'). */
  bookerRepeats: (frequency: string, interval: number, count: number) =>
    `Every ${interval > 1 ? `${interval} ` : ''}${frequency.slice(0, -2)}${interval > 1 ? 's' : ''}, ${count} time${count > 1 ? 's' : ''}`,
  /** Accessible name of the list of a series' dates. */
  bookerOccurrenceDates: 'Dates',
};

export type BookerLabels = typeof defaultBookerLabels;
