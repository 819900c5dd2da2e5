import { useCalEventTypes, useCalSlots, useCreateCalBooking } from '@aisquare/bookings-react';

/** Event types → slots → book: the first visible event type's first free slot between two dates. */
export function QuickBooking({ start, end }: { start: string; end: string }) {
  const eventType = useCalEventTypes().data?.find((type) => !type.hidden);
  const slots = useCalSlots(
    eventType && { eventTypeId: eventType.id, start, end, timeZone: 'UTC' },
  );
  const book = useCreateCalBooking();
  const slot = Object.values(slots.data ?? {}).flat()[0];
  if (book.isSuccess) return <p>Booked for {new Date(book.data.start).toUTCString()}</p>;
  if (!eventType || !slot) return <p>Loading…</p>;
  const attendee = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'UTC' };
  const onClick = () => book.mutate({ eventTypeId: eventType.id, start: slot.start, attendee });
  return (
    <button type="button" disabled={book.isPending} onClick={onClick}>
      Book “{eventType.title}” at {new Date(slot.start).toUTCString()}
    </button>
  );
}
