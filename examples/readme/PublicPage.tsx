import { BookingsProvider, CalBooker } from '@aisquare/bookings-react';

// A visitor without any account books the host's 30-minute meeting: no JWT (`null`), Cal.com's public
// endpoints only, the attendee's name and e-mail from the form. `calApiUrl` is the sandbox's here;
// left out, it is https://api.cal.com.
export function PublicPage({ username }: { username: string }) {
  return (
    <BookingsProvider baseUrl="http://127.0.0.1:8787" calApiUrl="http://127.0.0.1:8787" jwt={null}>
      <CalBooker username={username} eventTypeSlug="30min" />
    </BookingsProvider>
  );
}
