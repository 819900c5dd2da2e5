import {
  BookingsErrorMessage,
  BookingsProvider,
  CalConnectButton,
  type CalToken,
  CalTokenGate,
  CalTokenStatus,
  CalUserCard,
  useCalAccessToken,
  useCalConfig,
  useRefreshCalToken,
} from '@aisquare/bookings-react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { BookPage, MyBookingsPage, PublicBookingPage } from './BookingPages.js';
import { type DemoConfig, type DemoUser, demoConfig } from './demoConfig.js';
import { DEMO_PAGES, pageHref, useDemoPage } from './pages.js';

/** The host app's own session: who is signed in and the AISquare JWT it holds. */
interface Session {
  user: DemoUser;
  jwt: string;
}

interface LogEntry {
  id: number;
  at: number;
  text: string;
}

export function App() {
  if (!demoConfig) {
    return (
      <main className="demo">
        <h1>Bookings demo host app</h1>
        <p>
          This page needs the sandbox API and the demo sign-ins that <code>npm start</code>{' '}
          provides. Run <code>npm start</code> at the package root and open the URL it prints.
        </p>
      </main>
    );
  }
  return <DemoApp config={demoConfig} />;
}

function DemoApp({ config }: { config: DemoConfig }) {
  const [session, setSession] = useState<Session | null>(() => {
    const first = config.users[0];
    return first ? { user: first, jwt: first.jwt } : null;
  });
  // Users who connected Cal.com once: from then on the provider connects them on its own.
  const [connected, setConnected] = useState<ReadonlySet<string>>(() => new Set());
  const [log, setLog] = useState<LogEntry[]>([]);
  const [page, goTo] = useDemoPage();
  const nextLogId = useRef(1);
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const addLog = useCallback((text: string) => {
    const entry = { id: nextLogId.current++, at: Date.now(), text };
    setLog((entries) => [entry, ...entries].slice(0, 12));
  }, []);

  const signIn = (user: DemoUser) => {
    setSession({ user, jwt: user.jwt });
    addLog(`Signed in as ${user.name}.`);
  };

  const onTokenRefreshed = (token: CalToken) => {
    const user = sessionRef.current?.user;
    if (user) {
      setConnected((previous) =>
        previous.has(user.id) ? previous : new Set(previous).add(user.id),
      );
    }
    const lifetime = Math.round((token.expiresAt - Date.now()) / 1000);
    addLog(
      token.integrationStatus === 'created'
        ? `Cal.com account created for ${user?.name ?? 'the user'}; token valid ${lifetime} s.`
        : `New Cal.com token (${token.refreshed ? 'refreshed' : 'issued'}); valid ${lifetime} s.`,
    );
  };

  const expiredJwt = session ? config.expiredJwts[session.user.id] : undefined;

  return (
    <BookingsProvider
      baseUrl={config.apiUrl}
      // Inline on purpose: the provider keeps the latest getter and never refetches for a new function.
      jwt={session?.jwt ?? null}
      autoConnect={session !== null && connected.has(session.user.id)}
      onTokenRefreshed={onTokenRefreshed}
      onAuthError={() => addLog('AISquare answered 401: the session has expired.')}
      onError={(error) => {
        // A 404 on the user is the expected "not connected yet", not a failure.
        if (error.kind !== 'not_found') addLog(`Error: ${error.message}`);
      }}
    >
      <div className="demo">
        <header className="demo-header">
          <div>
            <h1>Acme Scheduling</h1>
            <p className="demo-muted">
              A host app using <code>@aisquare/bookings-react</code> against the sandbox at{' '}
              <code>{config.apiUrl}</code>. Cal.com tokens live {config.tokenTtlSeconds} s.
            </p>
          </div>
          <nav className="demo-session" aria-label="Demo session">
            <span>
              {session ? (
                <>
                  Signed in as <strong>{session.user.name}</strong>
                </>
              ) : (
                'Signed out'
              )}
            </span>
            {config.users.map((user) => {
              const current = session?.user.id === user.id;
              if (current && session?.jwt === user.jwt) return null;
              return (
                <button key={user.id} type="button" onClick={() => signIn(user)}>
                  {current ? 'Sign in again as' : 'Switch to'} {user.name.split(' ')[0]}
                </button>
              );
            })}
            {session && expiredJwt ? (
              <button
                type="button"
                disabled={session.jwt === expiredJwt}
                onClick={() => {
                  setSession({ user: session.user, jwt: expiredJwt });
                  addLog('The AISquare session expired (the JWT was replaced by an expired one).');
                }}
              >
                Expire session
              </button>
            ) : null}
            <button
              type="button"
              disabled={!session}
              onClick={() => {
                setSession(null);
                addLog('Signed out.');
              }}
            >
              Sign out
            </button>
          </nav>
        </header>

        <nav className="demo-pages" aria-label="Pages">
          {DEMO_PAGES.map((entry) => (
            <a
              key={entry.page}
              href={pageHref(entry.page)}
              aria-current={entry.page === page ? 'page' : undefined}
            >
              {entry.title}
            </a>
          ))}
        </nav>

        {page === 'public' ? (
          <PublicBookingPage config={config} onLog={addLog} />
        ) : session ? (
          <>
            {/* The Cal.com token stays valid until its refresh: ask now, to show the 401 at once. */}
            <RefreshWhen active={session.jwt === expiredJwt} />
            {page === 'book' ? (
              <BookPage onLog={addLog} onNavigate={goTo} />
            ) : page === 'bookings' ? (
              <MyBookingsPage onLog={addLog} onNavigate={goTo} />
            ) : (
              <div className="demo-grid">
                <Panel id="account" title="Cal.com account">
                  <p className="demo-muted">
                    {connected.has(session.user.id)
                      ? 'Connected before, so the provider connects on its own (autoConnect).'
                      : 'autoConnect is off until the first connect: nothing is requested before you click.'}
                  </p>
                  <CalUserCard />
                </Panel>
                <Panel id="connection" title="Connection">
                  <CalTokenStatus />
                  <CalTokenGate fallback={<p className="demo-muted">No Cal.com token yet.</p>}>
                    {(token) => <TokenDetails token={token} />}
                  </CalTokenGate>
                </Panel>
                <Panel id="config" title="Cal.com configuration">
                  <ConfigPanel />
                </Panel>
              </div>
            )}
          </>
        ) : (
          <p className="demo-panel">Signed out. Sign in as a demo user to connect Cal.com.</p>
        )}

        <Panel id="log" title="Events">
          <ol className="demo-log">
            {log.map((entry) => (
              <li key={entry.id}>
                <time dateTime={new Date(entry.at).toISOString()}>{formatClock(entry.at)}</time>{' '}
                {entry.text}
              </li>
            ))}
          </ol>
        </Panel>
      </div>
    </BookingsProvider>
  );
}

