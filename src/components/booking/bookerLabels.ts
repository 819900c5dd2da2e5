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
  /** Before the error of a refused booking. */
  bookerFailed: 'The booking could not be made.',
  /** Reschedule mode, when the booking's event type was deleted. */
  bookerCannotReschedule: 'This booking can’t be rescheduled: its meeting type no longer exists.',
};

export type BookerLabels = typeof defaultBookerLabels;
