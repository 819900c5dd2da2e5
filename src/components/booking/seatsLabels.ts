/**
 * The English labels of seated event types and bookings that need the host's confirmation, across
 * `CalSlotPicker`, `CalBookingConfirmation` and `CalBookingsList`; their type is this object's.
 */
export const defaultSeatsLabels = {
  /** Under a seated time, with the event type's `showAvailabilityCount`: how many seats are left. */
  slotPickerSeatsLeft: (count: number) => (count === 1 ? '1 seat left' : `${count} seats left`),
  /** Under a seated time, without the count: fewer than half the seats are taken. */
  slotPickerSeatsAvailable: 'Seats available',
  /** Under a seated time, without the count: half the seats or more are taken. */
  slotPickerSeatsHalfFull: 'Half full',
  /** Under a seated time, without the count: 83 % of the seats or more are taken. */
  slotPickerSeatsNearlyFull: 'Nearly full',
  /** A seated time with no seat left, which cannot be chosen. */
  slotPickerBookingFull: 'Booking full',
  /** Heading of the confirmation of a booking that waits for the host (`status: 'pending'`). */
  confirmationPendingTitle: 'Request sent, waiting for the host to confirm',
  /** On the confirmation of a seat booked at a seated event. */
  confirmationSeat: 'You have a seat at this event.',
  /** The Unconfirmed tab's panel when it is empty. */
  bookingsListEmptyUnconfirmed: 'No unconfirmed bookings.',
  /** A seated booking's seats: how many are taken, and of how many when known. */
  bookingsListSeats: (taken: number, total: number | undefined) =>
    total === undefined ? `${taken} seats taken` : `${taken} of ${total} seats taken`,
  /** Marks the viewer's own seat among a seated booking's attendees. */
  bookingsListYourSeat: 'your seat',
  /** On a seated booking where the viewer has a seat: cancels just that seat (button and confirm). */
  bookingsListCancelSeat: 'Cancel my seat',
  /** Title of the confirmation that cancels one's seat. */
  bookingsListCancelSeatTitle: 'Cancel your seat?',
};

export type SeatsLabels = typeof defaultSeatsLabels;