/** A panel of the page: a section named by its heading. */
function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="demo-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/** What a host does with the token: here, show when it expires and fetch it for a Cal.com call. */
function TokenDetails({ token }: { token: CalToken }) {
  const { getAccessToken } = useCalAccessToken();
  const now = useNow(1000);
  const [fetched, setFetched] = useState<string | null>(null);
  return (
    <>
      <dl className="demo-facts">
        <dt>Token</dt>
        <dd>
          <code>{maskToken(token.accessToken)}</code>
        </dd>
        <dt>Expires in</dt>
        <dd>{formatCountdown(token.expiresAt - now)}</dd>
        <dt>Account</dt>
        <dd>{token.integrationStatus === 'created' ? 'created by this connect' : 'existing'}</dd>
      </dl>
      <div className="demo-actions">
        <CalConnectButton
          labels={{
            connect: 'Refresh now',
            reconnect: 'Refresh now',
            connecting: 'Refreshing…',
            connectedExisting: 'Refreshed.',
          }}
        />
        <button
          type="button"
          className="aisq-button"
          onClick={() =>
            getAccessToken().then(
              (value) => setFetched(`getAccessToken() → ${maskToken(value)}`),
              () => setFetched('getAccessToken() failed.'),
            )
          }
        >
          getAccessToken()
        </button>
      </div>
      {fetched ? <p className="demo-muted">{fetched}</p> : null}
    </>
  );
}

function ConfigPanel() {
  const config = useCalConfig();
  if (config.isPending) return <p aria-busy="true">Loading…</p>;
  if (config.isError) {
    return <BookingsErrorMessage error={config.error} onRetry={() => void config.refetch()} />;
  }
  return (
    <dl className="demo-facts">
      <dt>Client id</dt>
      <dd>
        <code>{config.data.cal_client_id ?? '—'}</code>
      </dd>
      <dt>API</dt>
      <dd>
        <code>{config.data.cal_api_url ?? '—'}</code>
      </dd>
    </dl>
  );
}

/** Forces a token refresh whenever `active` turns true. */
function RefreshWhen({ active }: { active: boolean }) {
  const { mutate } = useRefreshCalToken();
  useEffect(() => {
    if (active) mutate();
  }, [active, mutate]);
  return null;
}

/** Shows enough of a token to see it change, never the whole secret. */
function maskToken(token: string): string {
  return `${token.slice(0, 7)}…${token.slice(-4)}`;
}

function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function formatClock(at: number): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(at);
}

/** The current time, re-rendering every `intervalMs`. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
