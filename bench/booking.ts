// Booking flow: what choosing a day re-renders, and what changing month costs in slots requests.
// CalSlotPicker in StrictMode against the sandbox over HTTP, in jsdom; renders are read from React's
// own commits (the DevTools hook: every fiber that performed work in a commit), not from wrappers.
import { installDom, sleep } from './lib/dom.js';
import type { BenchRow } from './lib/types.js';

const SETTLE_MS = 600;
const MONTH_CHANGES = 3;

interface Fiber {
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

/** React's `PerformedWork` fiber flag: the component's body ran (cleared when a fiber is cloned). */
const PERFORMED_WORK = 1;

function nameOf(type: unknown): string | undefined {
  if (typeof type === 'function') {
    const fn = type as { displayName?: string; name?: string };
    return fn.displayName ?? fn.name;
  }
  if (type && typeof type === 'object' && 'type' in type) {
    return nameOf((type as { type: unknown }).type);
  }
  return undefined;
}

/**
 * Counts, per component name, the fibers that rendered in the commit whose tree `fiber` is in. As
 * React DevTools does: a subtree whose children were not re-created (`alternate.child === child`)
 * was not visited by this render, and its fibers' flags are from an earlier commit.
 */
function countRendered(fiber: Fiber, into: Map<string, number>): void {
  if (fiber.flags & PERFORMED_WORK) {
    const name = nameOf(fiber.type);
    if (name) into.set(name, (into.get(name) ?? 0) + 1);
  }
  if (fiber.alternate && fiber.alternate.child === fiber.child) return;
  for (let child = fiber.child; child; child = child.sibling) countRendered(child, into);
}

export async function measure(): Promise<BenchRow[]> {
  installDom();
  // Before react-dom loads: React reports every commit to the DevTools hook.
  let recording: Map<string, number> | null = null;
  (globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      if (recording) countRendered(root.current, recording);
    },
    onPostCommitFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
  };
  const { createElement, StrictMode } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { BookingsProvider, CalSlotPicker, createBookingsClient } = await import('../src/index.js');
  const { startSandbox } = await import('../src/sandbox/index.js');
  const sandbox = await startSandbox({ tokenTtlSeconds: 3600 });
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  try {
    const sub = 'bench-booking';
    const jwt = await sandbox.issueJwt(sub);
    await createBookingsClient({ baseUrl: sandbox.url, getAuthToken: () => jwt }).refreshToken({});
    const eventType = sandbox.calModel.eventTypes(sub).find((type) => type.slug === '30min');
    if (!eventType) throw new Error('the sandbox has no 30min event type');

    let slotRequests = 0;
    const countingFetch: typeof fetch = (input, init) => {
      if (new URL(new Request(input, init).url).pathname.endsWith('/v2/slots')) slotRequests++;
      return fetch(input, init);
    };
    const now = new Date();
    const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
      .toISOString()
      .slice(0, 7);
    root.render(
      createElement(
        StrictMode,
        null,
        createElement(
          BookingsProvider,
          { baseUrl: sandbox.url, getAuthToken: () => jwt, fetch: countingFetch },
          createElement(CalSlotPicker, {
            eventTypeId: eventType.id,
            timeZone: 'UTC',
            defaultMonth: firstMonth,
          }),
        ),
      ),
    );

    const picker = () => container.querySelector('.aisq-slot-picker');
    const until = async (what: string, condition: () => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(10);
      }
    };
    const ready = () => picker()?.getAttribute('data-state') === 'ready';
    const freeDays = () => [
      ...container.querySelectorAll<HTMLElement>(
        '[role="gridcell"][data-available="true"]:not([aria-disabled="true"])',
      ),
    ];
    await until('the first month', () => ready() && freeDays().length >= 2);
    await sleep(SETTLE_MS);

    // Choosing a day (after a first one, as a person comparing days does).
    freeDays()[0]?.click();
    await until('times', () => container.querySelectorAll('.aisq-slot-picker__time').length > 0);
    await sleep(SETTLE_MS);
    const rendered = new Map<string, number>();
    recording = rendered;
    freeDays()[1]?.click();
    await sleep(SETTLE_MS);
    recording = null;
    const grid = rendered.get('SlotPickerGrid') ?? 0;
    const times = rendered.get('SlotPickerTimes') ?? 0;
    const days = rendered.get('SlotPickerDay') ?? 0;

    // Changing month: one slots request each (the month after is prefetched while idle).
    const perChange: number[] = [];
    // The first change is also recorded: it must render the grid (the counter sees a grid render).
    const onMonthChange = new Map<string, number>();
    for (let change = 0; change < MONTH_CHANGES; change++) {
      recording = change === 0 ? onMonthChange : null;
      const before = slotRequests;
      const month = container.querySelector('.aisq-slot-picker__month')?.textContent;
      container.querySelector<HTMLElement>('[data-direction="next"]')?.click();
      await until('the next month', () => {
        const shown = container.querySelector('.aisq-slot-picker__month')?.textContent;
        return shown !== month && ready();
      });
      await sleep(SETTLE_MS);
      perChange.push(slotRequests - before);
    }
    recording = null;
    const gridOnMonthChange = onMonthChange.get('SlotPickerGrid') ?? 0;
    const renderPass = grid === 0 && times > 0 && days <= 2 && gridOnMonthChange > 0;
    const backBefore = slotRequests;
    container.querySelector<HTMLElement>('[data-direction="previous"]')?.click();
    await sleep(SETTLE_MS);
    const back = slotRequests - backBefore;

    return [
      {
        id: 'booking.dayRenders',
        row: 'Renders: choosing a day in CalSlotPicker',
        figure: `grid ${grid}, times ${times}, day cells ${days}`,
        value: grid,
        budget: 'grid 0, times > 0, at most the two cells that changed',
        pass: renderPass,
        method: `fibers that rendered in React's commits (DevTools hook, PerformedWork, untouched subtrees skipped), StrictMode, jsdom, sandbox over HTTP; the second of two day choices; a month change renders the grid ${gridOnMonthChange}× (the counter's control); ${Object.entries(
          Object.fromEntries(rendered),
        )
          .map(([name, count]) => `${name} ${count}`)
          .join(', ')}`,
        details: {
          rendered: Object.fromEntries(rendered),
          onMonthChange: Object.fromEntries(onMonthChange),
        },
      },
      {
        id: 'booking.monthRequests',
        row: 'Requests: changing month in CalSlotPicker',
        figure: `${perChange.join(', ')} per change; back ${back}`,
        value: Math.max(...perChange),
        budget: '1 GET /v2/slots per change',
        pass: perChange.every((count) => count === 1),
        method: `${MONTH_CHANGES} "Next month" clicks from ${firstMonth}, GET /v2/slots counted in the provider's fetch, ${SETTLE_MS} ms settle after each (the month after the shown one is prefetched while idle); going back is cached`,
        details: { perChange, back },
      },
    ];
  } finally {
    root.unmount();
    container.remove();
    await sandbox.close();
  }
}
