// Reservations: what holding a chosen time costs and what it leaves behind. useCalBookingFlow in
// StrictMode against the sandbox over HTTP, in jsdom: reservation requests per chosen time, and live
// reservations left at the sandbox after Back, another choice and unmount; a closed tab's hold is
// left to Cal.com's expiry, measured on the fake's model with its own clock.
import { installDom, sleep } from './lib/dom.js';
import type { BenchRow } from './lib/types.js';

const QUIET_MS = 300;
const WAIT_MS = 10_000;

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export async function measure(): Promise<BenchRow[]> {
  installDom();
  const { createElement, StrictMode } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { BookingsProvider } = await import('../src/index.js');
  const { startSandbox } = await import('../src/sandbox/index.js');
  const { createCalFakeModel } = await import('../src/fake/model.js');
  const { probe, ReservationPage } = await import('./lib/reservationProbe.js');
  const sandbox = await startSandbox();
  try {
    const jwt = await sandbox.issueJwt('bench-reservations');
    const root = createRoot(document.createElement('div'));
    root.render(
      createElement(
        StrictMode,
        null,
        createElement(
          BookingsProvider,
          { baseUrl: sandbox.url, jwt, crossTab: false },
          createElement(ReservationPage),
        ),
      ),
    );
    const current = () => probe.flow as NonNullable<typeof probe.flow>;
    await until(() => !!probe.flow?.eventTypes.data, 'the event types');
    const type = current().eventTypes.data?.find((candidate) => candidate.slug === '30min');
    if (!type) throw new Error('no 30min event type');
    current().selectEventType(type);
    await until(() => probe.starts.length >= 3, 'the slots');
    const live = () => sandbox.calModel.liveReservations().length;
    const posts = () => sandbox.counts()['cal.reserveSlot'];

    /** Chooses `start`, waits for the hold, and returns the reservation requests it cost. */
    const choose = async (start: string) => {
      const before = posts();
      current().selectSlot(start);
      await until(() => current().reservation.status === 'held', 'the hold');
      await sleep(QUIET_MS);
      return posts() - before;
    };
    const perChoice: number[] = [];
    const left: Record<string, number> = {};
    perChoice.push(await choose(probe.starts[0] as string));
    // Another choice: the first hold is released, only the new one is live.
    perChoice.push(await choose(probe.starts[1] as string));
    await sleep(QUIET_MS);
    left.anotherChoice = live() - 1;
    current().back();
    await sleep(QUIET_MS);
    left.back = live();
    perChoice.push(await choose(probe.starts[2] as string));
    probe.show(false);
    await sleep(QUIET_MS);
    left.unmount = live();
    root.unmount();

    // A closed tab releases nothing: Cal.com's hold lapses by itself (5 minutes by default).
    let now = Date.UTC(2030, 0, 7, 6);
    const model = createCalFakeModel({ now: () => now });
    model.integrate({ sub: 'closed-tab' });
    const typeId = model.eventTypes('closed-tab').find((t) => t.slug === '30min')?.id ?? 0;
    const [slot] = model.slots(typeId, Date.UTC(2030, 0, 8), Date.UTC(2030, 0, 9));
    model.reserveSlot({ eventTypeId: typeId, slotStart: new Date(slot?.start ?? 0).toISOString() });
    now += 5 * 60_000 + 1;
    left.closedTab = model.liveReservations().length;

    const worstPerChoice = Math.max(...perChoice);
    const worstLeft = Math.max(...Object.values(left));
    return [
      {
        id: 'reservations.perChoice',
        row: 'Reservation requests per chosen time',
        figure: perChoice.join(', '),
        value: worstPerChoice,
        budget: '1',
        pass: perChoice.every((count) => count === 1),
        method: `useCalBookingFlow in StrictMode, jsdom, sandbox over HTTP; POST /v2/slots/reservations per selectSlot, counted ${QUIET_MS} ms after the hold`,
        details: { perChoice },
      },
      {
        id: 'reservations.leftBehind',
        row: 'Reservations left behind (another choice, Back, unmount, closed tab)',
        figure: `${left.anotherChoice}, ${left.back}, ${left.unmount}, ${left.closedTab}`,
        value: worstLeft,
        budget: '0',
        pass: worstLeft === 0,
        method: `live reservations at the sandbox ${QUIET_MS} ms after each; closed tab: the fake's model 5 min + 1 ms after the hold (Cal.com's expiry)`,
        details: left,
      },
    ];
  } finally {
    await sandbox.close();
  }
}
