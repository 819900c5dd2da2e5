import { BookingsProvider, CalBooker, useCalUser } from '@aisquare/bookings-react';
import '@aisquare/bookings-react/styles.css'; // optional: the default look

function Greeting() {
  const user = useCalUser();
  if (user.isPending) return <p>Loading…</p>;
  if (user.isError) return <p>Cal.com: {user.error.kind}</p>;
  return <p>Book a meeting, {user.data.name}</p>;
}

// A signed-in AISquare user books one of their own event types.
export function App({ jwt }: { jwt: string }) {
  return (
    <BookingsProvider baseUrl="http://127.0.0.1:8787" jwt={jwt}>
      <Greeting />
      <CalBooker onBookingSuccess={(booking) => console.info('booked', booking.start)} />
    </BookingsProvider>
  );
}
