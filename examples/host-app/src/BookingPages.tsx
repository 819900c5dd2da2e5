import {
  BookingsProvider,
  CalBooker,
  CalBookingsList,
  CalConnectButton,
  CalTokenGate,
  CalTokenStatus,
  useCalUser,
} from '@aisquare/bookings-react';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { DemoConfig } from './demoConfig.js';
import type { DemoPage } from './pages.js';

/** What App gives each page: the event log and the page navigation. */
interface PageProps {
  onLog: (text: string) => void;
  onNavigate: (page: DemoPage) => void;
}

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
export function BookPage({ onLog, onNavigate }: PageProps) {
  return (
    // A plain panel: the booker is the "Book a meeting" region itself.
    <div className="demo-panel">
      <ConnectFirst>
        <BookingFlow onLog={onLog} onNavigate={onNavigate} />
      </ConnectFirst>
    </div>
  );
}

function BookingFlow({ onLog, onNavigate }: PageProps) {
  const user = useCalUser();
  // A new key starts the booker over for another booking.
  const [round, setRound] = useState(0);
  const [booked, setBooked] = useState(false);
  return (
    <>
      <CalBooker
        key={round}
        // The signed-in person books for themselves; the form starts with their name and e-mail.
        defaultFormValues={{
          name: user.data?.name ?? '',
          email: user.data?.email ?? '',
        }}
        onBookingSuccess={(booking) => {
          setBooked(true);
          onLog(`Booked “${booking.title}” at ${booking.start}.`);
        }}
        onBookingError={(error) => onLog(`Booking refused: ${error.kind}.`)}
      />
      {booked ? (
        <div className="demo-actions demo-after-booking">
          <button type="button" onClick={() => onNavigate('bookings')}>
            See it in My bookings
          </button>
          <button
            type="button"
            onClick={() => {
              setBooked(false);
              setRound((value) => value + 1);
            }}
          >
            Book another
          </button>
        </div>
      ) : null}
    </>
  );
}

/** "My bookings": upcoming, past and cancelled, with cancel and reschedule. */
export function MyBookingsPage({ onLog, onNavigate }: PageProps) {
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
          onRescheduled={(booking) => onLog(`Rescheduled “${booking.title}” to ${booking.start}.`)}
        />
      </ConnectFirst>
    </div>
  );
}

/**
 * "Book a meeting with me": the host's public page, for a visitor without any account. Its own
 * provider with `jwt={null}`: Cal.com's public endpoints only, no AISquare request, no token, and the
 * attendee's name and e-mail come from the form. The same page works whoever is signed in above.
 */
export function PublicBookingPage({
  config,
  onLog,
}: {
  config: DemoConfig;
  onLog: PageProps['onLog'];
}) {
  // Its own cache: nothing a signed-in user's provider holds is shared with the visitor's page.
  const [queryClient] = useState(() => new QueryClient());
  const host = config.host;
  if (!host) {
    return <p className="demo-panel">No public page: `npm start` sets up its host.</p>;
  }
  return (
    <div className="demo-panel">
      <p className="demo-muted">
        What a visitor sees on {host.name}’s site: no sign-in, no AISquare account.
      </p>
      <BookingsProvider
        baseUrl={config.apiUrl}
        jwt={null}
        // The sandbox serves Cal.com's API too; a real page names https://api.cal.com (the default).
        calApiUrl={config.apiUrl}
        queryClient={queryClient}
      >
        <CalBooker
          username={host.username}
          eventTypeSlug="30min"
          labels={{ bookerTitle: `Book a meeting with ${host.name}` }}
          onBookingSuccess={(booking) => onLog(`A visitor booked “${booking.title}”.`)}
        />
      </BookingsProvider>
    </div>
  );
}
