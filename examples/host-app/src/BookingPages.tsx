import {
  CalBookingsList,
  CalConnectButton,
  CalTokenGate,
  CalTokenStatus,
} from '@aisquare/bookings-react';
import type { ReactNode } from 'react';
import { type DemoPage, pageHref } from './pages.js';

/** Both booking pages need a Cal.com token: until there is one, a connect button stands in. */
function ConnectFirst({ children }: { children: ReactNode }) {
  return (
    <CalTokenGate
      fallback={
        <div className="demo-connect-first">
          <p className="demo-muted">Connect your Cal.com account to book and see your bookings.</p>
          <CalTokenStatus />
          <CalConnectButton />
        </div>
      }
    >
      {children}
    </CalTokenGate>
  );
}

/** The booking page: pick an event type, a day and a time, then book. */
export function BookPage({
  onLog,
  onNavigate,
}: {
  onLog: (text: string) => void;
  onNavigate: (page: DemoPage) => void;
}) {
  return (
    <section className="demo-panel" aria-labelledby="book-heading">
      <h2 id="book-heading">Book a meeting</h2>
      <ConnectFirst>
        <BookingFlow onLog={onLog} onNavigate={onNavigate} />
      </ConnectFirst>
    </section>
  );
}

function BookingFlow(_props: {
  onLog: (text: string) => void;
  onNavigate: (page: DemoPage) => void;
}) {
  return (
    <p className="demo-muted">
      The booker (event type, day, time, details) appears here once <code>CalBooker</code> lands.
      Meanwhile, see <a href={pageHref('bookings')}>My bookings</a>.
    </p>
  );
}

/** "My bookings": upcoming, past and cancelled, with cancel and reschedule. */
export function MyBookingsPage({
  onLog,
  onNavigate,
}: {
  onLog: (text: string) => void;
  onNavigate: (page: DemoPage) => void;
}) {
  return (
    // A plain panel: the list is the "My bookings" region itself.
    <div className="demo-panel">
      <div className="demo-panel-header">
        <h2>My bookings</h2>
        <button type="button" onClick={() => onNavigate('book')}>
          Book another
        </button>
      </div>
      <ConnectFirst>
        <CalBookingsList
          pageSize={5}
          onCancelled={(booking) => onLog(`Cancelled “${booking.title}”.`)}
          onRescheduled={(booking) => onLog(`Rescheduled to ${booking.start}.`)}
        />
      </ConnectFirst>
    </div>
  );
}
