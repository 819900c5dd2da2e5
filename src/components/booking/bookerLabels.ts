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

  // Booking-page settings (issue 20): sign-in required, and the e-mail code step.
  /** Heading when the meeting type takes signed-in people only (`bookingRequiresAuthentication`). */
  bookerSignInTitle: 'Sign in to book',
  /** Under that heading. */
  bookerSignInRequired: 'Only signed-in people can book this meeting.',
  /** The button calling `onSignInRequired`. */
  bookerSignIn: 'Sign in',
  /** Heading of the e-mail code step. */
  bookerEmailCodeTitle: 'Verify your e-mail',
  /** The step's explanation; `email` is the address the code went to. */
  bookerEmailCodeSent: (email: string) => `We e-mailed a code to ${email}. Enter it to book.`,
  /** Label of the code input. */
  bookerEmailCode: 'Code',
  /** The button that checks the code, then books. */
  bookerEmailCodeVerify: 'Verify and book',
  /** The button asking for another code. */
  bookerEmailCodeResend: 'Send a new code',
  /** After a wrong or expired code. */
  bookerEmailCodeInvalid: 'That code is wrong or has expired. Check it, or send a new one.',
  /** After too many codes were asked for (Cal.com allows 3 a minute). */
  bookerEmailCodeThrottled: 'Too many codes asked for. Wait a minute, then send a new one.',
  /** When Cal.com did not send the code, or the request failed. */
  bookerEmailCodeFailed: 'The code could not be sent or checked. Try again.',
};

export type BookerLabels = typeof defaultBookerLabels;
