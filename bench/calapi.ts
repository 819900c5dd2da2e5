// Cal.com API v2 through the managed token, against the sandbox over real HTTP on 127.0.0.1:
// - a 498 storm: 20 concurrent calls meet an expired token; how many AISquare token requests and
//   Cal.com requests does that cost?
// - slots paging: useCalSlots shows a week, moves a week forward and back; how many slots requests?
import { installDom, sleep } from './lib/dom.js';
import type { BenchRow } from './lib/types.js';

const STORM_CALLS = 20;
const STORM_CAL_BUDGET = 40;
const DAY_MS = 86_400_000;

const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/** Polls `condition` every 20 ms (the sandbox's counters change outside React). */
async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export async function measure(): Promise<BenchRow[]> {
  installDom();
  const React = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { QueryClient } = await import('@tanstack/react-query');
  const { BookingsProvider, createBookingsSession, getCalApi } = await import('../src/index.js');
  const { SlotsRange } = await import('./lib/consumers.js');
  const { startSandbox } = await import('../src/sandbox/index.js');
  const sandbox = await startSandbox();
  const rows: BenchRow[] = [];
  try {
    // The storm, with the framework-free session (as a server or worker would use it).
    const jwt = await sandbox.issueJwt('bench-storm');
    const session = createBookingsSession({
      baseUrl: sandbox.url,
      jwt,
      queryClient: new QueryClient(),
      crossTab: false,
    });
    const unmount = session.mount();
    const calApi = getCalApi(session);
    await calApi.me();
    sandbox.expireCalTokens('bench-storm');
    const before = sandbox.counts();
    const started = performance.now();
    await Promise.all(Array.from({ length: STORM_CALLS }, () => calApi.me()));
    const seconds = (performance.now() - started) / 1000;
    const after = sandbox.counts();
    unmount();
    const tokenRequests = after.token - before.token;
    const calRequests = after['cal.me'] - before['cal.me'];
    rows.push({
      id: 'calapi.storm',
      row: `498 storm: ${STORM_CALLS} concurrent calls with an expired token → token requests, Cal.com requests`,
      figure: `${tokenRequests} token, ${calRequests} Cal.com`,
      value: tokenRequests,
      budget: `1 token, ≤ ${STORM_CAL_BUDGET} Cal.com`,
      pass: tokenRequests === 1 && calRequests <= STORM_CAL_BUDGET,
      method: `getCalApi(session).me() ×${STORM_CALLS} after sandbox.expireCalTokens(); counted by the sandbox over real HTTP; all resolved in ${seconds.toFixed(1)} s (the token manager keeps 5 s between token requests)`,
      details: { tokenRequests, calRequests, seconds },
    });

    // Slots paging, through the hook in a provider, as a booking page would.
    const slotsJwt = await sandbox.issueJwt('bench-slots');
    const probe = createBookingsSession({
      baseUrl: sandbox.url,
      jwt: slotsJwt,
      queryClient: new QueryClient(),
      crossTab: false,
    });
    const stopProbe = probe.mount();
    const eventTypes = await getCalApi(probe).eventTypes();
    stopProbe();
    const eventTypeId = eventTypes.find((type) => !type.hidden)?.id;
    if (eventTypeId === undefined) throw new Error('the sandbox seeded no event type');
    let shown = -1;
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    const render = (week: number) =>
      root.render(
        React.createElement(
          React.StrictMode,
          null,
          React.createElement(
            BookingsProvider,
            { baseUrl: sandbox.url, jwt: slotsJwt, crossTab: false },
            React.createElement(SlotsRange, {
              eventTypeId,
              start: day(7 + week * 7),
              end: day(13 + week * 7),
              onShown: (on: boolean) => {
                shown = on ? week : -1;
              },
            }),
          ),
        ),
      );
    const slotsCount = () => sandbox.counts()['cal.slots'];
    const steps: { step: string; requests: number }[] = [];
    const settle = async (step: string, week: number, expected: number) => {
      const start = slotsCount();
      render(week);
      await until(() => shown === week, 10_000, step);
      // The next week's prefetch runs when the browser is idle; give it time to happen (or not).
      await until(
        () => slotsCount() - start >= expected,
        3_000,
        `${step}: ${expected} request(s)`,
      ).catch(() => {});
      await sleep(400);
      steps.push({ step, requests: slotsCount() - start });
    };
    await settle('first week (and the next, prefetched)', 0, 2);
    await settle('a week forward (the week after, prefetched)', 1, 1);
    await settle('back to the first week', 0, 0);
    root.unmount();
    container.remove();
    const total = steps.reduce((sum, step) => sum + step.requests, 0);
    const back = steps[2]?.requests ?? -1;
    // Three distinct weeks were fetched at most once each; the week seen before cost nothing.
    rows.push({
      id: 'calapi.slotsPaging',
      row: 'Slots: a week forward and back → slots requests',
      figure: `${total} for 3 weeks (back: ${back})`,
      value: total,
      budget: '≤ 1 per new week, 0 for a week seen within staleTime',
      pass: total <= 3 && back === 0,
      method: `useCalSlots in <StrictMode><BookingsProvider> against the sandbox; ${steps.map((s) => `${s.step}: ${s.requests}`).join('; ')}`,
      details: { steps },
    });
  } finally {
    await sandbox.close();
  }
  return rows;
}
